import Link from 'next/link';
import { categoryHref } from '@/lib/catalog/links';
import { PRODUCT_SORTS, type ProductSort } from '@/lib/catalog/listing';
import { t } from '@/lib/i18n';

/**
 * The sort choice as links (one click, works without JavaScript, each order has its own URL); the
 * current one is marked with aria-current. Changing the order goes back to the first page.
 */
export function SortLinks({ slug, current }: { slug: string; current: ProductSort }) {
  return (
    <nav aria-labelledby="sort-label" className="flex flex-wrap items-center gap-2 text-sm">
      <span id="sort-label" className="text-neutral-600">
        {t.catalog.sortLabel}
      </span>
      <ul className="flex flex-wrap gap-1.5">
        {PRODUCT_SORTS.map((sort) => {
          const active = sort === current;
          return (
            <li key={sort}>
              <Link
                href={categoryHref(slug, { sort })}
                aria-current={active ? 'true' : undefined}
                scroll={false}
                className={`inline-block rounded-full border px-3 py-1 ${
                  active
                    ? 'border-accent-700 bg-accent-700 font-medium text-white'
                    : 'border-neutral-300 bg-white text-neutral-800 hover:border-accent-600 hover:text-accent-700'
                }`}
              >
                {t.catalog.sorts[sort]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
