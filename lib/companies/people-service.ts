import 'server-only';
import { and, asc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, passwordResetTokens, persons, positions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { appUrl, INVITATION_TTL_HOURS, newToken } from '@/lib/auth/tokens';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { queueMail } from '@/lib/mail/outbox';
import { fail, ok, type Result } from '@/lib/result';
import type {
  ChangePersonLimitsInput,
  ChangePersonRoleInput,
  InvitePersonInput,
  PortalRole,
  SetPersonLoginStatusInput,
} from './people-schemas';

const m = frB2bCompany;
const e = frB2bCompany.errors;

/** A company admin acting for their own company. */
type CompanyAdmin = Actor & { role: 'company_admin'; accountId: string };

/**
 * People management is the company admin's alone (lib/auth/roles has no such permission yet, so the
 * check is explicit). Returns the refusal, or null when the actor may act.
 */
function refuseUnlessCompanyAdmin<T>(actor: Actor | null): Result<T> | null {
  if (!actor) return fail(NOT_SIGNED_IN);
  if (actor.role !== 'company_admin' || !actor.accountId) return fail(NOT_ALLOWED);
  return null;
}

/** How a person's login stands: no login, invited (no password yet), active or deactivated. */
export type LoginStatus = 'none' | 'invited' | 'active' | 'deactivated';

export interface CompanyPersonRow {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  role: PortalRole;
  orderLimitHtCents: number | null;
  monthlyLimitHtCents: number | null;
  loginStatus: LoginStatus;
  lastLoginAt: Date | null;
  isSelf: boolean;
}

const MAX_PEOPLE = 500;

const personColumns = {
  personId: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  email: users.email,
  role: positions.portalRole,
  orderLimitHtCents: positions.orderLimitHtCents,
  monthlyLimitHtCents: positions.monthlyLimitHtCents,
  userStatus: users.status,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  lastLoginAt: users.lastLoginAt,
};

type RawPerson = {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  role: PortalRole | null;
  orderLimitHtCents: number | null;
  monthlyLimitHtCents: number | null;
  userStatus: 'active' | 'deactivated' | null;
  hasPassword: boolean | null;
  lastLoginAt: Date | null;
};

function toRow(r: RawPerson, actor: Actor): CompanyPersonRow {
  const loginStatus: LoginStatus = !r.userStatus ? 'none' : r.userStatus === 'deactivated' ? 'deactivated' : r.hasPassword ? 'active' : 'invited';
  return {
    personId: r.personId,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    role: r.role ?? 'requester',
    orderLimitHtCents: r.orderLimitHtCents,
    monthlyLimitHtCents: r.monthlyLimitHtCents,
    loginStatus,
    lastLoginAt: r.lastLoginAt,
    isSelf: r.personId === actor.personId,
  };
}

/** The open positions with a portal role at the actor's company: the company's portal people. */
const openPortalPositionOf = (accountId: string) =>
  and(eq(positions.accountId, accountId), isNull(positions.endedOn), isNotNull(positions.portalRole));

/** The company's portal people (open positions with a portal role), by name, for its admin. */
export async function listCompanyPeople(db: Database, actor: Actor | null): Promise<Result<CompanyPersonRow[]>> {
  const refused = refuseUnlessCompanyAdmin<CompanyPersonRow[]>(actor);
  if (refused) return refused;
  const rows = await db
    .select(personColumns)
    .from(positions)
    .innerJoin(persons, eq(persons.id, positions.personId))
    .leftJoin(users, eq(users.personId, persons.id))
    .where(openPortalPositionOf(actor!.accountId!))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(MAX_PEOPLE);
  return ok(rows.map((r) => toRow(r, actor!)));
}

/** One person of the actor's company; a person of another company is "not found". */
export async function getCompanyPerson(db: Database, actor: Actor | null, personId: string): Promise<Result<CompanyPersonRow>> {
  const refused = refuseUnlessCompanyAdmin<CompanyPersonRow>(actor);
  if (refused) return refused;
  const [row] = await db
    .select(personColumns)
    .from(positions)
    .innerJoin(persons, eq(persons.id, positions.personId))
    .leftJoin(users, eq(users.personId, persons.id))
    .where(and(openPortalPositionOf(actor!.accountId!), eq(positions.personId, personId)))
    .limit(1);
  return row ? ok(toRow(row, actor!)) : fail(e.personNotFound);
}

/** Locks the person's open portal position at the actor's company, or finds nothing. */
async function lockPosition(tx: Tx, admin: CompanyAdmin, personId: string) {
  const [row] = await tx
    .select({
      id: positions.id,
      role: positions.portalRole,
      orderLimitHtCents: positions.orderLimitHtCents,
      monthlyLimitHtCents: positions.monthlyLimitHtCents,
    })
    .from(positions)
    .where(and(openPortalPositionOf(admin.accountId), eq(positions.personId, personId)))
    .for('update');
  return row;
}

/**
 * Invites a person into the actor's company: person + open position (role, limits) + business login
 * without a password + a 72-hour invitation token + the mail carrying the link that sets the password.
 * An email already used by any login is refused on the field.
 */
export async function invitePerson(db: Database, actor: Actor | null, input: InvitePersonInput): Promise<Result<{ personId: string; userId: string }>> {
  const refused = refuseUnlessCompanyAdmin<{ personId: string; userId: string }>(actor);
  if (refused) return refused;
  const admin = actor as CompanyAdmin;
  const taken = () => fail<{ personId: string; userId: string }>(e.emailTaken, { email: [e.emailTaken] });
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (existing) return taken();
      const [company] = await tx.select({ name: accounts.legalName }).from(accounts).where(eq(accounts.id, admin.accountId));
      const [person] = await tx
        .insert(persons)
        .values({ firstName: input.firstName, lastName: input.lastName, emails: [input.email] })
        .returning({ id: persons.id });
      await tx.insert(positions).values({
        personId: person!.id,
        accountId: admin.accountId,
        startedOn: sql`(now() at time zone 'Europe/Paris')::date`,
        portalRole: input.role,
        orderLimitHtCents: input.orderLimitHtCents,
        monthlyLimitHtCents: input.monthlyLimitHtCents,
      });
      const [user] = await tx
        .insert(users)
        .values({ personId: person!.id, email: input.email, kind: 'business' })
        .returning({ id: users.id });
      const { token, hash } = newToken();
      await tx.insert(passwordResetTokens).values({
        tokenHash: hash,
        userId: user!.id,
        expiresAt: sql`now() + make_interval(hours => ${INVITATION_TTL_HOURS})`,
      });
      const companyName = company?.name ?? admin.accountName ?? '';
      await queueMail(tx, {
        to: input.email,
        subject: m.invite.mailSubject(companyName),
        text: m.invite.mailBody(input.firstName, admin.name, companyName, appUrl(`/reset-password/${token}`)),
      });
      await recordAudit(tx, {
        actorUserId: admin.userId,
        action: 'company_person.invite',
        entityType: 'person',
        entityId: person!.id,
        after: {
          accountId: admin.accountId,
          email: input.email,
          role: input.role,
          orderLimitHtCents: input.orderLimitHtCents,
          monthlyLimitHtCents: input.monthlyLimitHtCents,
        },
      });
      return ok({ personId: person!.id, userId: user!.id });
    });
  } catch (error) {
    // Two invitations of the same address at once: the unique index decides, the loser gets the field error.
    if (isUniqueViolation(error, 'users_email_unique')) return taken();
    throw error;
  }
}

