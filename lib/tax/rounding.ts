/**
 * Exact integer division with rounding half away from zero (the only rounding of the engine).
 *
 * Two versions: a Number one for the hot path and a BigInt one for anything larger.
 * The Number version is exact when |n| ≤ 2^52, for any integer d ≥ 1:
 * - d ≤ 2^52: then |n| + d ≤ 2^53, and the correctly rounded quotient n / d cannot round up to the
 *   next integer (that takes |n| + d > 2^53), so Math.floor gives the exact integer quotient;
 * - d > 2^52: the quotient is at most 1, and a quotient below 1 is at most 1 − 1/d ≤ 1 − 2^-53,
 *   a double below 1, so the floor is exact again;
 * and the remainder |n| − q·d, being below d and made of exact products, is exact too.
 * The same holds for Math.floor of a negative quotient (floating-point rounding is symmetric).
 */

/** 2^52: operands up to this bound keep every Number intermediate exact (see above). */
export const SAFE_HALF = 4503599627370496;

/**
 * round(n / d), half away from zero, for integers with |n| ≤ SAFE_HALF and d ≥ 1.
 * Negative n: computed on |n| and the sign applied (never returns −0).
 */
export function divRoundHalfAway(n: number, d: number): number {
  const negative = n < 0;
  const a = Math.abs(n);
  let q = Math.floor(a / d);
  if ((a - q * d) * 2 >= d) q += 1;
  // 0 − q rather than −q: never −0.
  return negative ? 0 - q : q;
}

/** round(n / d), half away from zero, for any BigInt n and d > 0. */
export function divRoundHalfAwayBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  if ((a - q * d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** floor(n / d) for BigInt n and d > 0 (BigInt division truncates towards zero). */
export function floorDivBig(n: bigint, d: bigint): bigint {
  const q = n / d;
  // Truncation went up (towards zero) only for a negative n with a remainder.
  return q * d > n ? q - 1n : q;
}
