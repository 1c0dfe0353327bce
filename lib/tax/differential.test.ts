/**
 * Differential tests: lib/tax against the independent oracle in test/oracle/ (written from
 * spec/tax.md alone, with exact BigInt rationals). The oracle's interpretations of the points the spec
 * leaves open are listed at the top of test/oracle/tax-oracle.ts and test/oracle/vat-oracle.ts; what
 * is compared here is what the spec pins down:
 *  - lines (lineTotalCents, netCents, vatRateBp, category), breakdown (in order), totals, mentions;
 *  - adjustments as per-(kind, index, vatRateBp) sums of amountCents and netCents, 0-cent entries
 *    dropped (the spec fixes neither the order of the entries nor whether a 0-cent share is listed);
 *  - invalid input: both throw, and the real engine throws a TaxInputError;
 *  - VAT numbers: validity where every reasonable reading of "the format" agrees (oracleVatVerdict),
 *    and country / normalised text of valid numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTaxes, TaxInputError, validateSiren, validateSiret, validateVatNumber } from '@/lib/tax';
import {
  oracleComputeTaxes,
  OracleInputError,
  type OracleInput,
  type OracleResult,
} from '@/test/oracle/tax-oracle';
import {
  completeSiren,
  EU_MEMBER_PREFIXES,
  frenchKey,
  frenchVatNumber,
  luhnValid,
  oracleNormalize,
  oracleSiretVerdict,
  oracleValidateSiren,
  oracleValidateSiret,
  oracleValidateVatNumber,
  oracleVatVerdict,
} from '@/test/oracle/vat-oracle';

type RealInput = Parameters<typeof computeTaxes>[0];
/** Runs per property; DIFF_RUNS=20000 for a longer hunt. */
const NUM_RUNS = Number(process.env.DIFF_RUNS ?? 2000);
/** Generous: a property of 2000 runs takes about a second alone, more on a busy machine. */
const TIMEOUT = Math.max(60_000, NUM_RUNS * 30);

// ---------------------------------------------------------------------------------------------
// Comparison helpers.

interface Comparable {
  lines: { lineTotalCents: number; netCents: number; vatRateBp: number; category: string }[];
  adjustments: Record<string, { amountCents: number; netCents: number; category: string; reason?: string }>;
  breakdown: { vatRateBp: number; category: string; taxableCents: number; vatCents: number }[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  mentions: string[];
}

interface AnyResult {
  lines: readonly { lineTotalCents: number; netCents: number; vatRateBp: number; category: string }[];
  adjustments: readonly {
    kind: string;
    index: number;
    vatRateBp: number;
    category: string;
    amountCents: number;
    netCents: number;
    reason?: string;
  }[];
  breakdown: readonly { vatRateBp: number; category: string; taxableCents: number; vatCents: number }[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  mentions: readonly string[];
}

function comparable(r: AnyResult): Comparable {
  const adjustments: Comparable['adjustments'] = {};
  for (const a of r.adjustments) {
    if (a.amountCents === 0 && a.netCents === 0) continue;
    const key = `${a.kind}#${a.index}@${a.vatRateBp}`;
    const prev = adjustments[key];
    adjustments[key] = {
      amountCents: (prev?.amountCents ?? 0) + a.amountCents,
      netCents: (prev?.netCents ?? 0) + a.netCents,
      category: a.category,
      ...(a.reason !== undefined ? { reason: a.reason } : {}),
    };
  }
  return {
    lines: r.lines.map((l) => ({
      lineTotalCents: l.lineTotalCents,
      netCents: l.netCents,
      vatRateBp: l.vatRateBp,
      category: l.category,
    })),
    adjustments,
    breakdown: r.breakdown.map((b) => ({
      vatRateBp: b.vatRateBp,
      category: b.category,
      taxableCents: b.taxableCents,
      vatCents: b.vatCents,
    })),
    totalNetCents: r.totalNetCents,
    totalVatCents: r.totalVatCents,
    totalGrossCents: r.totalGrossCents,
    mentions: [...r.mentions],
  };
}

function real(input: OracleInput): AnyResult {
  return computeTaxes(input as unknown as RealInput) as unknown as AnyResult;
}

function expectSame(input: OracleInput): void {
  const expected = oracleComputeTaxes(input);
  const actual = real(input);
  expect(comparable(actual)).toEqual(comparable(expected));
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e ?? new Error('thrown nullish');
  }
  return undefined;
}

function expectBothThrow(input: unknown): void {
  const o = thrown(() => oracleComputeTaxes(input as OracleInput));
  expect(o, 'the oracle should reject this input').toBeInstanceOf(OracleInputError);
  const r = thrown(() => computeTaxes(input as RealInput));
  expect(r, 'lib/tax should reject this input').toBeDefined();
  expect(r, 'lib/tax should throw a TaxInputError').toBeInstanceOf(TaxInputError);
}

// ---------------------------------------------------------------------------------------------
// Generators.

const COMMON_RATES = [0, 210, 550, 1000, 2000];
const rateArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMON_RATES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10000 }) },
);

/** Positive quantities with 0–3 decimals, small and large (up to 10^6). */
const quantityArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 3 }))
      .map(([m, d]) => m / 10 ** d),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 3 })
      .chain((d) => fc.integer({ min: 1, max: 1_000_000 * 10 ** d }).map((m) => m / 10 ** d)),
  },
  { weight: 1, arbitrary: fc.constantFrom(0.001, 0.005, 0.5, 1.005, 1.5, 2.5, 2.675, 999_999.999, 1_000_000) },
);

const priceArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, 3, 13, 47, 99, 100, 999, 1999, 10_000_000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
);

const discountArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 500, 3333, 5000, 9999, 10000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10000 }) },
);

const baseQuantityArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom(1, 10, 100, 1000) },
);

const lineSpecArb = fc.record({
  quantity: quantityArb,
  unitPriceCents: priceArb,
  baseQuantity: baseQuantityArb,
  discountBp: discountArb,
  rateIndex: fc.nat(),
});

const amountArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, 3, 5, 7, 99, 100, 495, 1000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }) },
);

/** Where a charge/allowance goes: no rate (split), a rate of the basket, or any rate. */
const adjRateArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.nat().map((i) => ({ kind: 'pool' as const, i })) },
  { weight: 1, arbitrary: rateArb.map((r) => ({ kind: 'rate' as const, r })) },
);

const adjSpecArb = fc.record({
  amountCents: amountArb,
  rate: adjRateArb,
  reason: fc.option(fc.constantFrom('Livraison', 'Remise fidélité', 'Emballage', ''), { nil: undefined }),
});

