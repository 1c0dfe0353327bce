/** Order states (spec/b2b.md, "Orders, stock and invoices"). */
export const ORDER_STATUSES = [
  'pending_approval',
  'awaiting_payment',
  'credit_hold',
  'placed',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'rejected',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FINAL_STATUSES: readonly OrderStatus[] = ['delivered', 'cancelled', 'rejected', 'expired'];

/** The transitions staff make by hand in the back office. */
const STAFF_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_approval: ['cancelled'],
  awaiting_payment: ['placed', 'cancelled'],
  credit_hold: ['placed', 'cancelled'],
  placed: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  rejected: [],
  expired: [],
};

/** Whether staff may move an order from one state to another. */
export function canStaffTransition(from: OrderStatus, to: OrderStatus): boolean {
  return STAFF_TRANSITIONS[from].includes(to);
}

/** The next states staff may choose for an order in `from`. */
export function staffNextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return STAFF_TRANSITIONS[from];
}

/** Whether stock is reserved for an order in this state (it is from `placed` until cancelled). */
export function holdsStock(status: OrderStatus): boolean {
  return ['awaiting_payment', 'credit_hold', 'placed', 'confirmed', 'shipped', 'delivered'].includes(status);
}

/** Cancelling is possible any time before shipping. */
export function isCancellable(status: OrderStatus): boolean {
  return canStaffTransition(status, 'cancelled');
}
