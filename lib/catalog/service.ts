import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { categories, products } from '@/db/schema';

export interface ProductCard {
  id: string;
  sku: string;
  slug: string;
  name: string;
  unit: string;
  vatRateBp: number;
  b2cPriceTtcCents: number;
  stockOnHand: number;
}

const cardColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  unit: products.unit,
  vatRateBp: products.vatRateBp,
  b2cPriceTtcCents: products.b2cPriceTtcCents,
  stockOnHand: products.stockOnHand,
};

/** Featured active products for the shop's home page (public data). */
export async function listFeaturedProducts(db: Database, limit = 8): Promise<ProductCard[]> {
  return db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.isFeatured, true), eq(products.isActive, true)))
    .orderBy(asc(products.name))
    .limit(limit);
}

export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  description: string | null;
}

/** Top-level categories in their display order (public data). */
export async function listCategories(db: Database): Promise<CategorySummary[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.name))
    .limit(100);
}
