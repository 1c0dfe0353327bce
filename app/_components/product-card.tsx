import Link from 'next/link';
import { availabilityOf } from '@/lib/catalog/availability';
import { consumerUnitPrice } from '@/lib/catalog/display-price';
import { productHref } from '@/lib/catalog/links';
import type { ProductCard as ProductCardData } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';
import { Money } from './money';
import { ProductImage } from './product-image';

/** What a shopper is told about stock, with its colour (text colours meet AA on white). */
export function availabilityText(stockOnHand: number): { label: string; className: string } {
  const a = availabilityOf(stockOnHand);
  if (a.kind === 'out_of_stock') return { label: t.catalog.product.outOfStock, className: 'text-red-700' };
  if (a.kind === 'low') return { label: t.catalog.product.lowStock(a.remaining), className: 'text-amber-800' };
  return { label: t.catalog.product.inStock, className: 'text-green-700' };
}

/**
 * A product in a grid: generated picture, name (the link to the product page, stretched over the
 * whole card), price TTC, VAT rate and availability.
 */
export function ProductCard({ product, headingLevel = 3 }: { product: ProductCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const price = consumerUnitPrice(product.b2cPriceTtcCents, product.vatRateBp);
  const availability = availabilityText(product.stockOnHand);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-accent-600 hover:shadow-md">
      <ProductImage name={product.name} categorySlug={product.categorySlug} />
      <div className="flex flex-1 flex-col p-3 sm:p-4">
        <Heading className="text-sm font-medium leading-snug text-neutral-900">
          <Link
            href={productHref(product.slug)}
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-hover:underline"
          >
            {product.name}
          </Link>
        </Heading>
        <p className="mt-auto pt-2 text-lg font-semibold">
          <Money cents={price.grossCents} suffix="TTC" />
        </p>
        <p className="text-xs text-neutral-600">
          {t.shop.vatRate} {formatRateBp(product.vatRateBp)} · <span className={availability.className}>{availability.label}</span>
        </p>
      </div>
    </article>
  );
}

/** A responsive grid of product cards (the caller handles the empty state). */
export function ProductGrid({ products, headingLevel = 3 }: { products: ProductCardData[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {products.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
