import { describe, expect, it } from 'vitest';
import { canStaffTransition, FINAL_STATUSES, isCancellable, ORDER_STATUSES, staffNextStatuses } from './rules';

describe('order state machine', () => {
  it.each([
    ['placed', 'confirmed', true],
    ['confirmed', 'shipped', true],
    ['shipped', 'delivered', true],
    ['awaiting_payment', 'placed', true],
    ['placed', 'shipped', false],
    ['shipped', 'cancelled', false],
    ['delivered', 'cancelled', false],
    ['cancelled', 'placed', false],
    ['placed', 'placed', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canStaffTransition(from, to)).toBe(allowed);
  });

  it('final states lead nowhere', () => {
    for (const s of FINAL_STATUSES) expect(staffNextStatuses(s)).toEqual([]);
  });

  it('cancellation is possible before shipping only', () => {
    expect(ORDER_STATUSES.filter(isCancellable)).toEqual(['pending_approval', 'awaiting_payment', 'credit_hold', 'placed', 'confirmed']);
  });
});
