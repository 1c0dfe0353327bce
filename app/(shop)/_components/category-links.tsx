import Link from 'next/link';
import { categoryHref } from '@/lib/catalog/links';
import type { CategorySummary } from '@/lib/catalog/service';

/** The rayons as a row of links: where to go from an empty list or a failed search. */
export function CategoryLinks({ categories, label }: { categories: CategorySummary[]; label: string }) {
  if (categories.length === 0) return null;
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap justify-center gap-2">
        {categories.map((c) => (
          <li key={c.id}>
            <Link
              href={categoryHref(c.slug)}
              className="inline-block rounded-full border border-neutral-300 bg-white px-3 py-1.5 text-sm text-neutral-800 hover:border-accent-600 hover:text-accent-700"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
