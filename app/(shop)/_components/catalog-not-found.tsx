import Link from 'next/link';
import { getDb } from '@/db/client';
import { listCategories } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { CategoryLinks } from './category-links';

/** A 404 inside the shop: says what was not found and offers the way on (search, rayons, home). */
export async function CatalogNotFound({ title, text }: { title: string; text: string }) {
  const categories = await listCategories(await getDb());
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <p className="text-sm font-semibold text-neutral-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-neutral-600">{text}</p>
      <p className="mt-1 text-neutral-600">{t.catalog.notFound.searchInstead}</p>
      <CategoryLinks categories={categories} label={t.catalog.allCategories} />
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-accent-700 hover:underline">
        {t.errors.backHome}
      </Link>
    </div>
  );
}
