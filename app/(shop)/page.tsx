import Link from 'next/link';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { getDb } from '@/db/client';
import { consumerUnitPrice } from '@/lib/catalog/display-price';
import { listCategories, listFeaturedProducts } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';

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
        {featured.length === 0 ? (
          <EmptyState title={t.shop.noFeatured} />
        ) : (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {featured.map((p) => {
              const price = consumerUnitPrice(p.b2cPriceTtcCents, p.vatRateBp);
              return (
                <li key={p.id} className="flex flex-col rounded-xl border border-neutral-200 bg-white p-4 shadow-sm">
                  <div aria-hidden="true" className="mb-3 flex aspect-[4/3] items-center justify-center rounded-lg bg-amber-50 text-3xl font-semibold text-amber-700">
                    {p.name.slice(0, 1)}
                  </div>
                  <h3 className="text-sm font-medium text-neutral-900">{p.name}</h3>
                  <p className="mt-auto pt-2 text-lg font-semibold">
                    <Money cents={price.grossCents} suffix="TTC" />
                  </p>
                  <p className="text-xs text-neutral-500">
                    {t.shop.vatRate} {formatRateBp(p.vatRateBp)} · {p.stockOnHand > 0 ? t.shop.inStock : t.shop.outOfStock}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="rayons">
        <h2 id="rayons" className="mb-4 text-xl font-semibold">
          {t.shop.categories}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {cats.map((c) => (
            <li key={c.id} className="rounded-xl border border-neutral-200 bg-white p-4">
              <h3 className="font-medium">{c.name}</h3>
              {c.description ? <p className="mt-1 text-sm text-neutral-600">{c.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
