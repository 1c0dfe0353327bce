import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, persons, positions, users } from '@/db/schema';
import type { Role } from './roles';

/** Who is calling, as re-read from the database for this request (a session cookie can be stale). */
export interface Actor {
  userId: string;
  personId: string;
  email: string;
  name: string;
  role: Role;
  /** The client company of a B2B actor; the individual account of a customer; null for staff. */
  accountId: string | null;
  accountName: string | null;
}

/**
 * Loads the actor of a user id, or null when the user is unknown, deactivated, or has no role
 * any more (a B2B person whose position was closed, or whose company is suspended).
 *
 * Every signed-in request pays for this, so it is one statement: the user and person, with the open
 * position that gives the account joined laterally — for a business login its open portal position
 * in a company, for a consumer its open position in an individual account; staff have none.
 */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const position = db
    .select({
      role: positions.portalRole,
      accountId: accounts.id,
      accountName: accounts.legalName,
      accountStatus: accounts.status,
    })
    .from(positions)
    .innerJoin(accounts, eq(accounts.id, positions.accountId))
    .where(
      and(
        eq(positions.personId, users.personId),
        isNull(positions.endedOn),
        or(
          and(eq(users.kind, 'business'), isNotNull(positions.portalRole), eq(accounts.kind, 'company')),
          and(eq(users.kind, 'customer'), eq(accounts.kind, 'individual')),
        ),
      ),
    )
    .limit(1)
    .as('open_position');
  const [u] = await db
    .select({
      id: users.id,
      personId: users.personId,
      email: users.email,
      kind: users.kind,
      staffRole: users.staffRole,
      status: users.status,
      firstName: persons.firstName,
      lastName: persons.lastName,
      portalRole: position.role,
      accountId: position.accountId,
      accountName: position.accountName,
      accountStatus: position.accountStatus,
    })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .leftJoinLateral(position, sql`true`)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u || u.status !== 'active') return null;
  const base = { userId: u.id, personId: u.personId, email: u.email, name: `${u.firstName} ${u.lastName}` };
  if (u.kind === 'staff') {
    return u.staffRole ? { ...base, role: u.staffRole, accountId: null, accountName: null } : null;
  }
  if (u.kind === 'business') {
    if (!u.portalRole || !u.accountId || u.accountStatus === 'suspended') return null;
    return { ...base, role: u.portalRole, accountId: u.accountId, accountName: u.accountName };
  }
  return { ...base, role: 'customer', accountId: u.accountId ?? null, accountName: u.accountName ?? null };
}
