import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, activities, budgetForecasts, persons, positions, projects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frCrm } from '@/lib/i18n/fr-crm';
import { fail, ok, type Result } from '@/lib/result';
import type { ActivityInput, CompleteTaskInput, ForecastInput, ProjectInput } from './schemas';

const e = frCrm.errors;
const personName = sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`;

async function accountExists(tx: Tx, accountId: string): Promise<boolean> {
  const [a] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
  return Boolean(a);
}

/** A person referenced by a forecast, project or activity must have (had) a position at the account. */
async function personOfAccount(tx: Tx, accountId: string, personId: string | undefined): Promise<boolean> {
  if (!personId) return true;
  const [p] = await tx
    .select({ id: positions.id })
    .from(positions)
    .where(and(eq(positions.accountId, accountId), eq(positions.personId, personId)))
    .limit(1);
  return Boolean(p);
}

// ---------------------------------------------------------------------------------------------
// Budget forecasts
// ---------------------------------------------------------------------------------------------

export interface ForecastRow {
  id: string;
  label: string;
  estimatedAmountHtCents: number | null;
  fiscalYear: number;
  releaseDate: string | null;
  expiresOn: string | null;
  status: 'expected' | 'released' | 'committed' | 'spent';
  holderPersonId: string | null;
  holderName: string | null;
  notes: string | null;
}

export async function listForecasts(db: Database, actor: Actor | null, accountId: string): Promise<Result<ForecastRow[]>> {
  const refused = refuseUnless<ForecastRow[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({
      id: budgetForecasts.id,
      label: budgetForecasts.label,
      estimatedAmountHtCents: budgetForecasts.estimatedAmountHtCents,
      fiscalYear: budgetForecasts.fiscalYear,
      releaseDate: budgetForecasts.releaseDate,
      expiresOn: budgetForecasts.expiresOn,
      status: budgetForecasts.status,
      holderPersonId: budgetForecasts.holderPersonId,
      holderName: personName,
      notes: budgetForecasts.notes,
    })
    .from(budgetForecasts)
    .leftJoin(persons, eq(persons.id, budgetForecasts.holderPersonId))
    .where(eq(budgetForecasts.accountId, accountId))
    .orderBy(desc(budgetForecasts.fiscalYear), asc(budgetForecasts.releaseDate), asc(budgetForecasts.label))
    .limit(100);
  return ok(rows);
}

/** Creates a forecast, or updates it when `forecastId` is given (of the same account). */
export async function saveForecast(db: Database, actor: Actor | null, input: ForecastInput): Promise<Result<{ forecastId: string }>> {
  const refused = refuseUnless<{ forecastId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await accountExists(tx, input.accountId))) return fail(e.accountNotFound);
    if (!(await personOfAccount(tx, input.accountId, input.holderPersonId))) return fail(e.checkFields, { holderPersonId: [e.personNotOfAccount] });
    const values = {
      label: input.label,
      estimatedAmountHtCents: input.estimatedAmountHt ?? null,
      fiscalYear: input.fiscalYear,
      releaseDate: input.releaseDate ?? null,
      expiresOn: input.expiresOn ?? null,
      status: input.status,
      holderPersonId: input.holderPersonId ?? null,
      notes: input.notes ?? null,
    };
    if (input.forecastId) {
      const [before] = await tx
        .select()
        .from(budgetForecasts)
        .where(and(eq(budgetForecasts.id, input.forecastId), eq(budgetForecasts.accountId, input.accountId)))
        .for('update');
      if (!before) return fail(e.forecastNotFound);
      await tx.update(budgetForecasts).set({ ...values, updatedAt: new Date() }).where(eq(budgetForecasts.id, before.id));
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.forecast.update', entityType: 'budget_forecast', entityId: before.id, before, after: values });
      return ok({ forecastId: before.id });
    }
    const [row] = await tx
      .insert(budgetForecasts)
      .values({ ...values, accountId: input.accountId, createdByUserId: actor!.userId })
      .returning({ id: budgetForecasts.id });
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.forecast.create', entityType: 'budget_forecast', entityId: row!.id, after: values });
    return ok({ forecastId: row!.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------

export interface ProjectRow {
  id: string;
  title: string;
  description: string;
  expectedStart: string | null;
  estimatedValueHtCents: number | null;
  sponsorPersonId: string | null;
  sponsorName: string | null;
  status: 'idea' | 'planned' | 'in_progress' | 'done' | 'abandoned';
}

export async function listProjects(db: Database, actor: Actor | null, accountId: string): Promise<Result<ProjectRow[]>> {
  const refused = refuseUnless<ProjectRow[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({
      id: projects.id,
      title: projects.title,
      description: projects.description,
      expectedStart: projects.expectedStart,
      estimatedValueHtCents: projects.estimatedValueHtCents,
      sponsorPersonId: projects.sponsorPersonId,
      sponsorName: personName,
      status: projects.status,
    })
    .from(projects)
    .leftJoin(persons, eq(persons.id, projects.sponsorPersonId))
    .where(eq(projects.accountId, accountId))
    .orderBy(sql`${projects.status} in ('done', 'abandoned')`, asc(projects.expectedStart), asc(projects.title))
    .limit(100);
  return ok(rows);
}

export async function saveProject(db: Database, actor: Actor | null, input: ProjectInput): Promise<Result<{ projectId: string }>> {
  const refused = refuseUnless<{ projectId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await accountExists(tx, input.accountId))) return fail(e.accountNotFound);
    if (!(await personOfAccount(tx, input.accountId, input.sponsorPersonId))) return fail(e.checkFields, { sponsorPersonId: [e.personNotOfAccount] });
    const values = {
      title: input.title,
      description: input.description ?? '',
      expectedStart: input.expectedStart ?? null,
      estimatedValueHtCents: input.estimatedValueHt ?? null,
      sponsorPersonId: input.sponsorPersonId ?? null,
      status: input.status,
    };
    if (input.projectId) {
      const [before] = await tx
        .select()
        .from(projects)
        .where(and(eq(projects.id, input.projectId), eq(projects.accountId, input.accountId)))
        .for('update');
      if (!before) return fail(e.projectNotFound);
      await tx.update(projects).set({ ...values, updatedAt: new Date() }).where(eq(projects.id, before.id));
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.project.update', entityType: 'project', entityId: before.id, before, after: values });
      return ok({ projectId: before.id });
    }
    const [row] = await tx.insert(projects).values({ ...values, accountId: input.accountId }).returning({ id: projects.id });
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.project.create', entityType: 'project', entityId: row!.id, after: values });
    return ok({ projectId: row!.id });
  });
}

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

export interface ActivityRow {
  id: string;
  kind: 'call' | 'meeting' | 'visit' | 'email' | 'task' | 'note';
  subject: string;
  body: string;
  occurredAt: Date;
  dueOn: string | null;
  done: boolean;
  personId: string | null;
  personName: string | null;
}

/** Open tasks of the account, earliest due first. */
export async function listOpenTasks(db: Database, actor: Actor | null, accountId: string): Promise<Result<ActivityRow[]>> {
  const refused = refuseUnless<ActivityRow[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      subject: activities.subject,
      body: activities.body,
      occurredAt: activities.occurredAt,
      dueOn: activities.dueOn,
      done: activities.done,
      personId: activities.personId,
      personName,
    })
    .from(activities)
    .leftJoin(persons, eq(persons.id, activities.personId))
    .where(and(eq(activities.accountId, accountId), eq(activities.kind, 'task'), eq(activities.done, false)))
    .orderBy(asc(activities.dueOn))
    .limit(50);
  return ok(rows);
}

export async function createActivity(db: Database, actor: Actor | null, input: ActivityInput): Promise<Result<{ activityId: string }>> {
  const refused = refuseUnless<{ activityId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await accountExists(tx, input.accountId))) return fail(e.accountNotFound);
    if (!(await personOfAccount(tx, input.accountId, input.personId))) return fail(e.checkFields, { personId: [e.personNotOfAccount] });
    const values = {
      accountId: input.accountId,
      kind: input.kind,
      subject: input.subject,
      body: input.body ?? '',
      personId: input.personId ?? null,
      dueOn: input.kind === 'task' ? (input.dueOn ?? null) : null,
      ownerUserId: actor!.userId,
    };
    const [row] = await tx.insert(activities).values(values).returning({ id: activities.id });
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.activity.create', entityType: 'activity', entityId: row!.id, after: values });
    return ok({ activityId: row!.id });
  });
}

/** Marks a task done (idempotent: a second click changes nothing). */
export async function completeTask(db: Database, actor: Actor | null, input: CompleteTaskInput): Promise<Result<{ accountId: string }>> {
  const refused = refuseUnless<{ accountId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select({ id: activities.id, accountId: activities.accountId, done: activities.done })
      .from(activities)
      .where(and(eq(activities.id, input.activityId), eq(activities.kind, 'task')))
      .for('update');
    if (!task) return fail(e.activityNotFound);
    if (task.done) return ok({ accountId: task.accountId });
    await tx.update(activities).set({ done: true }).where(eq(activities.id, task.id));
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.activity.done', entityType: 'activity', entityId: task.id, before: { done: false }, after: { done: true } });
    return ok({ accountId: task.accountId });
  });
}
