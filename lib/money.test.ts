import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatRateBp, parseMoney } from './money';

const NNBSP = '\u202F';
const NBSP = '\u00A0';
const intlEuro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const intlPercent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

describe('parseMoney', () => {
  it.each([
    ['12,5', 1250],
    ['12,50', 1250],
    ['12.50', 1250],
    ['12.5', 1250],
    ['1234', 123400],
    ['0', 0],
    ['0,01', 1],
    ['0,5', 50],
    ['007', 700],
    ['1 234,56 €', 123456],
    ['1 234,56€', 123456],
    [`1${NBSP}234,56${NBSP}€`, 123456],
    [`1${NNBSP}234,56${NBSP}€`, 123456], // what formatMoney and Intl print
    ['1 234 567,89', 123456789],
    ['12 €', 1200],
    ['  42,00  ', 4200],
    ['90 071 992 547 409,91', Number.MAX_SAFE_INTEGER],
  ])('%j → %d cents', (text, cents) => {
    expect(parseMoney(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'empty', 'Saisissez un montant.'],
    ['   ', 'empty', 'Saisissez un montant.'],
    ['abc', 'invalid', '« abc » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['1.2.3', 'invalid', '« 1.2.3 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['1,2,3', 'invalid', '« 1,2,3 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['12,', 'invalid', '« 12, » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    [',5', 'invalid', '« ,5 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['12 34', 'invalid', '« 12 34 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['1234 567', 'invalid', '« 1234 567 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['1  234', 'invalid', '« 1  234 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['€12', 'invalid', '« €12 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['12 €€', 'invalid', '« 12 €€ » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['12  €', 'invalid', '« 12  € » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['1e3', 'invalid', '« 1e3 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['+12', 'invalid', '« +12 » n’est pas un montant : écrivez par exemple 1 234,56 €.'],
    ['12,345', 'too_many_decimals', '« 12,345 » a plus de deux décimales ; séparez les milliers par une espace (1 234,56).'],
    ['1.234', 'too_many_decimals', '« 1.234 » a plus de deux décimales ; séparez les milliers par une espace (1 234,56).'],
    ['0,001', 'too_many_decimals', '« 0,001 » a plus de deux décimales ; séparez les milliers par une espace (1 234,56).'],
    ['-5', 'negative', 'Le montant ne peut pas être négatif.'],
    ['\u22125,00 €', 'negative', 'Le montant ne peut pas être négatif.'],
    ['90 071 992 547 409,92', 'too_large', '« 90 071 992 547 409,92 » est trop grand.'],
    ['99999999999999999999', 'too_large', '« 99999999999999999999 » est trop grand.'],
  ])('%j is refused (%s)', (text, code, error) => {
    expect(parseMoney(text)).toEqual({ ok: false, code, error });
  });

  it('refuses negatives unless allowed', () => {
    expect(parseMoney('-5', { allowNegative: false })).toMatchObject({ ok: false, code: 'negative' });
    expect(parseMoney('-5', { allowNegative: true })).toEqual({ ok: true, cents: -500 });
    expect(parseMoney('-1 234,5 €', { allowNegative: true })).toEqual({ ok: true, cents: -123450 });
    expect(parseMoney('\u22120,01', { allowNegative: true })).toEqual({ ok: true, cents: -1 });
    const zero = parseMoney('-0', { allowNegative: true });
    expect(zero).toEqual({ ok: true, cents: 0 });
    expect(Object.is(zero.ok && zero.cents, 0)).toBe(true);
  });

  it('refuses a value that is not a string', () => {
    expect(parseMoney(undefined as unknown as string)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('parses back what formatMoney prints', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        expect(parseMoney(formatMoney(cents), { allowNegative: true })).toEqual({ ok: true, cents: cents === 0 ? 0 : cents });
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [0, `0,00${NBSP}€`],
    [1, `0,01${NBSP}€`],
    [10, `0,10${NBSP}€`],
    [100, `1,00${NBSP}€`],
    [123456, `1${NNBSP}234,56${NBSP}€`],
    [-123456, `-1${NNBSP}234,56${NBSP}€`],
    [-5, `-0,05${NBSP}€`],
    [99999, `999,99${NBSP}€`],
    [100000, `1${NNBSP}000,00${NBSP}€`],
    [12345678901, `123${NNBSP}456${NNBSP}789,01${NBSP}€`],
  ])('%d → %j', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
    expect(formatMoney(BigInt(cents))).toBe(text);
  });

  it('prints exactly what Intl prints, for many amounts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -(2 ** 50), max: 2 ** 50 })),
        (cents) => {
          fc.pre(cents !== 0 || Object.is(cents, 0));
          expect(formatMoney(cents)).toBe(intlEuro.format(cents / 100));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('is exact for bigint amounts beyond 2^53', () => {
    expect(formatMoney(123456789012345678901n)).toBe(
      `1${NNBSP}234${NNBSP}567${NNBSP}890${NNBSP}123${NNBSP}456${NNBSP}789,01${NBSP}€`,
    );
    expect(formatMoney(-(10n ** 20n))).toBe(`-1${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000,00${NBSP}€`);
  });

  it('prints −0 as 0,00 € and refuses non-integers', () => {
    expect(formatMoney(-0)).toBe(`0,00${NBSP}€`);
    expect(() => formatMoney(1.5)).toThrowError(new RangeError('cents must be a safe integer, got 1.5'));
    expect(() => formatMoney(2 ** 53)).toThrowError(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrowError(RangeError);
  });
});

describe('formatRateBp', () => {
  it.each([
    [2000, `20${NBSP}%`],
    [1000, `10${NBSP}%`],
    [550, `5,5${NBSP}%`],
    [210, `2,1${NBSP}%`],
    [0, `0${NBSP}%`],
    [1, `0,01${NBSP}%`],
    [10000, `100${NBSP}%`],
    [1234, `12,34${NBSP}%`],
    [-550, `-5,5${NBSP}%`],
    [100_000_00, `100${NNBSP}000${NBSP}%`],
  ])('%d → %j', (bp, text) => {
    expect(formatRateBp(bp)).toBe(text);
  });

  it('prints exactly what Intl prints for every rate up to 200 %', () => {
    for (let bp = -2000; bp <= 20000; bp++) {
      if (bp === 0) continue;
      expect(formatRateBp(bp)).toBe(intlPercent.format(bp / 10000));
    }
  });

  it('refuses non-integers', () => {
    expect(() => formatRateBp(5.5)).toThrowError(new RangeError('rateBp must be a safe integer, got 5.5'));
  });
});
