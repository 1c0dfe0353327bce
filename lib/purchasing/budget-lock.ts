import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { budgetEntries, spendingBudgets } from '@/db/schema';
import { runWrites, type Write } from '@/lib/orders/create-order';

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

export type BudgetMove = 'hold' | 'commit' | 'release_hold' | 'hold_to_commit' | 'release_commit';

/**
 * A move of money on a locked budget with its ledger entry, as writes for `runWrites` (one
 * statement, or part of a bigger one such as a checkout's). The UPDATE is conditional on the hard
 * cap as well (and the table's CHECK refuses anything else), so even a caller that forgot the lock
 * could not overspend: then `moved_budget` is empty and no entry is written.
 */
export function budgetMoveWrites(tx: Executor, budgetId: string, move: BudgetMove, amount: number, orderId: string, actorUserId: string | null): Write[] {
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
  const kind = move === 'hold' ? 'hold' : move === 'commit' || move === 'hold_to_commit' ? 'commit' : 'release';
  return [
    {
      name: 'moved_budget',
      query: tx
        .update(spendingBudgets)
        .set({ ...set, updatedAt: sql`now()` })
        .where(and(eq(spendingBudgets.id, budgetId), guard))
        .returning({ id: spendingBudgets.id }),
    },
    {
      name: 'budget_entry',
      query: sql`insert into ${budgetEntries} (budget_id, order_id, kind, amount_ht_cents, actor_user_id)
        select m.id, ${orderId}::uuid, ${kind}::budget_entry_kind, ${amount}::bigint, ${actorUserId}::uuid from moved_budget m`,
    },
  ];
}

/** Moves money on a locked budget and writes the ledger entry (one statement); false when the cap refused it. */
export async function moveBudget(tx: Tx, budgetId: string, move: BudgetMove, amount: number, orderId: string, actorUserId: string | null): Promise<boolean> {
  const [row] = await runWrites<{ moved: number | string }>(
    tx,
    budgetMoveWrites(tx, budgetId, move, amount, orderId, actorUserId),
    sql`select count(*) as moved from moved_budget`,
  );
  return Number(row?.moved ?? 0) > 0;
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
