import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTaxes, type TaxMode, type Treatment } from '@/lib/tax';
import { computeCredit, type CreditComputation, type CreditedSoFar, type CreditRequest, type InvoicedLine, type InvoicedRate } from './credit-note-math';

/*
 * computeCredit is the pure half of issueCreditNote (staff-service.ts): the service reads what was
 * credited so far (creditedSoFar), asks computeCredit, and stores the result. `credit()` below plays
 * the service: it folds every accepted note into CreditedSoFar exactly as creditedSoFar() rebuilds it
 * from the stored notes (per rate: taxable and taxable + VAT of each breakdown entry; per invoice
 * line: quantity and line total of each credited line; the notes' gross).
 */

interface TestInvoice {
  mode: TaxMode;
  treatment: Treatment;
  grossCents: number;
  lines: InvoicedLine[];
  rates: (InvoicedRate & { category: string })[];
}

function invoiceOf(
  lines: { quantity: number; unitPriceCents: number; discountBp?: number; vatRateBp: number }[],
  opts: { mode?: TaxMode; treatment?: Treatment; shippingCents?: number } = {},
): TestInvoice {
  const mode = opts.mode ?? 'tax_exclusive';
  const treatment = opts.treatment ?? 'domestic';
  const tax = computeTaxes({ mode, treatment, lines, charges: opts.shippingCents ? [{ amountCents: opts.shippingCents }] : [] });
  return {
    mode,
    treatment,
    grossCents: tax.totalGrossCents,
    lines: lines.map((l, i) => ({
      id: `line-${i + 1}`,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      baseQuantity: 1,
      discountBp: l.discountBp ?? 0,
      // As issued: the engine's rate (0 outside `domestic`), copied from the order line.
      vatRateBp: tax.lines[i]!.vatRateBp,
      lineTotalCents: tax.lines[i]!.lineTotalCents,
    })),
    rates: tax.breakdown.map((b) => ({ vatRateBp: b.vatRateBp, taxableCents: b.taxableCents, vatCents: b.vatCents, category: b.category })),
  };
}

/** Messages compared in fr-FR form whatever the spaces and decimal mark (`5.5 %` = `5,5 %`). */
const norm = (m: string) => m.replace(/[\u00A0\u202F]/g, ' ').replace(/(\d)\.(\d)/g, '$1,$2');
function expectRefused(c: CreditComputation | undefined, error: string) {
  expect(c?.ok).toBe(false);
  expect(c && !c.ok ? norm(c.error) : c).toBe(norm(error));
}

const nothing = (): CreditedSoFar => ({ byLine: new Map(), byRate: new Map(), grossCents: 0 });
const milli = (q: number) => Math.round(q * 1000);

/** What the service stores for an accepted note, folded into what it reads back next time. */
function fold(done: CreditedSoFar, c: Extract<CreditComputation, { ok: true }>): CreditedSoFar {
  const byLine = new Map(done.byLine);
  for (const l of c.lines) {
    if (!l.invoiceLineId) continue;
    const cur = byLine.get(l.invoiceLineId) ?? { quantity: 0, lineTotalCents: 0 };
    byLine.set(l.invoiceLineId, { quantity: (milli(cur.quantity) + milli(l.quantity)) / 1000, lineTotalCents: cur.lineTotalCents + l.lineTotalCents });
  }
  const byRate = new Map(done.byRate);
  for (const b of c.breakdown) {
    const cur = byRate.get(b.vatRateBp) ?? { netCents: 0, grossCents: 0 };
    byRate.set(b.vatRateBp, { netCents: cur.netCents + b.taxableCents, grossCents: cur.grossCents + b.taxableCents + b.vatCents });
  }
  return { byLine, byRate, grossCents: done.grossCents + c.totalGrossCents };
}

/** A sequence of credit notes on one invoice; each result, and what is credited after all of them. */
function creditAll(invoice: TestInvoice, requests: CreditRequest[]) {
  let done = nothing();
  const results: CreditComputation[] = [];
  for (const r of requests) {
    const c = computeCredit(invoice, done, r);
    results.push(c);
    if (c.ok) done = fold(done, c);
  }
  return { results, done };
}

