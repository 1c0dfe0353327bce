import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, budgetEntries, orders, persons, spendingBudgets, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { formatMoney } from '@/lib/money';
import { fail, ok, type Result } from '@/lib/result';
import {
  BUDGET_LEDGER_LIMIT,
  type BudgetPeriodKind,
  type ChangeBudgetAmountInput,
  type CreateBudgetInput,
  fiscalYearStartDate,
} from './budget-schemas';
import { fiscalYearOf, monthOf } from './periods';

const e = frB2bCompany.errors;

const BUDGET_READERS = ['purchaser', 'company_admin'] as const;

/** Budgets are read by purchasers and company admins, changed by company admins only (explicit check). */
function refuseUnless<T>(actor: Actor | null, roles: readonly string[]): Result<T> | null {
  if (!actor) return fail(NOT_SIGNED_IN);
  if (!roles.includes(actor.role) || !actor.accountId) return fail(NOT_ALLOWED);
  return null;
}

const frDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });
/** A calendar date 'YYYY-MM-DD' as French text (`01/09/2026`). */
function formatIsoDate(date: string): string {
  return frDate.format(new Date(`${date}T00:00:00Z`));
}

export interface BudgetRow {
  id: string;
  label: string;
  periodKind: BudgetPeriodKind;
  periodStart: string;
  periodEnd: string;
  costCentre: string;
  amountHtCents: number;
  heldHtCents: number;
  committedHtCents: number;
  remainingHtCents: number;
}

const budgetColumns = {
  id: spendingBudgets.id,
  label: spendingBudgets.label,
  periodKind: spendingBudgets.periodKind,
  periodStart: spendingBudgets.periodStart,
  periodEnd: spendingBudgets.periodEnd,
  costCentre: spendingBudgets.costCentre,
  amountHtCents: spendingBudgets.amountHtCents,
  heldHtCents: spendingBudgets.heldHtCents,
  committedHtCents: spendingBudgets.committedHtCents,
};

function withRemaining(b: Omit<BudgetRow, 'remainingHtCents'>): BudgetRow {
  return { ...b, remainingHtCents: b.amountHtCents - b.heldHtCents - b.committedHtCents };
}

const MAX_BUDGETS = 200;

/** The actor's company budgets, latest period first, company-wide before cost centres. */
export async function listBudgets(db: Database, actor: Actor | null): Promise<Result<BudgetRow[]>> {
  const refused = refuseUnless<BudgetRow[]>(actor, BUDGET_READERS);
  if (refused) return refused;
  const rows = await db
    .select(budgetColumns)
    .from(spendingBudgets)
    .where(eq(spendingBudgets.accountId, actor!.accountId!))
    .orderBy(desc(spendingBudgets.periodEnd), asc(spendingBudgets.periodStart), asc(spendingBudgets.costCentre), asc(spendingBudgets.label))
    .limit(MAX_BUDGETS);
  return ok(rows.map(withRemaining));
}

export interface BudgetEntryRow {
  id: number;
  createdAt: Date;
  orderId: string | null;
  orderNumber: string | null;
  kind: 'hold' | 'commit' | 'release';
  amountHtCents: number;
  actorName: string | null;
}

export interface BudgetDetail {
  budget: BudgetRow;
  entries: BudgetEntryRow[];
}

