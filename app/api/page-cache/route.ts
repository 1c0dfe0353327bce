import http from 'node:http';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { catalogVersion, pageStore } from '@/lib/catalog/page-cache';
import { BYPASS_HEADER, cacheableKey, PAGE_KEY_HEADER } from '@/lib/catalog/page-cache-rules';

export const dynamic = 'force-dynamic';

const NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate';

/**
 * The shared page cache of the public shop (see page-cache-rules.ts): proxy.ts routes here the
 * anonymous document requests of the home, category and product pages. One statement per hit (the
 * catalogue version, so a change made through any app instance is seen by all); a miss renders
 * the page through this very server, marked so that it is not routed here again.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const asked = request.headers.get(PAGE_KEY_HEADER);
  if (!asked) return new Response('Not found', { status: 404 });
  const target = new URL(asked, 'http://page');
  const key = cacheableKey({
    method: 'GET',
    pathname: target.pathname,
    search: target.searchParams,
    cookie: request.headers.get('cookie'),
    rsc: request.headers.has('rsc'),
    bypass: request.headers.has(BYPASS_HEADER),
  });
  if (!key) return new Response('Not found', { status: 404 });
  const store = pageStore();
  const version = await catalogVersion(await getDb());
  const hit = store.get(key, version);
  if (hit) return new Response(hit.body, { headers: { 'content-type': hit.contentType, 'cache-control': NO_STORE, [BYPASS_HEADER]: 'hit' } });

  const rendered = await renderHere(key);
  const body = rendered.body;
  const contentType = rendered.headers['content-type'] ?? 'text/html; charset=utf-8';
  if (rendered.status === 200 && !rendered.headers['set-cookie']) store.set(key, version, body, contentType);
  const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': NO_STORE, [BYPASS_HEADER]: 'miss' };
  const location = rendered.headers.location;
  if (location) headers.location = location;
  return new Response(body, { status: rendered.status, headers });
}

/**
 * Renders the page through this very server, marked so that proxy.ts lets it through. node:http
 * rather than fetch: Next's fetch inside a route handler is its own (it answered 200 for a page
 * that is a 404). Never the Host header as target: it comes from the client.
 */
function renderHere(path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: Number(process.env.PORT ?? 3000), path, headers: { [BYPASS_HEADER]: 'render', accept: 'text/html' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}
