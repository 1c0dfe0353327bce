import Link from 'next/link';
import { t } from '@/lib/i18n';

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  basePath,
  params = {},
}: {
  page: number;
  pageCount: number;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set('page', String(p));
    return `${basePath}?${q.toString()}`;
  };
  const link = 'rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100';
  return (
    <nav aria-label={t.pagination.label} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          {t.pagination.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-neutral-600">
        {t.pagination.page} {page} {t.pagination.of} {pageCount}
      </span>
      {page < pageCount ? (
        <Link className={link} href={href(page + 1)} rel="next">
          {t.pagination.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
