import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STAGES,
  checkTransition,
  columnTotals,
  nextStepNeedsAttention,
  probabilityOf,
  weightedCents,
  type Stage,
} from './pipeline-rules';

describe('probabilityOf', () => {
  it.each<[Stage, number | null, number]>([
    ['qualification', null, 10],
    ['needs_analysis', null, 30],
    ['proposal', null, 50],
    ['negotiation', null, 75],
    ['won', null, 100],
    ['lost', null, 0],
    ['qualification', 65, 65],
    ['negotiation', 0, 0],
  ])('%s with override %s → %s', (stage, override, expected) => {
    expect(probabilityOf(stage, override)).toBe(expected);
  });
});

describe('weightedCents', () => {
  it.each([
    [100_000, 10, 10_000],
    [333, 50, 167], // 166.5 → 167
    [1, 50, 1], // 0.5 → 1
    [1, 49, 0],
    [999, 75, 749], // 749.25
    [-333, 50, -167], // away from zero
    [0, 75, 0],
    [123_456_789, 100, 123_456_789],
    [5, 30, 2], // 1.5 → 2
  ])('%s × %s %% → %s', (amount, p, expected) => {
    expect(weightedCents(amount, p)).toBe(expected);
  });

  it('never exceeds the amount and is exact for 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 100 }), (a, p) => {
        const w = weightedCents(a, p);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(a);
        if (p === 100) expect(w).toBe(a);
        expect(Math.abs(w - (a * p) / 100)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('columnTotals', () => {
  it('sums counts, totals and weighted totals per opportunity', () => {
    expect(
      columnTotals([
        { amountCents: 300_000, probability: 10 },
        { amountCents: 333, probability: 50 },
        { amountCents: 1_050_001, probability: 75 },
      ]),
    ).toEqual({ count: 3, totalCents: 1_350_334, weightedCents: 30_000 + 167 + 787_501 });
    expect(columnTotals([])).toEqual({ count: 0, totalCents: 0, weightedCents: 0 });
  });
});

describe('checkTransition', () => {
  const open = ['qualification', 'needs_analysis', 'proposal', 'negotiation'] as const;
  it.each(open.flatMap((from) => STAGES.filter((to) => to !== from && to !== 'lost').map((to) => [from, to] as const)))(
    'open %s → %s is allowed without a reason',
    (from, to) => {
      expect(checkTransition(from, to)).toEqual({ ok: true });
    },
  );
  it.each(open)('%s → lost needs a reason', (from) => {
    expect(checkTransition(from, 'lost')).toEqual({ ok: false, code: 'reason_required' });
    expect(checkTransition(from, 'lost', '   ')).toEqual({ ok: false, code: 'reason_required' });
    expect(checkTransition(from, 'lost', 'Budget coupé')).toEqual({ ok: true });
  });
  it.each<[Stage, Stage, string]>([
    ['won', 'lost', 'closed_to_closed'],
    ['lost', 'won', 'closed_to_closed'],
    ['won', 'won', 'same_stage'],
    ['proposal', 'proposal', 'same_stage'],
  ])('%s → %s is refused (%s)', (from, to, code) => {
    expect(checkTransition(from, to, 'x')).toEqual({ ok: false, code });
  });
  it.each(open.flatMap((to) => [['won', to] as const, ['lost', to] as const]))('reopening %s → %s is allowed', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });
});

describe('nextStepNeedsAttention', () => {
  it.each<[string | null, string | null, 'missing' | 'overdue' | null]>([
    [null, null, 'missing'],
    ['  ', '2026-01-10', 'missing'],
    ['Rappeler', '2026-01-09', 'overdue'],
    ['Rappeler', '2026-01-10', null],
    ['Rappeler', null, null],
  ])('%s due %s → %s', (step, due, expected) => {
    expect(nextStepNeedsAttention(step, due, '2026-01-10')).toBe(expected);
  });
});
