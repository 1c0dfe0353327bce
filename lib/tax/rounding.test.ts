import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfAway, divRoundHalfAwayBig, floorDivBig, SAFE_HALF } from './rounding';

describe('divRoundHalfAway', () => {
  it.each([
    [0, 10, 0],
    [4, 10, 0],
    [5, 10, 1],
    [6, 10, 1],
    [15, 10, 2],
    [25, 10, 3], // half away from zero, not to even
    [-4, 10, 0],
    [-5, 10, -1],
    [-15, 10, -2],
    [-25, 10, -3],
    [-26, 10, -3],
    [7, 7, 1],
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [-1, 3, 0],
    [-2, 3, -1],
    [SAFE_HALF, 1, SAFE_HALF],
    [SAFE_HALF, SAFE_HALF, 1],
    [SAFE_HALF - 1, SAFE_HALF, 1],
    [SAFE_HALF / 2, SAFE_HALF, 1],
    [SAFE_HALF / 2 - 1, SAFE_HALF, 0],
  ])('round(%d / %d) = %d', (n, d, expected) => {
    expect(Object.is(divRoundHalfAway(n, d), expected)).toBe(true);
  });

  it('never returns -0', () => {
    expect(Object.is(divRoundHalfAway(-1, 10), 0)).toBe(true);
  });

  it('agrees with BigInt over the exact range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -SAFE_HALF, max: SAFE_HALF }),
        fc.integer({ min: 1, max: SAFE_HALF }),
        (n, d) => {
          expect(divRoundHalfAway(n, d)).toBe(Number(divRoundHalfAwayBig(BigInt(n), BigInt(d))));
        },
      ),
    );
  });
});

describe('divRoundHalfAwayBig', () => {
  it.each([
    [0n, 10n, 0n],
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [-25n, 10n, -3n],
    [25n, 10n, 3n],
    [10n ** 30n + 5n, 10n, 10n ** 29n + 1n],
    [-(10n ** 30n) - 4n, 10n, -(10n ** 29n)],
  ])('round(%d / %d) = %d', (n, d, expected) => {
    expect(divRoundHalfAwayBig(n, d)).toBe(expected);
  });

  it('matches the definition: |n/d − q| ≤ 1/2, ties away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divRoundHalfAwayBig(n, d);
        const diff2 = 2n * (n - q * d); // 2·(n − q·d) in [−d, d]
        expect(diff2 <= d && diff2 >= -d).toBe(true);
        if (diff2 === d) expect(n < 0n).toBe(true); // a tie rounded down only for negatives
        if (diff2 === -d) expect(n > 0n).toBe(true);
      }),
    );
  });
});

describe('floorDivBig', () => {
  it.each([
    [7n, 2n, 3n],
    [-7n, 2n, -4n],
    [-6n, 2n, -3n],
    [6n, 2n, 3n],
    [0n, 5n, 0n],
    [-1n, 5n, -1n],
  ])('floor(%d / %d) = %d', (n, d, expected) => {
    expect(floorDivBig(n, d)).toBe(expected);
  });
});
