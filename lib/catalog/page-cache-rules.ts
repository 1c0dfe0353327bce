/**
 * Which requests may be answered from the shared page cache of the public shop — pure rules, used
 * by proxy.ts (to route the request) and by the cache's route handler (which checks again: a
 * rewritten URL can also be called directly).
 *
 * Only what every anonymous visitor sees alike is cached: the home page, category pages and product
 * pages, for a visitor with neither a session nor a cart (their header is the same for all), as a
 * plain document request (client-side navigations ask for RSC data and are rendered as before).
 */
export const PAGE_CACHE_ROUTE = '/api/page-cache';
/** Sent by the cache to render a page itself, and by anyone wanting the page rendered fresh. */
export const BYPASS_HEADER = 'x-comptoir-cache';
/**
 * The page asked for, passed by proxy.ts to the cache's route as a request header: in the
 * rewritten request, Next still gives the route handler the visitor's URL, not the rewritten one.
 */
export const PAGE_KEY_HEADER = 'x-comptoir-page-key';

const PATHS = [/^\/$/, /^\/categories\/[a-z0-9][a-z0-9-]{0,199}$/, /^\/products\/[a-z0-9][a-z0-9-]{0,199}$/];
const QUERY: Record<string, RegExp> = { sort: /^[a-z_]{1,20}$/, page: /^\d{1,5}$/ };

/** The cache key for a path and query string, or null when the request is not cacheable. */
export function cacheKeyOf(pathname: string, search: URLSearchParams): string | null {
  if (!PATHS.some((p) => p.test(pathname))) return null;
  const kept: string[] = [];
  for (const [k, v] of search) {
    const rule = QUERY[k];
    if (!rule || !rule.test(v) || pathname.startsWith('/products/') || pathname === '/') return null;
    kept.push(`${k}=${v}`);
  }
  if (kept.length > 2) return null;
  return kept.length ? `${pathname}?${kept.sort().join('&')}` : pathname;
}

/** Cookies that make the page personal: a session (the header shows the account) or a cart. */
export function isPersonal(cookieHeader: string | null): boolean {
  return cookieHeader !== null && /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=|(?:^|;\s*)comptoir_cart=/.test(cookieHeader);
}

export interface RequestFacts {
  method: string;
  pathname: string;
  search: URLSearchParams;
  cookie: string | null;
  /** Client-side navigations and prefetches (`RSC` header) want RSC data, not the document. */
  rsc: boolean;
  bypass: boolean;
}

/** The key of a request the shared cache may answer, or null. */
export function cacheableKey(r: RequestFacts): string | null {
  if (r.method !== 'GET' || r.rsc || r.bypass || isPersonal(r.cookie)) return null;
  return cacheKeyOf(r.pathname, r.search);
}