const lines = (...l: [string, number][]): CreditRequest => ({ mode: 'lines', lines: l.map(([invoiceLineId, quantity]) => ({ invoiceLineId, quantity })) });
const amounts = (...a: [number, number][]): CreditRequest => ({ mode: 'amounts', amounts: a.map(([vatRateBp, amountCents]) => ({ vatRateBp, amountCents })) });

// A domestic invoice on three rates with a line discount and shipping (split over the rates).
const domestic = invoiceOf(
  [
    { quantity: 3, unitPriceCents: 1235, discountBp: 700, vatRateBp: 2000 }, // 3 446
    { quantity: 2, unitPriceCents: 30_000, vatRateBp: 2000 }, // 60 000
    { quantity: 1.5, unitPriceCents: 65_000, vatRateBp: 1000 }, // 97 500
    { quantity: 4, unitPriceCents: 499, vatRateBp: 550 }, // 1 996
  ],
  { shippingCents: 2500 },
);

describe('computeCredit — lines', () => {
  it('the invoice under test is what lib/tax computes', () => {
    expect(domestic.lines.map((l) => l.lineTotalCents)).toEqual([3446, 60_000, 97_500, 1996]);
    expect(domestic.rates.map((r) => r.vatRateBp)).toEqual([2000, 1000, 550]);
  });

  it.each([
    ['more than the line', [lines(['line-1', 4])], 'Il ne reste que 3 à créditer sur cette ligne.'],
    ['more than what remains', [lines(['line-1', 2]), lines(['line-1', 1.001])], 'Il ne reste que 1 à créditer sur cette ligne.'],
    ['a fraction more than what remains', [lines(['line-3', 1.499]), lines(['line-3', 0.002])], 'Il ne reste que 0,001 à créditer sur cette ligne.'],
    ['a line of another invoice', [lines(['line-9', 1])], 'Ligne de facture introuvable.'],
    ['the same line twice in one note', [lines(['line-2', 1], ['line-2', 1])], 'Ligne de facture introuvable.'],
    ['a zero quantity', [lines(['line-2', 0])], 'Quantité à créditer invalide.'],
    ['a negative quantity', [lines(['line-2', -1])], 'Quantité à créditer invalide.'],
    ['no line', [{ mode: 'lines', lines: [] } as CreditRequest], 'Choisissez au moins une ligne à créditer.'],
  ] as const)('refuses %s', (_, requests, error) => {
    const { results } = creditAll(domestic, [...requests]);
    expectRefused(results.at(-1), error);
    // Everything before the refused one was accepted.
    for (const r of results.slice(0, -1)) expect(r.ok).toBe(true);
  });

  it('credits part of a line at its price and discount, HT then VAT from HT', () => {
    const c = computeCredit(domestic, nothing(), lines(['line-1', 1], ['line-4', 2]));
    expect(c).toMatchObject({
      ok: true,
      lines: [
        { invoiceLineId: 'line-1', quantity: 1, vatRateBp: 2000, lineTotalCents: 1149, netCents: 1149, category: 'S' }, // 12,35 × 0,93 = 11,4855
        { invoiceLineId: 'line-4', quantity: 2, vatRateBp: 550, lineTotalCents: 998, netCents: 998, category: 'S' },
      ],
      breakdown: [
        { vatRateBp: 2000, category: 'S', taxableCents: 1149, vatCents: 230 },
        { vatRateBp: 550, category: 'S', taxableCents: 998, vatCents: 55 },
      ],
      totalNetCents: 2147,
      totalVatCents: 285,
      totalGrossCents: 2432,
    });
  });

  it.each([
    ['one by one', [1, 1, 1]],
    ['2 then 1', [2, 1]],
    ['1 then 2', [1, 2]],
    ['in thousandths', [0.001, 1.999, 1]],
    ['all at once', [3]],
  ] as const)('partial notes that exhaust a discounted line (%s) add up to exactly the line', (_, quantities) => {
    const { results, done } = creditAll(
      domestic,
      quantities.map((q) => lines(['line-1', q])),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(done.byLine.get('line-1')).toEqual({ quantity: 3, lineTotalCents: 3446 });
    // …and nothing more can be credited on it.
    expect(computeCredit(domestic, done, lines(['line-1', 0.001]))).toMatchObject({ ok: false });
  });

  it('services in fractions of a day: 1,5 day credited as 0,5 + 1', () => {
    const { results, done } = creditAll(domestic, [lines(['line-3', 0.5]), lines(['line-3', 1])]);
    expect(results.map((r) => r.ok && r.totalNetCents)).toEqual([32_500, 65_000]);
    expect(done.byLine.get('line-3')).toEqual({ quantity: 1.5, lineTotalCents: 97_500 });
  });

  it('a B2C invoice (TTC) credits TTC line totals, VAT extracted from TTC', () => {
    const b2c = invoiceOf([{ quantity: 3, unitPriceCents: 1999, vatRateBp: 2000 }], { mode: 'tax_inclusive', shippingCents: 490 });
    const c = computeCredit(b2c, nothing(), lines(['line-1', 1]));
    expect(c).toMatchObject({ ok: true, totalGrossCents: 1999, totalVatCents: 333, totalNetCents: 1666 });
  });

  it('an intra-EU invoice credits at rate 0, category K, with its mention', () => {
    const k = invoiceOf([{ quantity: 2, unitPriceCents: 30_000, vatRateBp: 2000 }], { treatment: 'intra_eu_goods' });
    const c = computeCredit(k, nothing(), lines(['line-1', 1]));
    expect(c).toMatchObject({ ok: true, breakdown: [{ vatRateBp: 0, category: 'K', taxableCents: 30_000, vatCents: 0 }], totalGrossCents: 30_000 });
    expect(c.ok && c.mentions).toEqual(['Exonération de TVA, article 262 ter I du CGI']);
  });
});

describe('computeCredit — amounts per rate', () => {
  const r20 = domestic.rates.find((r) => r.vatRateBp === 2000)!;
  const r10 = domestic.rates.find((r) => r.vatRateBp === 1000)!;

  it.each([
    ['a rate that is not on the invoice', [amounts([2100, 100])], 'Ce taux de TVA ne figure pas sur la facture.'],
    ['zero', [amounts([2000, 0])], 'Montant à créditer invalide.'],
    ['a negative amount', [amounts([2000, -100])], 'Montant à créditer invalide.'],
    ['a fraction of a cent', [amounts([2000, 10.5])], 'Montant à créditer invalide.'],
    ['nothing', [{ mode: 'amounts', amounts: [] } as CreditRequest], 'Indiquez au moins un montant.'],
    ['more than the rate’s taxable amount', [amounts([2000, r20.taxableCents + 1])], 'Cet avoir dépasse ce qui reste à créditer au taux de 20 %.'],
    ['more than what remains on the rate', [amounts([1000, r10.taxableCents - 100]), amounts([1000, 101])], 'Cet avoir dépasse ce qui reste à créditer au taux de 10 %.'],
    ['a rate already exhausted by line credits', [lines(['line-3', 1.5]), amounts([1000, r10.taxableCents - 97_500 + 1])], 'Cet avoir dépasse ce qui reste à créditer au taux de 10 %.'],
    ['lines once the rate was exhausted by amounts', [amounts([550, domestic.rates.find((r) => r.vatRateBp === 550)!.taxableCents]), lines(['line-4', 1])], 'Cet avoir dépasse ce qui reste à créditer au taux de 5,5 %.'],
  ] as const)('refuses %s', (_, requests, error) => {
    const { results } = creditAll(domestic, [...requests]);
    expectRefused(results.at(-1), error);
    for (const r of results.slice(0, -1)) expect(r.ok).toBe(true);
  });

  it('crediting a whole rate gives back exactly its taxable amount and its VAT', () => {
    const c = computeCredit(domestic, nothing(), amounts([2000, r20.taxableCents], [1000, r10.taxableCents]));
    expect(c.ok && c.breakdown).toEqual([
      { vatRateBp: 2000, category: 'S', taxableCents: r20.taxableCents, vatCents: r20.vatCents },
      { vatRateBp: 1000, category: 'S', taxableCents: r10.taxableCents, vatCents: r10.vatCents },
    ]);
  });

  it('crediting every rate in full credits the whole invoice, and nothing more is possible', () => {
    const { results, done } = creditAll(domestic, [amounts(...domestic.rates.map((r): [number, number] => [r.vatRateBp, r.taxableCents]))]);
    expect(results[0]!.ok).toBe(true);
    expect(done.grossCents).toBe(domestic.grossCents);
    for (const r of domestic.rates) expect(computeCredit(domestic, done, amounts([r.vatRateBp, 1]))).toMatchObject({ ok: false });
    expect(computeCredit(domestic, done, lines(['line-2', 1]))).toMatchObject({ ok: false });
  });
});

/*
 * Partial line credits are charged as the difference of cumulative line totals, so they add up
 * exactly to the line; a note's VAT is its base × rate, and a note that would give back more VAT
 * on a rate than the invoice charged is refused.
 */
describe('computeCredit — rounding of partial credits', () => {
  // 5 units at 0,01 € less 50 %: the line is round(2,5) = 3 cents; one unit is round(0,5) = 1 cent.
  const tiny = invoiceOf([
    { quantity: 5, unitPriceCents: 1, discountBp: 5000, vatRateBp: 2000 },
    { quantity: 1, unitPriceCents: 10_000, vatRateBp: 2000 },
  ]);

  it('one-unit credits never add up to more than the line', () => {
    const { done } = creditAll(tiny, [1, 1, 1, 1].map((q) => lines(['line-1', q])));
    expect(tiny.lines[0]!.lineTotalCents).toBe(3);
    expect(done.byLine.get('line-1')!.lineTotalCents).toBeLessThanOrEqual(3);
  });

  it('crediting a line unit by unit never throws nor makes a zero note, and the rest ends exactly on the line', () => {
    // 3 cents cannot make 5 positive notes: a unit worth less than a cent is refused, never zero.
    let done = nothing();
    let refused = 0;
    for (let i = 0; i < 4; i++) {
      const c = computeCredit(tiny, done, lines(['line-1', 1]));
      if (c.ok) {
        expect(c.totalGrossCents).toBeGreaterThan(0);
        done = fold(done, c);
      } else refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const left = 5 - (done.byLine.get('line-1')?.quantity ?? 0);
    const last = computeCredit(tiny, done, lines(['line-1', left]));
    expect(last.ok).toBe(true);
    if (last.ok) done = fold(done, last);
    expect(done.byLine.get('line-1')).toEqual({ quantity: 5, lineTotalCents: 3 });
  });

  it('a credit that rounds to 0,00 € is refused (the database refuses a zero credit note)', () => {
    const c = computeCredit(tiny, nothing(), lines(['line-1', 0.001])); // 0,001 × 0,01 € less 50 % = 0,0005 cent
    expect(c.ok ? c.totalGrossCents : 'refused').not.toBe(0);
  });

  it('small amount credits never give back more VAT than the rate carried', () => {
    const small = invoiceOf([{ quantity: 1, unitPriceCents: 10, vatRateBp: 2000 }]); // 0,10 € + 0,02 € VAT
    const { results, done } = creditAll(small, [amounts([2000, 3]), amounts([2000, 3]), amounts([2000, 3])]); // 0,03 € + round(0,006) = 0,01 € each
    // Each note's VAT is its base × rate (BR-CO-17): the third would give back a cent never charged.
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    const rate = done.byRate.get(2000)!;
    expect(rate.grossCents - rate.netCents).toBeLessThanOrEqual(small.rates[0]!.vatCents);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: whatever the invoice and whatever the sequence of partial requests.

const RATES = [2000, 1000, 550, 210, 0] as const;

const invoiceArb = fc
  .record({
    exclusive: fc.boolean(),
    treatment: fc.constantFrom<Treatment>('domestic', 'domestic', 'intra_eu_goods', 'export'),
    shippingCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
    lines: fc.array(
      fc.record({
        quantity: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9999 }).map((t) => t / 1000)),
        unitPriceCents: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 })),
        discountBp: fc.oneof(fc.constant(0), fc.constantFrom(500, 5000, 3333, 700), fc.integer({ min: 0, max: 10_000 })),
        vatRateBp: fc.constantFrom(...RATES),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ exclusive, treatment, shippingCents, lines }) =>
    invoiceOf(lines, { mode: exclusive ? 'tax_exclusive' : 'tax_inclusive', treatment: exclusive ? treatment : 'domestic', shippingCents }),
  );

/** A request drawn before the invoice is known: indexes and amounts are resolved against it. */
type Draw =
  | { mode: 'lines'; picks: { line: number; q: number | 'rest' }[] }
  | { mode: 'amounts'; picks: { rate: number; cents: number | 'rest' }[] };

const drawArb: fc.Arbitrary<Draw> = fc.oneof(
  fc.record({
    mode: fc.constant('lines' as const),
    picks: fc.array(
      fc.record({ line: fc.nat(3), q: fc.oneof(fc.constant('rest' as const), fc.constant(1), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5000 }).map((t) => t / 1000)) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    mode: fc.constant('amounts' as const),
    picks: fc.array(fc.record({ rate: fc.nat(4), cents: fc.oneof(fc.constant('rest' as const), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 200_000 })) }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
);

function resolve(invoice: TestInvoice, done: CreditedSoFar, d: Draw): CreditRequest | null {
  if (d.mode === 'lines') {
    const picked = new Map<string, number>();
    for (const p of d.picks) {
      const line = invoice.lines[p.line % invoice.lines.length]!;
      const rest = milli(line.quantity) - milli(done.byLine.get(line.id)?.quantity ?? 0);
      const q = p.q === 'rest' ? rest / 1000 : p.q;
      if (q > 0) picked.set(line.id, q);
    }
    return picked.size ? { mode: 'lines', lines: [...picked].map(([invoiceLineId, quantity]) => ({ invoiceLineId, quantity })) } : null;
  }
  const picked = new Map<number, number>();
  for (const p of d.picks) {
    const rate = invoice.rates[p.rate % invoice.rates.length]!;
    const rest = rate.taxableCents - (done.byRate.get(rate.vatRateBp)?.netCents ?? 0);
    const cents = p.cents === 'rest' ? rest : p.cents;
    if (cents > 0) picked.set(rate.vatRateBp, cents);
  }
  return picked.size ? { mode: 'amounts', amounts: [...picked].map(([vatRateBp, amountCents]) => ({ vatRateBp, amountCents })) } : null;
}

interface Run {
  invoice: TestInvoice;
  done: CreditedSoFar;
  accepted: Extract<CreditComputation, { ok: true }>[];
  thrown: unknown[];
}

/** Plays the draws; a throw counts as a refusal here (the service would answer 500, see below). */
function play(invoice: TestInvoice, draws: Draw[]): Run {
  let done = nothing();
  const accepted: Run['accepted'] = [];
  const thrown: unknown[] = [];
  for (const d of draws) {
    const request = resolve(invoice, done, d);
    if (!request) continue;
    let c: CreditComputation;
    try {
      c = computeCredit(invoice, done, request);
    } catch (error) {
      thrown.push(error);
      continue;
    }
    if (c.ok) {
      accepted.push(c);
      done = fold(done, c);
    }
  }
  return { invoice, done, accepted, thrown };
}

const runArb = fc.tuple(invoiceArb, fc.array(drawArb, { minLength: 1, maxLength: 12 })).map(([invoice, draws]) => play(invoice, draws));

/** Line credits only, on one or two lines, mostly a unit or a small part at a time: where rounding bites. */
const lineDrawArb: fc.Arbitrary<Draw> = fc.record({
  mode: fc.constant('lines' as const),
  picks: fc.tuple(
    fc.record({ line: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.constant(1), weight: 1 }), q: fc.oneof(fc.constant(1), fc.constant('rest' as const), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 999 }).map((t) => t / 1000)) }),
  ),
});
/** A cheap line (a few cents, any discount) beside a dear one on the same rate: the rate has room to spare. */
const cheapLineInvoiceArb = fc
  .record({
    quantity: fc.integer({ min: 2, max: 12 }),
    unitPriceCents: fc.integer({ min: 1, max: 9 }),
    discountBp: fc.oneof(fc.constant(5000), fc.integer({ min: 0, max: 9000 })),
    vatRateBp: fc.constantFrom(...RATES),
    exclusive: fc.boolean(),
  })
  .map(({ exclusive, vatRateBp, ...cheap }) =>
    invoiceOf([{ ...cheap, vatRateBp }, { quantity: 1, unitPriceCents: 10_000, vatRateBp }], { mode: exclusive ? 'tax_exclusive' : 'tax_inclusive' }),
  );
const lineRunArb = fc
  .tuple(
    fc.oneof({ arbitrary: cheapLineInvoiceArb, weight: 3 }, { arbitrary: invoiceArb.filter((i) => i.lines.length <= 2), weight: 1 }),
    fc.array(lineDrawArb, { minLength: 1, maxLength: 14 }),
  )
  .map(([invoice, draws]) => play(invoice, draws));

describe('computeCredit — properties', () => {
  it('never credits more than the quantity of a line, the HT or TTC of a rate, or the invoice’s total', () => {
    fc.assert(
      fc.property(runArb, ({ invoice, done }) => {
        for (const l of invoice.lines) expect(milli(done.byLine.get(l.id)?.quantity ?? 0)).toBeLessThanOrEqual(milli(l.quantity));
        for (const [rate, c] of done.byRate) {
          const r = invoice.rates.find((x) => x.vatRateBp === rate);
          expect(r).toBeDefined();
          expect(c.netCents).toBeLessThanOrEqual(r!.taxableCents);
          expect(c.grossCents).toBeLessThanOrEqual(r!.taxableCents + r!.vatCents);
        }
        expect(done.grossCents).toBeLessThanOrEqual(invoice.grossCents);
      }),
      { numRuns: 500 },
    );
  });

  it('accepted notes are consistent: lines add up to the breakdown, net + VAT = gross', () => {
    fc.assert(
      fc.property(runArb, ({ accepted }) => {
        for (const c of accepted) {
          expect(c.totalNetCents + c.totalVatCents).toBe(c.totalGrossCents);
          expect(c.breakdown.reduce((s, b) => s + b.taxableCents, 0)).toBe(c.totalNetCents);
          expect(c.lines.reduce((s, l) => s + l.netCents, 0)).toBe(c.totalNetCents);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never credits more than a line’s amount, and a line credited to its last unit is credited to its last cent', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: runArb, weight: 1 }, { arbitrary: lineRunArb, weight: 3 }), ({ invoice, done }) => {
        for (const l of invoice.lines) {
          const c = done.byLine.get(l.id);
          if (!c) continue;
          expect(c.lineTotalCents).toBeLessThanOrEqual(l.lineTotalCents);
          if (milli(c.quantity) === milli(l.quantity)) expect(c.lineTotalCents).toBe(l.lineTotalCents);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never gives back more VAT on a rate than the invoice charged on it', () => {
    fc.assert(
      fc.property(runArb, ({ invoice, done }) => {
        for (const [rate, c] of done.byRate) {
          const r = invoice.rates.find((x) => x.vatRateBp === rate)!;
          expect(c.grossCents - c.netCents).toBeLessThanOrEqual(r.vatCents);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('answers every request with a value: a positive credit note or a refusal', () => {
    fc.assert(
      fc.property(runArb, ({ accepted, thrown }) => {
        expect(thrown).toEqual([]);
        for (const c of accepted) expect(c.totalGrossCents).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
