import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { budgetEntries, spendingBudgets } from '@/db/schema';

export interface LockedBudget {
  id: string;
  label: string;
  amountHtCents: number;
  heldHtCents: number;
  committedHtCents: number;
}

/** The budget an order of `date` (and cost centre) counts against, locked for the transaction. */
export async function lockBudgetFor(tx: Tx, accountId: string, date: string, costCentre: string): Promise<LockedBudget | null> {
  const [b] = await tx
    .select({
      id: spendingBudgets.id,
      label: spendingBudgets.label,
      amountHtCents: spendingBudgets.amountHtCents,
      heldHtCents: spendingBudgets.heldHtCents,
      committedHtCents: spendingBudgets.committedHtCents,
    })
    .from(spendingBudgets)
    .where(
      and(
        eq(spendingBudgets.accountId, accountId),
        lte(spendingBudgets.periodStart, date),
        gte(spendingBudgets.periodEnd, date),
        eq(spendingBudgets.costCentre, costCentre),
      ),
    )
    .orderBy(spendingBudgets.periodStart)
    .limit(1)
    .for('update');
  return b ?? null;
}

export function remainingOf(b: LockedBudget): number {
  return b.amountHtCents - b.heldHtCents - b.committedHtCents;
}

type Move = 'hold' | 'commit' | 'release_hold' | 'hold_to_commit' | 'release_commit';

/**
 * Moves money on a locked budget and writes the ledger entry. The UPDATE is conditional on the hard
 * cap as well (and the table's CHECK refuses anything else), so even a caller that forgot the lock
 * could not overspend.
 */
export async function moveBudget(tx: Tx, budgetId: string, move: Move, amount: number, orderId: string, actorUserId: string | null): Promise<boolean> {
  const set =
    move === 'hold'
      ? { heldHtCents: sql`${spendingBudgets.heldHtCents} + ${amount}` }
      : move === 'commit'
        ? { committedHtCents: sql`${spendingBudgets.committedHtCents} + ${amount}` }
        : move === 'release_hold'
          ? { heldHtCents: sql`${spendingBudgets.heldHtCents} - ${amount}` }
          : move === 'hold_to_commit'
            ? { heldHtCents: sql`${spendingBudgets.heldHtCents} - ${amount}`, committedHtCents: sql`${spendingBudgets.committedHtCents} + ${amount}` }
            : { committedHtCents: sql`${spendingBudgets.committedHtCents} - ${amount}` };
  const guard =
    move === 'hold' || move === 'commit'
      ? sql`${spendingBudgets.heldHtCents} + ${spendingBudgets.committedHtCents} + ${amount} <= ${spendingBudgets.amountHtCents}`
      : sql`true`;
  const [row] = await tx
    .update(spendingBudgets)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(spendingBudgets.id, budgetId), guard))
    .returning({ id: spendingBudgets.id });
  if (!row) return false;
  const kind = move === 'hold' ? 'hold' : move === 'commit' || move === 'hold_to_commit' ? 'commit' : 'release';
  await tx.insert(budgetEntries).values({ budgetId, orderId, kind, amountHtCents: amount, actorUserId });
  return true;
}

/** What an order currently takes from a budget, replayed from the ledger (hold → commit | release). */
export async function budgetStateOf(
  tx: Tx,
  orderId: string,
): Promise<{ budgetId: string; amount: number; state: 'held' | 'committed' } | null> {
  const rows = await tx
    .select({ budgetId: budgetEntries.budgetId, kind: budgetEntries.kind, amount: budgetEntries.amountHtCents })
    .from(budgetEntries)
    .where(eq(budgetEntries.orderId, orderId))
    .orderBy(budgetEntries.id);
  let state: { budgetId: string; amount: number; state: 'held' | 'committed' } | null = null;
  for (const r of rows) {
    if (r.kind === 'hold') state = { budgetId: r.budgetId, amount: r.amount, state: 'held' };
    else if (r.kind === 'commit') state = { budgetId: r.budgetId, amount: r.amount, state: 'committed' };
    else state = null;
  }
  return state;
}
