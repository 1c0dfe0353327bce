import { describe, expect, it } from 'vitest';
import { availabilityOf, LOW_STOCK_THRESHOLD } from './availability';

describe('availabilityOf', () => {
  it.each([
    [0, { kind: 'out_of_stock' }],
    [-1, { kind: 'out_of_stock' }],
    [Number.NaN, { kind: 'out_of_stock' }],
    [1, { kind: 'low', remaining: 1 }],
    [LOW_STOCK_THRESHOLD, { kind: 'low', remaining: LOW_STOCK_THRESHOLD }],
    [LOW_STOCK_THRESHOLD + 1, { kind: 'in_stock' }],
    [2500, { kind: 'in_stock' }],
  ])('%d units → %j', (stock, expected) => {
    expect(availabilityOf(stock)).toEqual(expected);
  });
});
