/**
 * Property-based tests over random documents: the invariants of spec/tax.md, and agreement with a
 * deliberately naive all-BigInt model of the engine (so the Number fast paths are checked too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTaxes } from './compute-taxes';
import { TaxInputError } from './errors';
import type { TaxAdjustmentInput, TaxInput, TaxLineInput, TaxMode, TaxResult, Treatment, VatCategory } from './types';

// ---------------------------------------------------------------------------------------------
// A naive model: BigInt everywhere, exact rationals, sorting for every largest-remainder step.

const roundDiv = (n: bigint, d: bigint): bigint => {
  const a = n < 0n ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return n < 0n ? -q : q;
};
const floorDiv = (n: bigint, d: bigint): bigint => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** Largest remainder, ties to the lower index: Σ result = total. */
function largestRemainder(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  const floors = weights.map((w) => floorDiv(total * w, sum));
  const rems = weights.map((w, i) => total * w - floors[i]! * sum);
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const order = weights.map((_, i) => i).sort((a, b) => (rems[a]! === rems[b]! ? a - b : rems[a]! > rems[b]! ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

interface ModelPart {
  kind: 'charge' | 'allowance';
  index: number;
  rate: number;
  amount: bigint;
  net: bigint;
  reason: string | undefined;
}

function model(input: TaxInput): TaxResult {
  const treatment: Treatment = input.treatment ?? 'domestic';
  const category = (rate: number): VatCategory =>
    treatment === 'intra_eu_goods' ? 'K' : treatment === 'reverse_charge' ? 'AE' : treatment === 'export' ? 'G' : rate === 0 ? 'Z' : 'S';
  const inclusive = input.mode === 'tax_inclusive';
  const lines = input.lines.map((l) => {
    const qm = BigInt(Math.round(l.quantity * 1000));
    const total = roundDiv(
      qm * BigInt(l.unitPriceCents) * BigInt(10000 - (l.discountBp ?? 0)),
      10_000_000n * BigInt(l.baseQuantity ?? 1),
    );
    return { total, rate: treatment === 'domestic' ? l.vatRateBp : 0, net: total };
  });
  const lineRates = [...new Set(lines.map((l) => l.rate))].sort((a, b) => b - a);
  const weights = lineRates.map((r) => lines.filter((l) => l.rate === r).reduce((s, l) => s + l.total, 0n));
  const parts: ModelPart[] = [];
  const place = (kind: 'charge' | 'allowance', items: readonly TaxAdjustmentInput[] | undefined) =>
    (items ?? []).forEach((item, index) => {
      const amount = BigInt(item.amountCents);
      if (treatment !== 'domestic' || item.vatRateBp !== undefined) {
        parts.push({ kind, index, rate: treatment === 'domestic' ? item.vatRateBp! : 0, amount, net: amount, reason: item.reason });
      } else if (amount === 0n || weights.every((w) => w === 0n)) {
        parts.push({ kind, index, rate: lineRates[0]!, amount, net: amount, reason: item.reason });
      } else {
        largestRemainder(amount, weights).forEach((share, k) => {
          if (share !== 0n) parts.push({ kind, index, rate: lineRates[k]!, amount: share, net: share, reason: item.reason });
        });
      }
    });
  place('charge', input.charges);
  place('allowance', input.allowances);
  const rates = [...new Set([...lineRates, ...parts.map((p) => p.rate)])].sort((a, b) => b - a);
  const breakdown = rates.map((rate) => {
    const myLines = lines.filter((l) => l.rate === rate);
    const myParts = parts.filter((p) => p.rate === rate);
    const sign = (p: ModelPart) => (p.kind === 'charge' ? 1n : -1n);
    const amount = myLines.reduce((s, l) => s + l.total, 0n) + myParts.reduce((s, p) => s + sign(p) * p.amount, 0n);
    if (amount < 0n) throw new Error('allowances exceed');
    let vat: bigint;
    let taxable: bigint;
    if (inclusive) {
      vat = roundDiv(amount * BigInt(rate), BigInt(10000 + rate));
      taxable = amount - vat;
      // Lines in input order, then charge parts, then allowance parts (each in input order).
      const items = [...myLines, ...myParts.filter((p) => p.kind === 'charge'), ...myParts.filter((p) => p.kind === 'allowance')];
      const itemWeights = items.map((it) => ('kind' in it ? sign(it) * it.amount : it.total));
      const nets = amount === 0n ? items.map(() => 0n) : largestRemainder(taxable, itemWeights);
      items.forEach((it, k) => {
        it.net = nets[k]! < 0n ? -nets[k]! : nets[k]!;
      });
    } else {
      taxable = amount;
      vat = roundDiv(amount * BigInt(rate), 10000n);
    }
    return { vatRateBp: rate, category: category(rate), taxableCents: Number(taxable), vatCents: Number(vat) };
  });
  const totalNet = breakdown.reduce((s, b) => s + b.taxableCents, 0);
  const totalVat = breakdown.reduce((s, b) => s + b.vatCents, 0);
  return {
    lines: lines.map((l) => ({ lineTotalCents: Number(l.total), netCents: Number(l.net), vatRateBp: l.rate, category: category(l.rate) })),
    adjustments: parts.map((p) => ({
      kind: p.kind,
      index: p.index,
      vatRateBp: p.rate,
      category: category(p.rate),
      amountCents: Number(p.amount),
      netCents: Number(p.net),
      ...(p.reason === undefined ? {} : { reason: p.reason }),
    })),
    breakdown,
    totalNetCents: totalNet,
    totalVatCents: totalVat,
    totalGrossCents: totalNet + totalVat,
    mentions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Random documents.

const rateArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(2000, 1000, 550, 210, 0) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10000 }) },
);

function lineArb(large: boolean): fc.Arbitrary<TaxLineInput> {
  return fc.record(
    {
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: large ? 1_000_000_000 : 100_000 }).map((m) => m / 1000),
      ),
      unitPriceCents: large ? fc.integer({ min: 0, max: 1_000_000_000_000 }) : fc.integer({ min: 0, max: 100_000 }),
      baseQuantity: fc.constantFrom(1, 10, 100, 1000, 3),
      discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10000 })),
      vatRateBp: rateArb,
    },
    { requiredKeys: ['quantity', 'unitPriceCents', 'vatRateBp'] },
  );
}

