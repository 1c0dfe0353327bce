import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { passwordResetTokens, persons, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import type { CreateStaffUserInput } from '@/lib/auth/schemas';
import { appUrl, INVITATION_TTL_HOURS, newToken } from '@/lib/auth/tokens';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import { fail, ok, type Result } from '@/lib/result';

export interface StaffUserRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: 'sales' | 'admin';
  status: 'active' | 'deactivated';
  lastLoginAt: Date | null;
  hasPassword: boolean;
}

/** Our staff's logins, for admins. */
export async function listStaffUsers(db: Database, actor: Actor | null): Promise<Result<StaffUserRow[]>> {
  const refused = refuseUnless<StaffUserRow[]>(actor, 'staff.users.manage');
  if (refused) return refused;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: persons.firstName,
      lastName: persons.lastName,
      role: users.staffRole,
      status: users.status,
      lastLoginAt: users.lastLoginAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(eq(users.kind, 'staff'))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
  return ok(rows.map((r) => ({ ...r, role: r.role ?? 'sales' })));
}

/** Creates a staff login without a password and mails an invitation link that sets one. */
export async function createStaffUser(
  db: Database,
  actor: Actor | null,
  input: CreateStaffUserInput,
): Promise<Result<{ userId: string }>> {
  const refused = refuseUnless<{ userId: string }>(actor, 'staff.users.manage');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken) return fail('Cette adresse e-mail est déjà utilisée.', { email: ['Cette adresse e-mail est déjà utilisée.'] });
    const [person] = await tx
      .insert(persons)
      .values({ firstName: input.firstName, lastName: input.lastName, emails: [input.email] })
      .returning({ id: persons.id });
    const [user] = await tx
      .insert(users)
      .values({ personId: person!.id, email: input.email, kind: 'staff', staffRole: input.role })
      .returning({ id: users.id });
    const { token, hash } = newToken();
    await tx.insert(passwordResetTokens).values({
      tokenHash: hash,
      userId: user!.id,
      expiresAt: sql`now() + make_interval(hours => ${INVITATION_TTL_HOURS})`,
    });
    await queueMail(tx, {
      to: input.email,
      subject: 'Votre accès à Comptoir',
      text: [
        `Bonjour ${input.firstName},`,
        '',
        'Un compte Comptoir a été créé pour vous. Choisissez votre mot de passe avec ce lien (valable 72 heures) :',
        appUrl(`/reset-password/${token}`),
      ].join('\n'),
    });
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'staff_user.create',
      entityType: 'user',
      entityId: user!.id,
      after: { email: input.email, role: input.role },
    });
    return ok({ userId: user!.id });
  });
}

/** Changes a staff member's role; an admin cannot demote themselves (there would be no way back). */
export async function changeStaffRole(
  db: Database,
  actor: Actor | null,
  input: { userId: string; role: 'sales' | 'admin' },
): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'staff.users.manage');
  if (refused) return refused;
  if (input.userId === actor!.userId) return fail('Vous ne pouvez pas changer votre propre rôle.');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.staffRole })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.kind, 'staff')))
      .for('update');
    if (!before) return fail('Utilisateur introuvable.');
    await tx.update(users).set({ staffRole: input.role, updatedAt: sql`now()` }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'staff_user.change_role',
      entityType: 'user',
      entityId: input.userId,
      before: { role: before.role },
      after: { role: input.role },
    });
    return ok(null);
  });
}

/** Deactivates or reactivates a staff login; a deactivated user is refused at once, even with a session. */
export async function setStaffUserStatus(
  db: Database,
  actor: Actor | null,
  input: { userId: string; status: 'active' | 'deactivated' },
): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'staff.users.manage');
  if (refused) return refused;
  if (input.userId === actor!.userId) return fail('Vous ne pouvez pas désactiver votre propre compte.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status: input.status, updatedAt: sql`now()` })
      .where(and(eq(users.id, input.userId), eq(users.kind, 'staff'), ne(users.status, input.status)))
      .returning({ id: users.id });
    if (!row) return fail('Utilisateur introuvable ou déjà dans cet état.');
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: input.status === 'active' ? 'staff_user.reactivate' : 'staff_user.deactivate',
      entityType: 'user',
      entityId: input.userId,
      after: { status: input.status },
    });
    return ok(null);
  });
}
