/** lib/catalog/availability — what a shopper is told about stock. Pure: no I/O. */

/** At or below this many units, the shop says "Plus que N" rather than "En stock". */
export const LOW_STOCK_THRESHOLD = 10;

export type Availability = { kind: 'in_stock' } | { kind: 'low'; remaining: number } | { kind: 'out_of_stock' };

/** In stock, low (with the units left) or out of stock, from the units on hand. */
export function availabilityOf(stockOnHand: number): Availability {
  if (!(stockOnHand > 0)) return { kind: 'out_of_stock' };
  if (stockOnHand <= LOW_STOCK_THRESHOLD) return { kind: 'low', remaining: Math.floor(stockOnHand) };
  return { kind: 'in_stock' };
}
