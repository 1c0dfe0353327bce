import Link from 'next/link';
import { t } from '@/lib/i18n';

/**
 * A 404 inside the shop: says what was not found and offers the way on (search, rayons, home).
 * No query here: Next renders a segment's not-found element along with each of its pages, so a
 * list of rayons read here would cost every category and product page a statement.
 */
export function CatalogNotFound({ title, text }: { title: string; text: string }) {
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <p className="text-sm font-semibold text-neutral-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-neutral-600">{text}</p>
      <p className="mt-1 text-neutral-600">{t.catalog.notFound.searchInstead}</p>
      <nav aria-label={t.catalog.allCategories} className="mt-6 flex flex-wrap justify-center gap-4 text-sm font-medium">
        <Link href="/#rayons" className="text-accent-700 hover:underline">
          {t.catalog.allCategories}
        </Link>
        <Link href="/" className="text-accent-700 hover:underline">
          {t.errors.backHome}
        </Link>
      </nav>
    </div>
  );
}
