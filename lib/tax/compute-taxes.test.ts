import { describe, expect, it } from 'vitest';
import { computeTaxes } from './compute-taxes';
import type { TaxInput, TaxLineInput } from './types';

const line = (quantity: number, unitPriceCents: number, vatRateBp: number, extra: Partial<TaxLineInput> = {}) => ({
  quantity,
  unitPriceCents,
  vatRateBp,
  ...extra,
});

describe('computeTaxes — the examples of spec/tax.md', () => {
  it('100 × 0,47 € HT at 20 % is 47,00 € HT + 9,40 € of VAT', () => {
    expect(computeTaxes({ mode: 'tax_exclusive', lines: [line(100, 47, 2000)] })).toEqual({
      lines: [{ lineTotalCents: 4700, netCents: 4700, vatRateBp: 2000, category: 'S' }],
      adjustments: [],
      breakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: 4700, vatCents: 940 }],
      totalNetCents: 4700,
      totalVatCents: 940,
      totalGrossCents: 5640,
      mentions: [],
    });
  });

  it('7 × 0,13 € HT at 20 % carries 0,18 € of VAT, not 7 × 0,03 €', () => {
    const r = computeTaxes({ mode: 'tax_exclusive', lines: Array.from({ length: 7 }, () => line(1, 13, 2000)) });
    expect(r.totalNetCents).toBe(91);
    expect(r.totalVatCents).toBe(18);
    expect(r.totalGrossCents).toBe(109);
    expect(computeTaxes({ mode: 'tax_exclusive', lines: [line(7, 13, 2000)] }).totalVatCents).toBe(18);
  });

  it('3 × 19,99 € TTC at 20 % holds 10,00 € of VAT and 49,97 € HT', () => {
    expect(computeTaxes({ mode: 'tax_inclusive', lines: [line(3, 1999, 2000)] })).toEqual({
      lines: [{ lineTotalCents: 5997, netCents: 4997, vatRateBp: 2000, category: 'S' }],
      adjustments: [],
      breakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: 4997, vatCents: 1000 }],
      totalNetCents: 4997,
      totalVatCents: 1000,
      totalGrossCents: 5997,
      mentions: [],
    });
  });
});

describe('computeTaxes — rounding half away from zero', () => {
  it.each([
    // [label, input, expected line total, expected VAT]
    ['line: 2,5 × 0,01 € = 0,025 € → 0,03 €', { mode: 'tax_exclusive', lines: [line(2.5, 1, 0)] }, 3, 0],
    ['line: 0,5 × 0,01 € → 0,01 €', { mode: 'tax_exclusive', lines: [line(0.5, 1, 0)] }, 1, 0],
    ['line: 1,005 × 1,00 € = 1,005 € → 1,01 €', { mode: 'tax_exclusive', lines: [line(1.005, 100, 0)] }, 101, 0],
    ['line: 10,05 € − 50 % = 5,025 € → 5,03 €', { mode: 'tax_exclusive', lines: [line(1, 1005, 0, { discountBp: 5000 })] }, 503, 0],
    ['line: 3 × 0,05 € per 2 = 0,075 € → 0,08 €', { mode: 'tax_exclusive', lines: [line(3, 5, 0, { baseQuantity: 2 })] }, 8, 0],
    ['HT VAT: 1,00 € at 5,5 % = 0,055 € → 0,06 €', { mode: 'tax_exclusive', lines: [line(1, 100, 550)] }, 100, 6],
    ['HT VAT: 0,05 € at 10 % = 0,005 € → 0,01 €', { mode: 'tax_exclusive', lines: [line(1, 5, 1000)] }, 5, 1],
    ['HT VAT: 0,04 € at 10 % → 0,00 €', { mode: 'tax_exclusive', lines: [line(1, 4, 1000)] }, 4, 0],
    ['TTC VAT: 0,03 € at 20 % holds 0,005 € → 0,01 €', { mode: 'tax_inclusive', lines: [line(1, 3, 2000)] }, 3, 1],
    ['TTC VAT: 0,02 € at 20 % holds 0,0033 € → 0,00 €', { mode: 'tax_inclusive', lines: [line(1, 2, 2000)] }, 2, 0],
  ] as [string, TaxInput, number, number][])('%s', (_label, input, total, vat) => {
    const r = computeTaxes(input);
    expect(r.lines[0]!.lineTotalCents).toBe(total);
    expect(r.totalVatCents).toBe(vat);
  });
});

