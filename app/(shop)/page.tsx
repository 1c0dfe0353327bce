import Link from 'next/link';
import { EmptyState } from '@/app/_components/empty-state';
import { ProductGrid } from '@/app/_components/product-card';
import { getDb } from '@/db/client';
import { categoryHref } from '@/lib/catalog/links';
import { listCategories, listFeaturedProducts } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';

export const dynamic = 'force-dynamic';

export default async function ShopHome() {
  const db = await getDb();
  const [featured, cats] = await Promise.all([listFeaturedProducts(db), listCategories(db)]);
  return (
    <>
      <section className="mb-10 rounded-2xl bg-gradient-to-br from-amber-50 to-orange-100 px-6 py-10 sm:px-10">
        <h1 className="max-w-2xl text-3xl font-semibold tracking-tight text-neutral-900">{t.shop.heroTitle}</h1>
        <p className="mt-3 text-neutral-700">{t.shop.heroText}</p>
        <p className="mt-4 text-sm text-neutral-700">
          {t.shop.b2bPrompt}{' '}
          <Link href="/login?callbackUrl=%2Fb2b" className="font-medium text-accent-700 underline">
            {t.shop.b2bPromptLink}
          </Link>
        </p>
      </section>

      <section aria-labelledby="featured" className="mb-10">
        <h2 id="featured" className="mb-4 text-xl font-semibold">
          {t.shop.featured}
        </h2>
        {featured.length === 0 ? <EmptyState title={t.shop.noFeatured} /> : <ProductGrid products={featured} />}
      </section>

      <section aria-labelledby="rayons">
        <h2 id="rayons" className="mb-4 text-xl font-semibold">
          {t.shop.categories}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {cats.map((c) => (
            <li key={c.id} className="relative rounded-xl border border-neutral-200 bg-white p-4 transition-shadow focus-within:ring-2 focus-within:ring-accent-600 hover:shadow-md">
              <h3 className="font-medium">
                <Link href={categoryHref(c.slug)} className="after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none">
                  {c.name}
                </Link>
              </h3>
              {c.description ? <p className="mt-1 text-sm text-neutral-600">{c.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
