/**
 * First-load JavaScript of a page, as a browser would fetch it on a cold visit: every same-origin
 * `<script src>` of the served HTML plus the scripts Next asks the browser to preload
 * (`<link rel="modulepreload">`, `<link rel="preload" as="script">`), deduplicated, each fetched and
 * gzipped here with node:zlib at level 9, so the figure is deterministic whatever compression the
 * server applies (or not). Inline scripts (the RSC payload) are part of the HTML, not counted here;
 * `nomodule` scripts are skipped (no modern browser loads them).
 *
 * Used by the benchmark runner (bench/run.ts) and by the CLI of bench/lighthouse.ts.
 * Target (issue #9): ≤ 150 kB gzip for shop pages.
 */
import { gzipSync, constants as zlibConstants } from 'node:zlib';

export type FirstLoadJs = { scripts: number; gzipBytes: number; rawBytes: number };

/** Attributes of one start tag, names lower-cased, values entity-decoded (`&amp;` only matters in URLs). */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-zA-Z0-9-]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(re)) {
    const name = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (!attrs.has(name)) attrs.set(name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'"));
  }
  return attrs;
}

/** Same-origin script URLs a browser fetches on first load of this HTML, in document order, deduplicated. */
export function scriptUrlsOf(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const seen = new Set<string>();
  const urls: string[] = [];
  const add = (href: string | undefined) => {
    if (!href) return;
    let u: URL;
    try {
      u = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (u.origin !== origin) return;
    u.hash = '';
    const key = u.href;
    if (seen.has(key)) return;
    seen.add(key);
    urls.push(key);
  };
  // Comments may hold markup that is never loaded.
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of markup.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = m[0];
    const attrs = attributesOf(tag);
    if (m[1]!.toLowerCase() === 'script') {
      if (!attrs.has('src') || attrs.has('nomodule')) continue;
      const type = (attrs.get('type') ?? '').trim().toLowerCase();
      // Only executable scripts (no type, a JavaScript MIME type, or module).
      if (type && type !== 'module' && !/^(text|application)\/(x-)?(java|ecma)script$/.test(type)) continue;
      add(attrs.get('src'));
    } else {
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const as = (attrs.get('as') ?? '').toLowerCase();
      if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) add(attrs.get('href'));
    }
  }
  return urls;
}

async function fetchOk(url: string, accept: string): Promise<Response> {
  const res = await fetch(url, { headers: { accept }, redirect: 'follow' });
  if (!res.ok) throw new Error(`firstLoadJs: GET ${url} answered ${res.status} ${res.statusText}`);
  return res;
}

/**
 * First-load JS of `path` on `baseUrl` (e.g. `firstLoadJs('http://localhost:3203', '/')`):
 * the number of scripts, their decoded size and their size gzipped at level 9.
 */
export async function firstLoadJs(baseUrl: string, path: string): Promise<FirstLoadJs> {
  const pageUrl = new URL(path, baseUrl).href;
  const htmlRes = await fetchOk(pageUrl, 'text/html');
  // After redirects, resolve relative URLs against the final address.
  const finalUrl = htmlRes.url || pageUrl;
  const html = await htmlRes.text();
  const urls = scriptUrlsOf(html, finalUrl);
  const sizes = await Promise.all(
    urls.map(async (url) => {
      // fetch() decodes any content-encoding, so these are the script's own bytes.
      const body = Buffer.from(await (await fetchOk(url, '*/*')).arrayBuffer());
      const gz = gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION });
      return { raw: body.length, gzip: gz.length };
    }),
  );
  return {
    scripts: urls.length,
    rawBytes: sizes.reduce((s, x) => s + x.raw, 0),
    gzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
  };
}
