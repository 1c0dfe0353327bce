import { describe, expect, it } from 'vitest';
import {
  divRoundHalfAway,
  formatCents,
  formatDecimal,
  formatQuantity,
  formatRateBp,
  parseDecimal,
  quantityToMilli,
  roundToCents,
  writtenDecimals,
} from './decimal';

describe('formatCents', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [-100, '-1.00'],
    [123456789, '1234567.89'],
    [-123456789, '-1234567.89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%d cents → %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('is exact beyond 2^53 with bigint cents', () => {
    expect(formatCents(12345678901234567890n)).toBe('123456789012345678.90');
    expect(formatCents(-1n)).toBe('-0.01');
  });

  it('never prints −0', () => {
    expect(formatCents(-0)).toBe('0.00');
  });

  it('refuses what is not integer cents (a bug upstream)', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
    expect(() => formatCents(2 ** 53)).toThrow(RangeError);
  });
});

describe('formatRateBp and formatQuantity', () => {
  it.each([
    [2000, '20.00'],
    [1000, '10.00'],
    [550, '5.50'],
    [210, '2.10'],
    [0, '0.00'],
  ])('rate %d bp → %s %%', (bp, text) => {
    expect(formatRateBp(bp)).toBe(text);
  });

  it('refuses a rate outside 0–10000 bp', () => {
    expect(() => formatRateBp(-1)).toThrow(RangeError);
    expect(() => formatRateBp(20.5)).toThrow(RangeError);
  });

  it.each([
    [2.125, '2.125'],
    [10, '10'],
    [0.5, '0.5'],
    [0.001, '0.001'],
    [1.1, '1.1'],
    [123456.789, '123456.789'],
  ])('quantity %d → %s (from the stored number, never a float product)', (q, text) => {
    expect(formatQuantity(q)).toBe(text);
  });

  it('refuses quantities with more than 3 decimals, as lib/tax does', () => {
    expect(quantityToMilli(0.1 + 0.2)).toBeNull();
    expect(quantityToMilli(1.0005)).toBeNull();
    expect(() => formatQuantity(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('parseDecimal and exact rounding', () => {
  it.each([
    ['12', 12n, 0],
    ['-0.50', -50n, 2],
    ['+3.', 3n, 0],
    ['.5', 5n, 1],
    [' 20.00 ', 2000n, 2],
  ])('%j → %d × 10^-%d', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each(['', '.', '1e3', '1,5', '12.3.4', '--1', 'NaN'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('counts the decimals as written', () => {
    expect(writtenDecimals('1.500')).toBe(3);
    expect(writtenDecimals('15')).toBe(0);
  });

  it('rounds half away from zero, on both sides', () => {
    expect(divRoundHalfAway(5n, 10n)).toBe(1n);
    expect(divRoundHalfAway(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfAway(4n, 10n)).toBe(0n);
    expect(divRoundHalfAway(-14n, 10n)).toBe(-1n);
    expect(roundToCents({ units: 996_05n, scale: 5 })).toBe(100n); // 0,99605 € → 1,00 €
    expect(roundToCents({ units: -1005n, scale: 3 })).toBe(-101n);
  });

  it('prints canonical decimals for messages', () => {
    expect(formatDecimal({ units: 2000n, scale: 2 })).toBe('20');
    expect(formatDecimal({ units: 2125n, scale: 3 })).toBe('2.125');
    expect(formatDecimal({ units: -5n, scale: 2 })).toBe('-0.05');
  });
});