describe('computeTaxes — charges and allowances', () => {
  it('splits unrated shipping over a mixed basket pro rata, leftover cent to the largest remainder', () => {
    // Weights: 20 % → 10,00 €, 5,5 % → 20,00 €. Shipping 1,00 € → 33,33 / 66,67 cents: the 5,5 % part
    // has the larger remainder and takes the leftover cent even though its rate is lower.
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 2000), line(2, 1000, 550)],
      charges: [{ amountCents: 100, reason: 'Livraison' }],
    });
    expect(r.adjustments).toEqual([
      { kind: 'charge', index: 0, vatRateBp: 2000, category: 'S', amountCents: 33, netCents: 33, reason: 'Livraison' },
      { kind: 'charge', index: 0, vatRateBp: 550, category: 'S', amountCents: 67, netCents: 67, reason: 'Livraison' },
    ]);
    expect(r.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: 1033, vatCents: 207 }, // 206,6 → 207
      { vatRateBp: 550, category: 'S', taxableCents: 2067, vatCents: 114 }, // 113,685 → 114
    ]);
    expect(r.totalNetCents).toBe(3100);
    expect(r.totalVatCents).toBe(321);
    expect(r.totalGrossCents).toBe(3421);
  });

  it('gives tied leftover cents to the higher rate', () => {
    // Three equal weights: 10,00 € → 333,33 each; the leftover cent goes to 20 %.
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 550), line(1, 1000, 2000), line(1, 1000, 1000)],
      charges: [{ amountCents: 1000 }],
    });
    expect(r.adjustments.map((a) => [a.vatRateBp, a.amountCents])).toEqual([
      [2000, 334],
      [1000, 333],
      [550, 333],
    ]);
    // Two leftover cents over three equal weights: 20 % and 10 %.
    const r2 = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 550), line(1, 1000, 2000), line(1, 1000, 1000)],
      allowances: [{ amountCents: 2 }],
    });
    expect(r2.adjustments.map((a) => [a.vatRateBp, a.amountCents])).toEqual([
      [2000, 1],
      [1000, 1],
    ]);
  });

  it('sends an unrated charge whole to the highest rate when every line total is 0', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 0, 550), line(1, 0, 2000), line(1, 0, 1000)],
      charges: [{ amountCents: 500 }],
    });
    expect(r.adjustments).toEqual([
      { kind: 'charge', index: 0, vatRateBp: 2000, category: 'S', amountCents: 500, netCents: 500 },
    ]);
    expect(r.breakdown.map((b) => [b.vatRateBp, b.taxableCents, b.vatCents])).toEqual([
      [2000, 500, 100],
      [1000, 0, 0],
      [550, 0, 0],
    ]);
  });

  it('does not give a share to a rate whose lines total 0', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 0, 2000), line(1, 300, 550), line(1, 700, 1000)],
      charges: [{ amountCents: 101 }],
    });
    // 101 × 700 / 1000 = 70,7 ; 101 × 300 / 1000 = 30,3 → 71 and 30.
    expect(r.adjustments.map((a) => [a.vatRateBp, a.amountCents])).toEqual([
      [1000, 71],
      [550, 30],
    ]);
  });

  it('keeps a rated charge or allowance on its own rate, even a rate without lines', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 2000), line(1, 1000, 550)],
      charges: [{ amountCents: 990, vatRateBp: 1000, reason: 'Emballage' }],
      allowances: [{ amountCents: 100, vatRateBp: 550, reason: 'Remise fidélité' }],
    });
    expect(r.adjustments).toEqual([
      { kind: 'charge', index: 0, vatRateBp: 1000, category: 'S', amountCents: 990, netCents: 990, reason: 'Emballage' },
      { kind: 'allowance', index: 0, vatRateBp: 550, category: 'S', amountCents: 100, netCents: 100, reason: 'Remise fidélité' },
    ]);
    expect(r.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: 1000, vatCents: 200 },
      { vatRateBp: 1000, category: 'S', taxableCents: 990, vatCents: 99 },
      { vatRateBp: 550, category: 'S', taxableCents: 900, vatCents: 50 }, // 49,5 → 50
    ]);
    expect(r.totalNetCents).toBe(2890);
    expect(r.totalVatCents).toBe(349);
    expect(r.totalGrossCents).toBe(3239);
  });

  it('orders adjustments: charges then allowances, by index, then by rate descending', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 550), line(1, 1000, 2000)],
      allowances: [{ amountCents: 10 }, { amountCents: 5, vatRateBp: 550 }],
      charges: [{ amountCents: 7, vatRateBp: 1000 }, { amountCents: 20 }],
    });
    expect(r.adjustments.map((a) => [a.kind, a.index, a.vatRateBp, a.amountCents])).toEqual([
      ['charge', 0, 1000, 7],
      ['charge', 1, 2000, 10],
      ['charge', 1, 550, 10],
      ['allowance', 0, 2000, 5],
      ['allowance', 0, 550, 5],
      ['allowance', 1, 550, 5],
    ]);
  });

  it('passes the reason through, and adds no reason key when there is none', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 2000)],
      charges: [{ amountCents: 100 }, { amountCents: 100, reason: '' }],
    });
    expect('reason' in r.adjustments[0]!).toBe(false);
    expect(r.adjustments[1]!.reason).toBe('');
  });

  it('lists a zero-amount item once: on its rate, or on the highest rate when unrated', () => {
    const r = computeTaxes({
      mode: 'tax_exclusive',
      lines: [line(1, 1000, 550), line(1, 1000, 2000)],
      charges: [{ amountCents: 0 }, { amountCents: 0, vatRateBp: 550 }],
      allowances: [{ amountCents: 1 }],
    });
    expect(r.adjustments.map((a) => [a.kind, a.index, a.vatRateBp, a.amountCents])).toEqual([
      ['charge', 0, 2000, 0],
      ['charge', 1, 550, 0],
      ['allowance', 0, 2000, 1], // tie between two equal weights → the higher rate; no 0 part for 5,5 %
    ]);
  });

  it('accepts allowances equal to their rate’s amount, and refuses one cent more', () => {
    const base = { mode: 'tax_exclusive' as const, lines: [line(1, 1000, 2000), line(1, 500, 550)] };
    const r = computeTaxes({
      ...base,
      charges: [{ amountCents: 100, vatRateBp: 550 }],
      allowances: [{ amountCents: 600, vatRateBp: 550 }],
    });
    expect(r.breakdown[1]).toEqual({ vatRateBp: 550, category: 'S', taxableCents: 0, vatCents: 0 });
    expect(() =>
      computeTaxes({ ...base, charges: [{ amountCents: 100, vatRateBp: 550 }], allowances: [{ amountCents: 601, vatRateBp: 550 }] }),
    ).toThrowError(
      /^allowances at rate 550 bp \(601 cents\) exceed the lines and charges at that rate \(600 cents\)$/,
    );
  });

  it('shares a tax-inclusive rate’s taxable amount over lines, charges and allowances', () => {
    // 20 %: 10,00 + 5,00 (shipping) − 1,50 (allowance) = 13,50 TTC → VAT 2,25, HT 11,25.
    // Exact shares of 11,25: 833,33 / 416,67 / −125 → floors 833 / 416 / −125, leftover cent to the
    // shipping (largest remainder).
    const r = computeTaxes({
      mode: 'tax_inclusive',
      lines: [line(1, 1000, 2000), line(2, 500, 550)],
      charges: [{ amountCents: 999, reason: 'Livraison' }],
      allowances: [{ amountCents: 300 }],
    });
    expect(r).toEqual({
      lines: [
        { lineTotalCents: 1000, netCents: 833, vatRateBp: 2000, category: 'S' },
        { lineTotalCents: 1000, netCents: 948, vatRateBp: 550, category: 'S' },
      ],
      adjustments: [
        { kind: 'charge', index: 0, vatRateBp: 2000, category: 'S', amountCents: 500, netCents: 417, reason: 'Livraison' },
        { kind: 'charge', index: 0, vatRateBp: 550, category: 'S', amountCents: 499, netCents: 473, reason: 'Livraison' },
        { kind: 'allowance', index: 0, vatRateBp: 2000, category: 'S', amountCents: 150, netCents: 125 },
        { kind: 'allowance', index: 0, vatRateBp: 550, category: 'S', amountCents: 150, netCents: 142 },
      ],
      breakdown: [
        { vatRateBp: 2000, category: 'S', taxableCents: 1125, vatCents: 225 },
        { vatRateBp: 550, category: 'S', taxableCents: 1279, vatCents: 70 },
      ],
      totalNetCents: 2404,
      totalVatCents: 295,
      totalGrossCents: 2699,
      mentions: [],
    });
  });

  it('gives an allowance the floor of its negative share, so its net may round up in magnitude', () => {
    // 20 %: 1,00 + 1,00 − 0,01 = 1,99 TTC → VAT round(33,17) = 0,33 → HT 1,66.
    // Shares of 166: 83,42 / 83,42 / −0,834 → floors 83 / 83 / −1 (remainders ,42 ,42 ,166):
    // one leftover cent, to the first line. Nets: 84 + 83 − 1 = 166.
    const r = computeTaxes({
      mode: 'tax_inclusive',
      lines: [line(1, 100, 2000), line(1, 100, 2000)],
      allowances: [{ amountCents: 1 }],
    });
    expect(r.lines.map((l) => l.netCents)).toEqual([84, 83]);
    expect(r.adjustments).toEqual([
      { kind: 'allowance', index: 0, vatRateBp: 2000, category: 'S', amountCents: 1, netCents: 1 },
    ]);
    expect(r.breakdown).toEqual([{ vatRateBp: 2000, category: 'S', taxableCents: 166, vatCents: 33 }]);
  });

  it('gives ties in tax-inclusive shares to the earlier item', () => {
    // 3 × 1,00 € TTC at 20 % = 3,00 → VAT 0,50, HT 2,50: 83,33 each, one leftover cent → first line.
    const r = computeTaxes({ mode: 'tax_inclusive', lines: [line(1, 100, 2000), line(1, 100, 2000), line(1, 100, 2000)] });
    expect(r.lines.map((l) => l.netCents)).toEqual([84, 83, 83]);
    // 2 leftover cents (HT 2,02 over three lines of 0,99 TTC: 67,33 each) → first two lines.
    const r2 = computeTaxes({ mode: 'tax_inclusive', lines: [line(1, 101, 0), line(1, 101, 0), line(1, 101, 0)] });
    expect(r2.lines.map((l) => l.netCents)).toEqual([101, 101, 101]);
    const r3 = computeTaxes({ mode: 'tax_inclusive', lines: [line(1, 81, 2000), line(1, 81, 2000), line(1, 81, 2000)] });
    // 2,43 TTC → VAT 0,405 → 0,41, HT 2,02 → 67,33 each → 68, 67, 67? leftover = 202 − 201 = 1.
    expect(r3.breakdown[0]).toMatchObject({ taxableCents: 202, vatCents: 41 });
    expect(r3.lines.map((l) => l.netCents)).toEqual([68, 67, 67]);
  });

  it('sets every net to 0 on a tax-inclusive rate whose gross is 0', () => {
    const r = computeTaxes({
      mode: 'tax_inclusive',
      lines: [line(1, 1000, 2000), line(1, 0, 550)],
      allowances: [{ amountCents: 1000, vatRateBp: 2000 }],
    });
    expect(r.lines.map((l) => l.netCents)).toEqual([0, 0]);
    expect(r.adjustments[0]).toMatchObject({ amountCents: 1000, netCents: 0 });
    expect(r.totalGrossCents).toBe(0);
  });

  it('lets a line net exceed the rate’s taxable amount when allowances bring the gross down', () => {
    // 20 %: 10,00 − 9,00 = 1,00 TTC → VAT 0,17, HT 0,83. Shares: 830 for the line, −747 for the allowance.
    const r = computeTaxes({
      mode: 'tax_inclusive',
      lines: [line(1, 1000, 2000)],
      allowances: [{ amountCents: 900 }],
    });
    expect(r.lines[0]!.netCents).toBe(830);
    expect(r.adjustments[0]!.netCents).toBe(747);
    expect(r.breakdown[0]).toMatchObject({ taxableCents: 83, vatCents: 17 });
  });

  it('handles charge parts that exceed exact Number products (BigInt allocation)', () => {
    const r = computeTaxes({
      mode: 'tax_inclusive',
      lines: [line(1, 3_000_000_000_001, 2000), line(1, 1_000_000_000_000, 550)],
      charges: [{ amountCents: 1_000_000_007 }],
      allowances: [{ amountCents: 999_999_999 }],
    });
    // Charge split: 1 000 000 007 × 3 000 000 000 001 / 4 000 000 000 001 = 750 000 005,06…
    expect(r.adjustments.map((a) => [a.kind, a.vatRateBp, a.amountCents])).toEqual([
      ['charge', 2000, 750_000_005],
      ['charge', 550, 250_000_002],
      ['allowance', 2000, 749_999_999],
      ['allowance', 550, 250_000_000],
    ]);
    const gross20 = 3_000_000_000_001 + 750_000_005 - 749_999_999;
    const vat20 = Math.round((gross20 * 2000) / 12000); // 500 000 000 001,0 exactly → no tie
    expect(r.breakdown[0]).toEqual({ vatRateBp: 2000, category: 'S', taxableCents: gross20 - vat20, vatCents: vat20 });
    for (const b of r.breakdown) {
      const nets =
        r.lines.filter((l) => l.vatRateBp === b.vatRateBp).reduce((s, l) => s + l.netCents, 0) +
        r.adjustments
          .filter((a) => a.vatRateBp === b.vatRateBp)
          .reduce((s, a) => s + (a.kind === 'charge' ? a.netCents : -a.netCents), 0);
      expect(nets).toBe(b.taxableCents);
    }
  });
});

