import 'server-only';
import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { categories, products } from '@/db/schema';
import { CATALOG_PAGE_SIZE, clampPage, pageCountOf } from './listing';
import { toPrefixTsQuery, toSimilarityText } from './search-query';
import { cardColumns, foldedName, type ProductPage } from './service';

/**
 * How the results were found: every word matched ('fulltext'), only names looking alike were found
 * for a probable typo ('similar'), or nothing searchable was typed or found ('none').
 */
export type SearchMode = 'fulltext' | 'similar' | 'none';

export interface SearchResult extends ProductPage {
  mode: SearchMode;
}

/**
 * Typo fallback (pg_trgm word_similarity between the typed words and the folded name). 0.3 is the
 * lowest score that still catches one wrong letter in a five-letter word ("stilo" ~ "stylo" scores
 * 0.33; 0.4 would miss it); names scoring well below the best match are dropped, so "cafee" shows
 * the coffees (0.67) without the "ca…" names that merely share two trigrams (0.33).
 */
export const SIMILARITY_FLOOR = 0.3;
export const SIMILARITY_RELATIVE_CUTOFF = 0.75;
const MAX_PAGE_SIZE = 48;

function emptyResult(pageSize: number): SearchResult {
  return { rows: [], total: 0, page: 1, pageSize, pageCount: 1, mode: 'none' };
}

/**
 * Searches the active products for what a shopper typed (public data): every word must match a
 * word of the name, SKU or description by prefix, accent- and case-insensitively, ranked with name
 * matches first; when that finds nothing, names similar to the words (typos). Garbage or empty
 * input returns nothing, never an error.
 */
export async function searchProducts(
  db: Database,
  q: string,
  { page = 1, pageSize = CATALOG_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
): Promise<SearchResult> {
  const size = Math.min(Math.max(1, Math.trunc(pageSize) || CATALOG_PAGE_SIZE), MAX_PAGE_SIZE);
  const tsquery = toPrefixTsQuery(q);
  if (tsquery === '') return emptyResult(size);

  const query = sql`to_tsquery('simple', ${tsquery})`;
  const matches = and(eq(products.isActive, true), sql`${products.searchDocument} @@ ${query}`);
  const [counted] = await db.select({ n: count() }).from(products).where(matches);
  const total = counted?.n ?? 0;
  if (total > 0) {
    const pageCount = pageCountOf(total, size);
    const shown = clampPage(page, pageCount);
    const rows = await db
      .select(cardColumns)
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(matches)
      .orderBy(desc(sql`ts_rank(${products.searchDocument}, ${query})`), foldedName, asc(products.id))
      .limit(size)
      .offset((shown - 1) * size);
    return { rows, total, page: shown, pageSize: size, pageCount, mode: 'fulltext' };
  }
  return searchSimilarNames(db, toSimilarityText(q), page, size);
}

/**
 * Names that look like the typed words. `<%` is pg_trgm's word-similarity operator, which the GIN
 * index on comptoir_fold(name) serves; its threshold is a setting, raised here for this
 * transaction only.
 */
async function searchSimilarNames(db: Database, words: string, page: number, size: number): Promise<SearchResult> {
  return db.transaction(async (tx: Executor) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_FLOOR)}, true)`);
    const score = sql<number>`word_similarity(${words}, ${foldedName})`;
    const candidates = and(eq(products.isActive, true), sql`${words} <% ${foldedName}`);
    const [best] = await tx.select({ score: max(score) }).from(products).where(candidates);
    const bestScore = Number(best?.score ?? 0);
    if (!(bestScore > 0)) return emptyResult(size);
    const cutoff = Math.max(SIMILARITY_FLOOR, bestScore * SIMILARITY_RELATIVE_CUTOFF);
    const kept = and(candidates, sql`${score} >= ${cutoff}`);
    const [counted] = await tx.select({ n: count() }).from(products).where(kept);
    const total = counted?.n ?? 0;
    if (total === 0) return emptyResult(size);
    const pageCount = pageCountOf(total, size);
    const shown = clampPage(page, pageCount);
    const rows = await tx
      .select(cardColumns)
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(kept)
      .orderBy(desc(score), foldedName, asc(products.id))
      .limit(size)
      .offset((shown - 1) * size);
    return { rows, total, page: shown, pageSize: size, pageCount, mode: 'similar' as const };
  });
}
