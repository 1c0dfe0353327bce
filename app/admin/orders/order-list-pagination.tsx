import Link from 'next/link';
import { t } from '@/lib/i18n';

type Filters = { status?: string; channel?: string; q?: string };

/**
 * First / previous / next / last links of the keyset-paginated order list; each keeps the filters.
 * A link is shown only where there is such a page (nothing at all when everything fits on one).
 */
export function OrderListPagination({ filters, previous, next }: { filters: Filters; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  const m = t.adminOrders;
  const href = (position: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...position })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/admin/orders?${s}` : '/admin/orders';
  };
  const link = 'rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600';
  return (
    <nav aria-label={m.paginationLabel} className="mt-4 grid grid-cols-[1fr_auto_1fr] items-center gap-2 text-sm">
      <div className="flex gap-2">
        {previous ? (
          <>
            <Link className={link} href={href({})}>
              {m.firstPage}
            </Link>
            <Link className={link} href={href({ before: previous })} rel="prev">
              {m.previousPage}
            </Link>
          </>
        ) : null}
      </div>
      <span className="text-neutral-600">{!previous ? m.firstPageHint : !next ? m.lastPageHint : null}</span>
      <div className="flex justify-end gap-2">
        {next ? (
          <>
            <Link className={link} href={href({ after: next })} rel="next">
              {m.nextPage}
            </Link>
            <Link className={link} href={href({ page: 'last' })}>
              {m.lastPage}
            </Link>
          </>
        ) : null}
      </div>
    </nav>
  );
}
