import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, activities, budgetForecasts, frameworkAgreements, opportunities, orderLines, orders, quotes, quoteVersions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { getTodoView, markActivityDone } from './todo-service';

const TODAY = '2030-03-10';

describe.each(backends())('to-do view on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let admin: Actor;
  let otherRep: string;
  let acc: string;
  let overdueAcc: string;
  let regularAcc: string;
  let notMine: string;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  async function account(name: string, owner: string, fiscalYearEndMonth = 12) {
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `${name} ${unique()}`, ownerUserId: owner, fiscalYearEndMonth }).returning({ id: accounts.id });
    return a!.id;
  }
  const address = { name: 'X', line1: '1 rue X', postalCode: '75001', city: 'Paris', country: 'FR' };
  async function order(accountId: string, day: string, status: typeof orders.$inferInsert.status = 'delivered', net = 10_000, agreementId?: string) {
    const [o] = await db()
      .insert(orders)
      .values({
        number: `T-${unique()}`,
        channel: 'b2b',
        priceMode: 'tax_exclusive',
        status,
        accountId,
        customerName: 'X',
        email: 'x@example.test',
        billingAddress: address,
        deliveryAddress: address,
        shippingMethod: 'standard',
        paymentMethod: 'on_account',
        totalNetCents: net,
        totalVatCents: net / 5,
        totalGrossCents: net + net / 5,
        vatBreakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: net, vatCents: net / 5 }],
        placedAt: new Date(`${day}T10:00:00+01:00`),
      })
      .returning({ id: orders.id });
    if (agreementId) {
      await db().insert(orderLines).values({
        orderId: o!.id,
        position: 1,
        sku: 'X',
        description: 'Ligne',
        quantity: 1,
        unitPriceCents: net,
        vatRateBp: 2000,
        vatCategory: 'S',
        priceSource: 'agreement',
        agreementId,
        lineTotalCents: net,
        netCents: net,
      });
    }
  }

  /** A quote with its sent versions (HT totals in order; the last one is the latest sent). */
  async function quote(accountId: string, title: string, validUntil: string, status: typeof quotes.$inferInsert.status, nets: number[]) {
    const [q] = await db()
      .insert(quotes)
      .values({ number: unique('DEV-'), accountId, title, status, latestSentVersion: nets.length, validUntil })
      .returning({ id: quotes.id });
    await db()
      .insert(quoteVersions)
      .values(nets.map((net, i) => ({ quoteId: q!.id, version: i + 1, validUntil, totalNetCents: net, totalVatCents: net / 5, totalGrossCents: net + net / 5, sentAt: new Date('2030-03-01T10:00:00Z') })));
    return q!.id;
  }

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
    admin = await actorOf('admin@comptoir.test');
    otherRep = admin.userId;
    acc = await account('Todo', sales.userId, 4); // fiscal year ends 2030-04-30: 51 days after TODAY
    notMine = await account('Pas à moi', otherRep);
    await db().insert(budgetForecasts).values([
      { accountId: acc, label: 'Budget à 20 jours', fiscalYear: 2030, releaseDate: '2030-03-30', estimatedAmountHtCents: 500_000 },
      { accountId: acc, label: 'Budget à 40 jours', fiscalYear: 2030, releaseDate: '2030-04-19' },
      { accountId: notMine, label: 'Budget d’un autre', fiscalYear: 2030, releaseDate: '2030-03-20' },
    ]);
    await db().insert(activities).values([
      { accountId: acc, kind: 'task', subject: 'Tâche en retard', dueOn: '2030-03-01', ownerUserId: sales.userId },
      { accountId: acc, kind: 'task', subject: 'Tâche dans 7 jours', dueOn: '2030-03-17', ownerUserId: sales.userId },
      { accountId: acc, kind: 'task', subject: 'Tâche dans 8 jours', dueOn: '2030-03-18', ownerUserId: sales.userId },
      { accountId: acc, kind: 'task', subject: 'Tâche faite', dueOn: '2030-03-05', done: true, ownerUserId: sales.userId },
    ]);
    await db().insert(opportunities).values([
      { accountId: acc, title: 'Sans prochaine étape', stage: 'proposal' },
      { accountId: acc, title: 'Avec prochaine étape', stage: 'proposal', nextStep: 'Relancer' },
      { accountId: acc, title: 'Perdue sans étape', stage: 'lost', closeReason: 'x' },
    ]);
    const [near, ending, calm] = await db()
      .insert(frameworkAgreements)
      .values([
        { accountId: acc, reference: unique('AC80'), title: 'Consommé à 80 %', status: 'active', startsOn: '2029-01-01', endsOn: '2031-12-31', ceilingHtCents: 100_000 },
        { accountId: acc, reference: unique('AC50'), title: 'Finit dans 50 jours', status: 'active', startsOn: '2029-01-01', endsOn: '2030-04-29', ceilingHtCents: 1_000_000 },
        { accountId: acc, reference: unique('ACOK'), title: 'Tranquille', status: 'active', startsOn: '2029-01-01', endsOn: '2031-12-31', ceilingHtCents: 100_000 },
      ])
      .returning({ id: frameworkAgreements.id });
    await order(acc, '2029-06-01', 'delivered', 80_000, near!.id);
    await order(acc, '2029-06-02', 'cancelled', 50_000, calm!.id);
    await order(acc, '2029-06-03', 'delivered', 79_000, calm!.id);
    void ending;
    await quote(acc, 'Expire ce soir', TODAY, 'sent', [100_000]);
    await quote(acc, 'Expire dans 7 jours', '2030-03-17', 'sent', [50_000, 42_000]);
    await quote(acc, 'Expire dans 8 jours', '2030-03-18', 'sent', [10_000]);
    await quote(acc, 'Expiré hier, pas encore marqué', '2030-03-09', 'sent', [10_000]);
    await quote(acc, 'Déjà accepté', '2030-03-12', 'accepted', [10_000]);
    await quote(acc, 'Modifications demandées', '2030-03-12', 'changes_requested', [10_000]);
    await quote(notMine, 'Devis d’un autre', '2030-03-12', 'sent', [10_000]);
    // Every 30 days, last on 2030-01-01: expected 2030-01-31, overdue after 2030-02-15.
    overdueAcc = await account('En retard', sales.userId);
    for (const d of ['2029-10-03', '2029-11-02', '2029-12-02', '2030-01-01']) await order(overdueAcc, d);
    await order(overdueAcc, '2030-03-01', 'cancelled'); // does not count
    // Every 30 days, last on 2030-03-01: expected 2030-03-31, fine.
    regularAcc = await account('Régulier', sales.userId);
    for (const d of ['2029-12-31', '2030-01-30', '2030-03-01']) await order(regularAcc, d);
  });

  it('refuses anyone but staff', async () => {
    expect((await getTodoView(db(), null, TODAY)).ok).toBe(false);
    expect((await getTodoView(db(), await actorOf('client@particulier.test'), TODAY)).ok).toBe(false);
    expect((await getTodoView(db(), await actorOf('demandeur@atelier-lumiere.test'), TODAY)).ok).toBe(false);
  });

  it('lists what is due for the rep, on their accounts only', async () => {
    const r = await getTodoView(db(), sales, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    const mine = (x: { accountId: string }) => x.accountId === acc;
    expect(v.activities.filter(mine).map((a) => [a.subject, a.overdue])).toEqual([
      ['Tâche en retard', true],
      ['Tâche dans 7 jours', false],
    ]);
    expect(v.withoutNextStep.filter(mine).map((o) => o.title)).toEqual(['Sans prochaine étape']);
    expect(v.expiringQuotes.filter(mine).map((q) => [q.title, q.version, q.totalNetCents, q.validUntil, q.daysLeft])).toEqual([
      ['Expire ce soir', 1, 100_000, TODAY, 0],
      ['Expire dans 7 jours', 2, 42_000, '2030-03-17', 7],
    ]);
    expect(v.expiringQuotes.some((q) => q.accountId === notMine)).toBe(false);
    expect(v.budgetReleases.filter(mine).map((b) => b.label)).toEqual(['Budget à 20 jours']);
    expect(v.budgetReleases.some((b) => b.accountId === notMine)).toBe(false);
    expect(v.fiscalYearEnds.filter(mine)).toEqual([{ accountId: acc, accountName: expect.any(String), fiscalYearEnd: '2030-04-30', daysLeft: 51, unspentCents: 500_000 }]);
    expect(v.agreements.filter(mine).map((a) => [a.title, a.endingSoon, a.nearCeiling])).toEqual([
      ['Finit dans 50 jours', true, false],
      ['Consommé à 80 %', false, true],
    ]);
    const reorder = v.reorders.filter((x) => x.accountId === overdueAcc || x.accountId === regularAcc);
    expect(reorder).toEqual([{ accountId: overdueAcc, accountName: expect.any(String), orderCount: 4, lastOrderOn: '2030-01-01', meanGapDays: 30, expectedOn: '2030-01-31' }]);
    // The same account is not overdue on the day the threshold is reached (2030-02-15).
    const edge = await getTodoView(db(), sales, '2030-02-15');
    expect(edge.ok && edge.value.reorders.some((x) => x.accountId === overdueAcc)).toBe(false);
    // The admin sees every account.
    const all = await getTodoView(db(), admin, TODAY);
    expect(all.ok && all.value.budgetReleases.some((b) => b.accountId === notMine)).toBe(true);
    expect(all.ok && all.value.expiringQuotes.filter((q) => q.accountId === notMine).map((q) => [q.title, q.daysLeft])).toEqual([['Devis d’un autre', 2]]);
  });

  it('marks an activity done, only on an own account', async () => {
    const [a] = await db().insert(activities).values({ accountId: notMine, kind: 'task', subject: 'Autre', dueOn: TODAY }).returning({ id: activities.id });
    expect((await markActivityDone(db(), sales, { activityId: a!.id })).ok).toBe(false);
    expect((await markActivityDone(db(), null, { activityId: a!.id })).ok).toBe(false);
    expect((await markActivityDone(db(), admin, { activityId: a!.id })).ok).toBe(true);
    const [row] = await db().select({ done: activities.done }).from(activities).where(eq(activities.id, a!.id));
    expect(row!.done).toBe(true);
  });
});
