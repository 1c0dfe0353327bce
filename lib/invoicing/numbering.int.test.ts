import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { invoices, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { rowsOf } from '@/lib/sql-helpers';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { issueInvoiceInTx } from './issue';
import { formatDocumentNumber, takeDocumentNumber } from './numbering';
import { issueInvoice } from './staff-service';

/** Thrown on purpose after a number was taken, so the transaction rolls back. */
class ForcedFailure extends Error {}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

/** The last number given in a series and year (0 before the first). */
async function lastNumber(db: Database, series: 'F' | 'AV', year: number): Promise<number> {
  const [row] = await db.execute(sql`select last_number from document_counters where series = ${series} and year = ${year}`).then(rowsOf<{ last_number: number }>);
  return Number(row?.last_number ?? 0);
}

/** `n` placed portal orders of one unit each (300 € HT), ready to invoice. */
async function placedOrders(db: Database, co: CompanyFixture, n: number): Promise<string[]> {
  const purchaser = await co.person('purchaser');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const added = await addToB2bCart(db, purchaser, { productId: co.product.id, quantity: 1 });
    if (!added.ok) throw new Error(added.error);
    const placed = await placeB2bOrder(db, purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    if (!placed.ok || placed.value.status !== 'placed') throw new Error(placed.ok ? placed.value.status : placed.error);
    ids.push(placed.value.orderId);
  }
  return ids;
}

describe.each(backends())('invoice numbering on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  const year = Number(parisDate().slice(0, 4));
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  it('50 issues, 1 in 5 failing after taking its number, leave exactly last+1..last+M, no duplicate, in issue order', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, stock: 100 });
    const orderIds = await placedOrders(db(), co, 50);
    const failing = new Set(orderIds.filter((_, i) => i % 5 === 0));
    // Half of the others are invoiced by shipping them (confirmed first), half by staff ahead of shipping.
    const byShipping = new Set(orderIds.filter((id, i) => !failing.has(id) && i % 2 === 0));
    for (const id of byShipping) expect(await changeOrderStatus(db(), sales, { orderId: id, to: 'confirmed' }, testPaymentProvider)).toEqual({ ok: true, value: null });

    const before = await lastNumber(db(), 'F', year);
    const issueOne = async (orderId: string): Promise<'failed' | 'issued'> => {
      if (failing.has(orderId)) {
        await db().transaction(async (tx) => {
          const r = await issueInvoiceInTx(tx, orderId, sales.userId);
          expect(r.created).toBe(true);
          throw new ForcedFailure(`after taking ${r.number}`);
        });
        return 'issued';
      }
      const r = byShipping.has(orderId)
        ? await changeOrderStatus(db(), sales, { orderId, to: 'shipped' }, testPaymentProvider)
        : await issueInvoice(db(), sales, { orderId });
      if (!r.ok) throw new Error(r.error);
      return 'issued';
    };
    // PostgreSQL: all at once. PGlite runs one transaction at a time: the same, one after the other.
    const outcomes =
      backend === 'postgres'
        ? await Promise.allSettled(orderIds.map(issueOne))
        : await orderIds.reduce<Promise<PromiseSettledResult<'failed' | 'issued'>[]>>(
            async (acc, id) => [...(await acc), ...(await Promise.allSettled([issueOne(id)]))],
            Promise.resolve([]),
          );
    orderIds.forEach((id, i) => {
      const o = outcomes[i]!;
      if (failing.has(id)) expect(o.status === 'rejected' && o.reason instanceof ForcedFailure).toBe(true);
      else expect(o).toEqual({ status: 'fulfilled', value: 'issued' });
    });

    const M = orderIds.length - failing.size;
    expect(M).toBe(40);
    const issued = await db().select().from(invoices).where(inArray(invoices.orderId, orderIds));
    expect(issued).toHaveLength(M);
    expect(issued.filter((i) => failing.has(i.orderId))).toEqual([]);
    const sequences = issued.map((i) => i.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: M }, (_, k) => before + 1 + k));
    expect(new Set(issued.map((i) => i.number)).size).toBe(M);
    for (const i of issued) expect(i).toMatchObject({ series: 'F', year, number: formatDocumentNumber('F', year, i.sequence) });
    expect(await lastNumber(db(), 'F', year)).toBe(before + M);

    // In issue order: by sequence, the issue instants never go back.
    const backwards = await db()
      .execute(
        sql`select count(*)::int as n from (
              select issued_at, lag(issued_at) over (order by sequence) as prev, issue_date, lag(issue_date) over (order by sequence) as prev_date
              from invoices where order_id in (${sql.join(orderIds.map((id) => sql`${id}::uuid`), sql`, `)})) t
            where issued_at < prev or issue_date < prev_date`,
      )
      .then(rowsOf<{ n: number }>);
    expect(backwards[0]!.n).toBe(0);

    // And over the whole series of the year (every test's invoices): 1..N, nothing else.
    const [whole] = await db()
      .execute(sql`select count(*)::int as n, count(distinct sequence)::int as d, coalesce(min(sequence), 0)::int as lo, coalesce(max(sequence), 0)::int as hi from invoices where series = 'F' and year = ${year}`)
      .then(rowsOf<{ n: number; d: number; lo: number; hi: number }>);
    expect(whole).toEqual({ n: before + M, d: before + M, lo: 1, hi: before + M });
  });

  it('a rolled-back issue gives its number back: the next invoice takes it', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const [a, b] = await placedOrders(db(), co, 2);
    const before = await lastNumber(db(), 'F', year);
    await expect(
      db().transaction(async (tx) => {
        const r = await issueInvoiceInTx(tx, a!, sales.userId);
        expect(r.number).toBe(formatDocumentNumber('F', year, before + 1));
        throw new ForcedFailure();
      }),
    ).rejects.toBeInstanceOf(ForcedFailure);
    expect(await lastNumber(db(), 'F', year)).toBe(before);
    const second = await issueInvoice(db(), sales, { orderId: b! });
    expect(second).toEqual({ ok: true, value: { invoiceId: expect.any(String), number: formatDocumentNumber('F', year, before + 1) } });
    const first = await issueInvoice(db(), sales, { orderId: a! });
    expect(first).toMatchObject({ ok: true, value: { number: formatDocumentNumber('F', year, before + 2) } });
  });

  it('numbers look like F-2026-000123: one sequence per series and year, restarting at 1 each year', async () => {
    expect(formatDocumentNumber('F', 2026, 123)).toBe('F-2026-000123');
    expect(formatDocumentNumber('AV', 2026, 1)).toBe('AV-2026-000001');
    expect(formatDocumentNumber('F', 2026, 1_234_567)).toBe('F-2026-1234567');
    // A year nobody invoiced yet starts at 1, independently of the other series; nothing is kept on rollback.
    const farYear = 2099;
    await expect(
      db().transaction(async (tx) => {
        expect(await takeDocumentNumber(tx, 'F', farYear)).toEqual({ sequence: 1, number: 'F-2099-000001' });
        expect(await takeDocumentNumber(tx, 'F', farYear)).toEqual({ sequence: 2, number: 'F-2099-000002' });
        expect(await takeDocumentNumber(tx, 'AV', farYear)).toEqual({ sequence: 1, number: 'AV-2099-000001' });
        throw new ForcedFailure();
      }),
    ).rejects.toBeInstanceOf(ForcedFailure);
    expect(await lastNumber(db(), 'F', farYear)).toBe(0);
    expect(await lastNumber(db(), 'AV', farYear)).toBe(0);
  });

  it('refused issues consume no number: not invoiceable, already invoiced, not staff, unknown order', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const [placed, toCancel] = await placedOrders(db(), co, 2);
    const requester = await co.person('requester', { order: 1 });
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 1 });
    const pending = await placeB2bOrder(db(), requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    expect(pending).toMatchObject({ ok: true, value: { status: 'pending_approval' } });
    expect(await changeOrderStatus(db(), sales, { orderId: toCancel!, to: 'cancelled' }, testPaymentProvider)).toMatchObject({ ok: true });
    const issued = await issueInvoice(db(), sales, { orderId: placed! });
    if (!issued.ok) throw new Error(issued.error);

    const before = await lastNumber(db(), 'F', year);
    const purchaser = await co.person('purchaser');
    const refusals = [
      await issueInvoice(db(), sales, { orderId: pending.ok ? pending.value.orderId : '' }),
      await issueInvoice(db(), sales, { orderId: toCancel! }),
      await issueInvoice(db(), sales, { orderId: placed! }),
      await issueInvoice(db(), purchaser, { orderId: placed! }),
      await issueInvoice(db(), null, { orderId: placed! }),
      await issueInvoice(db(), sales, { orderId: randomUUID() }),
      await issueInvoice(db(), sales, { orderId: 'not-a-uuid' }),
    ];
    for (const r of refusals) expect(r.ok).toBe(false);
    expect(refusals[2]).toEqual({ ok: false, error: `Cette commande est déjà facturée (${issued.value.number}).` });
    expect(await lastNumber(db(), 'F', year)).toBe(before);
    expect(await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, placed!))).toHaveLength(1);
  });

  it('one invoice per order: shipping an order staff invoiced early keeps that invoice and takes no number', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const [orderId] = await placedOrders(db(), co, 1);
    const early = await issueInvoice(db(), sales, { orderId: orderId! });
    if (!early.ok) throw new Error(early.error);
    const before = await lastNumber(db(), 'F', year);
    for (const to of ['confirmed', 'shipped', 'delivered'] as const) {
      expect(await changeOrderStatus(db(), sales, { orderId: orderId!, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
    }
    const all = await db().select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.orderId, orderId!));
    expect(all).toEqual([{ id: early.value.invoiceId, number: early.value.number }]);
    expect(await lastNumber(db(), 'F', year)).toBe(before);
  });

  it('a double click: 6 simultaneous issues of one order give one invoice and one number', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const [orderId] = await placedOrders(db(), co, 1);
    const before = await lastNumber(db(), 'F', year);
    const results = await Promise.all(Array.from({ length: 6 }, () => issueInvoice(db(), sales, { orderId: orderId! })));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: expect.stringContaining('déjà facturée') });
    expect(await lastNumber(db(), 'F', year)).toBe(before + 1);
    expect(await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, orderId!))).toHaveLength(1);
  });
});
