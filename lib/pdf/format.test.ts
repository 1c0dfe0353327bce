import { describe, expect, it } from 'vitest';
import { countryName, formatAddressLines, formatDateFr, formatQuantity, formatUnitPrice } from './format';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatDateFr', () => {
  it.each([
    ['2026-03-02', '02/03/2026'],
    ['2026-12-31', '31/12/2026'],
    ['2024-02-29', '29/02/2024'],
    ['1999-01-01', '01/01/1999'],
  ])('%s → %s', (iso, fr) => {
    expect(formatDateFr(iso)).toBe(fr);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-3-2', '02/03/2026', '2026-03-02T10:00:00Z', ''])(
    'refuses %j',
    (bad) => {
      expect(() => formatDateFr(bad)).toThrow(RangeError);
    },
  );
});

describe('formatQuantity', () => {
  it.each([
    [2, '2'],
    [1.5, '1,5'],
    [1.25, '1,25'],
    [0.125, '0,125'],
    [2.1, '2,1'],
    [0.1 + 0.2, '0,3'], // float noise never shows
    [1.0005, '1,001'], // at most 3 decimals
    [1200, `1${NNBSP}200`],
    [1234567.5, `1${NNBSP}234${NNBSP}567,5`],
  ])('%d → %j', (q, text) => {
    expect(formatQuantity(q)).toBe(text);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (q) => {
    expect(() => formatQuantity(q)).toThrow(RangeError);
  });
});

describe('formatUnitPrice', () => {
  it.each([
    [1250, 1, `12,50${NBSP}€`],
    [1250, 100, `12,50${NBSP}€ / 100`],
    [123456, 1000, `1${NNBSP}234,56${NBSP}€ / 1${NNBSP}000`],
  ])('%d cents per %d', (cents, base, text) => {
    expect(formatUnitPrice(cents, base)).toBe(text);
  });
});

describe('formatAddressLines', () => {
  const address = { line1: '5 avenue Jean Jaurès', line2: null, postalCode: '75019', city: 'Paris', country: 'FR' };

  it('omits the country at home and an empty second line', () => {
    expect(formatAddressLines(address, 'FR')).toEqual(['5 avenue Jean Jaurès', '75019 Paris']);
    expect(formatAddressLines({ ...address, line2: '  ' }, 'FR')).toEqual(['5 avenue Jean Jaurès', '75019 Paris']);
  });

  it('prints the second line and, abroad, the country’s French name', () => {
    expect(formatAddressLines({ ...address, line2: 'Bât. B', country: 'de' }, 'FR')).toEqual([
      '5 avenue Jean Jaurès',
      'Bât. B',
      '75019 Paris',
      'Allemagne',
    ]);
    expect(formatAddressLines(address, 'BE')).toEqual(['5 avenue Jean Jaurès', '75019 Paris', 'France']);
  });

  it('falls back to the code for an unknown country', () => {
    expect(countryName('BE')).toBe('Belgique');
    expect(countryName('??')).toBe('??');
  });
});
