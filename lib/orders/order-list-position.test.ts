import { describe, expect, it } from 'vitest';
import { orderCountOf, orderListPositionOf } from './order-list-position';

const ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('orderListPositionOf', () => {
  it.each([
    ['nothing', {}, { at: 'first' }],
    ['a numbered page (old links)', { page: '3' }, { at: 'first' }],
    ['a garbage page', { page: 'abc' }, { at: 'first' }],
    ['the last page', { page: 'last' }, { at: 'last' }],
    ['after an order', { after: ID }, { at: 'after', id: ID }],
    ['before an order', { before: ID }, { at: 'before', id: ID }],
    ['an upper-case cursor', { after: ID.toUpperCase() }, { at: 'after', id: ID }],
    ['a tampered cursor', { after: `${ID}'; drop table orders; --` }, { at: 'first' }],
    ['a truncated cursor', { before: ID.slice(0, 20) }, { at: 'first' }],
    ['a base64 cursor', { after: 'eyJpZCI6MX0' }, { at: 'first' }],
    ['a tampered cursor with page=last', { after: 'x', page: 'last' }, { at: 'last' }],
    ['after and before', { after: ID, before: '00000000-0000-4000-8000-000000000000' }, { at: 'after', id: ID }],
  ])('%s', (_label, params, expected) => {
    expect(orderListPositionOf(params)).toEqual(expected);
  });
});

describe('orderCountOf', () => {
  it.each([
    [0, 1000, null, { kind: 'exact', value: 0 }],
    [1, 1000, 50_000, { kind: 'exact', value: 1 }],
    [1000, 1000, 50_000, { kind: 'exact', value: 1000 }],
    [1001, 1000, 49_873, { kind: 'estimate', value: 50_000 }],
    [1001, 1000, 12_345, { kind: 'estimate', value: 12_000 }],
    [1001, 1000, 512_345, { kind: 'estimate', value: 510_000 }],
    [1001, 1000, 1_049, { kind: 'estimate', value: 1_000 }],
    [1001, 1000, null, { kind: 'atLeast', value: 1000 }],
    // Never analysed (reltuples = -1), or an estimate below what was just counted.
    [1001, 1000, -1, { kind: 'atLeast', value: 1000 }],
    [1001, 1000, 400, { kind: 'atLeast', value: 1000 }],
  ])('%i counted (cap %i), estimate %s', (capped, cap, estimate, expected) => {
    expect(orderCountOf(capped, cap, estimate)).toEqual(expected);
  });
});