type Treatment = 'domestic' | 'intra_eu_goods' | 'reverse_charge' | 'export';
const treatmentArb = fc.constantFrom<Treatment | undefined>(
  undefined,
  'domestic',
  'intra_eu_goods',
  'reverse_charge',
  'export',
);

const docSpecArb = fc.record({
  mode: fc.constantFrom<'tax_inclusive' | 'tax_exclusive'>('tax_inclusive', 'tax_exclusive'),
  treatment: treatmentArb,
  pool: fc.uniqueArray(rateArb, { minLength: 1, maxLength: 4 }),
  lines: fc.array(lineSpecArb, { minLength: 1, maxLength: 30 }),
  charges: fc.array(adjSpecArb, { maxLength: 3 }),
  allowances: fc.array(adjSpecArb, { maxLength: 3 }),
  omitEmptyArrays: fc.boolean(),
  exactAllowance: fc.option(fc.nat(), { nil: undefined }),
});
type DocSpec = typeof docSpecArb extends fc.Arbitrary<infer T> ? T : never;

function buildDoc(spec: DocSpec): OracleInput {
  const pool = spec.pool;
  const pick = (i: number): number => pool[i % pool.length]!;
  const lines = spec.lines.map((l) => ({
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    vatRateBp: pick(l.rateIndex),
    ...(l.baseQuantity !== undefined ? { baseQuantity: l.baseQuantity } : {}),
    ...(l.discountBp !== undefined ? { discountBp: l.discountBp } : {}),
  }));
  const adj = (a: (typeof spec.charges)[number]) => {
    const rate = a.rate.kind === 'none' ? undefined : a.rate.kind === 'pool' ? pick(a.rate.i) : a.rate.r;
    return {
      amountCents: a.amountCents,
      ...(rate !== undefined ? { vatRateBp: rate } : {}),
      ...(a.reason !== undefined ? { reason: a.reason } : {}),
    };
  };
  const doc: OracleInput = { mode: spec.mode, lines };
  if (spec.charges.length > 0 || !spec.omitEmptyArrays) doc.charges = spec.charges.map(adj);
  if (spec.allowances.length > 0 || !spec.omitEmptyArrays) doc.allowances = spec.allowances.map(adj);
  const treatment = spec.mode === 'tax_exclusive' ? spec.treatment : spec.treatment === 'domestic' ? 'domestic' : undefined;
  if (treatment !== undefined) doc.treatment = treatment;
  return doc;
}

/** The document re-read as domestic (original rates): validity of allowances is judged there. */
function asDomestic(doc: OracleInput): OracleInput {
  const { treatment: _t, ...rest } = doc;
  return rest;
}

function oracleAccepts(doc: OracleInput): boolean {
  try {
    oracleComputeTaxes(doc);
    return true;
  } catch (e) {
    if (e instanceof OracleInputError) return false;
    throw e;
  }
}

/** The amount (in the doc's mode) of `rate` once allowance `j` is removed, per the oracle. */
function rateAmountWithout(doc: OracleInput, j: number, rate: number): number {
  const allowances = (doc.allowances ?? []).map((a, k) => (k === j ? { ...a, amountCents: 0 } : a));
  const r = oracleComputeTaxes(asDomestic({ ...doc, allowances }));
  const entry = r.breakdown.find((b) => b.vatRateBp === rate);
  if (!entry) return 0;
  return doc.mode === 'tax_exclusive' ? entry.taxableCents : entry.taxableCents + entry.vatCents;
}

/**
 * Shrink allowances until every rate's allowances fit (judged on the original rates, so the
 * document is valid under any reading of how treatments re-rate), then optionally make one rated
 * allowance consume its rate exactly (a rate whose amount is exactly 0).
 */
function makeValid(doc: OracleInput, exactAllowance: number | undefined): OracleInput {
  let d = doc;
  for (let iter = 0; iter < 80 && !oracleAccepts(asDomestic(d)); iter++) {
    d = { ...d, allowances: (d.allowances ?? []).map((a) => ({ ...a, amountCents: Math.floor(a.amountCents / 2) })) };
  }
  if (!oracleAccepts(asDomestic(d))) throw new Error('generator: could not make the document valid');
  const allowances = d.allowances ?? [];
  if (exactAllowance !== undefined && allowances.length > 0) {
    const j = exactAllowance % allowances.length;
    const rate = allowances[j]!.vatRateBp;
    if (rate !== undefined) {
      const amount = rateAmountWithout(d, j, rate);
      const candidate = { ...d, allowances: allowances.map((a, k) => (k === j ? { ...a, amountCents: amount } : a)) };
      if (oracleAccepts(asDomestic(candidate))) d = candidate;
    }
  }
  return d;
}

const validDocArb = docSpecArb.map((spec) => makeValid(buildDoc(spec), spec.exactAllowance));

// ---------------------------------------------------------------------------------------------
// The oracle's own sanity checks, against the spec's worked examples and hand computations.

