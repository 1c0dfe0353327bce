/**
 * The VAT of one rate, rounded once, half away from zero.
 */
import { divRoundHalfAway, divRoundHalfAwayBig, SAFE_HALF } from './rounding';

/** Tax-exclusive: round(taxable × rate / 10000), for a safe integer taxable amount. */
export function vatOfNet(taxableCents: number, rateBp: number): number {
  const product = taxableCents * rateBp;
  if (Math.abs(product) <= SAFE_HALF) return divRoundHalfAway(product, 10000);
  return Number(divRoundHalfAwayBig(BigInt(taxableCents) * BigInt(rateBp), 10000n));
}

/** Tax-inclusive: round(gross × rate / (10000 + rate)), for a safe integer gross amount. */
export function vatOfGross(grossCents: number, rateBp: number): number {
  const product = grossCents * rateBp;
  if (Math.abs(product) <= SAFE_HALF) return divRoundHalfAway(product, 10000 + rateBp);
  return Number(divRoundHalfAwayBig(BigInt(grossCents) * BigInt(rateBp), BigInt(10000 + rateBp)));
}
