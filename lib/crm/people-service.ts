import 'server-only';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, persons, positions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frCrm } from '@/lib/i18n/fr-crm';
import { fail, ok, type Result } from '@/lib/result';
import type { AddPersonInput, ChangeJobInput, RecordLeftInput, UpdateContactInput, UpdateProfileInput } from './schemas';

const e = frCrm.errors;

export interface PersonPosition {
  id: string;
  accountId: string;
  accountName: string;
  title: string | null;
  department: string | null;
  startedOn: string | null;
  endedOn: string | null;
  purchaseProfile: 'user' | 'buyer' | 'both' | null;
  decisionWeight: number | null;
  portalRole: 'requester' | 'purchaser' | 'company_admin' | null;
}

export interface PersonDetail {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  login: { email: string; status: 'active' | 'deactivated'; kind: 'customer' | 'business' | 'staff' } | null;
  /** Newest first; open positions first. */
  positions: PersonPosition[];
}

/** A contact with their positions over time and their login's state (never its secrets). */
export async function getPerson(db: Database, actor: Actor | null, personId: string): Promise<Result<PersonDetail>> {
  const refused = refuseUnless<PersonDetail>(actor, 'crm.use');
  if (refused) return refused;
  const [p] = await db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName, emails: persons.emails, phones: persons.phones })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!p) return fail(e.personNotFound);
  const [login] = await db.select({ email: users.email, status: users.status, kind: users.kind }).from(users).where(eq(users.personId, personId));
  const rows = await db
    .select({
      id: positions.id,
      accountId: positions.accountId,
      accountName: accounts.legalName,
      title: positions.title,
      department: positions.department,
      startedOn: positions.startedOn,
      endedOn: positions.endedOn,
      purchaseProfile: positions.purchaseProfile,
      decisionWeight: positions.decisionWeight,
      portalRole: positions.portalRole,
    })
    .from(positions)
    .innerJoin(accounts, eq(accounts.id, positions.accountId))
    .where(eq(positions.personId, personId))
    .orderBy(sql`${positions.endedOn} is not null`, desc(positions.endedOn), desc(positions.startedOn), desc(positions.createdAt));
  return ok({ ...p, login: login ?? null, positions: rows });
}

/** Edits names, emails and phones of a contact. */
export async function updateContact(db: Database, actor: Actor | null, input: UpdateContactInput): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ firstName: persons.firstName, lastName: persons.lastName, emails: persons.emails, phones: persons.phones })
      .from(persons)
      .where(eq(persons.id, input.personId))
      .for('update');
    if (!before) return fail(e.personNotFound);
    const after = { firstName: input.firstName, lastName: input.lastName, emails: input.emails, phones: input.phones };
    await tx.update(persons).set({ ...after, updatedAt: new Date() }).where(eq(persons.id, input.personId));
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.person.update', entityType: 'person', entityId: input.personId, before, after });
    return ok(null);
  });
}

/** A new contact with a first position at the account. */
export async function addPersonToAccount(db: Database, actor: Actor | null, input: AddPersonInput): Promise<Result<{ personId: string; positionId: string }>> {
  const refused = refuseUnless<{ personId: string; positionId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) return fail(e.accountNotFound);
    const [person] = await tx
      .insert(persons)
      .values({
        firstName: input.firstName,
        lastName: input.lastName,
        emails: input.email ? [input.email.toLowerCase()] : [],
        phones: input.phone ? [input.phone] : [],
      })
      .returning({ id: persons.id });
    const [position] = await tx
      .insert(positions)
      .values({
        personId: person!.id,
        accountId: input.accountId,
        title: input.title ?? null,
        department: input.department ?? null,
        startedOn: input.startedOn ?? null,
        purchaseProfile: input.purchaseProfile ?? null,
        decisionWeight: input.decisionWeight ?? null,
      })
      .returning({ id: positions.id });
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.person.create', entityType: 'person', entityId: person!.id, after: input });
    return ok({ personId: person!.id, positionId: position!.id });
  });
}

