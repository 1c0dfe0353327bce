/**
 * Independent reference implementation ("oracle") of `computeTaxes` from spec/tax.md, for
 * differential testing of lib/tax. Written from the spec alone, for obviousness rather than speed:
 * every quantity is an exact rational held in BigInt (numerator / denominator), every rounding is an
 * explicit half-away-from-zero or floor on exact rationals, every allocation is a plain loop.
 *
 * Interpretations of points the spec leaves open (the differential test avoids asserting on them, or
 * only asserts what every reasonable reading agrees on):
 *
 *  1. Quantities. A quantity's value is the decimal it is written as: the shortest round-trip decimal
 *     representation of the JS number (String(q)). "More than 3 decimals" means that decimal has more
 *     than 3 fractional digits (so 0.1 + 0.2 = 0.30000000000000004 is rejected, 1.005 is 1005/1000).
 *     Infinity / NaN / non-numbers are rejected.
 *  2. Base quantity: optional, default 1; must be a finite positive number with at most 3 decimals
 *     (not listed among the spec's errors; the test only uses 1, 10, 100, 1000).
 *     Discount and rates must be integers (non-integer discount/rate: the oracle throws; untested).
 *  3. Treatments other than `domestic`: every line, charge and allowance is re-rated to 0 *before*
 *     anything else, so there is a single rate group (rate 0, the treatment's category); unrated
 *     charges/allowances therefore land whole on rate 0, and "allowances larger than their rate's
 *     amount" is checked against that single group. (The test only generates allowances that are
 *     valid under the original rates too, so this choice is never decisive there.)
 *  4. Rate groups: one per effective rate present on a line, or on a charge/allowance that carries a
 *     rate (a rated charge at a rate no line has still creates its own group and breakdown entry, with
 *     taxable possibly 0). Unrated charges/allowances are split only over the rates of the lines;
 *     "highest rate" for the all-line-totals-zero case is the highest *line* rate.
 *  5. `adjustments`: ordered charges first (input order), then allowances (input order); the parts
 *     of one split adjustment are ordered by rate, highest first. A split part whose share is 0 cents is
 *     not emitted (it did not "land" on that rate), except that an adjustment whose whole amount is 0
 *     yields a single 0 part on the rate it would go to (its own rate, or the highest line rate). The
 *     test compares adjustments as per-(kind, index, rate) sums with 0-cent entries dropped, which is
 *     independent of this choice. `reason` is copied when given.
 *  6. Tax-inclusive allocation of a rate's taxable amount with negative weights (allowance parts):
 *     "the floor of its exact share" is the mathematical floor (towards −∞) of the signed exact share
 *     taxable × weight / gross; the remainder is share − floor ∈ [0, 1). An allowance part's reported
 *     netCents is the negation of its (non-positive) allocated share, so it is ≥ 0. If a rate's gross
 *     is 0, every item's share is 0.
 *  7. Breakdown contains one entry per rate group even when its taxable amount is 0 (e.g. lines
 *     priced 0), highest rate first.
 *  8. Line `category` in domestic treatment is S for a rate > 0, Z for rate 0; adjustments and
 *     breakdown entries follow the same rule.
 */

export type OracleVatCategory = 'S' | 'Z' | 'K' | 'AE' | 'G';
export type OracleTreatment = 'domestic' | 'intra_eu_goods' | 'reverse_charge' | 'export';
export type OracleMode = 'tax_inclusive' | 'tax_exclusive';

export interface OracleInput {
  mode: OracleMode;
  lines: {
    quantity: number;
    unitPriceCents: number;
    baseQuantity?: number;
    discountBp?: number;
    vatRateBp: number;
  }[];
  charges?: { amountCents: number; vatRateBp?: number; reason?: string }[];
  allowances?: { amountCents: number; vatRateBp?: number; reason?: string }[];
  treatment?: OracleTreatment;
}

