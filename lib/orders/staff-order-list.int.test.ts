import { count, eq, inArray, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { orderListPositionOf, type OrderListPosition } from './order-list-position';
import type { OrderStatus } from './rules';
import { ADMIN_ORDERS_COUNT_CAP, ADMIN_ORDERS_PAGE_SIZE, listOrdersForStaff, type StaffOrderFilters, type StaffOrderListPage } from './staff-order-list';

const ADDRESS = { name: 'Test', line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };

describe.each(backends())('staff order list (keyset pagination) on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let admin: Actor;
  let customer: Actor;
  /** This file's orders, tagged in the customer name so that a search isolates them. */
  const tag = unique('ks').toLowerCase();
  type Spec = { createdAt: Date; status?: OrderStatus; channel?: 'b2c' | 'b2b' };
  let expected: { id: string; createdAt: Date; status: OrderStatus; channel: 'b2c' | 'b2b' }[] = [];

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function insertOrders(specs: Spec[], label = tag) {
    const rows = await db()
      .insert(orders)
      .values(
        specs.map((s, i) => {
          const channel = s.channel ?? 'b2c';
          return {
            number: `${label}-${String(i).padStart(4, '0')}`,
            channel,
            priceMode: channel === 'b2c' ? ('tax_inclusive' as const) : ('tax_exclusive' as const),
            status: s.status ?? 'placed',
            customerName: `Client ${label} ${i}`,
            email: `${label}-${i}@example.test`,
            billingAddress: ADDRESS,
            deliveryAddress: ADDRESS,
            shippingMethod: 'standard',
            paymentMethod: 'card' as const,
            totalNetCents: 1000,
            totalVatCents: 200,
            totalGrossCents: 1200,
            vatBreakdown: [],
            createdAt: s.createdAt,
          };
        }),
      )
      .returning({ id: orders.id, createdAt: orders.createdAt, status: orders.status, channel: orders.channel });
    return rows;
  }

  /** Newest first, ties broken by id descending: the list's order (uuid order = hex string order). */
  const byListOrder = <T extends { id: string; createdAt: Date }>(a: T, b: T) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

  async function page(filters: StaffOrderFilters, position: OrderListPosition): Promise<StaffOrderListPage> {
    const r = await listOrdersForStaff(db(), admin, { ...filters, position });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }

  /** Follows `next` cursors from the first page to the end; returns the pages. */
  async function walkForward(filters: StaffOrderFilters): Promise<StaffOrderListPage[]> {
    const pages = [await page(filters, { at: 'first' })];
    while (pages.at(-1)!.next) {
      pages.push(await page(filters, { at: 'after', id: pages.at(-1)!.next! }));
      if (pages.length > 50) throw new Error('runaway pagination');
    }
    return pages;
  }

  /** Follows `previous` cursors from the last page to the start; returns the pages, last first. */
  async function walkBackward(filters: StaffOrderFilters): Promise<StaffOrderListPage[]> {
    const pages = [await page(filters, { at: 'last' })];
    while (pages.at(-1)!.previous) {
      pages.push(await page(filters, { at: 'before', id: pages.at(-1)!.previous! }));
      if (pages.length > 50) throw new Error('runaway pagination');
    }
    return pages;
  }

  beforeAll(async () => {
    admin = await actorOf('admin@comptoir.test');
    customer = await actorOf('client@particulier.test');
    // 61 orders an hour apart, in a shuffled insertion order, and 12 of them sharing one timestamp
    // (the microseconds matter: a cursor rounded to milliseconds would skip or repeat some).
    const base = Date.UTC(2020, 0, 1);
    const tie = new Date(base + 30 * 3_600_000);
    const specs: Spec[] = [];
    for (let i = 0; i < 61; i++) {
      specs.push({
        createdAt: i >= 20 && i < 32 ? tie : new Date(base + i * 3_600_000),
        status: (['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const)[i % 5],
        channel: i % 3 === 0 ? 'b2b' : 'b2c',
      });
    }
    // Inserted out of order (a permutation of 0..60), so that neither id nor insertion order helps.
    expected = (await insertOrders(specs.map((_, i) => specs[(i * 7) % 61]!))).sort(byListOrder);
    // Microsecond timestamps inside the tie group: same millisecond, different microseconds.
    const micro = expected.filter((o) => o.createdAt.getTime() === tie.getTime()).slice(0, 4);
    for (const [i, o] of micro.entries()) {
      await db().execute(sql`update orders set created_at = created_at + ${`${(i + 1) * 100} microseconds`}::interval where id = ${o.id}`);
    }
    const micros = await db()
      .select({ id: orders.id, us: sql<string>`(extract(epoch from ${orders.createdAt}) * 1000000)::bigint::text` })
      .from(orders)
      .where(like(orders.number, `${tag}-%`));
    const us = new Map(micros.map((m) => [m.id, BigInt(m.us)]));
    expected.sort((a, b) => {
      const d = us.get(b.id)! - us.get(a.id)!;
      return d > 0n ? 1 : d < 0n ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
    });
  });

  it('refuses anyone but staff', async () => {
    expect((await listOrdersForStaff(db(), null, { position: { at: 'first' } })).ok).toBe(false);
    expect((await listOrdersForStaff(db(), customer, { position: { at: 'first' } })).ok).toBe(false);
  });

  it('walks forward page by page without overlap or gap, ties and microseconds included', async () => {
    const pages = await walkForward({ q: tag });
    expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 11]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected.map((o) => o.id));
    expect(pages[0]!.previous).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages.slice(1).every((p) => p.previous === p.rows[0]!.id)).toBe(true);
    expect(pages[0]!.count).toEqual({ kind: 'exact', value: 61 });
  });

  it('reads the last page by reversing the order, and walks back from it to the first', async () => {
    const last = await page({ q: tag }, { at: 'last' });
    expect(last.rows.map((r) => r.id)).toEqual(expected.slice(-ADMIN_ORDERS_PAGE_SIZE).map((o) => o.id));
    expect(last.next).toBeNull();
    expect(last.previous).toBe(last.rows[0]!.id);
    const pages = await walkBackward({ q: tag });
    expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 11]);
    expect(pages.reverse().flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected.map((o) => o.id));
    // The start reached backwards is a first page: nothing before it, a way forward.
    expect(pages[0]!.previous).toBeNull();
    expect(pages[0]!.next).toBe(pages[0]!.rows.at(-1)!.id);
  });

  it('goes back and forth from any page to the same neighbours', async () => {
    const [first, second, third] = await walkForward({ q: tag });
    const back = await page({ q: tag }, { at: 'before', id: third!.previous! });
    expect(back.rows.map((r) => r.id)).toEqual(second!.rows.map((r) => r.id));
    expect(back.next).toBe(second!.next);
    const backAgain = await page({ q: tag }, { at: 'before', id: back.previous! });
    expect(backAgain.rows.map((r) => r.id)).toEqual(first!.rows.map((r) => r.id));
    expect(backAgain.previous).toBeNull();
  });

  it.each([
    ['a status', { status: 'delivered' as const }],
    ['a channel (one page)', { channel: 'b2b' as const }],
    ['a channel (two pages)', { channel: 'b2c' as const }],
    ['a status and a channel', { status: 'placed' as const, channel: 'b2c' as const }],
  ])('keeps %s filter across pages, both ways', async (_label, filter: Omit<StaffOrderFilters, 'q'>) => {
    const filters = { q: tag, ...filter };
    const want = expected.filter((o) => (!filter.status || o.status === filter.status) && (!filter.channel || o.channel === filter.channel)).map((o) => o.id);
    expect(want.length).toBeGreaterThan(0);
    const pages = await walkForward(filters);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(want);
    expect(pages[0]!.count).toEqual({ kind: 'exact', value: want.length });
    const backward = await walkBackward(filters);
    expect(pages).toHaveLength(Math.ceil(want.length / ADMIN_ORDERS_PAGE_SIZE));
    expect(backward.reverse().flatMap((p) => p.rows.map((r) => r.id))).toEqual(want);
  });

  it('positions a cursor by its order even when that order does not match the filter', async () => {
    // The 10th order overall is the cursor; the b2b list continues with b2b orders older than it.
    const cursor = expected[9]!;
    const p = await page({ q: tag, channel: 'b2b' }, { at: 'after', id: cursor.id });
    const want = expected.slice(10).filter((o) => o.channel === 'b2b').map((o) => o.id);
    expect(p.rows.map((r) => r.id)).toEqual(want.slice(0, ADMIN_ORDERS_PAGE_SIZE));
  });

  it('gives the first page for an unknown or tampered cursor, and an empty state for no match', async () => {
    const firstIds = (await page({ q: tag }, { at: 'first' })).rows.map((r) => r.id);
    for (const position of [
      { at: 'after', id: '00000000-0000-4000-8000-000000000000' },
      { at: 'before', id: '00000000-0000-4000-8000-000000000000' },
      orderListPositionOf({ after: "1' or '1'='1" }),
      orderListPositionOf({ before: 'not-a-cursor', page: '12' }),
    ] as OrderListPosition[]) {
      const p = await page({ q: tag }, position);
      expect(p.rows.map((r) => r.id)).toEqual(firstIds);
      expect(p.previous).toBeNull();
    }
    const none = await page({ q: `${tag}-aucune` }, { at: 'last' });
    expect(none).toEqual({ rows: [], count: { kind: 'exact', value: 0 }, previous: null, next: null });
  });

  it('searches number, name and e-mail literally (wildcards escaped)', async () => {
    const one = expected[5]!;
    const [o] = await db().select({ number: orders.number, email: orders.email }).from(orders).where(eq(orders.id, one.id));
    expect((await page({ q: o!.number }, { at: 'first' })).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await page({ q: o!.email.toUpperCase() }, { at: 'first' })).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await page({ q: `${tag}%` }, { at: 'first' })).rows).toEqual([]);
  });

  it('counts exactly up to the cap, then says "more than" (filtered) or estimates (unfiltered)', async () => {
    const [all] = await db().select({ n: count() }).from(orders);
    const unfiltered = await page({}, { at: 'first' });
    if (all!.n <= ADMIN_ORDERS_COUNT_CAP) expect(unfiltered.count).toEqual({ kind: 'exact', value: all!.n });

    const big = unique('kb').toLowerCase();
    await db().execute(sql`
      insert into orders (number, channel, price_mode, status, customer_name, email, billing_address, delivery_address,
                          shipping_method, payment_method, total_net_cents, total_vat_cents, total_gross_cents, vat_breakdown, created_at)
      select ${big} || '-' || g, 'b2c', 'tax_inclusive', 'placed', 'Client ' || ${big}, ${big} || g || '@example.test',
             '{}'::jsonb, '{}'::jsonb, 'standard', 'card', 100, 20, 120, '[]'::jsonb, timestamptz '2019-06-01' + g * interval '1 minute'
      from generate_series(1, ${ADMIN_ORDERS_COUNT_CAP + 1}) g`);
    try {
      const filtered = await page({ q: big }, { at: 'first' });
      expect(filtered.count).toEqual({ kind: 'atLeast', value: ADMIN_ORDERS_COUNT_CAP });
      expect(filtered.rows).toHaveLength(ADMIN_ORDERS_PAGE_SIZE);
      // The last page of everything is the oldest orders: these, from 2019.
      const last = await page({}, { at: 'last' });
      expect(last.rows.every((r) => r.number.startsWith(`${big}-`))).toBe(true);
      expect(last.rows.at(-1)!.number).toBe(`${big}-1`);
      await db().execute(sql`analyze orders`);
      const estimated = await page({}, { at: 'first' });
      expect(estimated.count.kind).toBe('estimate');
      expect(estimated.count.value).toBeGreaterThan(ADMIN_ORDERS_COUNT_CAP);
    } finally {
      await db().delete(orders).where(like(orders.number, `${big}-%`));
    }
  });

  it('lists nothing of the tag after its orders are gone', async () => {
    await db().delete(orders).where(inArray(orders.id, expected.map((o) => o.id)));
    expect((await page({ q: tag }, { at: 'first' })).rows).toEqual([]);
  });
});