/** Changes a person's portal role; a company admin cannot change their own (no demoting oneself). */
export async function changePersonRole(db: Database, actor: Actor | null, input: ChangePersonRoleInput): Promise<Result<null>> {
  const refused = refuseUnlessCompanyAdmin<null>(actor);
  if (refused) return refused;
  const admin = actor as CompanyAdmin;
  return db.transaction(async (tx) => {
    const before = await lockPosition(tx, admin, input.personId);
    if (!before) return fail(e.personNotFound);
    if (input.personId === admin.personId) return fail(e.selfRole);
    if (before.role === input.role) return ok(null);
    await tx.update(positions).set({ portalRole: input.role }).where(eq(positions.id, before.id));
    await recordAudit(tx, {
      actorUserId: admin.userId,
      action: 'company_person.change_role',
      entityType: 'person',
      entityId: input.personId,
      before: { role: before.role },
      after: { role: input.role },
    });
    return ok(null);
  });
}

/** Sets a person's spending limits HT (null = no limit). */
export async function changePersonLimits(
  db: Database,
  actor: Actor | null,
  input: ChangePersonLimitsInput,
): Promise<Result<{ changed: boolean }>> {
  const refused = refuseUnlessCompanyAdmin<{ changed: boolean }>(actor);
  if (refused) return refused;
  const admin = actor as CompanyAdmin;
  return db.transaction(async (tx) => {
    const before = await lockPosition(tx, admin, input.personId);
    if (!before) return fail(e.personNotFound);
    if (before.orderLimitHtCents === input.orderLimitHtCents && before.monthlyLimitHtCents === input.monthlyLimitHtCents) {
      return ok({ changed: false });
    }
    await tx
      .update(positions)
      .set({ orderLimitHtCents: input.orderLimitHtCents, monthlyLimitHtCents: input.monthlyLimitHtCents })
      .where(eq(positions.id, before.id));
    await recordAudit(tx, {
      actorUserId: admin.userId,
      action: 'company_person.change_limits',
      entityType: 'person',
      entityId: input.personId,
      before: { orderLimitHtCents: before.orderLimitHtCents, monthlyLimitHtCents: before.monthlyLimitHtCents },
      after: { orderLimitHtCents: input.orderLimitHtCents, monthlyLimitHtCents: input.monthlyLimitHtCents },
    });
    return ok({ changed: true });
  });
}

/**
 * Deactivates or reactivates a person's login. getActor re-reads users.status on every request, so a
 * deactivated person is refused at once, even with a session. Nobody deactivates themselves.
 */
export async function setPersonLoginStatus(db: Database, actor: Actor | null, input: SetPersonLoginStatusInput): Promise<Result<null>> {
  const refused = refuseUnlessCompanyAdmin<null>(actor);
  if (refused) return refused;
  const admin = actor as CompanyAdmin;
  return db.transaction(async (tx) => {
    const position = await lockPosition(tx, admin, input.personId);
    if (!position) return fail(e.personNotFound);
    if (input.personId === admin.personId) return fail(e.selfDeactivate);
    const [row] = await tx
      .update(users)
      .set({ status: input.status, updatedAt: sql`now()` })
      .where(and(eq(users.personId, input.personId), eq(users.kind, 'business'), ne(users.status, input.status)))
      .returning({ id: users.id });
    if (!row) {
      const [login] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, input.personId));
      return fail(login ? e.alreadyInState : e.noLogin);
    }
    await recordAudit(tx, {
      actorUserId: admin.userId,
      action: input.status === 'active' ? 'company_person.reactivate' : 'company_person.deactivate',
      entityType: 'user',
      entityId: row.id,
      before: { status: input.status === 'active' ? 'deactivated' : 'active' },
      after: { status: input.status, personId: input.personId },
    });
    return ok(null);
  });
}