describe('oracle sanity', { timeout: TIMEOUT }, () => {
  const te = (lines: OracleInput['lines'], extra: Partial<OracleInput> = {}): OracleResult =>
    oracleComputeTaxes({ mode: 'tax_exclusive', lines, ...extra });
  const ttc = (lines: OracleInput['lines'], extra: Partial<OracleInput> = {}): OracleResult =>
    oracleComputeTaxes({ mode: 'tax_inclusive', lines, ...extra });

  it('100 × 0,47 € HT at 20 % is 47,00 € HT + 9,40 € VAT', () => {
    const r = te([{ quantity: 100, unitPriceCents: 47, vatRateBp: 2000 }]);
    expect(r.lines[0]).toEqual({ lineTotalCents: 4700, netCents: 4700, vatRateBp: 2000, category: 'S' });
    expect(r.breakdown).toEqual([{ vatRateBp: 2000, category: 'S', taxableCents: 4700, vatCents: 940 }]);
    expect([r.totalNetCents, r.totalVatCents, r.totalGrossCents]).toEqual([4700, 940, 5640]);
    expect(r.mentions).toEqual([]);
  });

  it('7 × 0,13 € HT at 20 % is 0,18 € of VAT (never per line)', () => {
    const r = te([{ quantity: 7, unitPriceCents: 13, vatRateBp: 2000 }]);
    expect(r.totalVatCents).toBe(18);
    const split = te(Array.from({ length: 7 }, () => ({ quantity: 1, unitPriceCents: 13, vatRateBp: 2000 })));
    expect(split.totalVatCents).toBe(18);
    expect(split.totalNetCents).toBe(91);
  });

  it('3 × 19,99 € TTC at 20 % holds 10,00 € of VAT and 49,97 € HT', () => {
    const r = ttc([{ quantity: 3, unitPriceCents: 1999, vatRateBp: 2000 }]);
    expect(r.lines[0]).toEqual({ lineTotalCents: 5997, netCents: 4997, vatRateBp: 2000, category: 'S' });
    expect(r.breakdown).toEqual([{ vatRateBp: 2000, category: 'S', taxableCents: 4997, vatCents: 1000 }]);
    expect([r.totalNetCents, r.totalVatCents, r.totalGrossCents]).toEqual([4997, 1000, 5997]);
  });

  it('shares a TTC rate taxable over its lines, leftover to the earlier line on ties', () => {
    const r = ttc(Array.from({ length: 3 }, () => ({ quantity: 1, unitPriceCents: 1999, vatRateBp: 2000 })));
    expect(r.lines.map((l) => l.netCents)).toEqual([1666, 1666, 1665]);
    expect(r.totalNetCents).toBe(4997);
  });

  it('rounds line totals half away from zero, exactly (1,005 × 1,00 € = 1,01 €)', () => {
    const total = (quantity: number, unitPriceCents: number, extra: object = {}) =>
      te([{ quantity, unitPriceCents, vatRateBp: 0, ...extra }]).lines[0]!.lineTotalCents;
    expect(total(0.5, 1)).toBe(1);
    expect(total(2.5, 1)).toBe(3);
    expect(total(1.005, 100)).toBe(101); // 1.005 * 100 === 100.49999999999999 in floating point
    expect(total(3, 1000, { discountBp: 3333 })).toBe(2000); // 2000.1
    expect(total(3, 1000, { discountBp: 10000 })).toBe(0);
    expect(total(250, 1234, { baseQuantity: 100 })).toBe(3085);
    expect(total(7, 1234, { baseQuantity: 1000 })).toBe(9); // 8.638
    expect(total(0.001, 500, { baseQuantity: 1000 })).toBe(0); // 0.0005
    expect(total(0.001, 5000, { baseQuantity: 10 })).toBe(1); // 0.5
    expect(total(999_999.999, 10_000_000)).toBe(9_999_999_990_000);
  });

  it('rounds VAT half away from zero: 1,00 € HT at 5,5 % is 0,06 €', () => {
    expect(te([{ quantity: 1, unitPriceCents: 100, vatRateBp: 550 }]).totalVatCents).toBe(6);
    expect(te([{ quantity: 1, unitPriceCents: 10, vatRateBp: 500 }]).totalVatCents).toBe(1); // 0.5
    // TTC: 1,05 € at 5 % → VAT 105 × 500 / 10500 = 5 exactly; 3 cents at 20 % → 0.5 → 1, taxable 2
    expect(ttc([{ quantity: 1, unitPriceCents: 105, vatRateBp: 500 }]).totalVatCents).toBe(5);
    const half = ttc([{ quantity: 1, unitPriceCents: 3, vatRateBp: 2000 }]);
    expect([half.totalVatCents, half.totalNetCents]).toEqual([1, 2]);
  });

  it('splits an unrated charge pro rata, ties to the higher rate', () => {
    const r = te(
      [
        { quantity: 1, unitPriceCents: 100, vatRateBp: 1000 },
        { quantity: 1, unitPriceCents: 100, vatRateBp: 2000 },
      ],
      { charges: [{ amountCents: 1 }] },
    );
    expect(r.adjustments).toEqual([
      { kind: 'charge', index: 0, vatRateBp: 2000, category: 'S', amountCents: 1, netCents: 1 },
    ]);
    expect(r.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: 101, vatCents: 20 },
      { vatRateBp: 1000, category: 'S', taxableCents: 100, vatCents: 10 },
    ]);
    const s = te(
      [
        { quantity: 3, unitPriceCents: 100, vatRateBp: 2000 },
        { quantity: 1, unitPriceCents: 100, vatRateBp: 550 },
      ],
      { charges: [{ amountCents: 10, reason: 'Livraison' }] },
    );
    // 7.5 / 2.5 → 7 + 2, one leftover cent, equal remainders → the higher rate
    expect(s.adjustments.map((a) => [a.vatRateBp, a.amountCents, a.reason])).toEqual([
      [2000, 8, 'Livraison'],
      [550, 2, 'Livraison'],
    ]);
    const t = te(
      [
        { quantity: 1, unitPriceCents: 200, vatRateBp: 550 },
        { quantity: 1, unitPriceCents: 100, vatRateBp: 2000 },
      ],
      { charges: [{ amountCents: 2 }] },
    );
    // 1.333 / 0.667 → 1 + 0, leftover to the largest remainder (2000's 0.667)
    expect(t.adjustments.map((a) => [a.vatRateBp, a.amountCents])).toEqual([
      [2000, 1],
      [550, 1],
    ]);
  });

  it('sends an unrated charge whole to the highest rate when every line total is 0', () => {
    const r = te(
      [
        { quantity: 1, unitPriceCents: 0, vatRateBp: 550 },
        { quantity: 2, unitPriceCents: 0, vatRateBp: 2000 },
      ],
      { charges: [{ amountCents: 500 }] },
    );
    expect(r.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: 500, vatCents: 100 },
      { vatRateBp: 550, category: 'S', taxableCents: 0, vatCents: 0 },
    ]);
  });

  it('shares a TTC rate over lines, charges and (negative) allowances', () => {
    // gross 900, VAT round(150) = 150, taxable 750: line 833.33…, allowance −83.33…
    // floors 833 and −84 (remainders .33 and .67), leftover 1 → the allowance: −83
    const r = ttc([{ quantity: 1, unitPriceCents: 1000, vatRateBp: 2000 }], {
      allowances: [{ amountCents: 100, vatRateBp: 2000 }],
    });
    expect(r.lines[0]!.netCents).toBe(833);
    expect(r.adjustments).toEqual([
      { kind: 'allowance', index: 0, vatRateBp: 2000, category: 'S', amountCents: 100, netCents: 83 },
    ]);
    expect(r.breakdown).toEqual([{ vatRateBp: 2000, category: 'S', taxableCents: 750, vatCents: 150 }]);
    // line 1000 + charge 200 - allowance 50 = 1150 TTC at 10 %: VAT round(104.545…) = 105, taxable 1045
    // shares 908.69…, 181.73…, −45.43… → 908, 181, −46 (rem .69 .73 .56), leftover 2 → charge, line
    const s = ttc([{ quantity: 1, unitPriceCents: 1000, vatRateBp: 1000 }], {
      charges: [{ amountCents: 200 }],
      allowances: [{ amountCents: 50 }],
    });
    expect(s.lines[0]!.netCents).toBe(909);
    expect(s.adjustments.map((a) => [a.kind, a.amountCents, a.netCents])).toEqual([
      ['charge', 200, 182],
      ['allowance', 50, 46],
    ]);
    expect(s.totalNetCents).toBe(1045);
  });

  it('applies the treatments: single rate-0 entry, category and mention', () => {
    const lines = [
      { quantity: 1, unitPriceCents: 1000, vatRateBp: 2000 },
      { quantity: 1, unitPriceCents: 500, vatRateBp: 550 },
    ];
    const cases = [
      ['intra_eu_goods', 'K', 'Exonération de TVA, article 262 ter I du CGI'],
      ['reverse_charge', 'AE', 'Autoliquidation'],
      ['export', 'G', 'Exonération de TVA, article 262 I du CGI'],
    ] as const;
    for (const [treatment, category, mention] of cases) {
      const r = te(lines, { treatment, charges: [{ amountCents: 300 }, { amountCents: 10, vatRateBp: 1000 }] });
      expect(r.breakdown).toEqual([{ vatRateBp: 0, category, taxableCents: 1810, vatCents: 0 }]);
      expect(r.lines.map((l) => [l.vatRateBp, l.category, l.netCents])).toEqual([
        [0, category, 1000],
        [0, category, 500],
      ]);
      expect(r.adjustments.every((a) => a.vatRateBp === 0 && a.category === category)).toBe(true);
      expect(r.mentions).toEqual([mention]);
      expect([r.totalNetCents, r.totalVatCents, r.totalGrossCents]).toEqual([1810, 0, 1810]);
    }
    const z = te([{ quantity: 1, unitPriceCents: 100, vatRateBp: 0 }], { treatment: 'domestic' });
    expect(z.breakdown).toEqual([{ vatRateBp: 0, category: 'Z', taxableCents: 100, vatCents: 0 }]);
  });

  it('rejects what the spec lists as errors', () => {
    const line = { quantity: 1, unitPriceCents: 100, vatRateBp: 2000 };
    const bad: unknown[] = [
      { mode: 'tax_exclusive', lines: [] },
      { mode: 'tax_exclusive', lines: [{ ...line, unitPriceCents: 1.5 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, unitPriceCents: -1 }] },
      { mode: 'tax_exclusive', lines: [line], charges: [{ amountCents: 0.5 }] },
      { mode: 'tax_exclusive', lines: [line], charges: [{ amountCents: -1 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, quantity: 0 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, quantity: -1 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, quantity: 1.0001 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, quantity: 0.1 + 0.2 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, discountBp: -1 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, discountBp: 10001 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, vatRateBp: 10001 }] },
      { mode: 'tax_exclusive', lines: [{ ...line, vatRateBp: -1 }] },
      { mode: 'tax_exclusive', lines: [line], charges: [{ amountCents: 1, vatRateBp: 10001 }] },
      { mode: 'ttc', lines: [line] },
      { mode: 'tax_exclusive', lines: [line], treatment: 'moon' },
      { mode: 'tax_inclusive', lines: [line], treatment: 'export' },
      { mode: 'tax_exclusive', lines: [line], allowances: [{ amountCents: 101 }] },
      { mode: 'tax_exclusive', lines: [line], allowances: [{ amountCents: 1, vatRateBp: 550 }] },
    ];
    for (const input of bad) expect(() => oracleComputeTaxes(input as OracleInput)).toThrow(OracleInputError);
    expect(() =>
      oracleComputeTaxes({ mode: 'tax_exclusive', lines: [line], allowances: [{ amountCents: 100 }] }),
    ).not.toThrow();
  });

  it('keeps its own invariants on random documents', () => {
    fc.assert(
      fc.property(validDocArb, (doc) => {
        const r = oracleComputeTaxes(doc);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(r.totalNetCents).toBe(sum(r.breakdown.map((b) => b.taxableCents)));
        expect(r.totalVatCents).toBe(sum(r.breakdown.map((b) => b.vatCents)));
        expect(r.totalGrossCents).toBe(r.totalNetCents + r.totalVatCents);
        const signed = (a: { kind: string; amountCents: number }) => (a.kind === 'charge' ? a.amountCents : -a.amountCents);
        const docTotal = sum(r.lines.map((l) => l.lineTotalCents)) + sum(r.adjustments.map(signed));
        expect(docTotal).toBe(doc.mode === 'tax_exclusive' ? r.totalNetCents : r.totalGrossCents);
        const inputs = [
          ...(doc.charges ?? []).map((c, index) => ({ kind: 'charge', index, amountCents: c.amountCents })),
          ...(doc.allowances ?? []).map((c, index) => ({ kind: 'allowance', index, amountCents: c.amountCents })),
        ];
        for (const a of inputs) {
          const parts = r.adjustments.filter((x) => x.kind === a.kind && x.index === a.index);
          expect(parts.length).toBeGreaterThan(0);
          expect(sum(parts.map((x) => x.amountCents))).toBe(a.amountCents);
        }
        for (const b of r.breakdown) {
          const lines = r.lines.filter((l) => l.vatRateBp === b.vatRateBp);
          const adjs = r.adjustments.filter((a) => a.vatRateBp === b.vatRateBp);
          const nets = sum(lines.map((l) => l.netCents)) + sum(adjs.map((a) => (a.kind === 'charge' ? a.netCents : -a.netCents)));
          expect(nets).toBe(b.taxableCents);
          // half-up on non-negative values, written differently from the oracle: floor(x + 1/2)
          const rate = BigInt(b.vatRateBp);
          const vat =
            doc.mode === 'tax_exclusive'
              ? (BigInt(b.taxableCents) * rate + 5000n) / 10000n
              : (2n * BigInt(b.taxableCents + b.vatCents) * rate + 10000n + rate) / (2n * (10000n + rate));
          expect(BigInt(b.vatCents)).toBe(vat);
        }
        for (const x of [...r.lines.map((l) => ({ amount: l.lineTotalCents, net: l.netCents })), ...r.adjustments.map((a) => ({ amount: a.amountCents, net: a.netCents }))]) {
          expect(x.net).toBeGreaterThanOrEqual(0);
          expect(x.net).toBeLessThanOrEqual(x.amount);
          if (doc.mode === 'tax_exclusive') expect(x.net).toBe(x.amount);
        }
        if (doc.treatment !== undefined && doc.treatment !== 'domestic') expect(r.breakdown).toHaveLength(1);
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });

  it('French VAT keys and SIREN Luhn', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(frenchKey('732829320')).toBe(44);
    expect(oracleValidateVatNumber('FR 44 732 829 320')).toEqual({ valid: true, country: 'FR', normalized: 'FR44732829320' });
    expect(oracleValidateVatNumber('fr44.732.829.320').valid).toBe(true);
    expect(oracleValidateVatNumber('FR45732829320').valid).toBe(false);
    expect(oracleValidateVatNumber('FR44732829321').valid).toBe(false);
    expect(oracleValidateSiren('732 829 320').valid).toBe(true);
    expect(oracleValidateSiren('732829321').valid).toBe(false);
    expect(oracleValidateSiret('732 829 320 00074').valid).toBe(true);
    expect(oracleValidateVatNumber('EL123456789')).toEqual({ valid: true, country: 'EL', normalized: 'EL123456789' });
    expect(oracleValidateVatNumber('DE 123-456-789').valid).toBe(true);
    expect(oracleValidateVatNumber('US123456789').valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// computeTaxes: real engine vs oracle.

describe('computeTaxes agrees with the oracle', { timeout: TIMEOUT }, () => {
  it('on the worked examples and hand-checked cases', () => {
    const docs: OracleInput[] = [
      { mode: 'tax_exclusive', lines: [{ quantity: 100, unitPriceCents: 47, vatRateBp: 2000 }] },
      { mode: 'tax_exclusive', lines: [{ quantity: 7, unitPriceCents: 13, vatRateBp: 2000 }] },
      { mode: 'tax_inclusive', lines: [{ quantity: 3, unitPriceCents: 1999, vatRateBp: 2000 }] },
      { mode: 'tax_exclusive', lines: [{ quantity: 1.005, unitPriceCents: 100, vatRateBp: 2000 }] },
      { mode: 'tax_exclusive', lines: [{ quantity: 2.5, unitPriceCents: 1, vatRateBp: 550 }] },
      {
        mode: 'tax_exclusive',
        lines: [
          { quantity: 1, unitPriceCents: 100, vatRateBp: 1000 },
          { quantity: 1, unitPriceCents: 100, vatRateBp: 2000 },
        ],
        charges: [{ amountCents: 1 }],
      },
      {
        mode: 'tax_exclusive',
        lines: [
          { quantity: 1, unitPriceCents: 0, vatRateBp: 550 },
          { quantity: 2, unitPriceCents: 0, vatRateBp: 2000 },
        ],
        charges: [{ amountCents: 500 }],
      },
      {
        mode: 'tax_inclusive',
        lines: Array.from({ length: 3 }, () => ({ quantity: 1, unitPriceCents: 1999, vatRateBp: 2000 })),
      },
      {
        mode: 'tax_inclusive',
        lines: [{ quantity: 1, unitPriceCents: 1000, vatRateBp: 2000 }],
        allowances: [{ amountCents: 100, vatRateBp: 2000 }],
      },
      {
        mode: 'tax_inclusive',
        lines: [{ quantity: 1, unitPriceCents: 1000, vatRateBp: 1000 }],
        charges: [{ amountCents: 200 }],
        allowances: [{ amountCents: 50 }],
      },
      {
        mode: 'tax_exclusive',
        treatment: 'intra_eu_goods',
        lines: [
          { quantity: 1, unitPriceCents: 1000, vatRateBp: 2000 },
          { quantity: 1, unitPriceCents: 500, vatRateBp: 550 },
        ],
        charges: [{ amountCents: 300 }],
      },
      { mode: 'tax_exclusive', treatment: 'export', lines: [{ quantity: 1, unitPriceCents: 1, vatRateBp: 2000 }] },
      {
        mode: 'tax_exclusive',
        treatment: 'reverse_charge',
        lines: [{ quantity: 1, unitPriceCents: 1, vatRateBp: 2000 }],
      },
      {
        mode: 'tax_exclusive',
        lines: [{ quantity: 1, unitPriceCents: 100, vatRateBp: 2000 }],
        allowances: [{ amountCents: 100 }],
      },
      {
        mode: 'tax_inclusive',
        lines: [{ quantity: 1, unitPriceCents: 100, vatRateBp: 2000 }],
        allowances: [{ amountCents: 100, vatRateBp: 2000 }],
      },
      {
        mode: 'tax_exclusive',
        lines: [{ quantity: 1, unitPriceCents: 100, vatRateBp: 550 }],
        charges: [{ amountCents: 500, vatRateBp: 2000, reason: 'Livraison' }],
      },
    ];
    for (const doc of docs) expectSame(doc);
  });

  it('on random valid documents (both modes, all treatments)', () => {
    fc.assert(
      fc.property(validDocArb, (doc) => {
        expectSame(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on random valid tax-inclusive documents with allowances', () => {
    const arb = docSpecArb
      .filter((s) => s.allowances.length > 0)
      .map((s) => makeValid(buildDoc({ ...s, mode: 'tax_inclusive' }), s.exactAllowance));
    fc.assert(
      fc.property(arb, (doc) => {
        expectSame(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on documents with many lines at few rates (ties in every allocation)', () => {
    const small = fc.record({
      quantity: fc.constantFrom(1, 2, 3, 0.5, 1.5),
      unitPriceCents: fc.constantFrom(0, 1, 3, 7, 10, 100, 1999),
      vatRateBp: fc.constantFrom(550, 2000),
    });
    const adj = fc.record({ amountCents: fc.integer({ min: 0, max: 30 }) });
    const arb = fc
      .record({
        mode: fc.constantFrom<'tax_inclusive' | 'tax_exclusive'>('tax_inclusive', 'tax_exclusive'),
        lines: fc.array(small, { minLength: 1, maxLength: 12 }),
        charges: fc.array(adj, { maxLength: 3 }),
        allowances: fc.array(adj, { maxLength: 3 }),
      })
      .map((d) => makeValid(d, undefined));
    fc.assert(
      fc.property(arb, (doc) => {
        expectSame(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on exact half-cent VAT amounts (rounded away from zero)', () => {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    // rates r where amount × r / D can be exactly k + 1/2 (D = 10000 HT, 10000 + r TTC): the reduced
    // denominator q of r / D is even, and amount = (q / 2) × odd gives a half-cent.
    const arb = fc
      .record({
        mode: fc.constantFrom<'tax_inclusive' | 'tax_exclusive'>('tax_inclusive', 'tax_exclusive'),
        rate: fc.oneof(fc.constantFrom(550, 2000, 2500, 10000, 1, 5000, 3750), fc.integer({ min: 1, max: 10000 })),
        odd: fc.integer({ min: 0, max: 5000 }).map((k) => 2 * k + 1),
        split: fc.integer({ min: 1, max: 4 }),
      })
      .filter(({ mode, rate }) => {
        const d = mode === 'tax_exclusive' ? 10000 : 10000 + rate;
        return (d / gcd(rate, d)) % 2 === 0;
      })
      .map(({ mode, rate, odd, split }): OracleInput => {
        const d = mode === 'tax_exclusive' ? 10000 : 10000 + rate;
        const amount = ((d / gcd(rate, d)) / 2) * odd;
        const first = Math.floor(amount / split);
        const lines = Array.from({ length: split }, (_, i) => ({
          quantity: 1,
          unitPriceCents: i === 0 ? amount - first * (split - 1) : first,
          vatRateBp: rate,
        }));
        return { mode, lines };
      });
    fc.assert(
      fc.property(arb, (doc) => {
        expectSame(doc);
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });

  it('gives totals and a breakdown that do not depend on the order of the lines', () => {
    fc.assert(
      fc.property(validDocArb, fc.nat(), (doc, seed) => {
        const shuffled = [...doc.lines];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = real(doc);
        const b = real({ ...doc, lines: shuffled });
        expect(comparable(b).breakdown).toEqual(comparable(a).breakdown);
        expect([b.totalNetCents, b.totalVatCents, b.totalGrossCents]).toEqual([
          a.totalNetCents,
          a.totalVatCents,
          a.totalGrossCents,
        ]);
      }),
      { numRuns: NUM_RUNS / 4 },
    );
  });

  it('on random domestic documents whose allowances may or may not fit: same result or both throw', () => {
    const arb = docSpecArb.map((spec) => {
      const doc = buildDoc({ ...spec, treatment: undefined });
      return spec.exactAllowance === undefined ? doc : makeValid(doc, spec.exactAllowance);
    });
    fc.assert(
      fc.property(arb, (doc) => {
        if (oracleAccepts(doc)) expectSame(doc);
        else expectBothThrow(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects allowances larger than their rate amount, like the oracle', () => {
    const arb = fc
      .tuple(docSpecArb, fc.integer({ min: 1, max: 1000 }), fc.constantFrom('rated', 'unrated', 'foreign'), fc.nat())
      .map(([spec, extra, how, pick]) => {
        const doc = makeValid(buildDoc({ ...spec, treatment: undefined }), undefined);
        const allowances = [...(doc.allowances ?? [])];
        if (how === 'rated') {
          // one more allowance at a line's rate, exceeding what that rate has left
          const rate = doc.lines[pick % doc.lines.length]!.vatRateBp;
          const left = rateAmountWithout({ ...doc, allowances: [...allowances, { amountCents: 0 }] }, allowances.length, rate);
          allowances.push({ amountCents: left + extra, vatRateBp: rate });
        } else if (how === 'unrated') {
          // more than everything the document holds: some line rate must go negative
          const r = oracleComputeTaxes({ ...doc, allowances: [] });
          const everything = doc.mode === 'tax_exclusive' ? r.totalNetCents : r.totalGrossCents;
          allowances.push({ amountCents: everything + extra });
        } else {
          // an allowance at a rate nothing else carries
          const used = new Set([
            ...doc.lines.map((l) => l.vatRateBp),
            ...(doc.charges ?? []).flatMap((c) => (c.vatRateBp === undefined ? [] : [c.vatRateBp])),
            ...allowances.flatMap((c) => (c.vatRateBp === undefined ? [] : [c.vatRateBp])),
          ]);
          let rate = pick % 10001;
          while (used.has(rate)) rate = (rate + 1) % 10001;
          allowances.push({ amountCents: extra, vatRateBp: rate });
        }
        return { ...doc, allowances };
      });
    fc.assert(
      fc.property(arb, (doc) => {
        expectBothThrow(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // A disagreement seen once, while lib/tax was being written: it accepted 0.1 + 0.2
  // (= 0.30000000000000004) as if it were 0.3. The spec: "It throws a TaxInputError [...] on [...] a
  // quantity with more than 3 decimals", and the number 0.30000000000000004 has 17 decimals.
  it('rejects a quantity that is not exactly a 3-decimal number (0.1 + 0.2)', () => {
    const line = { quantity: 0.1 + 0.2, unitPriceCents: 100, vatRateBp: 2000 };
    expectBothThrow({ mode: 'tax_exclusive', lines: [line] });
    expectBothThrow({ mode: 'tax_exclusive', lines: [{ ...line, quantity: 123456.789 + 2 ** -36 }] });
  });

  it('rejects invalid input, like the oracle', () => {
    type Mutation = (d: OracleInput, k: number, v: number) => unknown;
    const at = <T>(arr: T[], k: number, f: (x: T) => T): T[] => arr.map((x, i) => (i === k % arr.length ? f(x) : x));
    const mutations: Record<string, Mutation> = {
      noLine: (d) => ({ ...d, lines: [] }),
      fractionalPrice: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, unitPriceCents: v + 0.5 })) }),
      tinyFractionPrice: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, unitPriceCents: v + 0.01 })) }),
      negativePrice: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, unitPriceCents: -1 - v })) }),
      nanPrice: (d, k) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, unitPriceCents: Number.NaN })) }),
      infinitePrice: (d, k) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, unitPriceCents: Number.POSITIVE_INFINITY })) }),
      zeroQuantity: (d, k) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, quantity: 0 })) }),
      negativeQuantity: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, quantity: -(v % 1000) / 1000 - 0.001 })) }),
      manyDecimals: (d, k) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, quantity: 0.1 + 0.2 })) }),
      fourDecimals: (d, k, v) => ({
        ...d,
        lines: at(d.lines, k, (l) => ({ ...l, quantity: (10 * (v % 100_000) + 1 + (v % 9)) / 10_000 })),
      }),
      nanQuantity: (d, k) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, quantity: Number.NaN })) }),
      discountBelow: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, discountBp: -1 - (v % 10000) })) }),
      discountAbove: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, discountBp: 10001 + v })) }),
      lineRateAbove: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, vatRateBp: 10001 + v })) }),
      lineRateBelow: (d, k, v) => ({ ...d, lines: at(d.lines, k, (l) => ({ ...l, vatRateBp: -1 - (v % 10000) })) }),
      chargeNegative: (d, _k, v) => ({ ...d, charges: [...(d.charges ?? []), { amountCents: -1 - v }] }),
      chargeFractional: (d, _k, v) => ({ ...d, charges: [...(d.charges ?? []), { amountCents: v + 0.5 }] }),
      chargeRateAbove: (d, _k, v) => ({ ...d, charges: [...(d.charges ?? []), { amountCents: v, vatRateBp: 10001 + v }] }),
      chargeRateBelow: (d, _k, v) => ({ ...d, charges: [...(d.charges ?? []), { amountCents: v, vatRateBp: -1 }] }),
      allowanceNegative: (d, _k, v) => ({ ...d, allowances: [...(d.allowances ?? []), { amountCents: -1 - v }] }),
      allowanceFractional: (d) => ({ ...d, allowances: [...(d.allowances ?? []), { amountCents: 0.5 }] }),
      allowanceRateAbove: (d) => ({ ...d, allowances: [...(d.allowances ?? []), { amountCents: 0, vatRateBp: 10001 }] }),
      unknownMode: (d) => ({ ...d, mode: 'tax_included' }),
      missingMode: (d) => {
        const { mode: _m, ...rest } = d;
        return rest;
      },
      unknownTreatment: (d) => ({ ...d, mode: 'tax_exclusive', treatment: 'intra_eu_services' }),
      inclusiveWithTreatment: (d, k) => ({
        ...d,
        mode: 'tax_inclusive',
        treatment: (['intra_eu_goods', 'reverse_charge', 'export'] as const)[k % 3],
      }),
    };
    const names = Object.keys(mutations);
    fc.assert(
      fc.property(
        validDocArb,
        fc.constantFrom(...names),
        fc.nat(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (doc, name, k, v) => {
          expectBothThrow(mutations[name]!(doc, k, v));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// VAT numbers, SIREN, SIRET: real vs oracle.

const digit = fc.constantFrom(...'0123456789'.split(''));
const nonZeroDigit = fc.constantFrom(...'123456789'.split(''));
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const letterIn = (set: string) => fc.constantFrom(...set.split(''));
const AZ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Luhn-valid SIRENs. */
const sirenArb = digits(8).map(completeSiren);

/** Strictly valid VAT numbers (every reasonable reading of each state's format accepts them). */
const strictVatByCountry: Record<(typeof EU_MEMBER_PREFIXES)[number], fc.Arbitrary<string>> = {
  AT: digits(8).map((d) => `ATU${d}`),
  BE: digits(9).map((d) => `BE0${d}`),
  BG: fc.tuple(nonZeroDigit, fc.oneof(digits(8), digits(9))).map(([a, b]) => `BG${a}${b}`),
  CY: fc.tuple(letterIn('013459'), digits(7), letterIn(AZ)).map(([a, b, c]) => `CY${a}${b}${c}`),
  CZ: fc.tuple(nonZeroDigit, fc.oneof(digits(7), digits(8), digits(9))).map(([a, b]) => `CZ${a}${b}`),
  DE: fc.tuple(nonZeroDigit, digits(8)).map(([a, b]) => `DE${a}${b}`),
  DK: fc.tuple(nonZeroDigit, digits(7)).map(([a, b]) => `DK${a}${b}`),
  EE: digits(7).map((d) => `EE10${d}`),
  EL: digits(9).map((d) => `EL${d}`),
  ES: fc.oneof(
    fc.tuple(letterIn('ABCDEFGHJUV'), digits(8)).map(([a, b]) => `ES${a}${b}`),
    fc.tuple(digits(8), letterIn('TRWAGMYFPDXBNJZSQVHLCKE')).map(([a, b]) => `ES${a}${b}`),
  ),
  FI: digits(8).map((d) => `FI${d}`),
  FR: fc.oneof(
    sirenArb.map(frenchVatNumber),
    fc
      .tuple(letterIn('ABCDEFGHJKLMNPQRSTUVWXYZ'), letterIn('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'), fc.boolean(), sirenArb)
      .map(([a, b, swap, s]) => `FR${swap ? b + a : a + b}${s}`),
  ),
  HR: digits(11).map((d) => `HR${d}`),
  HU: fc.tuple(nonZeroDigit, digits(7)).map(([a, b]) => `HU${a}${b}`),
  IE: fc.tuple(nonZeroDigit, digits(6), letterIn('ABCDEFGHIJKLMNOPQRSTUVW')).map(([a, b, c]) => `IE${a}${b}${c}`),
  IT: digits(11).map((d) => `IT${d}`),
  LT: fc.oneof(digits(9), digits(12)).map((d) => `LT${d}`),
  LU: fc.tuple(nonZeroDigit, digits(7)).map(([a, b]) => `LU${a}${b}`),
  LV: digits(11).map((d) => `LV${d}`),
  MT: fc.tuple(nonZeroDigit, digits(7)).map(([a, b]) => `MT${a}${b}`),
  NL: fc.tuple(digits(9), digits(2)).map(([a, b]) => `NL${a}B${b}`),
  PL: fc.tuple(nonZeroDigit, digits(9)).map(([a, b]) => `PL${a}${b}`),
  PT: fc.tuple(nonZeroDigit, digits(8)).map(([a, b]) => `PT${a}${b}`),
  RO: fc.tuple(nonZeroDigit, fc.integer({ min: 1, max: 9 }).chain(digits)).map(([a, b]) => `RO${a}${b}`),
  SE: digits(10).map((d) => `SE${d}01`),
  SI: fc.tuple(nonZeroDigit, digits(7)).map(([a, b]) => `SI${a}${b}`),
  SK: fc.tuple(nonZeroDigit, digits(9)).map(([a, b]) => `SK${a}${b}`),
};
const strictVatArb = fc.oneof(...Object.values(strictVatByCountry));

/** Insert spaces, dots and dashes, and lower-case some letters: the same number, written by a human. */
function humanise(s: string, noise: { at: number; sep: string }[], lower: boolean[]): string {
  let out = s
    .split('')
    .map((c, i) => (lower[i % Math.max(lower.length, 1)] ? c.toLowerCase() : c))
    .join('');
  for (const { at, sep } of noise) {
    const p = at % (out.length + 1);
    out = out.slice(0, p) + sep + out.slice(p);
  }
  return out;
}
const noiseArb = fc.array(fc.record({ at: fc.nat(), sep: fc.constantFrom(' ', '.', '-', '  ') }), { maxLength: 5 });

/** Compare a VAT-number verdict where the spec (and every reasonable reading) decides it. */
function checkVat(text: string): void {
  const verdict = oracleVatVerdict(text);
  const r = validateVatNumber(text);
  if (verdict === 'ambiguous') return;
  expect(r.valid, `validateVatNumber(${JSON.stringify(text)})`).toBe(verdict === 'valid');
  if (verdict === 'valid') {
    const o = oracleValidateVatNumber(text);
    expect(r.normalized).toBe(o.normalized);
    if (o.country === 'EL') expect(['EL', 'GR']).toContain(r.country);
    else expect(r.country).toBe(o.country);
  }
}

describe('VAT numbers agree with the oracle', { timeout: TIMEOUT }, () => {
  it('accept every member state format, however written', () => {
    for (const prefix of EU_MEMBER_PREFIXES) {
      fc.assert(
        fc.property(strictVatByCountry[prefix], noiseArb, fc.array(fc.boolean(), { maxLength: 14 }), (n, noise, lower) => {
          expect(oracleVatVerdict(n)).toBe('valid');
          checkVat(n);
          checkVat(humanise(n, noise, lower));
        }),
        { numRuns: Math.ceil(NUM_RUNS / 10) },
      );
    }
  });

  it('on known numbers', () => {
    for (const text of [
      'FR44732829320',
      'FR 44 732 829 320',
      'fr44-732-829-320',
      'FR45732829320',
      'FR44732829321',
      'FR4473282932',
      'DE123456789',
      'EL094259216',
      'ATU13585627',
      'BE0403019261',
      'NL004495445B01',
      'ESA28015865',
      'IE6388047V',
      'SE556703748501',
      'US123456789',
      '',
      'FR',
    ]) {
      checkVat(text);
    }
  });

  it('on generated French numbers: right key and Luhn-valid SIREN, wrong key, non-Luhn SIREN', () => {
    fc.assert(
      fc.property(sirenArb, fc.integer({ min: 1, max: 96 }), digits(9), (siren, shift, any) => {
        const good = frenchVatNumber(siren);
        checkVat(good);
        expect(validateVatNumber(good).valid).toBe(true);
        const wrongKey = `FR${String((frenchKey(siren) + shift) % 97).padStart(2, '0')}${siren}`;
        checkVat(wrongKey);
        expect(validateVatNumber(wrongKey).valid).toBe(false);
        const anyNumber = frenchVatNumber(any); // right key, SIREN Luhn-valid or not
        checkVat(anyNumber);
        expect(validateVatNumber(anyNumber).valid).toBe(luhnValid(any));
        checkVat(`FR${String(frenchKey(siren)).padStart(2, '0')}${siren.slice(0, 8)}`);
        checkVat(`${good}0`);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on mutated valid numbers', () => {
    const alphabet = fc.constantFrom(...`${AZ}0123456789`.split(''));
    fc.assert(
      fc.property(
        strictVatArb,
        fc.constantFrom('replace', 'delete', 'insert', 'swap', 'prefix'),
        fc.nat(),
        alphabet,
        fc.constantFrom(...EU_MEMBER_PREFIXES, 'GB', 'US', 'CH', 'NO', 'XX', 'GR', 'XI'),
        (n, how, pos, c, prefix) => {
          const p = pos % n.length;
          let m: string;
          if (how === 'replace') m = n.slice(0, p) + c + n.slice(p + 1);
          else if (how === 'delete') m = n.slice(0, p) + n.slice(p + 1);
          else if (how === 'insert') m = n.slice(0, p) + c + n.slice(p);
          else if (how === 'swap') m = p + 1 < n.length ? n.slice(0, p) + n[p + 1] + n[p] + n.slice(p + 2) : n;
          else m = prefix + n.slice(2);
          checkVat(m);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('on random strings', () => {
    const chars = fc.constantFrom(...`${AZ}abcxyz0123456789 .-`.split(''));
    const arb = fc.oneof(
      fc.array(chars, { maxLength: 20 }).map((a) => a.join('')),
      fc
        .tuple(
          fc.constantFrom(...EU_MEMBER_PREFIXES, 'GB', 'US', 'XX'),
          fc.array(fc.oneof({ weight: 5, arbitrary: digit }, { weight: 1, arbitrary: chars }), { maxLength: 14 }),
        )
        .map(([p, b]) => p + b.join('')),
    );
    fc.assert(
      fc.property(arb, (text) => {
        checkVat(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('validateSiren on generated and random SIRENs', () => {
    const arb = fc.oneof(
      fc.tuple(sirenArb, noiseArb).map(([s, noise]) => humanise(s, noise, [])),
      digits(9),
      fc.integer({ min: 0, max: 12 }).chain(digits),
      fc.array(fc.constantFrom(...'0123456789 .-A'.split('')), { maxLength: 14 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arb, (text) => {
        const o = oracleValidateSiren(text);
        const r = validateSiren(text);
        expect(r.valid, `validateSiren(${JSON.stringify(text)})`).toBe(o.valid);
        if (o.valid) expect(r.normalized).toBe(o.normalized);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(validateSiren('732 829 320').valid).toBe(true);
    expect(validateSiren('732829321').valid).toBe(false);
  });

  it('validateSiret on generated and random SIRETs', () => {
    const completeLuhn = (thirteen: string): string => {
      for (let c = 0; c <= 9; c++) if (luhnValid(thirteen + String(c))) return thirteen + String(c);
      throw new Error('unreachable');
    };
    const arb = fc.oneof(
      fc.tuple(sirenArb, digits(4), noiseArb).map(([s, nic, noise]) => humanise(completeLuhn(s + nic), noise, [])),
      digits(13).map(completeLuhn),
      digits(14),
      fc.integer({ min: 0, max: 16 }).chain(digits),
      fc.array(fc.constantFrom(...'0123456789 .-A'.split('')), { maxLength: 18 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arb, (text) => {
        const verdict = oracleSiretVerdict(text);
        const r = validateSiret(text);
        if (verdict === 'ambiguous') return;
        expect(r.valid, `validateSiret(${JSON.stringify(text)})`).toBe(verdict === 'valid');
        if (verdict === 'valid') expect(r.normalized).toBe(oracleNormalize(text));
      }),
      { numRuns: NUM_RUNS },
    );
    expect(validateSiret('732 829 320 00074').valid).toBe(true);
    expect(validateSiret('73282932000075').valid).toBe(false);
  });
});
