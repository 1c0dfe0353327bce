import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfAwayBig } from './rounding';
import { vatOfGross, vatOfNet } from './vat';

describe('vatOfNet', () => {
  it.each([
    [4700, 2000, 940],
    [91, 2000, 18], // 7 × 0,13 € → 0,182 → 0,18
    [100, 550, 6], // 5,5 → 6
    [5, 1000, 1], // 0,5 → 1
    [4, 1000, 0],
    [-5, 1000, -1], // a refund rounds away from zero too
    [-100, 550, -6],
    [0, 2000, 0],
    [12345, 0, 0],
    [10000, 10000, 10000],
    [9_007_199_254_740_991, 2000, 1_801_439_850_948_198], // BigInt path
    [-9_007_199_254_740_991, 2000, -1_801_439_850_948_198],
    [450_359_962_737, 10000, 450_359_962_737], // product just under 2^52
  ])('round(%d × %d / 10000) = %d', (net, rate, expected) => {
    expect(vatOfNet(net, rate)).toBe(expected);
  });

  it('agrees with BigInt for any safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 10000 }), (net, rate) => {
        expect(vatOfNet(net, rate)).toBe(Number(divRoundHalfAwayBig(BigInt(net) * BigInt(rate), 10000n)));
      }),
    );
  });
});

describe('vatOfGross', () => {
  it.each([
    [5997, 2000, 1000], // 3 × 19,99 € TTC
    [3, 2000, 1], // 0,5 → 1
    [-3, 2000, -1],
    [120, 2000, 20],
    [1055, 550, 55],
    [0, 550, 0],
    [999, 0, 0],
    [200, 10000, 100],
    [9_007_199_254_740_991, 2000, 1_501_199_875_790_165], // BigInt path
    [-9_007_199_254_740_991, 2000, -1_501_199_875_790_165],
  ])('round(%d × %d / (10000 + rate)) = %d', (gross, rate, expected) => {
    expect(vatOfGross(gross, rate)).toBe(expected);
  });

  it('agrees with BigInt for any safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 10000 }), (gross, rate) => {
        expect(vatOfGross(gross, rate)).toBe(
          Number(divRoundHalfAwayBig(BigInt(gross) * BigInt(rate), BigInt(10000 + rate))),
        );
      }),
    );
  });
});
