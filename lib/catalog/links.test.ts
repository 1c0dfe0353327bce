import { describe, expect, it } from 'vitest';
import { categoryHref, productHref, searchHref } from './links';

describe('catalogue links', () => {
  it.each([
    [categoryHref('mobilier'), '/categories/mobilier'],
    [categoryHref('mobilier', { sort: 'name', page: 1 }), '/categories/mobilier'],
    [categoryHref('mobilier', { sort: 'price_asc' }), '/categories/mobilier?sort=price_asc'],
    [categoryHref('mobilier', { sort: 'price_desc', page: 3 }), '/categories/mobilier?sort=price_desc&page=3'],
    [categoryHref('a b/c'), '/categories/a%20b%2Fc'],
    [productHref('cafe-moulu-pur-arabica-250-g'), '/products/cafe-moulu-pur-arabica-250-g'],
    [productHref('x?y#z'), '/products/x%3Fy%23z'],
    [searchHref('cafés & thé'), '/search?q=caf%C3%A9s+%26+th%C3%A9'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
