/**
 * The total of one line: round(quantity × unit price × (10000 − discount) / (10000 × base quantity)),
 * one rounding, half away from zero, in the document's mode.
 */
import { TaxInputError } from './errors';
import { divRoundHalfAway, divRoundHalfAwayBig, SAFE_HALF } from './rounding';

/**
 * Line total in cents from a quantity in thousandths. All arguments are validated non-negative
 * safe integers (quantityMilli, baseQuantity ≥ 1; discountBp ≤ 10000). `index` names the line in
 * the error thrown when the total is beyond exact Number range.
 */
export function computeLineTotal(
  quantityMilli: number,
  unitPriceCents: number,
  discountBp: number,
  baseQuantity: number,
  index: number,
): number {
  const kept = 10000 - discountBp;
  // Denominator: 1000 (thousandths) × 10000 (basis points) × base quantity.
  const numerator = quantityMilli * unitPriceCents * kept;
  const denominator = 10_000_000 * baseQuantity;
  // A Number product above 2^52 means the exact one is too (rounding is monotonic): BigInt then.
  // The denominator needs no bound (see divRoundHalfAway); it is exact up to 2^60 anyway, being a
  // multiple of 10^7 = 2^7 × 5^7.
  if (numerator <= SAFE_HALF) {
    return divRoundHalfAway(numerator, denominator);
  }
  const total = divRoundHalfAwayBig(
    BigInt(quantityMilli) * BigInt(unitPriceCents) * BigInt(kept),
    10_000_000n * BigInt(baseQuantity),
  );
  if (total > 9007199254740991n) {
    const path = `lines[${index}]`;
    throw new TaxInputError('too_large', `${path} total is too large to be computed exactly`, path);
  }
  return Number(total);
}
