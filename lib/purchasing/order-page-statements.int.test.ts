import { randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '@/db/client';
import { invoices, orderAdjustments, orderLines, orders, spendingBudgets, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { getInvoice, getInvoiceOfOrder } from '@/lib/invoicing/queries';
import { loadOrder } from '@/lib/orders/queries';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import type { OrderView } from '@/lib/orders/views';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { openCountingDb } from '@/test/statements';
import { approveOrder } from './approval-service';
import { addToB2bCart } from './b2b-cart-service';
import { getCompanyOrder } from './orders-service';
import { placeB2bOrder } from './place-b2b-order';

const verb = (statement: string) => statement.trim().split(/\s+/)[0]!.toLowerCase();

async function place(db: Database, actor: Actor, co: CompanyFixture, quantity: number) {
  await addToB2bCart(db, actor, { productId: co.product.id, quantity });
  const placed = await placeB2bOrder(db, actor, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: quantity * 30_000 });
  if (!placed.ok) throw new Error(placed.error);
  return placed.value;
}

async function staff(db: Database): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
  return (await loadActor(db, u!.id))!;
}

/** Confirms and ships the order as staff, which issues its invoice; returns the invoice. */
async function ship(db: Database, orderId: string) {
  const sales = await staff(db);
  for (const to of ['confirmed', 'shipped'] as const) {
    const r = await changeOrderStatus(db, sales, { orderId, to }, testPaymentProvider);
    if (!r.ok) throw new Error(r.error);
  }
  const [inv] = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.orderId, orderId));
  return inv!;
}

