import 'server-only';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database, Executor } from '@/db/client';
import {
  accounts,
  budgetForecasts,
  opportunities,
  opportunityStageHistory,
  opportunityStakeholders,
  orders,
  persons,
  positions,
  projects,
  quoteRequests,
  quotes,
  quoteVersions,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frCrmPipeline } from '@/lib/i18n/fr-crm-pipeline';
import { parseMoney } from '@/lib/money';
import { monthOf } from '@/lib/purchasing/periods';
import { expireDueQuotes } from '@/lib/quotes/expiry';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';
import { fail, ok, type Result } from '@/lib/result';
import { paginate } from '@/lib/sql-helpers';
import { DEFAULT_PROBABILITY, STAGES, checkTransition, isOpenStage, probabilityOf, type ColumnTotals, type Stage } from './pipeline-rules';

const e = frCrmPipeline.errors;

// ---------------------------------------------------------------------------------------------
// Schemas (shared by actions and tests)
// ---------------------------------------------------------------------------------------------

const uuid = z.uuid();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), e.invalidDate)
  .transform((v) => (v ? v : null));
const optionalUuid = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || uuid.safeParse(v).success)
  .transform((v) => (v ? v : null));
const optionalPercent = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || (/^\d{1,3}$/.test(v) && Number(v) <= 100), e.invalidPercent)
  .transform((v) => (v ? Number(v) : null));

export const moveOpportunitySchema = z.object({
  opportunityId: uuid,
  stage: z.enum(STAGES, { error: e.invalidStage }),
  reason: optionalText(500),
});
export type MoveOpportunityInput = z.infer<typeof moveOpportunitySchema>;

const opportunityFields = {
  title: z.string().trim().min(1, e.titleRequired).max(200),
  amount: z.string(),
  probabilityOverride: optionalPercent,
  expectedCloseDate: optionalDate,
  nextStep: optionalText(300),
  nextStepDue: optionalDate,
  ownerUserId: optionalUuid,
  budgetForecastId: optionalUuid,
  projectId: optionalUuid,
};
export const createOpportunitySchema = z.object({ accountId: uuid, ...opportunityFields });
export type CreateOpportunityInput = z.infer<typeof createOpportunitySchema>;
export const updateOpportunitySchema = z.object({ opportunityId: uuid, ...opportunityFields });
export type UpdateOpportunityInput = z.infer<typeof updateOpportunitySchema>;

export const addStakeholderSchema = z.object({
  opportunityId: uuid,
  personId: uuid,
  role: z.string().trim().min(1, e.roleRequired).max(120),
  weight: z
    .string()
    .trim()
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) <= 100, e.invalidPercent)
    .transform(Number),
});
export type AddStakeholderInput = z.infer<typeof addStakeholderSchema>;
export const removeStakeholderSchema = z.object({ opportunityId: uuid, personId: uuid });
export type RemoveStakeholderInput = z.infer<typeof removeStakeholderSchema>;

