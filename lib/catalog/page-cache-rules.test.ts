import { describe, expect, it } from 'vitest';
import { cacheableKey, cacheKeyOf, isPersonal } from './page-cache-rules';

const q = (s: string) => new URLSearchParams(s);

describe('cacheKeyOf', () => {
  it.each([
    ['/', '', '/'],
    ['/categories/papeterie', '', '/categories/papeterie'],
    ['/categories/papeterie', 'sort=price_asc&page=2', '/categories/papeterie?page=2&sort=price_asc'],
    ['/categories/papeterie', 'page=2&sort=price_asc', '/categories/papeterie?page=2&sort=price_asc'],
    ['/products/stylo-bille', '', '/products/stylo-bille'],
  ])('%s?%s is cached as %s', (path, search, key) => {
    expect(cacheKeyOf(path, q(search))).toBe(key);
  });

  it.each([
    ['/account', ''],
    ['/b2b/catalogue', ''],
    ['/admin/orders', ''],
    ['/categories/', ''],
    ['/categories/Papeterie', ''],
    ['/categories/a/b', ''],
    ['/products/x', 'sort=name'],
    ['/', 'page=2'],
    ['/categories/papeterie', 'utm_source=mail'],
    ['/categories/papeterie', 'page=abc'],
    ['/categories/papeterie', 'page=1&page=2&sort=name'],
    ['/search', 'q=stylo'],
  ])('%s?%s is not cached', (path, search) => {
    expect(cacheKeyOf(path, q(search))).toBeNull();
  });
});

describe('isPersonal', () => {
  it.each([
    [null, false],
    ['', false],
    ['next-auth.csrf-token=abc; next-auth.callback-url=x', false],
    ['next-auth.session-token=abc', true],
    ['a=1; __Secure-next-auth.session-token=abc', true],
    ['next-auth.session-token.0=abc', true],
    ['comptoir_cart=1b2c', true],
    ['x=1; comptoir_cart=1b2c', true],
    ['notcomptoir_cart=1', false],
  ])('%s → %s', (cookie, personal) => {
    expect(isPersonal(cookie)).toBe(personal);
  });
});

describe('cacheableKey', () => {
  const base = { method: 'GET', pathname: '/categories/papeterie', search: q(''), cookie: null, rsc: false, bypass: false };
  it('caches the anonymous document request', () => {
    expect(cacheableKey(base)).toBe('/categories/papeterie');
  });
  it.each([
    ['a POST (server action)', { method: 'POST' }],
    ['an RSC navigation', { rsc: true }],
    ['a request asking for a fresh render', { bypass: true }],
    ['a signed-in visitor', { cookie: 'next-auth.session-token=x' }],
    ['a visitor with a cart', { cookie: 'comptoir_cart=y' }],
  ])('never answers %s from the cache', (_, change) => {
    expect(cacheableKey({ ...base, ...change })).toBeNull();
  });
});
