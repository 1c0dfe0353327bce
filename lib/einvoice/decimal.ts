/**
 * Exact decimals for the EN 16931 export and its check: integer cents printed as `1234.56` by
 * string manipulation, and decimals read back as (BigInt units, scale) — never through a float.
 */

/** An exact decimal number: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * Integer cents as a decimal with 2 digits and a dot (`-0.05`, `0.00`, `1234567.89`), no grouping.
 * Built from the digits of the integer, so it is exact for any safe integer or bigint.
 * @throws RangeError when `cents` is not an integer (a bug: amounts are integer cents).
 */
export function formatCents(cents: number | bigint): string {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents)) {
    throw new RangeError(`formatCents expects integer cents, got ${cents}`);
  }
  const value = BigInt(cents);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative ? `-${text}` : text;
}

/**
 * A VAT rate in basis points as a percentage with 2 decimals (2000 → `20.00`, 550 → `5.50`).
 * @throws RangeError when the rate is not an integer in 0–10000.
 */
export function formatRateBp(rateBp: number): string {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10000) {
    throw new RangeError(`a VAT rate is an integer number of basis points in 0–10000, got ${rateBp}`);
  }
  return formatCents(rateBp);
}

/**
 * A quantity as an integer number of thousandths, with the rule of lib/tax: the number must be
 * the double nearest to k / 1000 (so 2.125 and 0.1 are accepted, 0.1 + 0.2 is not).
 * Returns null when the number is not finite or has more than 3 decimals.
 */
export function quantityToMilli(quantity: number): bigint | null {
  if (!Number.isFinite(quantity)) return null;
  const milli = Math.round(quantity * 1000);
  if (!Number.isSafeInteger(milli) || milli / 1000 !== quantity) return null;
  return BigInt(milli);
}

/**
 * A quantity with at most 3 decimals as its shortest decimal text (`2.125`, `10`, `0.5`).
 * @throws RangeError when it has more than 3 decimals or is not finite.
 */
export function formatQuantity(quantity: number): string {
  const milli = quantityToMilli(quantity);
  if (milli === null) throw new RangeError(`a quantity has at most 3 decimals, got ${quantity}`);
  return formatDecimal({ units: milli, scale: 3 });
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads an xs:decimal (`12`, `-0.50`, `+3.`, `.5`; surrounding whitespace allowed, as XML Schema
 * collapses it). Returns null for anything else (exponents, commas, empty text).
 */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return null;
  const intPart = match[2] ?? '';
  const fracPart = match[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const units = BigInt(`${intPart}${fracPart}` || '0');
  return { units: match[1] === '-' ? -units : units, scale: fracPart.length };
}

/** Number of digits after the decimal point as written (`1.500` → 3): what BR-DEC-* limit. */
export function writtenDecimals(text: string): number {
  const trimmed = text.trim();
  const dot = trimmed.indexOf('.');
  return dot < 0 ? 0 : trimmed.length - dot - 1;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** The same value at a larger scale (`scale` ≥ d.scale). */
function rescale(d: Decimal, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

/** a + b, exactly. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** a − b, exactly. */
export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

/** −1, 0 or 1 as a < b, a = b, a > b (values compared, not texts: 20 = 20.00). */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a = b as values. */
export function equalDecimal(a: Decimal, b: Decimal): boolean {
  return compareDecimal(a, b) === 0;
}

/** The sum of a list (0 for none). */
export function sumDecimals(list: readonly Decimal[]): Decimal {
  return list.reduce(addDecimal, ZERO);
}

/** 0 at scale 0. */
export const ZERO: Decimal = { units: 0n, scale: 0 };

/** Integer cents as a Decimal of scale 2. */
export function centsDecimal(cents: bigint): Decimal {
  return { units: cents, scale: 2 };
}

/** round(n / d), half away from zero, for any BigInt n and d > 0 (the rounding of lib/tax). */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divRoundHalfAway needs a positive divisor');
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  if ((a - q * d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** A decimal rounded to 2 decimals (half away from zero), as integer cents. */
export function roundToCents(d: Decimal): bigint {
  if (d.scale <= 2) return rescale(d, 2);
  return divRoundHalfAway(d.units, pow10(d.scale - 2));
}

/** A canonical text for messages: trailing fractional zeros removed (`20.00` → `20`, `2.50` → `2.5`). */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    const intPart = digits.slice(0, -d.scale);
    const fracPart = digits.slice(-d.scale).replace(/0+$/, '');
    digits = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  }
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** A decimal as text with exactly 2 decimals (for messages about amounts); exact when scale ≤ 2. */
export function formatAmount(d: Decimal): string {
  return d.scale <= 2 ? formatCents(rescale(d, 2)) : formatDecimal(d);
}
