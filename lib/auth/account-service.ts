import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, passwordResetTokens, persons, positions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import { fail, ok, type Result } from '@/lib/result';
import { hashPassword } from './password';
import type { RegisterInput } from './schemas';
import { appUrl, hashToken, newToken, RESET_LINK_TTL_MINUTES } from './tokens';

/**
 * Registers a consumer: a person, their individual account (the CRM sees B2C customers as
 * accounts), and a customer login — in one transaction.
 */
export async function registerCustomer(db: Database, input: RegisterInput): Promise<Result<{ userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) {
      return fail('Un compte existe déjà avec cette adresse e-mail.', {
        email: ['Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe.'],
      });
    }
    const [person] = await tx
      .insert(persons)
      .values({ firstName: input.firstName, lastName: input.lastName, emails: [input.email] })
      .returning({ id: persons.id });
    const [account] = await tx
      .insert(accounts)
      .values({ kind: 'individual', status: 'active', legalName: `${input.firstName} ${input.lastName}` })
      .returning({ id: accounts.id });
    await tx.insert(positions).values({ personId: person!.id, accountId: account!.id });
    const [user] = await tx
      .insert(users)
      .values({ personId: person!.id, email: input.email, passwordHash, kind: 'customer' })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return fail('Un compte existe déjà avec cette adresse e-mail.');
    await recordAudit(tx, { actorUserId: user.id, action: 'user.register', entityType: 'user', entityId: user.id });
    return ok({ userId: user.id });
  });
}

/**
 * Sends a single-use reset link valid for an hour. The answer never says whether the email is
 * known: the caller shows the same message either way.
 */
export async function requestPasswordReset(db: Database, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, status: users.status })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!user || user.status !== 'active') return;
    const { token, hash } = newToken();
    await tx.insert(passwordResetTokens).values({
      tokenHash: hash,
      userId: user.id,
      expiresAt: sql`now() + make_interval(mins => ${RESET_LINK_TTL_MINUTES})`,
    });
    await queueMail(tx, {
      to: email,
      subject: 'Réinitialisation de votre mot de passe Comptoir',
      text: [
        'Bonjour,',
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :',
        appUrl(`/reset-password/${token}`),
        '',
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
      ].join('\n'),
    });
    await recordAudit(tx, { actorUserId: user.id, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id });
  });
}

/** True when the link can still be used (for the page to say so before the person types). */
export async function isResetTokenUsable(db: Database, token: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(row);
}

/** Sets a new password through a reset (or invitation) link; the link is consumed atomically. */
export async function resetPassword(db: Database, token: string, password: string): Promise<Result<null>> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // The conditional UPDATE is the lock: of two parallel uses of one link, exactly one wins.
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
      .returning({ userId: passwordResetTokens.userId });
    if (!used) return fail('Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.id, used.userId), eq(users.status, 'active')))
      .returning({ id: users.id });
    if (!user) return fail('Ce compte est désactivé.');
    await recordAudit(tx, { actorUserId: user.id, action: 'user.password_reset', entityType: 'user', entityId: user.id });
    return ok(null);
  });
}