function adjustmentArb(large: boolean, max: number): fc.Arbitrary<TaxAdjustmentInput> {
  return fc.record(
    {
      amountCents: large ? fc.integer({ min: 0, max: 1_000_000_000_000 }) : fc.integer({ min: 0, max }),
      vatRateBp: rateArb,
      reason: fc.constantFrom('Livraison', 'Remise'),
    },
    { requiredKeys: ['amountCents'] },
  );
}

function docArb(mode: TaxMode | undefined, large = false): fc.Arbitrary<TaxInput> {
  return fc
    .record({
      mode: mode === undefined ? fc.constantFrom<TaxMode>('tax_inclusive', 'tax_exclusive') : fc.constant(mode),
      lines: fc.array(lineArb(large), { minLength: 1, maxLength: 8 }),
      charges: fc.array(adjustmentArb(large, 5000), { maxLength: 3 }),
      allowances: fc.array(adjustmentArb(large, 2000), { maxLength: 3 }),
      treatment: fc.constantFrom<Treatment>('domestic', 'domestic', 'domestic', 'intra_eu_goods', 'reverse_charge', 'export'),
    })
    .map((d) => (d.mode === 'tax_inclusive' ? { ...d, treatment: 'domestic' as const } : d));
}

/** computeTaxes, or undefined when the random allowances exceed their rate (a legitimate refusal). */
function compute(input: TaxInput): TaxResult | undefined {
  try {
    return computeTaxes(input);
  } catch (e) {
    if (e instanceof TaxInputError && e.code === 'allowances_exceed_amount') return undefined;
    throw e;
  }
}

const roundDivNumber = (n: number, rate: number, d: number) => Number(roundDiv(BigInt(n) * BigInt(rate), BigInt(d)));

/** Σ line totals + charges − allowances at `rate` (the rate's taxable amount, or gross when TTC). */
function amountAt(r: TaxResult, rate: number): number {
  let sum = 0;
  for (const l of r.lines) if (l.vatRateBp === rate) sum += l.lineTotalCents;
  for (const a of r.adjustments) if (a.vatRateBp === rate) sum += a.kind === 'charge' ? a.amountCents : -a.amountCents;
  return sum;
}

/** Σ line nets + charge nets − allowance nets at `rate`. */
function netsAt(r: TaxResult, rate: number): number {
  let sum = 0;
  for (const l of r.lines) if (l.vatRateBp === rate) sum += l.netCents;
  for (const a of r.adjustments) if (a.vatRateBp === rate) sum += a.kind === 'charge' ? a.netCents : -a.netCents;
  return sum;
}

