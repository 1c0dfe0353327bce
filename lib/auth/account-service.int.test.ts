import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, passwordResetTokens, users } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';
import { isResetTokenUsable, registerCustomer, requestPasswordReset, resetPassword } from './account-service';
import { loadActor } from './actor';
import { signInWithPassword } from './sign-in';

describe.each(backends())('accounts and password reset on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('registers a consumer with an individual account, once per email', async () => {
    const email = `${unique('lea')}@example.test`;
    const input = { firstName: 'Léa', lastName: 'Test', email, password: 'mot-de-passe-long', passwordConfirm: 'mot-de-passe-long' };
    const created = await registerCustomer(db(), input);
    expect(created.ok).toBe(true);
    const actor = await loadActor(db(), created.ok ? created.value.userId : '');
    expect(actor).toMatchObject({ role: 'customer', accountName: 'Léa Test', email });
    expect(await registerCustomer(db(), input)).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array) } });
  });

  it('sends a single-use reset link only for a known email and lets it set a new password', async () => {
    const email = `${unique('reset')}@example.test`;
    await registerCustomer(db(), { firstName: 'R', lastName: 'S', email, password: 'ancien-mot-de-passe', passwordConfirm: 'ancien-mot-de-passe' });
    await requestPasswordReset(db(), email);
    await requestPasswordReset(db(), `${unique('ghost')}@example.test`);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mails).toHaveLength(1);
    const token = mails[0]!.bodyText.match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    expect(await isResetTokenUsable(db(), token)).toBe(true);

    const results = await Promise.all([resetPassword(db(), token, 'nouveau-mot-de-passe'), resetPassword(db(), token, 'autre-mot-de-passe')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await isResetTokenUsable(db(), token)).toBe(false);
    const ip = unique('ip');
    const okOnes = await Promise.all([
      signInWithPassword(db(), { email, password: 'nouveau-mot-de-passe', ip }),
      signInWithPassword(db(), { email, password: 'autre-mot-de-passe', ip }),
    ]);
    expect(okOnes.filter((r) => r.ok)).toHaveLength(1);
    expect(await signInWithPassword(db(), { email, password: 'ancien-mot-de-passe', ip })).toMatchObject({ ok: false });
  });

  it('refuses an expired link', async () => {
    const email = `${unique('exp')}@example.test`;
    await registerCustomer(db(), { firstName: 'E', lastName: 'X', email, password: 'ancien-mot-de-passe', passwordConfirm: 'ancien-mot-de-passe' });
    await requestPasswordReset(db(), email);
    const [mail] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    const token = mail!.bodyText.match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    await db().update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.userId, u!.id));
    expect(await resetPassword(db(), token, 'nouveau-mot-de-passe')).toMatchObject({ ok: false });
  });
});