/** One budget of the actor's company with its latest ledger entries; another company's is "not found". */
export async function getBudget(db: Database, actor: Actor | null, budgetId: string): Promise<Result<BudgetDetail>> {
  const refused = refuseUnless<BudgetDetail>(actor, BUDGET_READERS);
  if (refused) return refused;
  const [budget] = await db
    .select(budgetColumns)
    .from(spendingBudgets)
    .where(and(eq(spendingBudgets.id, budgetId), eq(spendingBudgets.accountId, actor!.accountId!)))
    .limit(1);
  if (!budget) return fail(e.budgetNotFound);
  const rows = await db
    .select({
      id: budgetEntries.id,
      createdAt: budgetEntries.createdAt,
      orderId: budgetEntries.orderId,
      orderNumber: orders.number,
      kind: budgetEntries.kind,
      amountHtCents: budgetEntries.amountHtCents,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(budgetEntries)
    .leftJoin(orders, eq(orders.id, budgetEntries.orderId))
    .leftJoin(users, eq(users.id, budgetEntries.actorUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(eq(budgetEntries.budgetId, budgetId))
    .orderBy(desc(budgetEntries.createdAt), desc(budgetEntries.id))
    .limit(BUDGET_LEDGER_LIMIT);
  return ok({
    budget: withRemaining(budget),
    entries: rows.map(({ firstName, lastName, ...r }) => ({ ...r, actorName: firstName ? `${firstName} ${lastName}` : null })),
  });
}

/** The actor's company's fiscal-year end month (1–12), for the new-budget form. */
export async function getFiscalYearEndMonth(db: Database, actor: Actor | null): Promise<Result<number>> {
  const refused = refuseUnless<number>(actor, BUDGET_READERS);
  if (refused) return refused;
  const [row] = await db.select({ m: accounts.fiscalYearEndMonth }).from(accounts).where(eq(accounts.id, actor!.accountId!));
  return row ? ok(row.m) : fail(e.budgetNotFound);
}

/**
 * Creates a budget for a fiscal year (from the company's fiscal-year end month) or a month. Two
 * budgets of one cost centre may not overlap in time — an order must fall in exactly one. Creations
 * of one company are serialised by locking its account row, so the overlap check holds under races.
 */
export async function createBudget(db: Database, actor: Actor | null, input: CreateBudgetInput): Promise<Result<{ budgetId: string }>> {
  const refused = refuseUnless<{ budgetId: string }>(actor, ['company_admin']);
  if (refused) return refused;
  const accountId = actor!.accountId!;
  const overlapFail = (label: string, start: string, end: string) => {
    const msg = e.overlap(label, start ? formatIsoDate(start) : '…', end ? formatIsoDate(end) : '…');
    return fail<{ budgetId: string }>(msg, { [input.periodKind === 'month' ? 'month' : 'year']: [msg] });
  };
  try {
    return await db.transaction(async (tx) => {
      const [company] = await tx
        .select({ fyEnd: accounts.fiscalYearEndMonth })
        .from(accounts)
        .where(eq(accounts.id, accountId))
        .for('update');
      if (!company) return fail(NOT_ALLOWED);
      const period =
        input.periodKind === 'fiscal_year'
          ? fiscalYearOf(fiscalYearStartDate(input.year!, company.fyEnd), company.fyEnd)
          : monthOf(`${input.month!}-01`);
      const [clash] = await tx
        .select({ label: spendingBudgets.label, start: spendingBudgets.periodStart, end: spendingBudgets.periodEnd })
        .from(spendingBudgets)
        .where(
          and(
            eq(spendingBudgets.accountId, accountId),
            eq(spendingBudgets.costCentre, input.costCentre),
            lte(spendingBudgets.periodStart, period.end),
            gte(spendingBudgets.periodEnd, period.start),
          ),
        )
        .orderBy(asc(spendingBudgets.periodStart))
        .limit(1);
      if (clash) return overlapFail(clash.label, clash.start, clash.end);
      const [row] = await tx
        .insert(spendingBudgets)
        .values({
          accountId,
          label: input.label,
          periodKind: input.periodKind,
          periodStart: period.start,
          periodEnd: period.end,
          costCentre: input.costCentre,
          amountHtCents: input.amountHtCents,
        })
        .returning({ id: spendingBudgets.id });
      await recordAudit(tx, {
        actorUserId: actor!.userId,
        action: 'spending_budget.create',
        entityType: 'spending_budget',
        entityId: row!.id,
        after: { accountId, label: input.label, periodKind: input.periodKind, ...period, costCentre: input.costCentre, amountHtCents: input.amountHtCents },
      });
      return ok({ budgetId: row!.id });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'spending_budgets_period_unique')) return overlapFail(input.label, '', '');
    throw error;
  }
}

/**
 * Raises or lowers a budget's amount. The UPDATE is conditional (`held + committed <= new amount`),
 * so an order holding or committing in parallel can never be left above the cap: either the order's
 * conditional UPDATE or this one sees the other's result. A refusal states what is held and committed.
 */
export async function changeBudgetAmount(
  db: Database,
  actor: Actor | null,
  input: ChangeBudgetAmountInput,
): Promise<Result<{ changed: boolean }>> {
  const refused = refuseUnless<{ changed: boolean }>(actor, ['company_admin']);
  if (refused) return refused;
  const accountId = actor!.accountId!;
  return db.transaction(async (tx) => {
    const scope = and(eq(spendingBudgets.id, input.budgetId), eq(spendingBudgets.accountId, accountId));
    const [before] = await tx.select({ amount: spendingBudgets.amountHtCents }).from(spendingBudgets).where(scope);
    if (!before) return fail(e.budgetNotFound);
    if (before.amount === input.amountHtCents) return ok({ changed: false });
    const [row] = await tx
      .update(spendingBudgets)
      .set({ amountHtCents: input.amountHtCents, updatedAt: sql`now()` })
      .where(and(scope, sql`${spendingBudgets.heldHtCents} + ${spendingBudgets.committedHtCents} <= ${input.amountHtCents}`))
      .returning({ id: spendingBudgets.id });
    if (!row) {
      const [now] = await tx
        .select({ held: spendingBudgets.heldHtCents, committed: spendingBudgets.committedHtCents })
        .from(spendingBudgets)
        .where(scope);
      if (!now) return fail(e.budgetNotFound);
      const msg = e.belowUsed(formatMoney(now.held), formatMoney(now.committed), formatMoney(now.held + now.committed));
      return fail(msg, { amount: [msg] });
    }
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'spending_budget.change_amount',
      entityType: 'spending_budget',
      entityId: input.budgetId,
      before: { amountHtCents: before.amount },
      after: { amountHtCents: input.amountHtCents },
    });
    return ok({ changed: true });
  });
}