describe('computeTaxes — treatments', () => {
  const doc = {
    mode: 'tax_exclusive' as const,
    lines: [line(2, 1000, 2000), line(1, 500, 550)],
    charges: [{ amountCents: 300, vatRateBp: 2000 }, { amountCents: 100 }],
    allowances: [{ amountCents: 50 }],
  };

  it.each([
    ['intra_eu_goods', 'K', 'Exonération de TVA, article 262 ter I du CGI'],
    ['reverse_charge', 'AE', 'Autoliquidation'],
    ['export', 'G', 'Exonération de TVA, article 262 I du CGI'],
  ] as const)('%s rates everything 0, category %s, with its mention', (treatment, category, mention) => {
    const r = computeTaxes({ ...doc, treatment });
    expect(r.lines).toEqual([
      { lineTotalCents: 2000, netCents: 2000, vatRateBp: 0, category },
      { lineTotalCents: 500, netCents: 500, vatRateBp: 0, category },
    ]);
    expect(r.adjustments).toEqual([
      { kind: 'charge', index: 0, vatRateBp: 0, category, amountCents: 300, netCents: 300 },
      { kind: 'charge', index: 1, vatRateBp: 0, category, amountCents: 100, netCents: 100 },
      { kind: 'allowance', index: 0, vatRateBp: 0, category, amountCents: 50, netCents: 50 },
    ]);
    expect(r.breakdown).toEqual([{ vatRateBp: 0, category, taxableCents: 2850, vatCents: 0 }]);
    expect(r.totalNetCents).toBe(2850);
    expect(r.totalVatCents).toBe(0);
    expect(r.totalGrossCents).toBe(2850);
    expect(r.mentions).toEqual([mention]);
  });

  it('domestic (the default) uses S, and Z at rate 0, without mention', () => {
    const r = computeTaxes({ mode: 'tax_exclusive', lines: [line(1, 1000, 2000), line(1, 700, 0)] });
    expect(r.lines.map((l) => l.category)).toEqual(['S', 'Z']);
    expect(r.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: 1000, vatCents: 200 },
      { vatRateBp: 0, category: 'Z', taxableCents: 700, vatCents: 0 },
    ]);
    expect(r.mentions).toEqual([]);
    expect(computeTaxes({ mode: 'tax_exclusive', lines: [line(1, 1000, 0)], treatment: 'domestic' })).toEqual(
      computeTaxes({ mode: 'tax_exclusive', lines: [line(1, 1000, 0)] }),
    );
  });

  it('returns a fresh mentions array each time', () => {
    const a = computeTaxes({ mode: 'tax_exclusive', lines: [line(1, 1, 0)], treatment: 'export' });
    a.mentions.push('x');
    const b = computeTaxes({ mode: 'tax_exclusive', lines: [line(1, 1, 0)], treatment: 'export' });
    expect(b.mentions).toEqual(['Exonération de TVA, article 262 I du CGI']);
  });
});

describe('computeTaxes — order independence', () => {
  it('gives the same totals and breakdown whatever the order of the lines', () => {
    const lines = [line(3, 1999, 2000), line(1.5, 250, 550), line(7, 13, 1000, { discountBp: 250 }), line(1, 99, 2000)];
    const charges = [{ amountCents: 499 }];
    const allowances = [{ amountCents: 123 }];
    for (const mode of ['tax_inclusive', 'tax_exclusive'] as const) {
      const a = computeTaxes({ mode, lines, charges, allowances });
      const b = computeTaxes({ mode, lines: [...lines].reverse(), charges, allowances });
      expect(b.breakdown).toEqual(a.breakdown);
      expect([b.totalNetCents, b.totalVatCents, b.totalGrossCents]).toEqual([a.totalNetCents, a.totalVatCents, a.totalGrossCents]);
    }
  });
});
