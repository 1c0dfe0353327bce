/**
 * computeTaxes: every line, per-rate VAT and total of a document (spec/tax.md).
 */
import { allocateByWeights } from './allocate';
import { TaxInputError } from './errors';
import { computeLineTotal } from './line-total';
import {
  readAmount,
  readBaseQuantity,
  readDiscount,
  readList,
  readMode,
  readQuantityMilli,
  readRate,
  readReason,
  readTreatment,
  requireObject,
} from './read-input';
import { categoryOf, mentionsOf } from './treatments';
import type {
  TaxAdjustmentInput,
  TaxAdjustmentResult,
  TaxBreakdownEntry,
  TaxInput,
  TaxLineResult,
  TaxResult,
  Treatment,
} from './types';
import { vatOfGross, vatOfNet } from './vat';

type AdjustmentKind = 'charge' | 'allowance';

/** One part of a charge or allowance, on one rate. */
interface Part {
  kind: AdjustmentKind;
  index: number;
  rate: number;
  amount: number;
  net: number;
  reason: string | undefined;
}

/** Everything on one rate. */
interface Bucket {
  rate: number;
  lineSum: number;
  chargeSum: number;
  allowanceSum: number;
  /** Indexes of its lines, in input order (their nets are shared in tax-inclusive mode). */
  lineIndexes: number[];
  /** Its charge parts then its allowance parts, each by input index (the order they are placed in). */
  parts: Part[];
}

function newBucket(rate: number): Bucket {
  return { rate, lineSum: 0, chargeSum: 0, allowanceSum: 0, lineIndexes: [], parts: [] };
}

function tooLarge(what: string): TaxInputError {
  return new TaxInputError('too_large', `${what} is too large to be computed exactly`);
}

function byRateDescending(a: Bucket, b: Bucket): number {
  return b.rate - a.rate;
}

/** The rate's bucket, created on first use. */
function bucketOf(buckets: Map<number, Bucket>, rate: number): Bucket {
  let bucket = buckets.get(rate);
  if (bucket === undefined) {
    bucket = newBucket(rate);
    buckets.set(rate, bucket);
  }
  return bucket;
}

/** The state shared while charges and allowances are placed on rates. */
interface Placement {
  domestic: boolean;
  buckets: Map<number, Bucket>;
  parts: Part[];
  /** The lines' rates, highest first, and their Σ line totals: the weights of a pro-rata split. */
  splitRates: number[];
  splitWeights: number[];
  splitTotal: number;
}

function addPart(
  state: Placement,
  kind: AdjustmentKind,
  index: number,
  rate: number,
  amount: number,
  reason: string | undefined,
): void {
  const bucket = bucketOf(state.buckets, rate);
  const part: Part = { kind, index, rate, amount, net: amount, reason };
  bucket.parts.push(part);
  state.parts.push(part);
  if (kind === 'charge') bucket.chargeSum += amount;
  else bucket.allowanceSum += amount;
}

/** Validates the charges (or allowances) and places each on its rate, or pro rata over the lines' rates. */
function placeAdjustments(state: Placement, kind: AdjustmentKind, list: readonly TaxAdjustmentInput[]): void {
  const listName = kind === 'charge' ? 'charges' : 'allowances';
  for (let j = 0; j < list.length; j++) {
    const item: unknown = list[j];
    requireObject(item, listName, j);
    const a = item as TaxAdjustmentInput;
    const amount = readAmount(a.amountCents, listName, j, 'amountCents');
    const declared = a.vatRateBp === undefined ? undefined : readRate(a.vatRateBp, listName, j);
    const reason = readReason(a.reason, listName, j);
    if (!state.domestic) {
      addPart(state, kind, j, 0, amount, reason);
    } else if (declared !== undefined) {
      addPart(state, kind, j, declared, amount, reason);
    } else if (state.splitTotal === 0 || amount === 0) {
      addPart(state, kind, j, state.splitRates[0]!, amount, reason);
    } else {
      const shares = allocateByWeights(amount, state.splitWeights, state.splitTotal);
      for (let r = 0; r < shares.length; r++) {
        const share = shares[r]!;
        if (share !== 0) addPart(state, kind, j, state.splitRates[r]!, share, reason);
      }
    }
  }
}

