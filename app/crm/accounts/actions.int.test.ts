import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, budgetForecasts, opportunities, orders, persons, positions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getBuyingCommittee, setParentAccount } from '@/lib/crm/accounts-service';
import { getAccountTimeline } from '@/lib/crm/timeline';
import { backends, unique, useTestDb } from '@/test/db';

// The actions read the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const Redirect = vi.hoisted(
  () =>
    class Redirect extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

const accountActions = await import('./actions');
const peopleActions = await import('../people/actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(backends())('CRM accounts and people on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function accountId(name: string): Promise<string> {
    const [a] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.legalName, name));
    return a!.id;
  }

  async function counts() {
    const [a] = await db().select({ n: count() }).from(accounts);
    const [p] = await db().select({ n: count() }).from(persons);
    const [pos] = await db().select({ n: count() }).from(positions);
    const [f] = await db().select({ n: count() }).from(budgetForecasts);
    const [au] = await db().select({ n: count() }).from(auditLog);
    const [inactive] = await db().select({ n: count() }).from(users).where(eq(users.status, 'deactivated'));
    return { accounts: a!.n, persons: p!.n, positions: pos!.n, forecasts: f!.n, audit: au!.n, inactive: inactive!.n };
  }

  /** Adds a contact as the sales rep and returns their person and open position ids. */
  async function addPerson(accId: string, extra: Record<string, string> = {}) {
    session.actor = await actorOf('commercial@comptoir.test');
    const lastName = unique('Nom');
    const res = await accountActions.addPersonAction(null, form({ accountId: accId, firstName: 'Claire', lastName, title: 'Acheteuse', department: 'Achats', startedOn: '2023-02-01', ...extra }));
    expect(res).toMatchObject({ ok: true });
    const [row] = await db()
      .select({ personId: persons.id, positionId: positions.id })
      .from(persons)
      .innerJoin(positions, eq(positions.personId, persons.id))
      .where(eq(persons.lastName, lastName));
    return { ...row!, lastName };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a purchaser', 'acheteur@atelier-lumiere.test'],
  ])('refuses every CRM change to %s and changes nothing', async (_label, email) => {
    const acc = await accountId('Atelier Lumière SAS');
    const [open] = await db().select({ id: positions.id }).from(positions).where(and(eq(positions.accountId, acc), isNull(positions.endedOn))).limit(1);
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();
    const results = [
      await accountActions.createProspectAction(null, form({ legalName: 'Intrus SARL', country: 'FR' })).catch((e: unknown) => e),
      await accountActions.addPersonAction(null, form({ accountId: acc, firstName: 'X', lastName: 'Y' })),
      await accountActions.saveForecastAction(null, form({ accountId: acc, label: 'B', fiscalYear: '2027', status: 'expected' })),
      await accountActions.saveProjectAction(null, form({ accountId: acc, title: 'P', status: 'idea' })),
      await accountActions.createActivityAction(null, form({ accountId: acc, kind: 'note', subject: 'S' })),
      await accountActions.setParentAction(null, form({ accountId: acc, parentAccountId: '' })),
      await peopleActions.recordLeftAction(null, form({ positionId: open!.id, endedOn: isoDaysAgo(1) })),
      await peopleActions.changeJobAction(null, form({ positionId: open!.id, endedOn: isoDaysAgo(1), title: 'Nouveau' })),
      await peopleActions.updateProfileAction(null, form({ positionId: open!.id, purchaseProfile: 'buyer', decisionWeight: '99' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });

  it('creates a prospect with a validated SIREN, refuses a bad one', async () => {
    session.actor = await actorOf('commercial@comptoir.test');
    const bad = await accountActions.createProspectAction(null, form({ legalName: 'Test SAS', siren: '123456789', country: 'FR' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { siren: [expect.any(String)] } });
    const err = await accountActions.createProspectAction(null, form({ legalName: unique('Prospect '), country: 'fr' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Redirect);
    const id = /\/crm\/accounts\/([0-9a-f-]{36})$/.exec((err as InstanceType<typeof Redirect>).url)![1]!;
    const [row] = await db().select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({ status: 'prospect', kind: 'company', country: 'FR', ownerUserId: session.actor.userId });
  });

  it('records a job change and keeps the history; the portal role moves to the new position', async () => {
    const acc = await accountId('Atelier Lumière SAS');
    const { personId, positionId } = await addPerson(acc, { purchaseProfile: 'buyer', decisionWeight: '40' });
    await db().update(positions).set({ portalRole: 'requester' }).where(eq(positions.id, positionId));
    const res = await peopleActions.changeJobAction(null, form({ positionId, endedOn: '2026-03-31', title: 'Responsable achats', department: '' }));
    expect(res).toMatchObject({ ok: true });
    const rows = await db().select().from(positions).where(eq(positions.personId, personId)).orderBy(positions.startedOn);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: positionId, endedOn: '2026-03-31', title: 'Acheteuse' });
    expect(rows[1]).toMatchObject({ endedOn: null, startedOn: '2026-04-01', title: 'Responsable achats', purchaseProfile: 'buyer', decisionWeight: 40, portalRole: 'requester' });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entityId, personId)).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit?.action).toBe('crm.position.change_job');
    // A closed position cannot be changed again.
    expect(await peopleActions.changeJobAction(null, form({ positionId, endedOn: '2026-04-30', title: 'X' }))).toMatchObject({ ok: false });
  });

  it('recording that a person left deactivates their login: loadActor is null and sign-in is refused', async () => {
    const acc = await accountId('Atelier Lumière SAS');
    const { personId, positionId } = await addPerson(acc);
    await db().update(positions).set({ portalRole: 'purchaser' }).where(eq(positions.id, positionId));
    const email = `${unique('depart')}@atelier-lumiere.test`;
    const [u] = await db()
      .insert(users)
      .values({ personId, email, passwordHash: await hashPassword('mot-de-passe-solide'), kind: 'business' })
      .returning({ id: users.id });
    expect(await loadActor(db(), u!.id)).toMatchObject({ role: 'purchaser', accountId: acc });
    expect(await signInWithPassword(db(), { email, password: 'mot-de-passe-solide', ip: unique('ip') })).toMatchObject({ ok: true });

    session.actor = await actorOf('commercial@comptoir.test');
    const res = await peopleActions.recordLeftAction(null, form({ positionId, endedOn: isoDaysAgo(2) }));
    expect(res).toMatchObject({ ok: true });
    const [pos] = await db().select().from(positions).where(eq(positions.id, positionId));
    expect(pos?.endedOn).toBe(isoDaysAgo(2));
    const [after] = await db().select({ status: users.status }).from(users).where(eq(users.id, u!.id));
    expect(after?.status).toBe('deactivated');
    expect(await loadActor(db(), u!.id)).toBeNull();
    expect(await signInWithPassword(db(), { email, password: 'mot-de-passe-solide', ip: unique('ip') })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('warns on the buying committee: a decider who left, an open opportunity without a buyer', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    session.actor = sales;
    const name = unique('Comité ');
    await accountActions.createProspectAction(null, form({ legalName: name, country: 'FR' })).catch(() => null);
    const acc = await accountId(name);
    const buyer = await addPerson(acc, { purchaseProfile: 'buyer', decisionWeight: '60', firstName: 'Karim' });
    const user = await addPerson(acc, { purchaseProfile: 'user', decisionWeight: '10' });
    let committee = await getBuyingCommittee(db(), sales, acc, '2026-05-20');
    expect(committee).toMatchObject({ ok: true, value: { weightSum: 70, warnings: [] } });
    const left = await peopleActions.recordLeftAction(null, form({ positionId: buyer.positionId, endedOn: '2026-03-15' }));
    expect(left).toMatchObject({ ok: true });
    await db().insert(opportunities).values({ accountId: acc, title: 'Fauteuils atelier', amountHtCents: 100_000, ownerUserId: sales.userId });
    committee = await getBuyingCommittee(db(), sales, acc, '2026-05-20');
    if (!committee.ok) throw new Error(committee.error);
    expect(committee.value.buyers).toHaveLength(0);
    expect(committee.value.users.map((p) => p.personId)).toEqual([user.personId]);
    expect(committee.value.weightSum).toBe(10);
    expect(committee.value.warnings).toEqual([`Décideur parti : Karim ${buyer.lastName} (jusqu’au 03/2026)`, 'Opportunité sans acheteur identifié : Fauteuils atelier']);
    // More than 12 months later the departure is no longer a warning.
    committee = await getBuyingCommittee(db(), sales, acc, '2027-04-01');
    expect(committee.ok && committee.value.warnings).toEqual(['Opportunité sans acheteur identifié : Fauteuils atelier']);
    // Refused to a client.
    expect(await getBuyingCommittee(db(), await actorOf('acheteur@atelier-lumiere.test'), acc)).toMatchObject({ ok: false });
  });

  it('shows orders and job changes on the account timeline, newest first', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const acc = await accountId('Atelier Lumière SAS');
    const address = { name: 'Atelier Lumière SAS', line1: '12 rue des Tanneurs', postalCode: '69100', city: 'Villeurbanne', country: 'FR' };
    const number = unique('CMD-').slice(0, 30);
    await db().insert(orders).values({
      number,
      channel: 'b2b',
      priceMode: 'tax_exclusive',
      status: 'placed',
      accountId: acc,
      customerName: 'Atelier Lumière SAS',
      email: 'acheteur@atelier-lumiere.test',
      billingAddress: address,
      deliveryAddress: address,
      shippingMethod: 'standard',
      paymentMethod: 'on_account',
      totalNetCents: 10_000,
      totalVatCents: 2_000,
      totalGrossCents: 12_000,
      vatBreakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: 10_000, vatCents: 2_000 }],
      placedAt: new Date(),
    });
    const withOrder = { number };
    const { positionId } = await addPerson(acc);
    session.actor = sales;
    await peopleActions.changeJobAction(null, form({ positionId, endedOn: isoDaysAgo(3), title: 'Directrice des achats' }));
    const timeline = await getAccountTimeline(db(), sales, acc, 1000);
    if (!timeline.ok) throw new Error(timeline.error);
    const entries = timeline.value;
    expect(entries.some((e) => e.kind === 'order' && e.number === withOrder!.number)).toBe(true);
    expect(entries.some((e) => e.kind === 'job' && e.event === 'ended' && e.title === 'Acheteuse')).toBe(true);
    expect(entries.some((e) => e.kind === 'job' && e.event === 'started' && e.title === 'Directrice des achats')).toBe(true);
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(entries[i]!.at.getTime());
    const limited = await getAccountTimeline(db(), sales, acc);
    expect(limited.ok && limited.value.length).toBeLessThanOrEqual(50);
    expect(await getAccountTimeline(db(), null, acc)).toMatchObject({ ok: false });
  });

  it('sets a parent account and refuses a cycle or itself', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const [a] = await db().insert(accounts).values({ legalName: unique('Groupe '), ownerUserId: sales.userId }).returning({ id: accounts.id });
    const [b] = await db().insert(accounts).values({ legalName: unique('Filiale '), ownerUserId: sales.userId }).returning({ id: accounts.id });
    const [c] = await db().insert(accounts).values({ legalName: unique('Sous-filiale '), ownerUserId: sales.userId }).returning({ id: accounts.id });
    expect(await setParentAccount(db(), sales, { accountId: b!.id, parentAccountId: a!.id })).toMatchObject({ ok: true });
    expect(await setParentAccount(db(), sales, { accountId: c!.id, parentAccountId: b!.id })).toMatchObject({ ok: true });
    expect(await setParentAccount(db(), sales, { accountId: a!.id, parentAccountId: c!.id })).toMatchObject({ ok: false, fieldErrors: { parentAccountId: [expect.stringContaining('boucle')] } });
    expect(await setParentAccount(db(), sales, { accountId: a!.id, parentAccountId: a!.id })).toMatchObject({ ok: false });
    const [row] = await db().select({ parent: accounts.parentAccountId }).from(accounts).where(eq(accounts.id, a!.id));
    expect(row?.parent).toBeNull();
    session.actor = sales;
    expect(await accountActions.setParentAction(null, form({ accountId: c!.id, parentAccountId: '' }))).toMatchObject({ ok: true });
  });

  it('saves a forecast and a project, records an activity and completes a task', async () => {
    const acc = await accountId('Atelier Lumière SAS');
    session.actor = await actorOf('commercial@comptoir.test');
    const label = unique('Budget ');
    expect(
      await accountActions.saveForecastAction(null, form({ accountId: acc, label, estimatedAmountHt: '12 500,00', fiscalYear: '2027', releaseDate: '2026-09-01', expiresOn: '2027-12-31', status: 'expected' })),
    ).toMatchObject({ ok: true });
    const [f] = await db().select().from(budgetForecasts).where(eq(budgetForecasts.label, label));
    expect(f).toMatchObject({ estimatedAmountHtCents: 1_250_000, fiscalYear: 2027, releaseDate: '2026-09-01' });
    expect(await accountActions.saveForecastAction(null, form({ accountId: acc, forecastId: f!.id, label, fiscalYear: '2027', status: 'released' }))).toMatchObject({ ok: true });
    const [f2] = await db().select().from(budgetForecasts).where(eq(budgetForecasts.id, f!.id));
    expect(f2?.status).toBe('released');
    expect(await accountActions.saveForecastAction(null, form({ accountId: acc, label, fiscalYear: '2027', releaseDate: '2026-09-01', expiresOn: '2026-01-01', status: 'expected' }))).toMatchObject({
      ok: false,
      fieldErrors: { expiresOn: [expect.any(String)] },
    });
    expect(await accountActions.saveProjectAction(null, form({ accountId: acc, title: unique('Projet '), status: 'planned', estimatedValueHt: '20000' }))).toMatchObject({ ok: true });
    expect(await accountActions.createActivityAction(null, form({ accountId: acc, kind: 'task', subject: 'Relancer' }))).toMatchObject({ ok: false, fieldErrors: { dueOn: [expect.any(String)] } });
    expect(await accountActions.createActivityAction(null, form({ accountId: acc, kind: 'task', subject: unique('Relancer '), dueOn: '2026-06-01' }))).toMatchObject({ ok: true });
    const { activities } = await import('@/db/schema');
    const [task] = await db().select({ id: activities.id }).from(activities).where(and(eq(activities.accountId, acc), eq(activities.dueOn, '2026-06-01'))).limit(1);
    expect(await accountActions.completeTaskAction(null, form({ activityId: task!.id }))).toMatchObject({ ok: true });
    const [done] = await db().select({ done: activities.done }).from(activities).where(eq(activities.id, task!.id));
    expect(done?.done).toBe(true);
  });
});
