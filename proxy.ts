import { type NextRequest, NextResponse } from 'next/server';
import { BYPASS_HEADER, cacheableKey, PAGE_CACHE_ROUTE, PAGE_KEY_HEADER } from '@/lib/catalog/page-cache-rules';

/**
 * Routes the anonymous document requests of the public shop pages to the shared page cache.
 * Only a routing convenience: the cache's handler checks again, and every other request (signed
 * in, with a cart, RSC navigation, action POST) goes to the page as before.
 */
export function proxy(request: NextRequest): NextResponse {
  const key = cacheableKey({
    method: request.method,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.searchParams,
    cookie: request.headers.get('cookie'),
    rsc: request.headers.has('rsc') || request.headers.has('next-router-prefetch'),
    bypass: request.headers.has(BYPASS_HEADER),
  });
  if (!key) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = PAGE_CACHE_ROUTE;
  url.search = '';
  const headers = new Headers(request.headers);
  headers.set(PAGE_KEY_HEADER, key);
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = { matcher: ['/', '/categories/:slug', '/products/:slug'] };
