import { and, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, outbox, passwordResetTokens, persons, positions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { hashToken } from '@/lib/auth/tokens';
import { resetPassword } from '@/lib/auth/account-service';
import { backends, unique, useTestDb } from '@/test/db';

// The actions read the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { changePersonLimitsAction, changePersonRoleAction, invitePersonAction, setPersonLoginStatusAction } = await import('./actions');
const { getCompanyPerson, listCompanyPeople } = await import('@/lib/companies/people-service');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('company people actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function userOf(email: string) {
    const [u] = await db().select().from(users).where(eq(users.email, email));
    return u!;
  }
  async function actorOf(email: string): Promise<Actor> {
    return (await loadActor(db(), (await userOf(email)).id))!;
  }
  async function positionOf(personId: string) {
    const [p] = await db().select().from(positions).where(eq(positions.personId, personId));
    return p!;
  }
  async function counts() {
    const [p] = await db().select({ n: count() }).from(persons);
    const [u] = await db().select({ n: count() }).from(users);
    const [o] = await db().select({ n: count() }).from(outbox);
    const [a] = await db().select({ n: count() }).from(auditLog);
    return { persons: p!.n, users: u!.n, outbox: o!.n, audit: a!.n };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a purchaser', 'acheteur@atelier-lumiere.test'],
    ['a staff admin', 'admin@comptoir.test'],
    ['a customer', 'client@particulier.test'],
    ['another company’s admin', 'admin@verdier-architectes.test'],
  ])('refuses every people change to %s and changes nothing', async (_label, email) => {
    const target = await userOf('demandeur@atelier-lumiere.test');
    const before = { position: await positionOf(target.personId), user: target, counts: await counts() };
    session.actor = email ? await actorOf(email) : null;
    const otherCompany = email === 'admin@verdier-architectes.test';
    const results = [
      // Another company's admin may invite into their own company (not tested here), never into this one.
      ...(otherCompany
        ? []
        : [await invitePersonAction(null, form({ firstName: 'Intrus', lastName: 'Test', email: `${unique('x')}@example.test`, role: 'company_admin' }))]),
      await changePersonRoleAction(null, form({ personId: target.personId, role: 'company_admin' })),
      await changePersonLimitsAction(null, form({ personId: target.personId, orderLimit: '999 999,00', monthlyLimit: '' })),
      await setPersonLoginStatusAction(null, form({ personId: target.personId, status: 'deactivated' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    if (otherCompany) {
      // Another company's admin: the person simply does not exist for them.
      for (const r of results) expect(r).toMatchObject({ error: 'Utilisateur introuvable.' });
      expect(await getCompanyPerson(db(), session.actor, target.personId)).toMatchObject({ ok: false, error: 'Utilisateur introuvable.' });
      const list = await listCompanyPeople(db(), session.actor);
      expect(list.ok && list.value.map((p) => p.email)).not.toContain('demandeur@atelier-lumiere.test');
    }
    expect(await counts()).toEqual(before.counts);
    expect(await positionOf(target.personId)).toEqual(before.position);
    expect(await userOf('demandeur@atelier-lumiere.test')).toEqual(before.user);
  });

  it('lists the company’s portal people with their role, limits and login state', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    const result = await listCompanyPeople(db(), admin);
    expect(result.ok).toBe(true);
    const rows = result.ok ? result.value : [];
    expect(rows.find((p) => p.email === 'demandeur@atelier-lumiere.test')).toMatchObject({
      role: 'requester',
      orderLimitHtCents: 50_000,
      monthlyLimitHtCents: 200_000,
      loginStatus: 'active',
      isSelf: false,
    });
    expect(rows.find((p) => p.email === 'admin@atelier-lumiere.test')).toMatchObject({ role: 'company_admin', isSelf: true });
    // Only open positions with a portal role: Thomas Roux (no login, no role) is not a portal user.
    expect(rows.map((p) => p.lastName)).not.toContain('Roux');
    expect(rows.every((p) => p.email?.endsWith('@atelier-lumiere.test') || !p.email?.includes('verdier'))).toBe(true);
  });

  it('invites a person: person, position with role and limits, login without password, 72 h token, mail, audit', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    session.actor = admin;
    const email = `${unique('inv')}@example.test`;
    const result = await invitePersonAction(
      null,
      form({ firstName: 'Inès', lastName: 'Nouvelle', email: `  ${email.toUpperCase()} `, role: 'purchaser', orderLimit: '1 500,50', monthlyLimit: '' }),
    );
    expect(result).toMatchObject({ ok: true });
    const user = await userOf(email);
    expect(user).toMatchObject({ kind: 'business', status: 'active', passwordHash: null, staffRole: null });
    const position = await positionOf(user.personId);
    expect(position).toMatchObject({ accountId: admin.accountId, portalRole: 'purchaser', orderLimitHtCents: 150_050, monthlyLimitHtCents: null, endedOn: null });
    const tokens = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(tokens).toHaveLength(1);
    const ttlHours = (tokens[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(71.9);
    expect(ttlHours).toBeLessThanOrEqual(72.01);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mails).toHaveLength(1);
    const link = /\/reset-password\/(\S+)/.exec(mails[0]!.bodyText)?.[1];
    expect(link).toBeDefined();
    expect(hashToken(link!)).toBe(tokens[0]!.tokenHash);
    expect(mails[0]!.bodyText).toContain('Atelier Lumière SAS');
    const trail = await db().select().from(auditLog).where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, user.personId)));
    expect(trail).toEqual([expect.objectContaining({ action: 'company_person.invite', actorUserId: admin.userId })]);

    // The invited person's actor has the role at once, in the admin's company; the link sets a password.
    expect(await loadActor(db(), user.id)).toMatchObject({ role: 'purchaser', accountId: admin.accountId, accountName: 'Atelier Lumière SAS' });
    expect(await resetPassword(db(), link!, 'un-mot-de-passe-solide')).toMatchObject({ ok: true });
    const listed = await listCompanyPeople(db(), admin);
    expect(listed.ok && listed.value.find((p) => p.email === email)).toMatchObject({ loginStatus: 'active', role: 'purchaser' });
  });

  it('refuses an email already used by any login, and bad amounts, with field errors', async () => {
    session.actor = await actorOf('admin@atelier-lumiere.test');
    const before = await counts();
    for (const taken of ['admin@comptoir.test', 'Client@Particulier.test', 'admin@verdier-architectes.test']) {
      expect(await invitePersonAction(null, form({ firstName: 'A', lastName: 'B', email: taken, role: 'requester' }))).toMatchObject({
        ok: false,
        fieldErrors: { email: ['Cette adresse e-mail est déjà utilisée par un compte.'] },
        values: { email: taken },
      });
    }
    const bad = await invitePersonAction(
      null,
      form({ firstName: '', lastName: 'B', email: 'pas-un-email', role: 'superuser', orderLimit: '12,345', monthlyLimit: 'abc' }),
    );
    expect(bad).toMatchObject({ ok: false });
    expect(Object.keys(bad!.fieldErrors ?? {}).sort()).toEqual(['email', 'firstName', 'monthlyLimit', 'orderLimit', 'role']);
    expect(
      await invitePersonAction(null, form({ firstName: 'A', lastName: 'B', email: `${unique('m')}@example.test`, role: 'requester', orderLimit: '500', monthlyLimit: '100' })),
    ).toMatchObject({ ok: false, fieldErrors: { monthlyLimit: [expect.stringContaining('mensuelle')] } });
    expect(await counts()).toEqual(before);
  });

  it('changes a role and limits with audit; the actor sees the new role at once', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    session.actor = admin;
    const email = `${unique('role')}@example.test`;
    await invitePersonAction(null, form({ firstName: 'Rémi', lastName: 'Rôle', email, role: 'requester' }));
    const user = await userOf(email);
    expect(await changePersonRoleAction(null, form({ personId: user.personId, role: 'company_admin' }))).toMatchObject({ ok: true });
    expect(await loadActor(db(), user.id)).toMatchObject({ role: 'company_admin' });
    expect(await changePersonLimitsAction(null, form({ personId: user.personId, orderLimit: '400,00', monthlyLimit: '2 000' }))).toMatchObject({
      ok: true,
      message: 'Limites enregistrées.',
    });
    expect(await positionOf(user.personId)).toMatchObject({ orderLimitHtCents: 40_000, monthlyLimitHtCents: 200_000 });
    expect(await changePersonLimitsAction(null, form({ personId: user.personId, orderLimit: '400', monthlyLimit: '2000,00' }))).toMatchObject({
      ok: true,
      message: 'Aucune modification à enregistrer.',
    });
    expect(await changePersonLimitsAction(null, form({ personId: user.personId, orderLimit: '', monthlyLimit: '' }))).toMatchObject({ ok: true });
    expect(await positionOf(user.personId)).toMatchObject({ orderLimitHtCents: null, monthlyLimitHtCents: null });
    const trail = await db().select({ action: auditLog.action, before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, user.personId));
    expect(trail.map((t) => t.action).sort()).toEqual(['company_person.change_limits', 'company_person.change_limits', 'company_person.change_role', 'company_person.invite']);
    expect(trail).toContainEqual({ action: 'company_person.change_role', before: { role: 'requester' }, after: { role: 'company_admin' } });
  });

  it('deactivation ends access at once (loadActor returns null); reactivation restores it', async () => {
    session.actor = await actorOf('admin@atelier-lumiere.test');
    const email = `${unique('off')}@example.test`;
    await invitePersonAction(null, form({ firstName: 'Odile', lastName: 'Off', email, role: 'requester' }));
    const user = await userOf(email);
    expect(await loadActor(db(), user.id)).not.toBeNull();
    expect(await setPersonLoginStatusAction(null, form({ personId: user.personId, status: 'deactivated' }))).toMatchObject({ ok: true });
    expect(await loadActor(db(), user.id)).toBeNull();
    expect(await setPersonLoginStatusAction(null, form({ personId: user.personId, status: 'deactivated' }))).toMatchObject({ ok: false });
    expect(await setPersonLoginStatusAction(null, form({ personId: user.personId, status: 'active' }))).toMatchObject({ ok: true });
    expect(await loadActor(db(), user.id)).toMatchObject({ role: 'requester' });
    const trail = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, user.id)));
    expect(trail.map((t) => t.action).sort()).toEqual(['company_person.deactivate', 'company_person.reactivate']);
  });

  it('a company admin can neither demote nor deactivate themselves', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    session.actor = admin;
    const before = { position: await positionOf(admin.personId), audit: (await counts()).audit };
    expect(await changePersonRoleAction(null, form({ personId: admin.personId, role: 'requester' }))).toMatchObject({
      ok: false,
      error: 'Vous ne pouvez pas changer votre propre rôle.',
    });
    expect(await setPersonLoginStatusAction(null, form({ personId: admin.personId, status: 'deactivated' }))).toMatchObject({
      ok: false,
      error: 'Vous ne pouvez pas désactiver votre propre accès.',
    });
    expect(await positionOf(admin.personId)).toEqual(before.position);
    expect(await loadActor(db(), admin.userId)).toMatchObject({ role: 'company_admin' });
    expect((await counts()).audit).toBe(before.audit);
  });
});
