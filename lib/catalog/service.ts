import 'server-only';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { categories, products } from '@/db/schema';
import { CATALOG_PAGE_SIZE, clampPage, pageCountOf, type ProductSort } from './listing';

/** What a product card shows (public data, active products only). */
export interface ProductCard {
  id: string;
  sku: string;
  slug: string;
  name: string;
  unit: string;
  vatRateBp: number;
  b2cPriceTtcCents: number;
  stockOnHand: number;
  /** For the generated picture's colours and pictogram; null when the product has no category. */
  categorySlug: string | null;
}

/** The card columns; every query using them left-joins `categories`. */
export const cardColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  unit: products.unit,
  vatRateBp: products.vatRateBp,
  b2cPriceTtcCents: products.b2cPriceTtcCents,
  stockOnHand: products.stockOnHand,
  categorySlug: categories.slug,
};

/**
 * Names in French reading order whatever the database collation: "Écran" next to "Enveloppes".
 * The stored `comptoir_fold(name)`, so that sorting a list does not fold every row again.
 */
export const foldedName = sql`${products.nameFolded}`;
/** The same as an expression: what the trigram index on comptoir_fold(name) serves (similarity search). */
export const foldedNameExpression = sql`comptoir_fold(${products.name})`;

/** One page of a product list, with what pagination needs. */
export interface ProductPage {
  rows: ProductCard[];
  total: number;
  /** The page shown (a page past the end is brought back to the last one). */
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Featured active products for the shop's home page (public data). */
export async function listFeaturedProducts(db: Database, limit = 8): Promise<ProductCard[]> {
  return db
    .select(cardColumns)
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.isFeatured, true), eq(products.isActive, true)))
    .orderBy(foldedName, asc(products.id))
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

export interface CategoryDetail extends CategorySummary {
  /** The parent rayon, for breadcrumbs. */
  parent: { slug: string; name: string } | null;
}

const parentCategories = alias(categories, 'parent_category');

/** A category by its URL slug, or null (public data). */
export async function getCategoryBySlug(db: Database, slug: string): Promise<CategoryDetail | null> {
  if (slug.length === 0 || slug.length > 200) return null;
  const [row] = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      parentSlug: parentCategories.slug,
      parentName: parentCategories.name,
    })
    .from(categories)
    .leftJoin(parentCategories, eq(parentCategories.id, categories.parentId))
    .where(eq(categories.slug, slug))
    .limit(1);
  if (!row) return null;
  const { parentSlug, parentName, ...category } = row;
  return { ...category, parent: parentSlug !== null && parentName !== null ? { slug: parentSlug, name: parentName } : null };
}

const sortOrders: Record<ProductSort, SQL[]> = {
  name: [foldedName, asc(products.id)],
  price_asc: [asc(products.b2cPriceTtcCents), foldedName, asc(products.id)],
  price_desc: [desc(products.b2cPriceTtcCents), foldedName, asc(products.id)],
  newest: [desc(products.createdAt), foldedName, asc(products.id)],
};

/**
 * The active products of a category and of its direct sub-categories, in the chosen order, one page
 * at a time (public data). Ties are broken by name then id, so pages never overlap.
 *
 * One statement: the page's rows carry the total (`count(*) over ()`). A page past the end (an old
 * link, a crawler) finds no row, hence no total: only then is the list counted and its last page read.
 */
export async function listCategoryProducts(
  db: Database,
  categoryId: string,
  { sort = 'name', page = 1, pageSize = CATALOG_PAGE_SIZE }: { sort?: ProductSort; page?: number; pageSize?: number } = {},
): Promise<ProductPage> {
  const inCategory = and(
    eq(products.isActive, true),
    // One IN over the category and its children, not an OR: the OR made PostgreSQL scan every product.
    sql`${products.categoryId} in (select ${categories.id} from ${categories} where ${categories.id} = ${categoryId} or ${categories.parentId} = ${categoryId})`,
  );
  return pageWithTotal(
    (offset) =>
      db
        .select({ ...cardColumns, total: totalOver })
        .from(products)
        .leftJoin(categories, eq(categories.id, products.categoryId))
        .where(inCategory)
        .orderBy(...sortOrders[sort])
        .limit(pageSize)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(products).where(inCategory))[0]?.n ?? 0,
    page,
    pageSize,
  );
}

/** The number of rows the query matches, repeated on each row of the page (window over the whole result). */
export const totalOver = sql<number>`count(*) over ()`.mapWith(Number);

/**
 * A page of a list whose rows carry the list's total (`totalOver`): one statement for any page
 * within the list. A page past the end finds no row and so no total: then (rarely) the list is
 * counted and its last page read. Page 1 finding nothing is an empty list, without a count.
 */
export async function pageWithTotal<Row extends { total: number }>(
  readPage: (offset: number) => Promise<Row[]>,
  countAll: () => Promise<number>,
  page: number,
  pageSize: number,
): Promise<{ rows: Omit<Row, 'total'>[]; total: number; page: number; pageSize: number; pageCount: number }> {
  let shown = clampPage(page, Number.MAX_SAFE_INTEGER);
  let rows = await readPage((shown - 1) * pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && shown > 1) {
    total = await countAll();
    shown = clampPage(shown, pageCountOf(total, pageSize));
    rows = total === 0 ? [] : await readPage((shown - 1) * pageSize);
    total = rows[0]?.total ?? 0;
    if (total === 0) shown = 1;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total, page: shown, pageSize, pageCount: pageCountOf(total, pageSize) };
}

export interface ProductDetail extends ProductCard {
  description: string;
  category: { slug: string; name: string } | null;
}

/** An active product by its URL slug, or null: an inactive product is not for sale (public data). */
export async function getProductBySlug(db: Database, slug: string): Promise<ProductDetail | null> {
  if (slug.length === 0 || slug.length > 200) return null;
  const [row] = await db
    .select({ ...cardColumns, description: products.description, categoryName: categories.name })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.isActive, true)))
    .limit(1);
  if (!row) return null;
  const { categoryName, ...product } = row;
  return { ...product, category: product.categorySlug !== null && categoryName !== null ? { slug: product.categorySlug, name: categoryName } : null };
}
