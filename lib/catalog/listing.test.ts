import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampPage, pageCountOf, parsePage, parseQuery, parseSort } from './listing';

describe('parseSort', () => {
  it.each([
    ['name', 'name'],
    ['price_asc', 'price_asc'],
    ['price_desc', 'price_desc'],
    ['newest', 'newest'],
    [undefined, 'name'],
    ['', 'name'],
    ['PRICE_ASC', 'name'],
    ['price', 'name'],
    [['price_desc', 'newest'], 'price_desc'],
    ['__proto__', 'name'],
  ] as const)('%j → %s', (value, expected) => {
    expect(parseSort(value as string | string[] | undefined)).toBe(expected);
  });
});

describe('parsePage', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    [' 3 ', 3],
    ['007', 7],
    ['0', 1],
    ['-1', 1],
    ['2.5', 1],
    ['1e3', 1],
    ['abc', 1],
    ['', 1],
    [undefined, 1],
    [['4', '5'], 4],
    ['999999', 10_000],
    ['9999999', 1],
  ] as const)('%j → %d', (value, expected) => {
    expect(parsePage(value as string | string[] | undefined)).toBe(expected);
  });

  it('always gives a whole page number from 1', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const page = parsePage(s);
        expect(Number.isInteger(page) && page >= 1 && page <= 10_000).toBe(true);
      }),
    );
  });
});

describe('parseQuery', () => {
  it('takes the first value and caps its length', () => {
    expect(parseQuery(undefined)).toBe('');
    expect(parseQuery(['café', 'thé'])).toBe('café');
    expect(parseQuery('x'.repeat(500))).toHaveLength(200);
  });
});

describe('pages', () => {
  it.each([
    [0, 12, 1],
    [1, 12, 1],
    [12, 12, 1],
    [13, 12, 2],
    [25, 12, 3],
  ])('%d items by %d fill %d page(s)', (total, size, pages) => {
    expect(pageCountOf(total, size)).toBe(pages);
  });

  it.each([
    [1, 3, 1],
    [3, 3, 3],
    [9, 3, 3],
    [0, 3, 1],
    [5, 1, 1],
    [2, 0, 1],
  ])('page %d of %d is shown as %d', (page, count, shown) => {
    expect(clampPage(page, count)).toBe(shown);
  });

  it('a clamped page always exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.nat(500), fc.integer({ min: 1, max: 48 }), (page, total, size) => {
        const count = pageCountOf(total, size);
        const shown = clampPage(page, count);
        expect(shown).toBeGreaterThanOrEqual(1);
        expect(shown).toBeLessThanOrEqual(count);
        expect((shown - 1) * size <= Math.max(0, total - 1)).toBe(true);
      }),
    );
  });
});
