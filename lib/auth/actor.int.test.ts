import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import type { Database } from '@/db/client';
import { accounts, persons, positions, users } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';
import { openCountingDb } from '@/test/statements';
import { loadActor } from './actor';

/** A person with a login, and optionally positions, to read back as an actor. */
async function makeUser(
  db: Database,
  opts: {
    kind: 'customer' | 'business' | 'staff';
    staffRole?: 'sales' | 'admin' | null;
    status?: 'active' | 'deactivated';
    positions?: { accountKind: 'company' | 'individual'; accountStatus?: 'prospect' | 'active' | 'suspended'; portalRole?: 'requester' | 'purchaser' | 'company_admin' | null; endedOn?: string | null }[];
  },
) {
  const [person] = await db.insert(persons).values({ firstName: 'Camille', lastName: unique('Test') }).returning();
  const made: { accountId: string; legalName: string }[] = [];
  for (const p of opts.positions ?? []) {
    const legalName = unique(p.accountKind === 'company' ? 'Société ' : 'Particulier ');
    const [account] = await db.insert(accounts).values({ legalName, kind: p.accountKind, status: p.accountStatus ?? 'active' }).returning();
    await db.insert(positions).values({ personId: person!.id, accountId: account!.id, portalRole: p.portalRole ?? null, endedOn: p.endedOn ?? null });
    made.push({ accountId: account!.id, legalName });
  }
  const [user] = await db
    .insert(users)
    .values({ personId: person!.id, email: `${unique('actor')}@example.test`, kind: opts.kind, staffRole: opts.staffRole ?? null, status: opts.status ?? 'active' })
    .returning();
  return { user: user!, person: person!, accounts: made };
}

describe.each(backends())('loadActor on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('reads staff with their role (the schema makes a role mandatory for staff)', async () => {
    const admin = await makeUser(db(), { kind: 'staff', staffRole: 'admin' });
    expect(await loadActor(db(), admin.user.id)).toEqual({
      userId: admin.user.id,
      personId: admin.person.id,
      email: admin.user.email,
      name: `Camille ${admin.person.lastName}`,
      role: 'admin',
      accountId: null,
      accountName: null,
    });
  });

  it('reads a business login with its open portal position in a company, and nothing else', async () => {
    const buyer = await makeUser(db(), {
      kind: 'business',
      positions: [
        { accountKind: 'company', portalRole: 'purchaser', endedOn: '2025-12-31' },
        { accountKind: 'company', portalRole: null },
        { accountKind: 'company', portalRole: 'requester' },
      ],
    });
    expect(await loadActor(db(), buyer.user.id)).toMatchObject({ role: 'requester', accountId: buyer.accounts[2]!.accountId, accountName: buyer.accounts[2]!.legalName });

    const onlyClosed = await makeUser(db(), { kind: 'business', positions: [{ accountKind: 'company', portalRole: 'purchaser', endedOn: '2025-12-31' }] });
    expect(await loadActor(db(), onlyClosed.user.id)).toBeNull();
    const noRole = await makeUser(db(), { kind: 'business', positions: [{ accountKind: 'company', portalRole: null }] });
    expect(await loadActor(db(), noRole.user.id)).toBeNull();
    const inIndividual = await makeUser(db(), { kind: 'business', positions: [{ accountKind: 'individual', portalRole: 'purchaser' }] });
    expect(await loadActor(db(), inIndividual.user.id)).toBeNull();
    const suspended = await makeUser(db(), { kind: 'business', positions: [{ accountKind: 'company', accountStatus: 'suspended', portalRole: 'company_admin' }] });
    expect(await loadActor(db(), suspended.user.id)).toBeNull();
    const prospect = await makeUser(db(), { kind: 'business', positions: [{ accountKind: 'company', accountStatus: 'prospect', portalRole: 'company_admin' }] });
    expect(await loadActor(db(), prospect.user.id)).toMatchObject({ role: 'company_admin', accountId: prospect.accounts[0]!.accountId });
  });

  it('reads a consumer with its individual account when it has one, and without otherwise', async () => {
    const withAccount = await makeUser(db(), {
      kind: 'customer',
      positions: [
        { accountKind: 'company', portalRole: null },
        { accountKind: 'individual', endedOn: '2025-01-31' },
        { accountKind: 'individual', accountStatus: 'suspended' },
      ],
    });
    // A suspended individual account still signs its customer in (only companies are suspended from the portal).
    expect(await loadActor(db(), withAccount.user.id)).toMatchObject({
      role: 'customer',
      accountId: withAccount.accounts[2]!.accountId,
      accountName: withAccount.accounts[2]!.legalName,
    });
    const without = await makeUser(db(), { kind: 'customer', positions: [{ accountKind: 'company', portalRole: 'purchaser' }] });
    expect(await loadActor(db(), without.user.id)).toMatchObject({ role: 'customer', accountId: null, accountName: null });
  });

  it('refuses a deactivated or unknown user', async () => {
    const gone = await makeUser(db(), { kind: 'business', status: 'deactivated', positions: [{ accountKind: 'company', portalRole: 'purchaser' }] });
    expect(await loadActor(db(), gone.user.id)).toBeNull();
    expect(await loadActor(db(), '00000000-0000-4000-8000-000000000000')).toBeNull();
    await db().update(users).set({ status: 'active' }).where(eq(users.id, gone.user.id));
    expect(await loadActor(db(), gone.user.id)).toMatchObject({ role: 'purchaser' });
  });
});

describe.runIf(inject('postgresUrl'))('loadActor statements', () => {
  it('costs one statement for every kind of login (each signed-in request pays it)', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      for (const email of ['admin@comptoir.test', 'client@particulier.test', 'demandeur@atelier-lumiere.test']) {
        const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
        const { value, statements } = await counting.record(() => loadActor(db, u!.id));
        expect(value).not.toBeNull();
        expect(statements).toHaveLength(1);
      }
    } finally {
      await counting.close();
    }
  });
});
