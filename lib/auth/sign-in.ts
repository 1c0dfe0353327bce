import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { THROTTLE } from './throttle';

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks credentials with throttling per email and per address, stored in the database so every
 * app instance sees the same counts. The attempt is recorded (as a failure) before the password is
 * checked, so parallel guesses count against each other; an unknown email and a wrong password
 * give the same answer in the same time.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const ip = input.ip.slice(0, 64) || 'unknown';
  const [attempt] = await db
    .insert(loginAttempts)
    .values({ email, ip, succeeded: false })
    .returning({ id: loginAttempts.id });
  const since = sql`now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  const [counts] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email} and not ${loginAttempts.succeeded})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip} and not ${loginAttempts.succeeded})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.createdAt, since), sql`(${loginAttempts.email} = ${email} or ${loginAttempts.ip} = ${ip})`));
  // The attempt just recorded is one of the counted failures, hence ">".
  if ((counts?.byEmail ?? 0) > THROTTLE.maxFailuresPerEmail || (counts?.byIp ?? 0) > THROTTLE.maxFailuresPerIp) {
    return { ok: false, reason: 'throttled' };
  }
  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(input.password, user?.hash ?? (await dummyPasswordHash()));
  if (!user || !user.hash || !valid || user.status !== 'active') return { ok: false, reason: 'invalid' };
  await db.transaction(async (tx) => {
    // Two sign-ins of one person at once (two tabs, two app instances) would each lock its own
    // attempt, then the other's failure to delete it: a deadlock, seen by the benchmark. One at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${email}`}))`);
    await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attempt!.id));
    // A success clears the email's earlier failures, so a person who finally remembers is not locked later.
    await tx
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  });
  return { ok: true, userId: user.id };
}