export interface OracleAdjustment {
  kind: 'charge' | 'allowance';
  index: number;
  vatRateBp: number;
  category: OracleVatCategory;
  amountCents: number;
  netCents: number;
  reason?: string;
}

export interface OracleResult {
  lines: { lineTotalCents: number; netCents: number; vatRateBp: number; category: OracleVatCategory }[];
  adjustments: OracleAdjustment[];
  breakdown: { vatRateBp: number; category: OracleVatCategory; taxableCents: number; vatCents: number }[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  mentions: string[];
}

export class OracleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OracleInputError';
  }
}

export const ORACLE_MENTIONS: Record<OracleTreatment, string[]> = {
  domestic: [],
  intra_eu_goods: ['Exonération de TVA, article 262 ter I du CGI'],
  reverse_charge: ['Autoliquidation'],
  export: ['Exonération de TVA, article 262 I du CGI'],
};

// ---------------------------------------------------------------------------------------------
// Exact arithmetic helpers (BigInt).

/** A rational number n / d with d > 0. */
interface Rational {
  n: bigint;
  d: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Mathematical floor of n / d (d ≠ 0), i.e. towards −∞. */
export function floorDiv(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // BigInt division truncates towards zero
  if (n % d !== 0n && n < 0n) return q - 1n;
  return q;
}

/** n / d rounded to an integer, half away from zero: compute on |n|/|d|, then apply the sign. */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new Error('division by zero');
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = abs(n);
  const ad = abs(d);
  const q = an / ad;
  const r = an - q * ad;
  const rounded = 2n * r >= ad ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * The exact decimal value of a JS number as written (its shortest round-trip representation),
 * as a rational with a power-of-ten denominator.
 */
function decimalValue(x: number): Rational {
  const s = String(x); // e.g. "12.345", "1e-7", "1.5e+21", "-3"
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new OracleInputError(`not a decimal number: ${s}`);
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? '';
  const exp = m[4] ? Number.parseInt(m[4], 10) : 0;
  let n = BigInt(intPart + fracPart) * sign;
  const scale = fracPart.length - exp; // value = n / 10^scale
  let d = 1n;
  if (scale > 0) d = 10n ** BigInt(scale);
  else if (scale < 0) n = n * 10n ** BigInt(-scale);
  return { n, d };
}

/** Number of decimals of the exact decimal value (0 for integers). */
function decimalsOf(r: Rational): number {
  // reduce the power-of-ten denominator as far as possible
  let { n, d } = r;
  let k = 0;
  let dd = d;
  while (dd > 1n) {
    dd /= 10n;
    k++;
  }
  while (k > 0 && n % 10n === 0n) {
    n /= 10n;
    d /= 10n;
    k--;
  }
  return k;
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number';
}

function toNumber(x: bigint): number {
  return Number(x);
}

// ---------------------------------------------------------------------------------------------
// Validation.

function checkInteger(value: unknown, what: string): number {
  if (!isNumber(value) || !Number.isInteger(value)) throw new OracleInputError(`${what} must be an integer`);
  return value;
}

function checkAmount(value: unknown, what: string): bigint {
  const v = checkInteger(value, what);
  if (v < 0) throw new OracleInputError(`${what} must not be negative`);
  return BigInt(v);
}

function checkRate(value: unknown, what: string): number {
  const v = checkInteger(value, what);
  if (v < 0 || v > 10000) throw new OracleInputError(`${what} must be within 0–10000`);
  return v;
}

function checkQuantity(value: unknown, what: string): Rational {
  if (!isNumber(value) || !Number.isFinite(value)) throw new OracleInputError(`${what} must be a finite number`);
  if (!(value > 0)) throw new OracleInputError(`${what} must be positive`);
  const r = decimalValue(value);
  if (decimalsOf(r) > 3) throw new OracleInputError(`${what} has more than 3 decimals`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The computation.

interface Part {
  kind: 'charge' | 'allowance';
  index: number;
  rate: number;
  amount: bigint; // positive, in the document's mode
  reason?: string;
}

/**
 * Split `amount` over `rates` in proportion to `weights` (Σ weights > 0): floor each exact share,
 * then hand the leftover cents one by one to the largest remainders, ties to the higher rate.
 */
function splitProRata(amount: bigint, rates: number[], weights: Map<number, bigint>): Map<number, bigint> {
  let total = 0n;
  for (const r of rates) total += weights.get(r) ?? 0n;
  const result = new Map<number, bigint>();
  const remainders: { rate: number; rem: bigint }[] = [];
  let given = 0n;
  for (const r of rates) {
    const num = amount * (weights.get(r) ?? 0n); // exact share = num / total
    const fl = floorDiv(num, total);
    result.set(r, fl);
    given += fl;
    remainders.push({ rate: r, rem: num - fl * total }); // remainder × total, same denominator for all
  }
  let leftover = amount - given;
  remainders.sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : b.rate - a.rate));
  if (leftover > BigInt(remainders.filter((x) => x.rem > 0n).length)) throw new Error('oracle bug: leftover too large');
  let i = 0;
  while (leftover > 0n) {
    const target = remainders[i]!;
    result.set(target.rate, (result.get(target.rate) ?? 0n) + 1n);
    leftover -= 1n;
    i++;
  }
  return result;
}

/**
 * Share `total` over items with signed `weights` (Σ weights = `weightSum`): each item takes the floor
 * of its exact share total × w / weightSum, leftover cents one by one to the largest remainders, ties
 * to the earlier item. If weightSum is 0 every share is 0 (total is then 0 too).
 */
function allocateByWeights(total: bigint, weights: bigint[], weightSum: bigint): bigint[] {
  if (weightSum === 0n) {
    if (total !== 0n) throw new Error('oracle bug: nonzero total over zero weights');
    return weights.map(() => 0n);
  }
  const shares: bigint[] = [];
  const rems: { i: number; rem: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, i) => {
    const num = total * w;
    const fl = floorDiv(num, weightSum);
    shares.push(fl);
    given += fl;
    rems.push({ i, rem: num - fl * weightSum }); // in [0, weightSum) when weightSum > 0
  });
  let leftover = total - given;
  if (leftover < 0n) throw new Error('oracle bug: negative leftover');
  rems.sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : a.i - b.i));
  if (leftover > BigInt(rems.filter((x) => x.rem > 0n).length)) throw new Error('oracle bug: leftover too large');
  let k = 0;
  while (leftover > 0n) {
    const target = rems[k]!;
    shares[target.i] = shares[target.i]! + 1n;
    leftover -= 1n;
    k++;
  }
  return shares;
}

