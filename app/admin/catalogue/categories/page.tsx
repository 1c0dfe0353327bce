import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { listCategoriesForStaff } from '@/lib/catalog/admin-service';
import { t } from '@/lib/i18n';
import { CategoryRow, CreateCategoryForm } from './category-forms';

const m = t.adminCatalog;

export const metadata: Metadata = { title: m.categoriesTitle };

export default async function CategoriesPage() {
  const actor = await requirePermission('catalog.manage', '/admin/catalogue/categories');
  const result = await listCategoriesForStaff(await getDb(), actor);
  if (!result.ok) forbidden();
  const rows = result.value;
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={m.categoriesTitle}
        intro={m.categoriesIntro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/catalogue' }, { label: m.categoriesTitle }]}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        {rows.length === 0 ? (
          <EmptyState title={m.noCategories} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.categoriesCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={`${th} hidden w-16 text-right sm:table-cell`}>{m.sortOrder}</th>
                  <th scope="col" className={th}>{m.categoryName}</th>
                  <th scope="col" className={`${th} hidden md:table-cell`}>{m.categorySlug}</th>
                  <th scope="col" className={`${th} text-right`}>{m.productCount}</th>
                  <th scope="col" className={`${th} text-right`}>{m.actions}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((c) => (
                  <CategoryRow key={c.id} category={c} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CreateCategoryForm />
      </div>
    </>
  );
}
