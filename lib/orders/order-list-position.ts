/**
 * Pure helpers of the staff order list's keyset pagination: where a page starts (from the URL) and
 * how its count is worded. No I/O.
 *
 * The list is ordered newest first on (created_at desc, id desc), a total order even when several
 * orders share a timestamp. A page is reached from the first page, from the last one (the oldest
 * orders, read by reversing that order), or from a cursor: the id of the order just before (`after`)
 * or just after (`before`) it. The service looks the cursor's created_at up by id, so a cursor is
 * exact to the microsecond and cannot be forged into anything but a position.
 */

export type OrderListPosition =
  | { at: 'first' }
  | { at: 'last' }
  | { at: 'after'; id: string }
  | { at: 'before'; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The position a URL asks for. A cursor that is not an order id (hand-edited, truncated) and any
 * `page` other than `last` (old numbered links included) give the first page, never an error.
 * When several are present, `after` wins over `before`, which wins over `page=last`.
 */
export function orderListPositionOf(params: { after?: string; before?: string; page?: string }): OrderListPosition {
  if (params.after && UUID.test(params.after)) return { at: 'after', id: params.after.toLowerCase() };
  if (params.before && UUID.test(params.before)) return { at: 'before', id: params.before.toLowerCase() };
  if (params.page === 'last') return { at: 'last' };
  return { at: 'first' };
}

/** How many orders match, as far as the list knows without counting them all. */
export type OrderCount =
  | { kind: 'exact'; value: number }
  | { kind: 'estimate'; value: number }
  | { kind: 'atLeast'; value: number };

/**
 * The count to show from a count capped at `cap` (the service counts at most `cap + 1` rows) and,
 * for the unfiltered list only, the planner's estimate of the table's size (`pg_class.reltuples`,
 * negative when never analysed). Up to `cap` the count is exact; beyond, the unfiltered list shows
 * the estimate rounded to two significant digits, a filtered one "more than `cap`".
 */
export function orderCountOf(capped: number, cap: number, estimate: number | null): OrderCount {
  if (capped <= cap) return { kind: 'exact', value: capped };
  if (estimate !== null && estimate > cap) return { kind: 'estimate', value: roundTwoSignificant(estimate) };
  return { kind: 'atLeast', value: cap };
}

function roundTwoSignificant(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}
