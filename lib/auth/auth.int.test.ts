import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, loginAttempts, persons, positions, users } from '@/db/schema';
import { migrationsFolder } from '@/db/migrate';
import { backends, unique, useTestDb } from '@/test/db';
import { loadActor } from './actor';
import { hashPassword } from './password';
import { signInWithPassword } from './sign-in';
import { THROTTLE } from './throttle';

const DEMO = 'comptoir-demo';

describe.each(backends())('auth on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function userId(email: string): Promise<string> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!u) throw new Error(`no demo user ${email}`);
    return u.id;
  }

  it('applies every committed migration', async () => {
    const journal = JSON.parse(fs.readFileSync(`${migrationsFolder()}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    const applied = await db().execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(applied) ? applied : (applied as { rows: unknown[] }).rows) as { n: number }[];
    expect(rows[0]!.n).toBe(journal.entries.length);
    // The invariant the schema promises: stock never goes below zero.
    await expect(db().execute(sql`update products set stock_on_hand = -1 where sku = 'BUR-STY-BLEU'`)).rejects.toThrow();
  });

  it.each([
    ['admin@comptoir.test', 'admin', null],
    ['commercial@comptoir.test', 'sales', null],
    ['client@particulier.test', 'customer', 'Léa Moreau'],
    ['demandeur@atelier-lumiere.test', 'requester', 'Atelier Lumière SAS'],
    ['acheteur@atelier-lumiere.test', 'purchaser', 'Atelier Lumière SAS'],
    ['admin@atelier-lumiere.test', 'company_admin', 'Atelier Lumière SAS'],
  ])('%s is a %s of %s', async (email, role, accountName) => {
    const actor = await loadActor(db(), await userId(email));
    expect(actor).toMatchObject({ email, role, accountName });
  });

  it('re-reads status and position: deactivation, leaving and suspension remove access at once', async () => {
    const account = (await db().insert(accounts).values({ legalName: unique('Société '), status: 'active' }).returning())[0]!;
    const person = (await db().insert(persons).values({ firstName: 'Paul', lastName: unique('Test') }).returning())[0]!;
    const position = (
      await db().insert(positions).values({ personId: person.id, accountId: account.id, portalRole: 'purchaser' }).returning()
    )[0]!;
    const user = (
      await db().insert(users).values({ personId: person.id, email: `${unique('p')}@example.test`, kind: 'business' }).returning()
    )[0]!;
    expect((await loadActor(db(), user.id))?.role).toBe('purchaser');

    await db().update(positions).set({ portalRole: 'requester' }).where(eq(positions.id, position.id));
    expect((await loadActor(db(), user.id))?.role).toBe('requester');

    await db().update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, account.id));
    expect(await loadActor(db(), user.id)).toBeNull();
    await db().update(accounts).set({ status: 'active' }).where(eq(accounts.id, account.id));

    await db().update(positions).set({ endedOn: '2026-03-31' }).where(eq(positions.id, position.id));
    expect(await loadActor(db(), user.id)).toBeNull();
    await db().update(positions).set({ endedOn: null }).where(eq(positions.id, position.id));

    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    expect(await loadActor(db(), user.id)).toBeNull();
  });

  it('signs in with the right password only, and answers alike for an unknown email', async () => {
    const ip = unique('ip');
    expect(await signInWithPassword(db(), { email: 'Acheteur@Atelier-Lumiere.test ', password: DEMO, ip })).toEqual({
      ok: true,
      userId: await userId('acheteur@atelier-lumiere.test'),
    });
    expect(await signInWithPassword(db(), { email: 'acheteur@atelier-lumiere.test', password: 'wrong-password', ip })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await signInWithPassword(db(), { email: `${unique()}@nobody.test`, password: DEMO, ip })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a deactivated user even with the right password', async () => {
    const person = (await db().insert(persons).values({ firstName: 'Ex', lastName: unique('Staff') }).returning())[0]!;
    const email = `${unique('ex')}@comptoir.test`;
    await db()
      .insert(users)
      .values({ personId: person.id, email, kind: 'staff', staffRole: 'sales', status: 'deactivated', passwordHash: await hashPassword(DEMO) });
    expect(await signInWithPassword(db(), { email, password: DEMO, ip: unique('ip') })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('lets one person sign in from several places at once (no deadlock on their attempts)', async () => {
    // PGlite runs one transaction at a time: the race exists on PostgreSQL only.
    if (backend !== 'postgres') return;
    const email = 'commercial@comptoir.test';
    // Four at once stays under the e-mail's failure threshold (each attempt counts until it succeeds).
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(Array.from({ length: 4 }, () => signInWithPassword(db(), { email, password: DEMO, ip: unique('ip') })));
      expect(results).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ ok: true })));
    }
  });

  it('throttles an email after repeated failures, even from several addresses, whatever the password', async () => {
    const email = `${unique('victim')}@nobody.test`;
    for (let i = 0; i < THROTTLE.maxFailuresPerEmail; i++) {
      expect(await signInWithPassword(db(), { email, password: 'x'.repeat(12), ip: unique('ip') })).toMatchObject({ reason: 'invalid' });
    }
    expect(await signInWithPassword(db(), { email, password: 'x'.repeat(12), ip: unique('ip') })).toMatchObject({ reason: 'throttled' });
  });

  it('throttles an address spraying many emails', async () => {
    const ip = unique('sprayer');
    await db()
      .insert(loginAttempts)
      .values(Array.from({ length: THROTTLE.maxFailuresPerIp }, (_, i) => ({ email: `${i}@spray.test`, ip, succeeded: false })));
    expect(await signInWithPassword(db(), { email: 'client@particulier.test', password: DEMO, ip })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    const [row] = await db()
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip)));
    expect(row!.n).toBe(THROTTLE.maxFailuresPerIp + 1);
  });
});
