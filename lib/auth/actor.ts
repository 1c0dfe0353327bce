import { and, eq, isNull, isNotNull } from 'drizzle-orm';
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
 */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
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
    })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!u || u.status !== 'active') return null;
  const base = { userId: u.id, personId: u.personId, email: u.email, name: `${u.firstName} ${u.lastName}` };
  if (u.kind === 'staff') {
    return u.staffRole ? { ...base, role: u.staffRole, accountId: null, accountName: null } : null;
  }
  const openPosition = and(eq(positions.personId, u.personId), isNull(positions.endedOn));
  if (u.kind === 'business') {
    const [p] = await db
      .select({ role: positions.portalRole, accountId: accounts.id, accountName: accounts.legalName, status: accounts.status })
      .from(positions)
      .innerJoin(accounts, eq(accounts.id, positions.accountId))
      .where(and(openPosition, isNotNull(positions.portalRole), eq(accounts.kind, 'company')))
      .limit(1);
    if (!p?.role || p.status === 'suspended') return null;
    return { ...base, role: p.role, accountId: p.accountId, accountName: p.accountName };
  }
  const [p] = await db
    .select({ accountId: accounts.id, accountName: accounts.legalName })
    .from(positions)
    .innerJoin(accounts, eq(accounts.id, positions.accountId))
    .where(and(openPosition, eq(accounts.kind, 'individual')))
    .limit(1);
  return { ...base, role: 'customer', accountId: p?.accountId ?? null, accountName: p?.accountName ?? null };
}
