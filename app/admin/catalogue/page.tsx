import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button, buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { productListQuerySchema } from '@/lib/catalog/admin-schemas';
import { listCategoryOptions, listProductsForStaff } from '@/lib/catalog/admin-service';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';
import { StockLevel } from './stock-level';

const m = t.adminCatalog;

export const metadata: Metadata = { title: m.title };

type Search = { q?: string; category?: string; status?: string; page?: string };

export default async function AdminCataloguePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('catalog.manage', '/admin/catalogue');
  const raw = await searchParams;
  const query = productListQuerySchema.parse({
    q: typeof raw.q === 'string' ? raw.q : undefined,
    category: typeof raw.category === 'string' && raw.category ? raw.category : undefined,
    status: typeof raw.status === 'string' && raw.status ? raw.status : undefined,
    page: raw.page,
  });
  const db = await getDb();
  const [result, cats] = await Promise.all([listProductsForStaff(db, actor, query), listCategoryOptions(db, actor)]);
  if (!result.ok || !cats.ok) forbidden();
  const { rows, total, page, pageCount } = result.value;
  const filtered = Boolean(query.q || query.category || query.status);
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]}
        actions={
          <>
            <Link href="/admin/catalogue/categories" className={buttonClass('secondary')}>
              {m.categoriesLink}
            </Link>
            <Link href="/admin/catalogue/new" className={buttonClass('primary')}>
              {m.newProduct}
            </Link>
          </>
        }
      />
      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,0.8fr)_auto]">
        <Input label={m.searchLabel} name="q" type="search" placeholder={m.searchPlaceholder} defaultValue={query.q ?? ''} />
        <Select label={m.categoryFilter} name="category" defaultValue={query.category ?? ''}>
          <option value="">{m.allCategories}</option>
          <option value="none">{m.noCategory}</option>
          {cats.value.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select label={m.statusFilter} name="status" defaultValue={query.status ?? ''}>
          <option value="">{m.allStatuses}</option>
          <option value="active">{m.active}</option>
          <option value="inactive">{m.inactive}</option>
        </Select>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary">
            {m.filter}
          </Button>
          {filtered ? (
            <Link href="/admin/catalogue" className={buttonClass('ghost')}>
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-neutral-600" aria-live="polite">
        {m.resultCount(total)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={m.noProducts}>
          <p>{m.noProductsHint}</p>
        </EmptyState>
      ) : (
        <>
          {/* Below md, a card per product: the eight columns would not fit a phone. */}
          <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white md:hidden" aria-label={m.listCaption}>
            {rows.map((p) => (
              <li key={p.id} className="px-3 py-3">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Link href={`/admin/catalogue/${p.id}`} className="font-medium text-accent-700 hover:underline">
                      {p.name}
                    </Link>
                    <p className="mt-0.5 text-xs text-neutral-500">
                      <span className="font-mono">{p.sku}</span>
                      {p.categoryName ? ` · ${p.categoryName}` : ''} · {m.col.vat} {formatRateBp(p.vatRateBp)}
                    </p>
                  </div>
                  <StatusBadge label={p.isActive ? m.active : m.inactive} tone={p.isActive ? 'success' : 'neutral'} />
                </div>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
                  <span className="flex gap-3">
                    <Money cents={p.b2cPriceTtcCents} suffix="TTC" />
                    <Money cents={p.b2bListPriceHtCents} suffix="HT" />
                  </span>
                  <span className="text-neutral-700">
                    {m.col.stock} <StockLevel stock={p.stockOnHand} />
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white md:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.listCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.col.sku}</th>
                  <th scope="col" className={th}>{m.col.name}</th>
                  <th scope="col" className={th}>{m.col.category}</th>
                  <th scope="col" className={`${th} text-right`}>{m.col.vat}</th>
                  <th scope="col" className={`${th} text-right`}>
                    <abbr title={m.col.b2cPrice} className="no-underline">{m.b2cShort}</abbr>
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    <abbr title={m.col.b2bPrice} className="no-underline">{m.b2bShort}</abbr>
                  </th>
                  <th scope="col" className={`${th} text-right`}>{m.col.stock}</th>
                  <th scope="col" className={th}>{m.col.status}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((p) => (
                  <tr key={p.id} className="hover:bg-neutral-50">
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700">{p.sku}</td>
                    <td className="px-3 py-2">
                      <Link href={`/admin/catalogue/${p.id}`} className="font-medium text-accent-700 hover:underline">
                        {p.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-neutral-700">{p.categoryName ?? <span className="text-neutral-400">—</span>}</td>
                    <td className="tabular whitespace-nowrap px-3 py-2 text-right">{formatRateBp(p.vatRateBp)}</td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={p.b2cPriceTtcCents} suffix="TTC" />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={p.b2bListPriceHtCents} suffix="HT" />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <StockLevel stock={p.stockOnHand} />
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-1">
                        <StatusBadge label={p.isActive ? m.active : m.inactive} tone={p.isActive ? 'success' : 'neutral'} />
                        {p.isFeatured ? <StatusBadge label={m.featuredBadge} tone="info" /> : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/catalogue" params={{ q: query.q, category: query.category, status: query.status }} />
    </>
  );
}