/**
 * Computes a document's line totals, HT amounts, per-rate VAT and totals, exactly to the cent.
 *
 * - Line total = round(quantity × price × (10000 − discount) / (10000 × base quantity)), once.
 * - A charge or allowance without a rate is split over the lines' rates pro rata to their Σ line
 *   totals by largest remainder (ties to the higher rate; all totals 0 → the highest rate).
 * - Tax-exclusive: per rate, VAT = round(taxable × rate); every net equals its amount.
 * - Tax-inclusive: per rate, VAT = round(gross × rate / (1 + rate)), taxable = gross − VAT, shared
 *   over the rate's lines, charge parts and allowance parts by largest remainder (ties to the earlier).
 * - Outside `domestic`, everything is rated 0 with the treatment's category (tax-exclusive only).
 *
 * `adjustments` lists charges, then allowances, each by input index, then by rate descending.
 * A part of zero is left out, except that an item of amount 0 keeps one entry (on its own rate,
 * or on the highest rate when unrated) so every input item appears.
 *
 * @throws TaxInputError on invalid input (see spec/tax.md), never for a valid document.
 */
export function computeTaxes(input: TaxInput): TaxResult {
  if (typeof input !== 'object' || input === null) {
    throw new TaxInputError('invalid_input', 'computeTaxes expects an object { mode, lines, … }');
  }
  const mode = readMode(input.mode);
  const treatment = readTreatment(input.treatment);
  const domestic = treatment === 'domestic';
  if (!domestic && mode === 'tax_inclusive') {
    throw new TaxInputError(
      'treatment_requires_tax_exclusive',
      `treatment '${treatment}' applies to business customers only: use mode 'tax_exclusive'`,
      'treatment',
    );
  }
  const inclusive = mode === 'tax_inclusive';
  const lines = input.lines;
  if (!Array.isArray(lines) || lines.length === 0) {
    throw new TaxInputError('no_lines', 'lines must be a non-empty array: a document has at least one line', 'lines');
  }
  const charges = readList(input.charges, 'charges');
  const allowances = readList(input.allowances, 'allowances');

  const lineCount = lines.length;
  const lineTotals: number[] = [];
  const lineRates: number[] = [];
  const buckets = new Map<number, Bucket>();
  let last: Bucket | undefined;
  for (let i = 0; i < lineCount; i++) {
    const line: unknown = lines[i];
    requireObject(line, 'lines', i);
    const l = line as TaxInput['lines'][number];
    const quantityMilli = readQuantityMilli(l.quantity, i);
    const price = readAmount(l.unitPriceCents, 'lines', i, 'unitPriceCents');
    const base = readBaseQuantity(l.baseQuantity, i);
    const discount = readDiscount(l.discountBp, i);
    const declared = readRate(l.vatRateBp, 'lines', i);
    const rate = domestic ? declared : 0;
    const total = computeLineTotal(quantityMilli, price, discount, base, i);
    lineTotals.push(total);
    lineRates.push(rate);
    // Consecutive lines often share a rate: skip the Map lookup then.
    const bucket = last !== undefined && last.rate === rate ? last : bucketOf(buckets, rate);
    last = bucket;
    bucket.lineSum += total;
    bucket.lineIndexes.push(i);
  }

  const lineBuckets = [...buckets.values()].sort(byRateDescending);
  const splitRates: number[] = [];
  const splitWeights: number[] = [];
  let splitTotal = 0;
  for (const bucket of lineBuckets) {
    splitRates.push(bucket.rate);
    splitWeights.push(bucket.lineSum);
    splitTotal += bucket.lineSum;
  }
  if (!Number.isSafeInteger(splitTotal)) throw tooLarge('The sum of the line totals');

  const state: Placement = { domestic, buckets, parts: [], splitRates, splitWeights, splitTotal };
  placeAdjustments(state, 'charge', charges);
  placeAdjustments(state, 'allowance', allowances);
  const parts = state.parts;
  // Charges and allowances may have added rates without lines.
  const ordered = buckets.size === lineBuckets.length ? lineBuckets : [...buckets.values()].sort(byRateDescending);

  // Tax-inclusive nets are filled in rate by rate; every line belongs to one rate.
  const lineNets: number[] = inclusive ? [] : lineTotals;
  const breakdown: TaxBreakdownEntry[] = [];
  let totalNet = 0;
  let totalVat = 0;
  for (const bucket of ordered) {
    const positive = bucket.lineSum + bucket.chargeSum;
    if (!Number.isSafeInteger(positive) || !Number.isSafeInteger(bucket.allowanceSum)) {
      throw tooLarge(`The amount at rate ${bucket.rate}`);
    }
    if (bucket.allowanceSum > positive) {
      throw new TaxInputError(
        'allowances_exceed_amount',
        `allowances at rate ${bucket.rate} bp (${bucket.allowanceSum} cents) exceed the lines and charges at that rate (${positive} cents)`,
        'allowances',
      );
    }
    const amount = positive - bucket.allowanceSum;
    let taxable: number;
    let vat: number;
    if (inclusive) {
      vat = vatOfGross(amount, bucket.rate);
      taxable = amount - vat;
      shareNets(bucket, taxable, amount, lineTotals, lineNets);
    } else {
      taxable = amount;
      vat = vatOfNet(amount, bucket.rate);
    }
    totalNet += taxable;
    totalVat += vat;
    breakdown.push({
      vatRateBp: bucket.rate,
      category: categoryOf(treatment, bucket.rate),
      taxableCents: taxable,
      vatCents: vat,
    });
  }
  const totalGross = totalNet + totalVat;
  if (!Number.isSafeInteger(totalGross)) throw tooLarge('The document total');

  const lineResults: TaxLineResult[] = [];
  for (let i = 0; i < lineCount; i++) {
    const rate = lineRates[i]!;
    lineResults.push({
      lineTotalCents: lineTotals[i]!,
      netCents: lineNets[i]!,
      vatRateBp: rate,
      category: categoryOf(treatment, rate),
    });
  }
  const adjustments: TaxAdjustmentResult[] = [];
  for (const part of parts) adjustments.push(toAdjustment(part, treatment));
  return {
    lines: lineResults,
    adjustments,
    breakdown,
    totalNetCents: totalNet,
    totalVatCents: totalVat,
    totalGrossCents: totalGross,
    mentions: mentionsOf(treatment),
  };
}

