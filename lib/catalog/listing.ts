/**
 * lib/catalog/listing — how a product list is paged and sorted, read from a URL. Pure: no I/O.
 * Anything a person (or a crawler) puts in `?page=` or `?sort=` falls back to a sensible value.
 */

/** Products per page on category and search pages. */
export const CATALOG_PAGE_SIZE = 12;
/** Highest page number read from a URL (deeper pages are clamped to the last one anyway). */
const MAX_PAGE = 10_000;

/** The orders a shopper can choose, the first being the default. */
export const PRODUCT_SORTS = ['name', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const DEFAULT_SORT: ProductSort = 'name';

type ParamValue = string | string[] | undefined;

function first(value: ParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `?sort=` as a known order, else the default. */
export function parseSort(value: ParamValue): ProductSort {
  const v = first(value);
  return (PRODUCT_SORTS as readonly string[]).includes(v ?? '') ? (v as ProductSort) : DEFAULT_SORT;
}

/** `?page=` as a whole number from 1, else 1 ("2", " 3 " are read; "0", "-1", "2.5", "abc" are not). */
export function parsePage(value: ParamValue): number {
  const v = first(value)?.trim() ?? '';
  if (!/^\d{1,6}$/.test(v)) return 1;
  const n = Number(v);
  return n >= 1 ? Math.min(n, MAX_PAGE) : 1;
}

/** `?q=` as text (the first value, at most 200 characters), '' when absent. */
export function parseQuery(value: ParamValue): string {
  return (first(value) ?? '').slice(0, 200);
}

/** How many pages `total` items fill, at least one (an empty list is one empty page). */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A requested page brought within 1…pageCount: an old link past the end shows the last page. */
export function clampPage(page: number, pageCount: number): number {
  return Math.min(Math.max(1, Math.trunc(page) || 1), Math.max(1, pageCount));
}
