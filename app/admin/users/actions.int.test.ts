import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, outbox, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';

// The action reads the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { changeStaffRoleAction, createStaffUserAction, setUserStatusAction } = await import('./actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('staff user actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function counts() {
    const [u] = await db().select({ n: count() }).from(users);
    const [o] = await db().select({ n: count() }).from(outbox);
    const [a] = await db().select({ n: count() }).from(auditLog);
    return { users: u!.n, outbox: o!.n, audit: a!.n };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a sales rep', 'commercial@comptoir.test'],
    ['a company admin', 'admin@atelier-lumiere.test'],
    ['a customer', 'client@particulier.test'],
  ])('refuses to create a staff user for %s and changes nothing', async (_label, email) => {
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();
    const result = await createStaffUserAction(null, form({ firstName: 'Eve', lastName: 'Intrus', email: `${unique('eve')}@x.test`, role: 'admin' }));
    expect(result).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });

  it('refuses role changes and deactivation without the right role, leaving the target untouched', async () => {
    const admin = await actorOf('admin@comptoir.test');
    for (const caller of [null, await actorOf('commercial@comptoir.test'), await actorOf('acheteur@atelier-lumiere.test')]) {
      session.actor = caller;
      expect(await changeStaffRoleAction(null, form({ userId: admin.userId, role: 'sales' }))).toMatchObject({ ok: false });
      expect(await setUserStatusAction(null, form({ userId: admin.userId, status: 'deactivated' }))).toMatchObject({ ok: false });
    }
    expect(await loadActor(db(), admin.userId)).toMatchObject({ role: 'admin' });
  });

  it('lets an admin invite, demote and deactivate a colleague, with an invitation mail and an audit trail', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const email = `${unique('colleague')}@comptoir.test`;
    expect(await createStaffUserAction(null, form({ firstName: 'Marc', lastName: 'Neuf', email: email.toUpperCase(), role: 'admin' }))).toMatchObject({ ok: true });
    const [created] = await db().select().from(users).where(eq(users.email, email));
    expect(created).toMatchObject({ kind: 'staff', staffRole: 'admin', status: 'active', passwordHash: null });
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}/);

    expect(await createStaffUserAction(null, form({ firstName: 'Marc', lastName: 'Bis', email, role: 'sales' }))).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Cette adresse e-mail est déjà utilisée.'] },
    });

    expect(await changeStaffRoleAction(null, form({ userId: created!.id, role: 'sales' }))).toMatchObject({ ok: true });
    expect(await setUserStatusAction(null, form({ userId: created!.id, status: 'deactivated' }))).toMatchObject({ ok: true });
    expect(await loadActor(db(), created!.id)).toBeNull();
    const trail = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created!.id));
    expect(trail.map((r) => r.action).sort()).toEqual(['staff_user.change_role', 'staff_user.create', 'staff_user.deactivate']);
  });

  it('validates input and never lets an admin lock themselves out', async () => {
    const admin = await actorOf('admin@comptoir.test');
    session.actor = admin;
    expect(await createStaffUserAction(null, form({ firstName: '', lastName: 'X', email: 'nope', role: 'owner' }))).toMatchObject({
      ok: false,
      fieldErrors: { firstName: expect.any(Array), email: expect.any(Array), role: expect.any(Array) },
    });
    expect(await setUserStatusAction(null, form({ userId: admin.userId, status: 'deactivated' }))).toMatchObject({ ok: false });
    expect(await changeStaffRoleAction(null, form({ userId: admin.userId, role: 'sales' }))).toMatchObject({ ok: false });
    expect(await setUserStatusAction(null, form({ userId: 'not-a-uuid', status: 'deactivated' }))).toMatchObject({ ok: false });
  });
});
