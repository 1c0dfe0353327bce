import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveQuote,
  canMoveRequest,
  isAcceptableVersion,
  isFinalQuote,
  isQuoteExpired,
  QUOTE_STATES,
  validityEnd,
} from './rules';

describe('quote request states', () => {
  it.each([
    ['submitted', 'in_progress', 'staff', true],
    ['submitted', 'cancelled', 'requester', true],
    ['submitted', 'declined', 'requester', false],
    ['in_progress', 'quoted', 'staff', true],
    ['quoted', 'cancelled', 'requester', false],
    ['cancelled', 'submitted', 'staff', false],
  ] as const)('%s → %s by %s: %s', (from, to, actor, allowed) => {
    expect(canMoveRequest(from, to, actor)).toBe(allowed);
  });
});

describe('quote states', () => {
  it.each([
    ['in_preparation', 'sent', 'staff', true],
    ['sent', 'accepted', 'purchaser', true],
    ['sent', 'accepted', 'requester', false],
    ['sent', 'accepted', 'staff', false],
    ['sent', 'changes_requested', 'purchaser', true],
    ['sent', 'withdrawn', 'staff', true],
    ['sent', 'withdrawn', 'purchaser', false],
    ['changes_requested', 'in_preparation', 'staff', true],
    ['expired', 'in_preparation', 'staff', true],
    ['expired', 'accepted', 'purchaser', false],
    ['accepted', 'withdrawn', 'staff', false],
    ['withdrawn', 'sent', 'staff', false],
  ] as const)('%s → %s by %s: %s', (from, to, actor, allowed) => {
    expect(canMoveQuote(from, to, actor)).toBe(allowed);
  });

  it('final states are accepted, declined and withdrawn', () => {
    expect(QUOTE_STATES.filter(isFinalQuote)).toEqual(['accepted', 'declined', 'withdrawn']);
  });

  it('a requester can never decide', () => {
    for (const from of QUOTE_STATES) for (const to of ['accepted', 'declined', 'changes_requested'] as const) expect(canMoveQuote(from, to, 'requester')).toBe(false);
  });
});

describe('validity', () => {
  it.each([
    // Winter (UTC+1): valid until 15 January ends at 23:00 UTC that day.
    ['2027-01-15', '2027-01-15T23:00:00.000Z'],
    // Summer (UTC+2): ends at 22:00 UTC.
    ['2027-07-15', '2027-07-15T22:00:00.000Z'],
    // The night the clocks go forward (28 March 2027): midnight of the 29th is UTC+2.
    ['2027-03-28', '2027-03-28T22:00:00.000Z'],
    // The night they go back (31 October 2027): midnight of 1 November is UTC+1.
    ['2027-10-31', '2027-10-31T23:00:00.000Z'],
  ])('valid until %s ends at %s', (day, end) => {
    expect(validityEnd(day).toISOString()).toBe(end);
  });

  it('is valid during the whole of its last Paris day, expired from the next', () => {
    expect(isQuoteExpired('2027-01-15', new Date('2027-01-15T22:59:59.999Z'))).toBe(false);
    expect(isQuoteExpired('2027-01-15', new Date('2027-01-15T23:00:00.000Z'))).toBe(true);
  });

  it('the end is always a Paris midnight one day after the date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const end = validityEnd(day);
        const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(end);
        const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
        const next = new Date(Date.UTC(y, m - 1, dd + 1)).toISOString().slice(0, 10);
        expect(paris).toBe(`${next}, 00:00`);
      }),
    );
  });

  it('only the latest sent version can be accepted', () => {
    expect(isAcceptableVersion(3, 3)).toBe(true);
    expect(isAcceptableVersion(2, 3)).toBe(false);
    expect(isAcceptableVersion(1, null)).toBe(false);
  });
});
