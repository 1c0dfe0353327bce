/** lib/catalog/links — the shop's catalogue URLs, built in one place. Pure. */
import { DEFAULT_SORT, type ProductSort } from './listing';

/** A product page. */
export function productHref(slug: string): string {
  return `/products/${encodeURIComponent(slug)}`;
}

/** A category page; the default sort and the first page are left out of the URL. */
export function categoryHref(slug: string, { sort, page }: { sort?: ProductSort; page?: number } = {}): string {
  const q = new URLSearchParams();
  if (sort && sort !== DEFAULT_SORT) q.set('sort', sort);
  if (page && page > 1) q.set('page', String(page));
  const query = q.toString();
  return `/categories/${encodeURIComponent(slug)}${query ? `?${query}` : ''}`;
}

/** The search page for a query. */
export function searchHref(q: string): string {
  return `/search?${new URLSearchParams({ q }).toString()}`;
}