/**
 * Tax-inclusive: shares a rate's taxable amount over its lines (input order), charge parts and
 * allowance parts, weighted by their TTC amounts with allowances negative. An allowance's share is
 * ≤ 0 and never changes sign (see allocate.ts); its net is reported as the positive magnitude.
 * A rate whose gross is 0 has a taxable amount of 0 and every net is 0.
 */
function shareNets(bucket: Bucket, taxable: number, gross: number, lineTotals: number[], lineNets: number[]): void {
  const { lineIndexes, parts } = bucket;
  if (gross === 0) {
    for (const i of lineIndexes) lineNets[i] = 0;
    for (const p of parts) p.net = 0;
    return;
  }
  const weights: number[] = [];
  for (const i of lineIndexes) weights.push(lineTotals[i]!);
  for (const p of parts) weights.push(p.kind === 'charge' ? p.amount : 0 - p.amount); // 0 − x: never −0
  const nets = allocateByWeights(taxable, weights, gross);
  let k = 0;
  for (const i of lineIndexes) lineNets[i] = nets[k++]!;
  for (const p of parts) {
    const net = nets[k++]!;
    p.net = net < 0 ? -net : net;
  }
}

function toAdjustment(p: Part, treatment: Treatment): TaxAdjustmentResult {
  const result: TaxAdjustmentResult = {
    kind: p.kind,
    index: p.index,
    vatRateBp: p.rate,
    category: categoryOf(treatment, p.rate),
    amountCents: p.amount,
    netCents: p.net,
  };
  if (p.reason !== undefined) result.reason = p.reason;
  return result;
}
