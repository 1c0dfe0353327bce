import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { listCategoryOptions } from '@/lib/catalog/admin-service';
import { t } from '@/lib/i18n';
import { ProductForm } from '../product-form';
import { emptyProduct } from '../product-values';

const m = t.adminCatalog;

export const metadata: Metadata = { title: m.newTitle };

export default async function NewProductPage() {
  const actor = await requirePermission('catalog.manage', '/admin/catalogue/new');
  const cats = await listCategoryOptions(await getDb(), actor);
  if (!cats.ok) forbidden();
  return (
    <>
      <PageHeader
        title={m.newTitle}
        intro={m.newIntro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/catalogue' }, { label: m.newTitle }]}
      />
      <div className="max-w-4xl">
        <ProductForm initial={emptyProduct} categories={cats.value} />
      </div>
    </>
  );
}