describe('computeTaxes — properties', () => {
  it('agrees with the naive BigInt model (lines, adjustments, breakdown, totals)', () => {
    fc.assert(
      fc.property(docArb(undefined), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        const { mentions: _m, ...rest } = r!;
        const { mentions: _n, ...expected } = model(input);
        expect(rest).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the model on large amounts (BigInt paths)', () => {
    fc.assert(
      fc.property(docArb(undefined, true), (input) => {
        let r: TaxResult | undefined;
        try {
          r = compute(input);
        } catch (e) {
          fc.pre(!(e instanceof TaxInputError && e.code === 'too_large'));
          throw e;
        }
        fc.pre(r !== undefined);
        const { mentions: _m, ...rest } = r!;
        const { mentions: _n, ...expected } = model(input);
        expect(rest).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('net + VAT = gross, and the totals are the sums of the breakdown', () => {
    fc.assert(
      fc.property(docArb(undefined), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        expect(r!.totalNetCents + r!.totalVatCents).toBe(r!.totalGrossCents);
        expect(r!.breakdown.reduce((s, b) => s + b.taxableCents, 0)).toBe(r!.totalNetCents);
        expect(r!.breakdown.reduce((s, b) => s + b.vatCents, 0)).toBe(r!.totalVatCents);
      }),
    );
  });

  it('tax-exclusive: taxable = Σ lines + charges − allowances and VAT = round(taxable × rate), per rate', () => {
    fc.assert(
      fc.property(docArb('tax_exclusive'), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        for (const b of r!.breakdown) {
          expect(b.taxableCents).toBe(amountAt(r!, b.vatRateBp));
          expect(b.vatCents).toBe(roundDivNumber(b.taxableCents, b.vatRateBp, 10000));
        }
        for (const l of r!.lines) expect(l.netCents).toBe(l.lineTotalCents);
        for (const a of r!.adjustments) expect(a.netCents).toBe(a.amountCents);
      }),
    );
  });

  it('tax-inclusive: gross = Σ TTC lines + charges − allowances, VAT = round(gross × rate / (1 + rate))', () => {
    fc.assert(
      fc.property(docArb('tax_inclusive'), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        let gross = 0;
        for (const b of r!.breakdown) {
          const rateGross = amountAt(r!, b.vatRateBp);
          expect(b.taxableCents + b.vatCents).toBe(rateGross);
          expect(b.vatCents).toBe(roundDivNumber(rateGross, b.vatRateBp, 10000 + b.vatRateBp));
          gross += rateGross;
        }
        expect(r!.totalGrossCents).toBe(gross);
        const charges = (input.charges ?? []).reduce((s, c) => s + c.amountCents, 0);
        const allowances = (input.allowances ?? []).reduce((s, c) => s + c.amountCents, 0);
        expect(r!.totalGrossCents).toBe(r!.lines.reduce((s, l) => s + l.lineTotalCents, 0) + charges - allowances);
      }),
    );
  });

  it('line and adjustment nets add up to each rate’s taxable amount, and stay within their amounts', () => {
    fc.assert(
      fc.property(docArb(undefined), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        for (const b of r!.breakdown) expect(netsAt(r!, b.vatRateBp)).toBe(b.taxableCents);
        for (const l of r!.lines) {
          expect(l.netCents).toBeGreaterThanOrEqual(0);
          expect(l.netCents).toBeLessThanOrEqual(l.lineTotalCents);
        }
        for (const a of r!.adjustments) {
          expect(a.amountCents).toBeGreaterThanOrEqual(0);
          expect(a.netCents).toBeGreaterThanOrEqual(0);
          expect(a.netCents).toBeLessThanOrEqual(a.amountCents);
        }
      }),
    );
  });

  it('splits every charge and allowance into parts that add up to it', () => {
    fc.assert(
      fc.property(docArb(undefined), (input) => {
        const r = compute(input);
        fc.pre(r !== undefined);
        for (const [kind, list] of [
          ['charge', input.charges ?? []],
          ['allowance', input.allowances ?? []],
        ] as const) {
          list.forEach((item, index) => {
            const parts = r!.adjustments.filter((a) => a.kind === kind && a.index === index);
            expect(parts.length).toBeGreaterThan(0);
            expect(parts.reduce((s, p) => s + p.amountCents, 0)).toBe(item.amountCents);
            for (const p of parts) expect(p.reason).toBe(item.reason);
          });
        }
      }),
    );
  });

  it('gives totals and breakdown that do not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        docArb(undefined).chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray([...d.lines], { minLength: d.lines.length, maxLength: d.lines.length }))),
        ([input, shuffled]) => {
          const a = compute(input);
          fc.pre(a !== undefined);
          const b = computeTaxes({ ...input, lines: shuffled });
          expect(b.breakdown).toEqual(a!.breakdown);
          expect([b.totalNetCents, b.totalVatCents, b.totalGrossCents]).toEqual([a!.totalNetCents, a!.totalVatCents, a!.totalGrossCents]);
          if (input.mode === 'tax_exclusive') expect(b.adjustments).toEqual(a!.adjustments);
        },
      ),
    );
  });

  it('rates every amount 0 with one category outside domestic', () => {
    fc.assert(
      fc.property(docArb('tax_exclusive'), (input) => {
        fc.pre(input.treatment !== 'domestic');
        const r = compute(input);
        fc.pre(r !== undefined);
        expect(r!.breakdown).toHaveLength(1);
        expect(r!.breakdown[0]!.vatRateBp).toBe(0);
        expect(r!.totalVatCents).toBe(0);
        expect(r!.mentions).toHaveLength(1);
        const categories = new Set([...r!.lines, ...r!.adjustments, ...r!.breakdown].map((x) => x.category));
        expect(categories.size).toBe(1);
      }),
    );
  });
});