/** The board's URL: owner and close month filters, and one column paged past its first cards. */
export const boardFilterSchema = z.object({
  owner: z.string().max(100).optional().catch(undefined),
  month: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined)),
  stage: z.enum(STAGES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type BoardFilter = z.infer<typeof boardFilterSchema>;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const ownerPerson = alias(persons, 'owner_person');
const ownerName = sql<string | null>`${ownerPerson.firstName} || ' ' || ${ownerPerson.lastName}`;

/** What a pipeline card shows; the opportunity page reads the same and more. */
const cardColumns = {
  id: opportunities.id,
  title: opportunities.title,
  accountId: accounts.id,
  accountName: accounts.legalName,
  amountCents: opportunities.amountHtCents,
  stage: opportunities.stage,
  probabilityOverride: opportunities.probabilityOverride,
  expectedCloseDate: opportunities.expectedCloseDate,
  nextStep: opportunities.nextStep,
  nextStepDue: opportunities.nextStepDue,
  ownerName,
};

export interface BoardCard {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  amountCents: number;
  stage: Stage;
  probability: number;
  expectedCloseDate: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  ownerName: string | null;
}

export interface BoardColumn extends ColumnTotals {
  stage: Stage;
  /** At most BOARD_CARDS_PER_STAGE cards: the column's page `page` of `pageCount`. */
  cards: BoardCard[];
  page: number;
  pageCount: number;
}

export interface StaffOption {
  id: string;
  name: string;
}

export interface Board {
  columns: BoardColumn[];
  /** The owner filter as applied: 'all', or a user id. */
  owner: string;
  month: string | null;
  owners: StaffOption[];
}

/** Staff members who can own opportunities, by name. */
async function staffOptions(db: Executor): Promise<StaffOption[]> {
  return db
    .select({ id: users.id, name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}` })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(and(eq(users.kind, 'staff'), eq(users.status, 'active')))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
}

/** Cards shown per column; the column's count and totals always cover all its opportunities. */
export const BOARD_CARDS_PER_STAGE = 20;

/** Each stage's default probability as a SQL CASE (from the rules' table: one source of truth). */
const defaultProbabilitySql = sql.raw(
  `case "opportunities"."stage" ${STAGES.map((s) => `when '${s}' then ${DEFAULT_PROBABILITY[s]}`).join(' ')} end`,
);
/** amount × probability / 100 rounded half up, as weightedCents does (amounts are never negative). */
const weightedSql = sql`(${opportunities.amountHtCents} * coalesce(${opportunities.probabilityOverride}, ${defaultProbabilitySql}) + 50) / 100`;

/**
 * Cards of one column in board order: open stages by expected close date (soonest first, undated
 * last), then the largest amount; closed stages most recently closed first. The id breaks ties, so
 * pages of a column never overlap.
 */
function columnOrder(stage: Stage) {
  return isOpenStage(stage)
    ? // Spelled as the board indexes are (opportunities_*board_idx), so that they deliver this order.
      [sql`${opportunities.expectedCloseDate} asc nulls last`, sql`${opportunities.amountHtCents} desc nulls last`, asc(opportunities.id)]
    : [sql`${opportunities.closedAt} desc nulls last`, desc(opportunities.id)];
}

/**
 * The pipeline board: one column per stage in order, each with its count, total HT and
 * probability-weighted total HT over all its opportunities (one aggregate statement), and its first
 * BOARD_CARDS_PER_STAGE cards (one statement: a UNION ALL of one indexed, limited read per
 * non-empty stage). `owner` is 'me', 'all' or a user id; by default a sales rep sees their own
 * opportunities and an admin all of them. `month` (YYYY-MM) filters on the expected close date.
 * `stage` with `page` shows that column's later cards (the page is clamped into range).
 */
export async function getBoard(db: Database, actor: Actor | null, filter: Partial<BoardFilter>): Promise<Result<Board>> {
  const refused = refuseUnless<Board>(actor, 'crm.use');
  if (refused) return refused;
  const requested = filter.owner ?? (actor!.role === 'admin' ? 'all' : 'me');
  const owner = requested === 'me' ? actor!.userId : requested === 'all' || uuid.safeParse(requested).success ? requested : actor!.userId;
  const where: SQL[] = [];
  if (owner !== 'all') where.push(eq(opportunities.ownerUserId, owner));
  const month = filter.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month) ? filter.month : null;
  if (month) {
    const { start, end } = monthOf(`${month}-01`);
    where.push(gte(opportunities.expectedCloseDate, start), lte(opportunities.expectedCloseDate, end));
  }
  const [columns, owners] = await Promise.all([boardColumns(db, where, filter), staffOptions(db)]);
  return ok({ columns, owner, month, owners });
}

async function boardColumns(db: Database, where: SQL[], filter: Partial<BoardFilter>): Promise<BoardColumn[]> {
  const totals = await db
    .select({
      stage: opportunities.stage,
      count: sql<number>`count(*)`.mapWith(Number),
      totalCents: sql<number>`coalesce(sum(${opportunities.amountHtCents}), 0)`.mapWith(Number),
      weightedCents: sql<number>`coalesce(sum(${weightedSql}), 0)`.mapWith(Number),
    })
    .from(opportunities)
    .where(where.length ? and(...where) : undefined)
    .groupBy(opportunities.stage);
  const byStage = new Map(totals.map((t) => [t.stage, t]));
  const columns = STAGES.map((stage) => {
    const t = byStage.get(stage) ?? { count: 0, totalCents: 0, weightedCents: 0 };
    const paging = paginate(t.count, BOARD_CARDS_PER_STAGE, stage === filter.stage ? (filter.page ?? 1) : 1);
    return { stage, count: t.count, totalCents: t.totalCents, weightedCents: t.weightedCents, page: paging.page, pageCount: paging.pageCount, offset: paging.offset };
  });
  const reads = columns
    .filter((c) => c.count > 0)
    .map((c) =>
      db
        .select(cardColumns)
        .from(opportunities)
        .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
        .leftJoin(users, eq(users.id, opportunities.ownerUserId))
        .leftJoin(ownerPerson, eq(ownerPerson.id, users.personId))
        .where(and(eq(opportunities.stage, c.stage), ...where))
        .orderBy(...columnOrder(c.stage))
        .limit(BOARD_CARDS_PER_STAGE)
        .offset(c.offset),
    );
  const [firstRead, secondRead, ...otherReads] = reads;
  const rows = !firstRead ? [] : !secondRead ? await firstRead : await unionAll(firstRead, secondRead, ...otherReads);
  return columns.map(({ offset: _offset, ...c }) => ({
    ...c,
    cards: rows
      .filter((r) => r.stage === c.stage)
      .map(({ probabilityOverride, ...r }) => ({ ...r, probability: probabilityOf(r.stage, probabilityOverride) })),
  }));
}

export interface OpportunityDetail {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  amountCents: number;
  stage: Stage;
  probability: number;
  probabilityOverride: number | null;
  expectedCloseDate: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  budgetForecastId: string | null;
  projectId: string | null;
  closeReason: string | null;
  closedAt: Date | null;
  stakeholders: { personId: string; name: string; role: string; weight: number }[];
  history: { id: number; fromStage: Stage | null; toStage: Stage; actorName: string | null; at: Date }[];
  forecasts: { id: string; label: string; releaseDate: string | null }[];
  projects: { id: string; title: string }[];
  people: { id: string; name: string }[];
  owners: StaffOption[];
  /** The client's requests for quote that opened (or joined) this opportunity, oldest first. */
  requests: LinkedRequest[];
  /** Its quotes, oldest first. */
  quotes: LinkedQuote[];
  /** The order it resulted in: the one recorded when it was won, else an accepted quote's. */
  order: { id: string; number: string } | null;
}

export interface LinkedRequest {
  id: string;
  number: string;
  title: string;
  status: RequestState;
}

export interface LinkedQuote {
  id: string;
  number: string;
  title: string;
  status: QuoteState;
  /** The latest sent version (the one the client may accept), null while never sent. */
  latestSentVersion: number | null;
  /** HT total of that version. */
  totalNetCents: number | null;
  validUntil: string | null;
  orderId: string | null;
  orderNumber: string | null;
}

/**
 * One opportunity with its stakeholders, stage history, the account's options for the form, and
 * its links to requests, quotes and the resulting order (quotes past their validity are expired
 * first, lazily, as every reader of quotes does).
 */
export async function getOpportunity(db: Database, actor: Actor | null, opportunityId: string): Promise<Result<OpportunityDetail>> {
  const refused = refuseUnless<OpportunityDetail>(actor, 'crm.use');
  if (refused) return refused;
  if (!uuid.safeParse(opportunityId).success) return fail(e.notFound);
  const [o] = await db
    .select({
      ...cardColumns,
      ownerUserId: opportunities.ownerUserId,
      budgetForecastId: opportunities.budgetForecastId,
      projectId: opportunities.projectId,
      closeReason: opportunities.closeReason,
      closedAt: opportunities.closedAt,
      orderId: opportunities.orderId,
      orderNumber: orders.number,
    })
    .from(opportunities)
    .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
    .leftJoin(users, eq(users.id, opportunities.ownerUserId))
    .leftJoin(ownerPerson, eq(ownerPerson.id, users.personId))
    .leftJoin(orders, eq(orders.id, opportunities.orderId))
    .where(eq(opportunities.id, opportunityId));
  if (!o) return fail(e.notFound);
  await db.transaction((tx) => expireDueQuotes(tx, { accountId: o.accountId }));
  const actorPerson = alias(persons, 'actor_person');
  const quoteOrder = alias(orders, 'quote_order');
  const [stakeholders, history, options, requests, linkedQuotes] = await Promise.all([
    db
      .select({
        personId: opportunityStakeholders.personId,
        name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`,
        role: opportunityStakeholders.role,
        weight: opportunityStakeholders.weight,
      })
      .from(opportunityStakeholders)
      .innerJoin(persons, eq(persons.id, opportunityStakeholders.personId))
      .where(eq(opportunityStakeholders.opportunityId, opportunityId))
      .orderBy(desc(opportunityStakeholders.weight), asc(persons.lastName)),
    db
      .select({
        id: opportunityStageHistory.id,
        fromStage: opportunityStageHistory.fromStage,
        toStage: opportunityStageHistory.toStage,
        actorName: sql<string | null>`${actorPerson.firstName} || ' ' || ${actorPerson.lastName}`,
        at: opportunityStageHistory.createdAt,
      })
      .from(opportunityStageHistory)
      .leftJoin(users, eq(users.id, opportunityStageHistory.actorUserId))
      .leftJoin(actorPerson, eq(actorPerson.id, users.personId))
      .where(eq(opportunityStageHistory.opportunityId, opportunityId))
      .orderBy(desc(opportunityStageHistory.createdAt), desc(opportunityStageHistory.id))
      .limit(100),
    accountOptions(db, o.accountId),
    db
      .select({ id: quoteRequests.id, number: quoteRequests.number, title: quoteRequests.title, status: quoteRequests.status })
      .from(quoteRequests)
      .where(eq(quoteRequests.opportunityId, opportunityId))
      .orderBy(asc(quoteRequests.createdAt), asc(quoteRequests.number))
      .limit(20),
    db
      .select({
        id: quotes.id,
        number: quotes.number,
        title: quotes.title,
        status: quotes.status,
        latestSentVersion: quotes.latestSentVersion,
        totalNetCents: quoteVersions.totalNetCents,
        validUntil: quotes.validUntil,
        orderId: quotes.orderId,
        orderNumber: quoteOrder.number,
      })
      .from(quotes)
      .leftJoin(quoteVersions, and(eq(quoteVersions.quoteId, quotes.id), eq(quoteVersions.version, quotes.latestSentVersion)))
      .leftJoin(quoteOrder, eq(quoteOrder.id, quotes.orderId))
      .where(eq(quotes.opportunityId, opportunityId))
      .orderBy(asc(quotes.createdAt), asc(quotes.number))
      .limit(50),
  ]);
  const { probabilityOverride, orderId, orderNumber, ...rest } = o;
  const accepted = linkedQuotes.find((q) => q.orderId !== null && q.orderNumber !== null);
  const order = orderId && orderNumber ? { id: orderId, number: orderNumber } : accepted ? { id: accepted.orderId!, number: accepted.orderNumber! } : null;
  return ok({
    ...rest,
    probabilityOverride,
    probability: probabilityOf(o.stage, probabilityOverride),
    stakeholders,
    history,
    ...options,
    owners: await staffOptions(db),
    requests,
    quotes: linkedQuotes,
    order,
  });
}

