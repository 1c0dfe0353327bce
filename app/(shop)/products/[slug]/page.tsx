import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { availabilityText } from '@/app/_components/product-card';
import { Money } from '@/app/_components/money';
import { type Crumb, PageHeader } from '@/app/_components/page-header';
import { ProductImage } from '@/app/_components/product-image';
import { getDb } from '@/db/client';
import { consumerUnitPrice } from '@/lib/catalog/display-price';
import { categoryHref } from '@/lib/catalog/links';
import { getProductBySlug } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';
import { AddToCartForm } from './add-to-cart-form';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

// Metadata and page read the same product: one query per request.
const loadProduct = cache(async (slug: string) => getProductBySlug(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  return product ? { title: product.name, description: product.description || undefined } : {};
}

export default async function ProductPage({ params }: Props) {
  const product = await loadProduct((await params).slug);
  if (!product) notFound();
  const m = t.catalog.product;
  const price = consumerUnitPrice(product.b2cPriceTtcCents, product.vatRateBp);
  const availability = availabilityText(product.stockOnHand);

  const crumbs: Crumb[] = [{ label: t.catalog.home, href: '/' }];
  if (product.category) crumbs.push({ label: product.category.name, href: categoryHref(product.category.slug) });
  crumbs.push({ label: product.name });

  return (
    <>
      <PageHeader title={product.name} crumbs={crumbs} />
      <div className="grid gap-6 md:grid-cols-2 md:gap-10">
        <div className="aspect-[16/9] self-start overflow-hidden rounded-2xl border border-neutral-200 md:aspect-[4/3]">
          <ProductImage name={product.name} categorySlug={product.categorySlug} cover />
        </div>

        <div className="flex flex-col gap-5">
          <section aria-label={m.buyBox} className="rounded-xl border border-neutral-200 bg-white p-5 shadow-sm">
            <p className="text-3xl font-semibold tracking-tight" data-testid="product-price">
              <Money cents={price.grossCents} suffix="TTC" />
            </p>
            <p className="mt-1 text-sm text-neutral-600">
              {m.vatIncluded(formatRateBp(price.vatRateBp))} · {m.perUnit(product.unit)}
            </p>
            <p className={`mt-3 text-sm font-medium ${availability.className}`}>{availability.label}</p>
            <div className="mt-4">
              <AddToCartForm
                productId={product.id}
                maxQuantity={product.stockOnHand}
                labels={{ quantity: m.quantity, adding: m.adding, addToCart: m.addToCart, outOfStockHint: m.outOfStockHint, viewCart: m.viewCart }}
              />
            </div>
          </section>

          {product.description ? (
            <section aria-labelledby="product-description">
              <h2 id="product-description" className="text-base font-semibold">
                {m.description}
              </h2>
              <p className="mt-1 text-neutral-700">{product.description}</p>
            </section>
          ) : null}

          <section aria-labelledby="product-details">
            <h2 id="product-details" className="text-base font-semibold">
              {m.details}
            </h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
              <dt className="text-neutral-600">{m.reference}</dt>
              <dd className="font-mono text-neutral-900">{product.sku}</dd>
              <dt className="text-neutral-600">{m.unit}</dt>
              <dd className="text-neutral-900">{product.unit}</dd>
              <dt className="text-neutral-600">{m.availability}</dt>
              <dd className={availability.className}>{availability.label}</dd>
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}
