/**
 * Largest-remainder allocation: shares an integer `total` over items in proportion to integer
 * weights, exactly. Used twice by the engine: to split an unrated charge or allowance over the
 * rates (weights = Σ line totals per rate, items ordered by rate descending) and, in tax-inclusive
 * mode, to share a rate's taxable amount over its items (weights = TTC amounts, allowances negative).
 *
 * With S = Σ weights > 0, item i's exact share is total × wᵢ / S. Each item takes floor(shareᵢ)
 * — a true floor, so a negative share −3,4 takes −4 — and its remainder shareᵢ − floor(shareᵢ)
 * lies in [0, 1). The remainders add up to the integer k = total − Σ floors, with 0 ≤ k < number of
 * items having a non-zero remainder, so handing one cent to each of the k items with the largest
 * remainders (ties to the earlier item) makes the parts add up to `total` exactly, and every part
 * stays between the floor and the ceiling of its exact share: it never changes sign.
 */
import { floorDivBig, SAFE_HALF } from './rounding';

/**
 * Splits `total` (≥ 0) over `weights` (integers, Σ weights = `weightSum` > 0) by largest remainder,
 * ties to the lower index. Returns one integer per weight; they add up to `total`.
 */
export function allocateByWeights(total: number, weights: readonly number[], weightSum: number): number[] {
  let maxAbs = 0;
  for (const w of weights) {
    const abs = Math.abs(w);
    if (abs > maxAbs) maxAbs = abs;
  }
  // Every product total × wᵢ within 2^52: the Number path is exact (see rounding.ts).
  if (total * maxAbs <= SAFE_HALF) return allocateNumber(total, weights, weightSum);
  return allocateBig(total, weights, weightSum);
}

function allocateNumber(total: number, weights: readonly number[], weightSum: number): number[] {
  const parts: number[] = [];
  const remainders: number[] = [];
  let left = total;
  for (const w of weights) {
    const p = total * w;
    const q = Math.floor(p / weightSum);
    parts.push(q);
    remainders.push(p - q * weightSum);
    left -= q;
  }
  if (left > 0) distributeLeftover(parts, remainders, left);
  return parts;
}

function allocateBig(total: number, weights: readonly number[], weightSum: number): number[] {
  const t = BigInt(total);
  const s = BigInt(weightSum);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let left = total;
  for (const w of weights) {
    const p = t * BigInt(w);
    const q = floorDivBig(p, s);
    // A safe integer: for our callers |share| ≤ total (split: wᵢ ≤ S) or ≤ |wᵢ| (nets: total ≤ S).
    const part = Number(q);
    parts.push(part);
    remainders.push(p - q * s);
    left -= part;
  }
  if (left > 0) distributeLeftover(parts, remainders, left);
  return parts;
}

/** The remainders being ranked by `byRemainderDescending` (a module-level comparator avoids a closure per call). */
let ranked: readonly (number | bigint)[] = [];

/** Largest remainder first; equal ones keep their order, Array.prototype.sort being stable. */
function byRemainderDescending(a: number, b: number): number {
  const ra = ranked[a]!;
  const rb = ranked[b]!;
  return ra > rb ? -1 : ra < rb ? 1 : 0;
}

/** One more unit to each of the `left` items with the largest remainders, ties to the lower index. */
function distributeLeftover(parts: number[], remainders: readonly (number | bigint)[], left: number): void {
  if (left === 1) {
    // The common case: one scan for the first largest remainder, no sort.
    let best = 0;
    for (let i = 1; i < remainders.length; i++) if (remainders[i]! > remainders[best]!) best = i;
    parts[best]! += 1;
    return;
  }
  const order: number[] = [];
  for (let i = 0; i < remainders.length; i++) order.push(i);
  ranked = remainders;
  order.sort(byRemainderDescending);
  ranked = [];
  for (let j = 0; j < left; j++) parts[order[j]!]! += 1;
}