/** Reference implementation of spec/tax.md `computeTaxes`. Throws OracleInputError on invalid input. */
export function oracleComputeTaxes(input: OracleInput): OracleResult {
  if (input === null || typeof input !== 'object') throw new OracleInputError('input must be an object');
  const raw = input as unknown as Record<string, unknown>;

  const mode = raw.mode;
  if (mode !== 'tax_inclusive' && mode !== 'tax_exclusive') throw new OracleInputError(`unknown mode ${String(mode)}`);
  const treatment = raw.treatment === undefined ? 'domestic' : raw.treatment;
  if (
    treatment !== 'domestic' &&
    treatment !== 'intra_eu_goods' &&
    treatment !== 'reverse_charge' &&
    treatment !== 'export'
  ) {
    throw new OracleInputError(`unknown treatment ${String(treatment)}`);
  }
  if (mode === 'tax_inclusive' && treatment !== 'domestic') {
    throw new OracleInputError('a non-domestic treatment requires tax-exclusive mode');
  }

  if (!Array.isArray(raw.lines) || raw.lines.length === 0) throw new OracleInputError('at least one line');
  const chargesIn = raw.charges === undefined ? [] : raw.charges;
  const allowancesIn = raw.allowances === undefined ? [] : raw.allowances;
  if (!Array.isArray(chargesIn)) throw new OracleInputError('charges must be an array');
  if (!Array.isArray(allowancesIn)) throw new OracleInputError('allowances must be an array');

  const domestic = treatment === 'domestic';
  const effectiveRate = (r: number): number => (domestic ? r : 0);
  const categoryOf = (r: number): OracleVatCategory => {
    switch (treatment) {
      case 'intra_eu_goods':
        return 'K';
      case 'reverse_charge':
        return 'AE';
      case 'export':
        return 'G';
      default:
        return r === 0 ? 'Z' : 'S';
    }
  };

  // ---- Lines: one rounding each, in the document's mode.
  const lines: { total: bigint; rate: number }[] = [];
  (raw.lines as unknown[]).forEach((lineRaw, i) => {
    if (lineRaw === null || typeof lineRaw !== 'object') throw new OracleInputError(`line ${i} must be an object`);
    const line = lineRaw as Record<string, unknown>;
    const q = checkQuantity(line.quantity, `line ${i} quantity`);
    const price = checkAmount(line.unitPriceCents, `line ${i} unit price`);
    const base = line.baseQuantity === undefined ? { n: 1n, d: 1n } : checkQuantity(line.baseQuantity, `line ${i} base quantity`);
    const discount = line.discountBp === undefined ? 0 : checkInteger(line.discountBp, `line ${i} discount`);
    if (discount < 0 || discount > 10000) throw new OracleInputError(`line ${i} discount must be within 0–10000`);
    const rate = checkRate(line.vatRateBp, `line ${i} VAT rate`);
    // total = q × price × (10000 − discount) / (10000 × base), with q = q.n/q.d and base = base.n/base.d
    const num = q.n * price * BigInt(10000 - discount) * base.d;
    const den = q.d * 10000n * base.n;
    lines.push({ total: roundHalfAwayFromZero(num, den), rate: effectiveRate(rate) });
  });

  const readAdjustments = (arr: unknown[], kind: 'charge' | 'allowance') =>
    arr.map((aRaw, i) => {
      if (aRaw === null || typeof aRaw !== 'object') throw new OracleInputError(`${kind} ${i} must be an object`);
      const a = aRaw as Record<string, unknown>;
      const amount = checkAmount(a.amountCents, `${kind} ${i} amount`);
      const rate = a.vatRateBp === undefined ? undefined : effectiveRate(checkRate(a.vatRateBp, `${kind} ${i} VAT rate`));
      const reason = typeof a.reason === 'string' ? a.reason : undefined;
      return { amount, rate, reason };
    });
  const charges = readAdjustments(chargesIn, 'charge');
  const allowances = readAdjustments(allowancesIn, 'allowance');

  // ---- Rates of the lines, their Σ line totals (in the document's mode).
  const lineSums = new Map<number, bigint>();
  for (const l of lines) lineSums.set(l.rate, (lineSums.get(l.rate) ?? 0n) + l.total);
  const lineRates = [...lineSums.keys()].sort((a, b) => b - a); // highest first
  const highestLineRate = lineRates[0]!;
  let allLineTotal = 0n;
  for (const s of lineSums.values()) allLineTotal += s;

  // ---- Charges and allowances: to their rate, or split pro rata over the line rates.
  const parts: Part[] = [];
  const place = (kind: 'charge' | 'allowance', list: typeof charges) => {
    list.forEach((a, index) => {
      const base = { kind, index, ...(a.reason !== undefined ? { reason: a.reason } : {}) };
      if (a.rate !== undefined) {
        parts.push({ ...base, rate: a.rate, amount: a.amount });
      } else if (a.amount === 0n) {
        parts.push({ ...base, rate: highestLineRate, amount: 0n });
      } else if (allLineTotal === 0n) {
        parts.push({ ...base, rate: highestLineRate, amount: a.amount });
      } else {
        const split = splitProRata(a.amount, lineRates, lineSums);
        for (const r of lineRates) {
          const share = split.get(r) ?? 0n;
          if (share > 0n) parts.push({ ...base, rate: r, amount: share });
        }
      }
    });
  };
  place('charge', charges);
  place('allowance', allowances);

  // ---- Rate groups.
  const groupRates = new Set<number>(lineRates);
  for (const p of parts) groupRates.add(p.rate);
  const rates = [...groupRates].sort((a, b) => b - a);

  const lineNets: bigint[] = lines.map(() => 0n);
  const partNets: bigint[] = parts.map(() => 0n);
  const breakdown: OracleResult['breakdown'] = [];
  let totalNet = 0n;
  let totalVat = 0n;

  for (const rate of rates) {
    // items of this rate: its lines in input order, then its charge parts, then its allowance parts
    const items: { ref: 'line' | 'part'; i: number; weight: bigint }[] = [];
    lines.forEach((l, i) => {
      if (l.rate === rate) items.push({ ref: 'line', i, weight: l.total });
    });
    parts.forEach((p, i) => {
      if (p.rate === rate && p.kind === 'charge') items.push({ ref: 'part', i, weight: p.amount });
    });
    parts.forEach((p, i) => {
      if (p.rate === rate && p.kind === 'allowance') items.push({ ref: 'part', i, weight: -p.amount });
    });
    let amount = 0n; // Σ line totals + charges − allowances, in the document's mode
    for (const it of items) amount += it.weight;
    if (amount < 0n) throw new OracleInputError(`allowances exceed the amount of rate ${rate}`);

    let taxable: bigint;
    let vat: bigint;
    if (mode === 'tax_exclusive') {
      taxable = amount;
      vat = roundHalfAwayFromZero(taxable * BigInt(rate), 10000n);
      for (const it of items) {
        if (it.ref === 'line') lineNets[it.i] = lines[it.i]!.total;
        else partNets[it.i] = parts[it.i]!.amount;
      }
    } else {
      const gross = amount;
      vat = roundHalfAwayFromZero(gross * BigInt(rate), 10000n + BigInt(rate));
      taxable = gross - vat;
      const shares = allocateByWeights(
        taxable,
        items.map((it) => it.weight),
        gross,
      );
      items.forEach((it, k) => {
        const share = shares[k]!;
        if (it.ref === 'line') lineNets[it.i] = share;
        else partNets[it.i] = parts[it.i]!.kind === 'allowance' ? -share : share;
      });
    }
    breakdown.push({ vatRateBp: rate, category: categoryOf(rate), taxableCents: toNumber(taxable), vatCents: toNumber(vat) });
    totalNet += taxable;
    totalVat += vat;
  }

  // adjustments: charges then allowances, by index, parts by rate highest first
  const order = parts.map((p, i) => ({ p, i }));
  order.sort((a, b) => {
    if (a.p.kind !== b.p.kind) return a.p.kind === 'charge' ? -1 : 1;
    if (a.p.index !== b.p.index) return a.p.index - b.p.index;
    return b.p.rate - a.p.rate;
  });

  return {
    lines: lines.map((l, i) => ({
      lineTotalCents: toNumber(l.total),
      netCents: toNumber(lineNets[i]!),
      vatRateBp: l.rate,
      category: categoryOf(l.rate),
    })),
    adjustments: order.map(({ p, i }) => ({
      kind: p.kind,
      index: p.index,
      vatRateBp: p.rate,
      category: categoryOf(p.rate),
      amountCents: toNumber(p.amount),
      netCents: toNumber(partNets[i]!),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
    })),
    breakdown,
    totalNetCents: toNumber(totalNet),
    totalVatCents: toNumber(totalVat),
    totalGrossCents: toNumber(totalNet + totalVat),
    mentions: [...ORACLE_MENTIONS[treatment]],
  };
}
