/**
 * Pure pipeline rules: stage order, default probabilities, weighted amounts and which stage
 * changes are allowed. No I/O.
 */

export const STAGES = ['qualification', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const OPEN_STAGES = ['qualification', 'needs_analysis', 'proposal', 'negotiation'] as const satisfies readonly Stage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

/** Default probability (percent) of each stage, used unless an opportunity overrides it. */
export const DEFAULT_PROBABILITY: Record<Stage, number> = {
  qualification: 10,
  needs_analysis: 30,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

/** True for stages an opportunity is still being worked in. */
export function isOpenStage(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly Stage[]).includes(stage);
}

/** The probability that applies: the override when set, else the stage's default. */
export function probabilityOf(stage: Stage, override: number | null | undefined): number {
  return override === null || override === undefined ? DEFAULT_PROBABILITY[stage] : override;
}

/**
 * amount × probability / 100 in integer cents, rounded half away from zero (exact on integers:
 * no float division before rounding).
 */
export function weightedCents(amountCents: number, probability: number): number {
  const product = BigInt(Math.trunc(amountCents)) * BigInt(Math.trunc(probability));
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const q = abs / 100n;
  const r = abs % 100n;
  const rounded = r >= 50n ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

export interface ColumnTotals {
  count: number;
  totalCents: number;
  weightedCents: number;
}

/** Count, total and weighted total of a column (each opportunity weighted then summed). */
export function columnTotals(rows: readonly { amountCents: number; probability: number }[]): ColumnTotals {
  let totalCents = 0;
  let weighted = 0;
  for (const r of rows) {
    totalCents += r.amountCents;
    weighted += weightedCents(r.amountCents, r.probability);
  }
  return { count: rows.length, totalCents, weightedCents: weighted };
}

export type TransitionCheck = { ok: true } | { ok: false; code: 'same_stage' | 'reason_required' | 'closed_to_closed' };

/**
 * Whether an opportunity may move from `from` to `to`: an open one to any other stage; a closed
 * one (won/lost) only back to an open stage (reopening). Moving to lost needs a reason.
 */
export function checkTransition(from: Stage, to: Stage, reason?: string | null): TransitionCheck {
  if (from === to) return { ok: false, code: 'same_stage' };
  if (!isOpenStage(from) && !isOpenStage(to)) return { ok: false, code: 'closed_to_closed' };
  if (to === 'lost' && !(reason ?? '').trim()) return { ok: false, code: 'reason_required' };
  return { ok: true };
}

/** True when a next step is missing or its due date is before `today` (YYYY-MM-DD). */
export function nextStepNeedsAttention(nextStep: string | null, nextStepDue: string | null, today: string): 'missing' | 'overdue' | null {
  if (!nextStep?.trim()) return 'missing';
  if (nextStepDue && nextStepDue < today) return 'overdue';
  return null;
}
