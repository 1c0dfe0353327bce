import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  customType,
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('categories_parent_idx').on(t.parentId, t.sortOrder)],
);

/**
 * The B2C price is stored TTC (what a French shop displays) and the B2B list price HT; neither is
 * ever derived from the other (see spec/tax.md).
 */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default('pièce'),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    vatRateBp: integer('vat_rate_bp').notNull(),
    b2cPriceTtcCents: bigint('b2c_price_ttc_cents', { mode: 'number' }).notNull(),
    b2bListPriceHtCents: bigint('b2b_list_price_ht_cents', { mode: 'number' }).notNull(),
    stockOnHand: integer('stock_on_hand').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    isFeatured: boolean('is_featured').notNull().default(false),
    /**
     * Accent-folded, unstemmed words of the name (weight A), SKU (A) and description (B). The
     * 'simple' configuration plus prefix queries with the plural stripped (lib/catalog/search-query)
     * find "stylo" for "stylos" and "café" for "cafe", which the stock 'french' stemmer does not.
     */
    searchDocument: tsvector('search_document').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', comptoir_fold(name || ' ' || sku)), 'A') || setweight(to_tsvector('simple', comptoir_fold(description)), 'B')`,
    ),
    /** The name in French reading order (see foldedName), stored so that long lists sort without folding each row. */
    nameFolded: text('name_folded').generatedAlwaysAs(sql`comptoir_fold(name)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_stock_non_negative', sql`${t.stockOnHand} >= 0`),
    check('products_vat_rate_range', sql`${t.vatRateBp} between 0 and 10000`),
    check('products_prices_non_negative', sql`${t.b2cPriceTtcCents} >= 0 and ${t.b2bListPriceHtCents} >= 0`),
    check('products_sku_format', sql`${t.sku} ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'`),
    index('products_category_idx').on(t.categoryId, t.name),
    index('products_featured_idx').on(t.isFeatured).where(sql`${t.isFeatured} and ${t.isActive}`),
    index('products_search_idx').using('gin', t.searchDocument),
    index('products_name_trgm_idx').using('gin', sql`comptoir_fold(${t.name}) gin_trgm_ops`),
    index('products_b2c_price_idx').on(t.categoryId, t.b2cPriceTtcCents),
    // Category pages sort by folded name (so "Écran" sits among the E) and by newest.
    index('products_category_name_idx').on(t.categoryId, sql`comptoir_fold(${t.name})`).where(sql`${t.isActive}`),
    index('products_category_newest_idx').on(t.categoryId, t.createdAt.desc()).where(sql`${t.isActive}`),
  ],
);

/**
 * The version of everything the public shop pages show (products, categories, displayed stock).
 * Triggers bump it in the changing transaction, so every app instance's page cache sees a change
 * on its next request (lib/catalog/page-cache.ts). One row.
 */
export const catalogState = pgTable(
  'catalog_state',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (t) => [check('catalog_state_one_row', sql`${t.id} = 1`)],
);