/** The forecasts, projects and current people of an account, for the opportunity form's selects. */
async function accountOptions(db: Executor, accountId: string) {
  const [forecasts, projectRows, people] = await Promise.all([
    db
      .select({ id: budgetForecasts.id, label: budgetForecasts.label, releaseDate: budgetForecasts.releaseDate })
      .from(budgetForecasts)
      .where(eq(budgetForecasts.accountId, accountId))
      .orderBy(asc(budgetForecasts.releaseDate))
      .limit(100),
    db.select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.accountId, accountId)).orderBy(asc(projects.title)).limit(100),
    db
      .selectDistinct({ id: persons.id, name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`, lastName: persons.lastName })
      .from(positions)
      .innerJoin(persons, eq(persons.id, positions.personId))
      .where(and(eq(positions.accountId, accountId), sql`${positions.endedOn} is null`))
      .orderBy(asc(persons.lastName))
      .limit(200),
  ]);
  return { forecasts, projects: projectRows, people: people.map(({ id, name }) => ({ id, name })) };
}

export interface NewOpportunityContext {
  accounts: { id: string; name: string }[];
  account: { id: string; name: string } | null;
  forecasts: { id: string; label: string; releaseDate: string | null }[];
  projects: { id: string; title: string }[];
  owners: StaffOption[];
}

/** What the creation form needs: company accounts to choose from, and the chosen one's options. */
export async function getNewOpportunityContext(db: Database, actor: Actor | null, accountId?: string): Promise<Result<NewOpportunityContext>> {
  const refused = refuseUnless<NewOpportunityContext>(actor, 'crm.use');
  if (refused) return refused;
  const accountRows = await db
    .select({ id: accounts.id, name: accounts.legalName })
    .from(accounts)
    .where(eq(accounts.kind, 'company'))
    .orderBy(asc(accounts.legalName))
    .limit(500);
  const account = accountId ? (accountRows.find((a) => a.id === accountId) ?? null) : null;
  const options = account ? await accountOptions(db, account.id) : { forecasts: [], projects: [] };
  return ok({ accounts: accountRows, account, forecasts: options.forecasts, projects: options.projects, owners: await staffOptions(db) });
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** A business rule broken inside a transaction: thrown to roll back, turned into a Result outside. */
class Refusal extends Error {
  constructor(
    readonly error: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(error);
  }
}

async function refusalAsResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof Refusal) return fail(err.error, err.fieldErrors);
    throw err;
  }
}

/**
 * Moves an opportunity to another stage: locks the row, checks the transition (lost needs a
 * reason; a closed one only reopens to an open stage), records the history row and the audit
 * entry, sets closed_at and the reason when it closes, clears them when it reopens.
 */
export async function moveOpportunity(db: Database, actor: Actor | null, input: MoveOpportunityInput): Promise<Result<{ from: Stage; to: Stage }>> {
  const refused = refuseUnless<{ from: Stage; to: Stage }>(actor, 'crm.use');
  if (refused) return refused;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ stage: opportunities.stage, closeReason: opportunities.closeReason, closedAt: opportunities.closedAt })
        .from(opportunities)
        .where(eq(opportunities.id, input.opportunityId))
        .for('update');
      if (!current) throw new Refusal(e.notFound);
      const check = checkTransition(current.stage, input.stage, input.reason);
      if (!check.ok) {
        if (check.code === 'reason_required') throw new Refusal(e.reasonRequired, { reason: [e.reasonRequired] });
        throw new Refusal(check.code === 'same_stage' ? e.sameStage : e.closedToClosed);
      }
      const closing = !isOpenStage(input.stage);
      const after = {
        stage: input.stage,
        closeReason: closing ? input.reason : null,
        closedAt: closing ? new Date() : null,
      };
      await tx
        .update(opportunities)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(opportunities.id, input.opportunityId));
      await tx
        .insert(opportunityStageHistory)
        .values({ opportunityId: input.opportunityId, fromStage: current.stage, toStage: input.stage, actorUserId: actor!.userId });
      await recordAudit(tx, {
        actorUserId: actor!.userId,
        action: 'opportunity.stage',
        entityType: 'opportunity',
        entityId: input.opportunityId,
        before: current,
        after,
      });
      return { from: current.stage, to: input.stage };
    }),
  );
}

type OpportunityFields = z.infer<z.ZodObject<typeof opportunityFields>>;

/** Checks what the form's fields refer to and turns them into column values. */
async function resolveFields(db: Executor, accountId: string, input: OpportunityFields) {
  const amount = parseMoney(input.amount);
  if (!amount.ok) throw new Refusal(amount.error, { amount: [amount.error] });
  if (input.budgetForecastId) {
    const [f] = await db
      .select({ id: budgetForecasts.id })
      .from(budgetForecasts)
      .where(and(eq(budgetForecasts.id, input.budgetForecastId), eq(budgetForecasts.accountId, accountId)));
    if (!f) throw new Refusal(e.forecastNotOfAccount, { budgetForecastId: [e.forecastNotOfAccount] });
  }
  if (input.projectId) {
    const [p] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, input.projectId), eq(projects.accountId, accountId)));
    if (!p) throw new Refusal(e.projectNotOfAccount, { projectId: [e.projectNotOfAccount] });
  }
  if (input.ownerUserId) {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, input.ownerUserId), eq(users.kind, 'staff')));
    if (!u) throw new Refusal(e.ownerNotStaff, { ownerUserId: [e.ownerNotStaff] });
  }
  return {
    title: input.title,
    amountHtCents: amount.cents,
    probabilityOverride: input.probabilityOverride,
    expectedCloseDate: input.expectedCloseDate,
    nextStep: input.nextStep,
    nextStepDue: input.nextStepDue,
    ownerUserId: input.ownerUserId,
    budgetForecastId: input.budgetForecastId,
    projectId: input.projectId,
  };
}

/** Creates an opportunity in qualification (owner: the chosen one, or the actor), with its first history row. */
export async function createOpportunity(db: Database, actor: Actor | null, input: CreateOpportunityInput): Promise<Result<{ opportunityId: string }>> {
  const refused = refuseUnless<{ opportunityId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [account] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.id, input.accountId), eq(accounts.kind, 'company')))
        .for('key share');
      if (!account) throw new Refusal(e.accountNotFound, { accountId: [e.accountNotFound] });
      const values = await resolveFields(tx, account.id, input);
      const [row] = await tx
        .insert(opportunities)
        .values({ ...values, ownerUserId: values.ownerUserId ?? actor!.userId, accountId: account.id, stage: 'qualification' })
        .returning({ id: opportunities.id });
      await tx.insert(opportunityStageHistory).values({ opportunityId: row!.id, fromStage: null, toStage: 'qualification', actorUserId: actor!.userId });
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'opportunity.create', entityType: 'opportunity', entityId: row!.id, after: values });
      return { opportunityId: row!.id };
    }),
  );
}

/** Updates an opportunity's fields (not its stage: that is moveOpportunity), auditing what changed. */
export async function updateOpportunity(db: Database, actor: Actor | null, input: UpdateOpportunityInput): Promise<Result<{ changed: string[] }>> {
  const refused = refuseUnless<{ changed: string[] }>(actor, 'crm.use');
  if (refused) return refused;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({
          accountId: opportunities.accountId,
          title: opportunities.title,
          amountHtCents: opportunities.amountHtCents,
          probabilityOverride: opportunities.probabilityOverride,
          expectedCloseDate: opportunities.expectedCloseDate,
          nextStep: opportunities.nextStep,
          nextStepDue: opportunities.nextStepDue,
          ownerUserId: opportunities.ownerUserId,
          budgetForecastId: opportunities.budgetForecastId,
          projectId: opportunities.projectId,
        })
        .from(opportunities)
        .where(eq(opportunities.id, input.opportunityId))
        .for('update');
      if (!current) throw new Refusal(e.notFound);
      const values = await resolveFields(tx, current.accountId, input);
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== current[k]);
      if (!changed.length) return { changed };
      const before = Object.fromEntries(changed.map((k) => [k, current[k]]));
      const after = Object.fromEntries(changed.map((k) => [k, values[k]]));
      await tx
        .update(opportunities)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(opportunities.id, input.opportunityId));
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'opportunity.update', entityType: 'opportunity', entityId: input.opportunityId, before, after });
      return { changed };
    }),
  );
}

/** Adds a person of the opportunity's account to its decision, with their role and weight. */
export async function addStakeholder(db: Database, actor: Actor | null, input: AddStakeholderInput): Promise<Result> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [o] = await tx.select({ accountId: opportunities.accountId }).from(opportunities).where(eq(opportunities.id, input.opportunityId)).for('key share');
      if (!o) throw new Refusal(e.notFound);
      const [p] = await tx
        .select({ id: positions.personId })
        .from(positions)
        .where(and(eq(positions.personId, input.personId), eq(positions.accountId, o.accountId)))
        .limit(1);
      if (!p) throw new Refusal(e.personNotOfAccount, { personId: [e.personNotOfAccount] });
      const inserted = await tx
        .insert(opportunityStakeholders)
        .values({ opportunityId: input.opportunityId, personId: input.personId, role: input.role, weight: input.weight })
        .onConflictDoNothing()
        .returning({ personId: opportunityStakeholders.personId });
      if (!inserted.length) throw new Refusal(e.alreadyStakeholder, { personId: [e.alreadyStakeholder] });
      await recordAudit(tx, {
        actorUserId: actor!.userId,
        action: 'opportunity.stakeholder.add',
        entityType: 'opportunity',
        entityId: input.opportunityId,
        after: { personId: input.personId, role: input.role, weight: input.weight },
      });
      return null;
    }),
  );
}

/** Removes a stakeholder from an opportunity. */
export async function removeStakeholder(db: Database, actor: Actor | null, input: RemoveStakeholderInput): Promise<Result> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [removed] = await tx
        .delete(opportunityStakeholders)
        .where(and(eq(opportunityStakeholders.opportunityId, input.opportunityId), eq(opportunityStakeholders.personId, input.personId)))
        .returning({ role: opportunityStakeholders.role, weight: opportunityStakeholders.weight });
      if (!removed) throw new Refusal(e.notFound);
      await recordAudit(tx, {
        actorUserId: actor!.userId,
        action: 'opportunity.stakeholder.remove',
        entityType: 'opportunity',
        entityId: input.opportunityId,
        before: { personId: input.personId, ...removed },
      });
      return null;
    }),
  );
}

