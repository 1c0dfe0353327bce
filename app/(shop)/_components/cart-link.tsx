import Link from 'next/link';
import { t } from '@/lib/i18n';

/** The header's cart link with the number of units in the cart. */
export function CartLink({ count }: { count: number }) {
  const m = t.catalog.header;
  return (
    <Link
      href="/cart"
      className="inline-flex items-center gap-1.5 rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 4h2l2.2 10.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.2" />
        <circle cx="9.5" cy="19.5" r="1.3" />
        <circle cx="17" cy="19.5" r="1.3" />
      </svg>
      <span>{m.cart}</span>
      <span
        aria-hidden="true"
        className={`tabular min-w-5 rounded-full px-1.5 text-center text-xs font-semibold leading-5 ${count > 0 ? 'bg-accent-600 text-white' : 'bg-neutral-200 text-neutral-700'}`}
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">({m.cartCount(count)})</span>
    </Link>
  );
}