async function lockOpenPosition(tx: Tx, positionId: string) {
  const [p] = await tx.select().from(positions).where(and(eq(positions.id, positionId), isNull(positions.endedOn))).for('update');
  return p;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Job change at the same account: the open position is closed on `endedOn`, a new one opens the
 * next day with the new title and department, keeping the purchase profile, weight, portal role
 * and spending limits unless changed. History stays.
 */
export async function changeJob(db: Database, actor: Actor | null, input: ChangeJobInput): Promise<Result<{ positionId: string }>> {
  const refused = refuseUnless<{ positionId: string }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const old = await lockOpenPosition(tx, input.positionId);
    if (!old) return fail(e.positionNotFound);
    if (old.startedOn && input.endedOn < old.startedOn) return fail(e.checkFields, { endedOn: [e.endBeforeStart] });
    await tx.update(positions).set({ endedOn: input.endedOn }).where(eq(positions.id, old.id));
    const [created] = await tx
      .insert(positions)
      .values({
        personId: old.personId,
        accountId: old.accountId,
        title: input.title,
        department: input.department ?? null,
        startedOn: dayAfter(input.endedOn),
        portalRole: old.portalRole,
        orderLimitHtCents: old.orderLimitHtCents,
        monthlyLimitHtCents: old.monthlyLimitHtCents,
        purchaseProfile: input.purchaseProfile ?? old.purchaseProfile,
        decisionWeight: input.decisionWeight ?? old.decisionWeight,
      })
      .returning({ id: positions.id });
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'crm.position.change_job',
      entityType: 'person',
      entityId: old.personId,
      before: { positionId: old.id, title: old.title, department: old.department },
      after: { positionId: created!.id, endedOn: input.endedOn, title: input.title, department: input.department ?? null },
    });
    return ok({ positionId: created!.id });
  });
}

/**
 * The person left the account: the position closes on `endedOn` and their portal login (if not
 * staff) is deactivated, so loadActor refuses them at once and sign-in is refused.
 */
export async function recordLeft(db: Database, actor: Actor | null, input: RecordLeftInput): Promise<Result<{ loginDeactivated: boolean }>> {
  const refused = refuseUnless<{ loginDeactivated: boolean }>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const old = await lockOpenPosition(tx, input.positionId);
    if (!old) return fail(e.positionNotFound);
    if (old.startedOn && input.endedOn < old.startedOn) return fail(e.checkFields, { endedOn: [e.endBeforeStart] });
    await tx.update(positions).set({ endedOn: input.endedOn }).where(eq(positions.id, old.id));
    const deactivated = await tx
      .update(users)
      .set({ status: 'deactivated', updatedAt: new Date() })
      .where(and(eq(users.personId, old.personId), ne(users.kind, 'staff'), eq(users.status, 'active')))
      .returning({ id: users.id });
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'crm.position.left',
      entityType: 'person',
      entityId: old.personId,
      before: { positionId: old.id, endedOn: null, loginStatus: deactivated.length ? 'active' : null },
      after: { positionId: old.id, endedOn: input.endedOn, loginStatus: deactivated.length ? 'deactivated' : null },
    });
    return ok({ loginDeactivated: deactivated.length > 0 });
  });
}

/** Purchase profile and decision weight of a current position. */
export async function updatePositionProfile(db: Database, actor: Actor | null, input: UpdateProfileInput): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const old = await lockOpenPosition(tx, input.positionId);
    if (!old) return fail(e.positionNotFound);
    const after = { purchaseProfile: input.purchaseProfile ?? null, decisionWeight: input.decisionWeight ?? null };
    await tx.update(positions).set(after).where(eq(positions.id, old.id));
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'crm.position.profile',
      entityType: 'position',
      entityId: old.id,
      before: { purchaseProfile: old.purchaseProfile, decisionWeight: old.decisionWeight },
      after,
    });
    return ok(null);
  });
}

export interface PersonOption {
  id: string;
  name: string;
}

/** People with a current position at the account, for selects (holder, sponsor, activity contact). */
export async function listAccountPersonOptions(db: Database, actor: Actor | null, accountId: string): Promise<Result<PersonOption[]>> {
  const refused = refuseUnless<PersonOption[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .selectDistinct({ id: persons.id, name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`, lastName: persons.lastName, firstName: persons.firstName })
    .from(positions)
    .innerJoin(persons, eq(persons.id, positions.personId))
    .where(and(eq(positions.accountId, accountId), isNull(positions.endedOn)))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
  return ok(rows.map(({ id, name }) => ({ id, name })));
}
