import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, orders, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { getMonthlyRevenue, getTopAccounts } from './dashboard-service';
import { getAccountValue, listAccountValues } from './value-service';

type Status = (typeof orders.$inferInsert)['status'];
const address = { name: 'Test', line1: '1 rue du Test', postalCode: '75001', city: 'Paris', country: 'FR' };

describe.each(backends())('customer value on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function newAccount(kind: 'company' | 'individual' = 'company'): Promise<string> {
    const [a] = await db().insert(accounts).values({ kind, status: 'active', legalName: `Valeur ${unique()}` }).returning({ id: accounts.id });
    return a!.id;
  }

  async function order(accountId: string | null, createdAt: string, net: number, status: Status, channel: 'b2b' | 'b2c' = 'b2b') {
    await db()
      .insert(orders)
      .values({
        number: `V-${unique()}`,
        channel,
        priceMode: channel === 'b2b' ? 'tax_exclusive' : 'tax_inclusive',
        status,
        accountId,
        customerName: 'Client test',
        email: 'client@valeur.test',
        billingAddress: address,
        deliveryAddress: address,
        shippingMethod: 'standard',
        paymentMethod: 'on_account',
        totalNetCents: net,
        totalVatCents: 0,
        totalGrossCents: net,
        vatBreakdown: [],
        createdAt: new Date(createdAt),
      });
  }

  /**
   * The fixed history (Paris dates):
   *   A 2025-01-10  100,00 € delivered
   *   F 2025-03-15   70,00 € credit_hold (counts; on the 12-month boundary for today 2026-03-15 → out)
   *   B 2025-03-16  200,00 € shipped  (created 2025-03-15 23:30 UTC = 00:30 in Paris the 16th → in)
   *   C 2025-06-20  300,01 € placed
   *   cancelled 999,99 € and pending_approval 50,00 € are ignored; a guest order has no account.
   */
  async function history(): Promise<string> {
    const id = await newAccount();
    await order(id, '2025-01-10T10:00:00Z', 10000, 'delivered');
    await order(id, '2025-03-15T10:00:00Z', 7000, 'credit_hold');
    await order(id, '2025-03-15T23:30:00Z', 20000, 'shipped');
    await order(id, '2025-06-20T08:00:00Z', 30001, 'placed');
    await order(id, '2025-09-01T08:00:00Z', 99999, 'cancelled');
    await order(id, '2025-10-01T08:00:00Z', 5000, 'pending_approval');
    await order(null, '2025-06-21T08:00:00Z', 12345, 'delivered', 'b2c');
    return id;
  }

  it('computes the value of a fixed history by hand (today 2026-03-15)', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const id = await history();
    const r = await getAccountValue(db(), sales, id, '2026-03-15');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      accountId: id,
      firstOrderOn: '2025-01-10',
      lastOrderOn: '2025-06-20',
      orderCount: 4,
      lifetimeRevenueHtCents: 67001, // 10000 + 7000 + 20000 + 30001
      orders12m: 2, // B and C: Paris date > 2025-03-15
      revenue12mHtCents: 50001,
      averageBasketHtCents: 25001, // 25000.5 → half away from zero
      expectedNextOrderOn: '2025-08-13', // 2025-06-20 + round(161 / 3 = 53.67) = 54 days
      overdue: true, // 268 days since the last order > 1.5 × 53.67
    });
    expect(r.value.averageDaysBetweenOrders).toBeCloseTo(161 / 3, 10);
  });

  it('is overdue only past the expected date by more than half the mean gap', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const id = await history();
    // 2025-09-08 is 80 days after the last order: 80 ≤ 80.5 → not overdue; the next day 81 > 80.5.
    const before = await getAccountValue(db(), sales, id, '2025-09-08');
    expect(before.ok && before.value).toMatchObject({ overdue: false, orders12m: 4, revenue12mHtCents: 67001, averageBasketHtCents: 16750 });
    const after = await getAccountValue(db(), sales, id, '2025-09-09');
    expect(after.ok && after.value.overdue).toBe(true);
  });

  it('gives nulls for one order and for none, and refuses non-staff', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const single = await newAccount('individual');
    await order(single, '2025-12-01T12:00:00Z', 4999, 'delivered', 'b2c');
    const one = await getAccountValue(db(), sales, single, '2026-03-15');
    expect(one.ok && one.value).toMatchObject({
      orderCount: 1,
      firstOrderOn: '2025-12-01',
      lastOrderOn: '2025-12-01',
      averageBasketHtCents: 4999,
      averageDaysBetweenOrders: null,
      expectedNextOrderOn: null,
      overdue: false,
    });
    const empty = await getAccountValue(db(), sales, await newAccount(), '2026-03-15');
    expect(empty.ok && empty.value).toMatchObject({ orderCount: 0, lifetimeRevenueHtCents: 0, averageBasketHtCents: null, firstOrderOn: null, overdue: false });
    expect((await getAccountValue(db(), sales, '00000000-0000-0000-0000-000000000000', '2026-03-15')).ok).toBe(false);
    expect(await getAccountValue(db(), null, single)).toMatchObject({ ok: false });
    const customer = await actorOf('client@particulier.test');
    expect(await getAccountValue(db(), customer, single)).toMatchObject({ ok: false, error: 'Vous n’avez pas le droit de faire cette action.' });
  });

  it('ranks accounts by 12-month revenue and draws both channels per month', async () => {
    const admin = await actorOf('admin@comptoir.test');
    const big = await history();
    const small = await newAccount('individual');
    await order(small, '2025-05-02T12:00:00Z', 1000, 'delivered', 'b2c');
    const list = await listAccountValues(db(), admin, { today: '2025-09-08', limit: 1000 });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const ids = list.value.map((v) => v.accountId);
    expect(ids).toContain(small);
    expect(ids.indexOf(big)).toBeLessThan(ids.indexOf(small));
    const top = await getTopAccounts(db(), admin, { today: '2025-09-08' });
    expect(top.ok && top.value.length).toBeLessThanOrEqual(10);

    const months = await getMonthlyRevenue(db(), admin, '2025-07-15');
    expect(months.ok).toBe(true);
    if (!months.ok) return;
    expect(months.value.map((mo) => mo.month)).toEqual([
      '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07',
    ]);
    // Every history() call above adds the same orders; revenue is per counted order of either channel.
    const march = months.value.find((mo) => mo.month === '2025-03')!;
    const runs = march.b2bHtCents / 27000;
    expect(Number.isInteger(runs) && runs >= 2).toBe(true);
    expect(months.value.find((mo) => mo.month === '2025-05')!.b2cHtCents).toBeGreaterThanOrEqual(1000);
    expect(months.value.find((mo) => mo.month === '2025-02')).toMatchObject({ b2bHtCents: 0, b2cHtCents: 0 });
  });
});
