import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { listNegotiatedCatalogue } from '@/lib/purchasing/catalogue-service';
import { AddToCartForm } from './add-to-cart-form';

export const metadata: Metadata = { title: m.catalogue.title };

type Search = Promise<{ q?: string; page?: string; scope?: string }>;

export default async function B2bCataloguePage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAudience('b2b', '/b2b/catalogue');
  const sp = await searchParams;
  const q = (sp.q ?? '').trim().slice(0, 100);
  const scope = sp.scope === 'all' ? 'all' : 'contract';
  const result = await listNegotiatedCatalogue(await getDb(), actor, { q: q || undefined, page: Number(sp.page) || 1, scope });
  if (!result.ok) forbidden();
  const c = result.value;
  const showAll = c.offContractAllowed && scope === 'all';
  const scopeHref = (s: 'contract' | 'all') => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (s === 'all') p.set('scope', 'all');
    const qs = p.toString();
    return `/b2b/catalogue${qs ? `?${qs}` : ''}`;
  };
  return (
    <>
      <PageHeader title={m.catalogue.title} intro={m.catalogue.intro} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <form role="search" action="/b2b/catalogue" className="flex flex-wrap items-end gap-2">
          {showAll ? <input type="hidden" name="scope" value="all" /> : null}
          <div>
            <label htmlFor="catalogue-q" className="mb-1 block text-sm font-medium text-neutral-800">
              {m.catalogue.search}
            </label>
            <input
              id="catalogue-q"
              name="q"
              type="search"
              defaultValue={q}
              className="w-64 max-w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
            />
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            {m.catalogue.searchButton}
          </button>
        </form>
        {c.offContractAllowed ? (
          <nav aria-label={m.catalogue.scopeLabel} className="inline-flex rounded-md border border-neutral-300 bg-white p-0.5 text-sm">
            {(['contract', 'all'] as const).map((s) => {
              const active = (s === 'all') === showAll;
              return (
                <Link
                  key={s}
                  href={scopeHref(s)}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded px-3 py-1.5 ${active ? 'bg-accent-600 text-white' : 'text-neutral-700 hover:bg-neutral-100'}`}
                >
                  {s === 'all' ? m.catalogue.scopeAll : m.catalogue.scopeContract}
                </Link>
              );
            })}
          </nav>
        ) : null}
      </div>
      <p className="mb-2 text-sm text-neutral-600">{m.catalogue.count(c.total)}</p>
      {c.rows.length === 0 ? (
        <EmptyState title={m.catalogue.empty}>{m.catalogue.emptyHint}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.catalogue.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.common.sku}</th>
                <th scope="col" className="px-3 py-2">{m.common.product}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.common.unitPrice}</th>
                <th scope="col" className="hidden px-3 py-2 text-right md:table-cell">{m.catalogue.stock}</th>
                <th scope="col" className="px-3 py-2 text-right">
                  <span className="sr-only">{m.catalogue.add}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {c.rows.map((p) => (
                <tr key={p.productId} className="align-top">
                  <td className="tabular whitespace-nowrap px-3 py-3 text-neutral-700">{p.sku}</td>
                  <td className="px-3 py-3">
                    <span className="font-medium text-neutral-900">{p.name}</span>
                    {!p.onContract ? (
                      <span className="mt-1 block">
                        <StatusBadge label={m.catalogue.offContractNote} tone="warning" />
                      </span>
                    ) : null}
                    <span className={`mt-1 block text-xs md:hidden ${p.stockOnHand > 0 ? 'text-neutral-600' : 'text-red-700'}`}>
                      {p.stockOnHand > 0 ? m.catalogue.inStock(p.stockOnHand) : m.catalogue.outOfStock}
                    </span>
                  </td>
                  <td className="px-3 py-3 text-right">
                    <span className="font-semibold" data-testid="unit-price">
                      <Money cents={p.price.unitPriceHtCents} suffix="HT" />
                    </span>
                    {p.tiers.length > 0 ? (
                      <ul aria-label={m.catalogue.tiers} className="mt-1 space-y-0.5 text-xs text-neutral-600">
                        {p.tiers.map((tier) => (
                          <li key={tier.minQuantity}>
                            {m.catalogue.tier(tier.minQuantity)} <Money cents={tier.unitPriceHtCents} suffix="HT" />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className={`hidden whitespace-nowrap px-3 py-3 text-right md:table-cell ${p.stockOnHand > 0 ? 'text-neutral-700' : 'text-red-700'}`}>
                    {p.stockOnHand > 0 ? m.catalogue.inStock(p.stockOnHand) : m.catalogue.outOfStock}
                  </td>
                  <td className="px-3 py-3">
                    <AddToCartForm productId={p.productId} name={p.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={c.page} pageCount={c.pageCount} basePath="/b2b/catalogue" params={{ q: q || undefined, scope: showAll ? 'all' : undefined }} />
    </>
  );
}
