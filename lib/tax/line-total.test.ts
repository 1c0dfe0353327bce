import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaxInputError } from './errors';
import { computeLineTotal } from './line-total';
import { divRoundHalfAwayBig } from './rounding';

function reference(qm: number, price: number, discount: number, base: number): bigint {
  return divRoundHalfAwayBig(BigInt(qm) * BigInt(price) * BigInt(10000 - discount), 10_000_000n * BigInt(base));
}

describe('computeLineTotal', () => {
  it.each([
    // quantity in thousandths, price, discount, base, expected
    [100_000, 47, 0, 1, 4700], // 100 × 0,47 €
    [3_000, 1999, 0, 1, 5997],
    [1_500, 1, 0, 1, 2], // 1,5 cent → 2 (half away from zero)
    [2_500, 1, 0, 1, 3], // 2,5 → 3, not 2
    [500, 1, 0, 1, 1],
    [400, 1, 0, 1, 0],
    [1_000, 1000, 500, 1, 950], // 5 % discount
    [1_000, 1000, 10000, 1, 0], // 100 % discount
    [1_000, 1005, 5000, 1, 503], // 502,5 → 503
    [250_000, 1234, 0, 100, 3085], // 250 × 12,34 € per 100
    [1, 1, 0, 1, 0], // 0,001 × 1 cent
    [3_333, 300, 0, 1, 1000], // 3,333 × 3 € = 9,999 → 10,00
  ])('q=%d‰ × %d ¢, −%d bp, /%d → %d', (qm, price, discount, base, expected) => {
    expect(computeLineTotal(qm, price, discount, base, 0)).toBe(expected);
  });

  it('is exact beyond 2^53 intermediate products (BigInt path)', () => {
    // 1 000 000 × 99 999 999,99 € with 12,34 % discount: the product has 24 digits.
    const qm = 1_000_000_000;
    const price = 9_999_999_999;
    expect(computeLineTotal(qm, price, 1234, 1, 0)).toBe(Number(reference(qm, price, 1234, 1)));
    expect(computeLineTotal(qm, price, 1234, 1, 0)).toBe(8_765_999_999_123_400);
  });

  it('is exact with a huge base quantity', () => {
    // 250 × 10 000 € per 500 000 000 units = 0,5 cent → 1 cent; the denominator is above 2^52.
    expect(computeLineTotal(250_000, 1_000_000, 0, 500_000_000, 0)).toBe(1);
    expect(computeLineTotal(250_000, 999_999, 0, 500_000_000, 0)).toBe(0);
    expect(computeLineTotal(1_000, 9_007_199_254_740_991, 0, 1_000_000_000_000, 0)).toBe(9007);
    expect(computeLineTotal(1_000, 1, 0, Number.MAX_SAFE_INTEGER, 0)).toBe(0);
  });

  it('throws when the total itself is beyond exact range', () => {
    expect(() => computeLineTotal(1_000_000, 9_007_199_254_740_991, 0, 1, 3)).toThrowError(TaxInputError);
    expect(() => computeLineTotal(1_000_000, 9_007_199_254_740_991, 0, 1, 3)).toThrowError(
      /^lines\[3\] total is too large to be computed exactly$/,
    );
    try {
      computeLineTotal(2_000, 9_007_199_254_740_991, 0, 1, 4);
    } catch (e) {
      expect(e).toMatchObject({ code: 'too_large', path: 'lines[4]' });
    }
    // Exactly the largest safe integer is fine.
    expect(computeLineTotal(1_000, 9_007_199_254_740_991, 0, 1, 0)).toBe(9_007_199_254_740_991);
  });

  it('agrees with a BigInt model on small and large values', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000_000_000 })),
        fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000_000 })),
        fc.integer({ min: 0, max: 10000 }),
        fc.constantFrom(1, 10, 100, 1000, 7),
        (qm, price, discount, base) => {
          const expected = reference(qm, price, discount, base);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER)) return;
          expect(computeLineTotal(qm, price, discount, base, 0)).toBe(Number(expected));
        },
      ),
    );
  });
});