/** The order as the former three statements read it: the reference for the one-statement loadOrder. */
async function loadOrderReference(db: Database, orderId: string): Promise<OrderView> {
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId));
  const lines = await db
    .select({
      position: orderLines.position,
      productId: orderLines.productId,
      sku: orderLines.sku,
      description: orderLines.description,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      discountBp: orderLines.discountBp,
      vatRateBp: orderLines.vatRateBp,
      lineTotalCents: orderLines.lineTotalCents,
      netCents: orderLines.netCents,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
  const adjustments = await db
    .select({ kind: orderAdjustments.kind, reason: orderAdjustments.reason, vatRateBp: orderAdjustments.vatRateBp, amountCents: orderAdjustments.amountCents, netCents: orderAdjustments.netCents })
    .from(orderAdjustments)
    .where(eq(orderAdjustments.orderId, orderId))
    .orderBy(asc(orderAdjustments.kind), asc(orderAdjustments.itemIndex), desc(orderAdjustments.vatRateBp));
  const { id, number, channel, priceMode, status, customerName, email, accountId, billingAddress, deliveryAddress, shippingMethod, paymentMethod } = o!;
  const { totalNetCents, totalVatCents, totalGrossCents, vatBreakdown, mentions, createdAt, placedAt } = o!;
  return {
    ...{ id, number, channel, priceMode, status, customerName, email, accountId, billingAddress, deliveryAddress, shippingMethod, paymentMethod },
    ...{ totalNetCents, totalVatCents, totalGrossCents, vatBreakdown, mentions, createdAt, placedAt },
    lines,
    adjustments,
  };
}

describe.each(backends())('the B2B order page data on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let co: CompanyFixture;
  let requester: Actor;
  let otherRequester: Actor;
  let purchaser: Actor;
  let outsider: Actor;
  /** The requester's order (shipped, invoiced) and the purchaser's (shipped, invoiced). */
  let mine: { orderId: string; invoice: { id: string; number: string } };
  let theirs: { orderId: string; invoice: { id: string; number: string } };

  beforeAll(async () => {
    co = await makeCompany(db(), { budgetHtCents: null });
    requester = await co.person('requester');
    otherRequester = await co.person('requester');
    purchaser = await co.person('purchaser');
    outsider = await (await makeCompany(db(), { budgetHtCents: null })).person('purchaser');
    const a = await place(db(), requester, co, 2);
    mine = { orderId: a.orderId, invoice: await ship(db(), a.orderId) };
    const b = await place(db(), purchaser, co, 1);
    theirs = { orderId: b.orderId, invoice: await ship(db(), b.orderId) };
  });

  it('loadOrder reads in one statement exactly what the three former statements read, in their order', async () => {
    // Several adjustments out of order, to pin the ordering (kind, item, rate highest first).
    await db()
      .insert(orderAdjustments)
      .values([
        { orderId: mine.orderId, kind: 'charge', itemIndex: 1, reason: 'Emballage', vatRateBp: 550, vatCategory: 'S', amountCents: 120, netCents: 120 },
        { orderId: mine.orderId, kind: 'allowance', itemIndex: 0, reason: 'Remise', vatRateBp: 550, vatCategory: 'S', amountCents: 300, netCents: 300 },
        { orderId: mine.orderId, kind: 'charge', itemIndex: 0, reason: 'Port', vatRateBp: 2000, vatCategory: 'S', amountCents: 1_500, netCents: 1_500 },
        { orderId: mine.orderId, kind: 'charge', itemIndex: 0, reason: 'Port', vatRateBp: 550, vatCategory: 'S', amountCents: 500, netCents: 500 },
      ]);
    const one = await loadOrder(db(), mine.orderId);
    const reference = await loadOrderReference(db(), mine.orderId);
    expect(one).toEqual(reference);
    expect(one!.adjustments.map((a) => `${a.kind}:${a.reason}:${a.vatRateBp}`)).toEqual(
      reference.adjustments.map((a) => `${a.kind}:${a.reason}:${a.vatRateBp}`),
    );
    expect(one!.adjustments).toHaveLength(4);
    expect(one!.lines[0]).toMatchObject({ quantity: 2, unitPriceCents: 30_000, lineTotalCents: 60_000 });
    expect(typeof one!.lines[0]!.unitPriceCents).toBe('number');
    expect(one!.createdAt).toBeInstanceOf(Date);
    expect(await loadOrder(db(), randomUUID())).toBeNull();
    await db().delete(orderAdjustments).where(eq(orderAdjustments.orderId, mine.orderId));
    expect((await loadOrder(db(), mine.orderId))!.adjustments).toEqual([]);
  });

  it('links the invoice exactly when getInvoice would show it to the actor', async () => {
    const expectations: [string, Actor, string, { id: string; number: string } | 'not found'][] = [
      ['requester, own order', requester, mine.orderId, mine.invoice],
      ['requester, purchaser’s order', requester, theirs.orderId, 'not found'],
      ['other requester, requester’s order', otherRequester, mine.orderId, 'not found'],
      ['purchaser, requester’s order', purchaser, mine.orderId, mine.invoice],
      ['purchaser, own order', purchaser, theirs.orderId, theirs.invoice],
      ['another company', outsider, mine.orderId, 'not found'],
    ];
    for (const [label, actor, orderId, expected] of expectations) {
      const detail = await getCompanyOrder(db(), actor, orderId);
      if (expected === 'not found') {
        expect(detail, label).toMatchObject({ ok: false, error: 'Introuvable.' });
      } else {
        expect(detail.ok && detail.value.invoice, label).toEqual(expected);
        expect((await getInvoice(db(), actor, expected.id)).ok, label).toBe(true);
      }
      // The one-statement getInvoiceOfOrder agrees with getInvoice's scope.
      const link = await getInvoiceOfOrder(db(), actor, orderId);
      const invoiceId = orderId === mine.orderId ? mine.invoice.id : theirs.invoice.id;
      expect(link !== null, label).toBe((await getInvoice(db(), actor, invoiceId)).ok);
    }
    // An order without an invoice yet: no link.
    const fresh = await place(db(), requester, co, 1);
    expect(await getCompanyOrder(db(), requester, fresh.orderId)).toMatchObject({ ok: true, value: { invoice: null } });
  });

  it('gives the history oldest first with the names of who acted', async () => {
    const limited = await co.person('requester', { order: 10_000 });
    const pending = await place(db(), limited, co, 1);
    expect(pending.status).toBe('pending_approval');
    expect(await approveOrder(db(), purchaser, { orderId: pending.orderId, contentVersion: 1 })).toMatchObject({ ok: true });
    const detail = await getCompanyOrder(db(), limited, pending.orderId);
    if (!detail.ok) throw new Error(detail.error);
    expect(detail.value.placedByName).toBe(limited.name);
    expect(detail.value.history.map((h) => [h.fromStatus, h.toStatus, h.actorName])).toEqual([
      [null, 'pending_approval', limited.name],
      ['pending_approval', 'placed', purchaser.name],
    ]);
    for (const h of detail.value.history) expect(h.createdAt).toBeInstanceOf(Date);
    expect(detail.value.history[0]!.createdAt.getTime()).toBeLessThanOrEqual(detail.value.history[1]!.createdAt.getTime());
  });

  it('shows an approval past its delay as expired on the first read, its hold released', async () => {
    const budgeted = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const limited = await budgeted.person('requester', { order: 10_000 });
    const pending = await place(db(), limited, budgeted, 1);
    await db().update(orders).set({ approvalExpiresAt: sql`now() - interval '1 minute'` }).where(eq(orders.id, pending.orderId));
    const detail = await getCompanyOrder(db(), limited, pending.orderId);
    expect(detail).toMatchObject({ ok: true, value: { order: { status: 'expired' }, decisionReason: 'Délai d’approbation dépassé', canDecide: false } });
    expect(detail.ok && detail.value.history.at(-1)).toMatchObject({ fromStatus: 'pending_approval', toStatus: 'expired', actorName: null });
    const [b] = await db().select().from(spendingBudgets).where(eq(spendingBudgets.id, budgeted.budgetId!));
    expect(b).toMatchObject({ heldHtCents: 0 });
  });
});

describe.runIf(inject('postgresUrl'))('statements of the B2B order page', () => {
  it('reads the order, its lines, adjustments, history, invoice link and the expiry check in one statement', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: null });
      const requester = await co.person('requester');
      const purchaser = await co.person('purchaser');
      const placed = await place(db, requester, co, 2);
      const invoice = await ship(db, placed.orderId);
      for (const actor of [requester, purchaser]) {
        const { value, statements } = await counting.record(() => getCompanyOrder(db, actor, placed.orderId));
        expect(value).toMatchObject({ ok: true, value: { order: { status: 'shipped', lines: [{ quantity: 2 }] }, invoice } });
        expect(value.ok && value.value.history.map((h) => h.toStatus)).toEqual(['placed', 'confirmed', 'shipped']);
        expect(statements.map(verb)).toEqual(['select']);
      }
      // Another company's order: the same single statement, then "not found".
      const outsider = await (await makeCompany(db, { budgetHtCents: null })).person('purchaser');
      const refused = await counting.record(() => getCompanyOrder(db, outsider, placed.orderId));
      expect(refused.value).toMatchObject({ ok: false });
      expect(refused.statements.map(verb)).toEqual(['select']);
    } finally {
      await counting.close();
    }
  });

  it('runs the expiring transaction and reads again only when an approval is due', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: 1_000_000 });
      const requester = await co.person('requester', { order: 10_000 });
      const pending = await place(db, requester, co, 1);
      await db.update(orders).set({ approvalExpiresAt: sql`now() - interval '1 minute'` }).where(eq(orders.id, pending.orderId));
      const { value, statements } = await counting.record(() => getCompanyOrder(db, requester, pending.orderId));
      expect(value).toMatchObject({ ok: true, value: { order: { status: 'expired' } } });
      const verbs = statements.map(verb);
      expect(verbs[0]).toBe('select');
      expect(verbs[1]).toBe('begin');
      expect(verbs.at(-2)).toBe('commit');
      expect(verbs.at(-1)).toBe('select');
      // Read again: nothing due any more, one statement.
      expect((await counting.record(() => getCompanyOrder(db, requester, pending.orderId))).statements).toHaveLength(1);
    } finally {
      await counting.close();
    }
  });
});
