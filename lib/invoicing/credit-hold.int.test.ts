import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { agreementLines, invoices, orders, orderStatusHistory, outbox, products, quotes, stockMovements, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { approveOrder } from '@/lib/purchasing/approval-service';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { acceptQuote } from '@/lib/quotes/decision-service';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { CREDIT_HOLD_MESSAGE, outstandingOf } from './credit';
import { issueCreditNote, recordInvoicePayment } from './staff-service';

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

async function setCreditLimit(db: Database, accountId: string, cents: number | null) {
  await db.execute(sql`update accounts set credit_limit_cents = ${cents} where id = ${accountId}`);
}

/** Another product on the company's agreement at 300 € HT (360 € TTC): orders of it lock another row. */
async function anotherProduct(db: Database, co: CompanyFixture): Promise<string> {
  const sku = unique('H').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
  const [p] = await db.insert(products).values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 50_000, b2bListPriceHtCents: 40_000, stockOnHand: 100 }).returning({ id: products.id });
  await db.insert(agreementLines).values({ agreementId: co.agreementId, productId: p!.id, unitPriceHtCents: 30_000 });
  return p!.id;
}

async function stockOf(db: Database, productId: string): Promise<number> {
  return (await db.select({ s: products.stockOnHand }).from(products).where(eq(products.id, productId)))[0]!.s;
}

describe.each(backends())('credit limit and credit hold on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  /** One unit (300 € HT, 360 € TTC) of `productId` ordered from the portal by `who`. */
  async function order(who: Actor, co: CompanyFixture, productId = co.product.id) {
    const added = await addToB2bCart(db(), who, { productId, quantity: 1 });
    if (!added.ok) throw new Error(added.error);
    const placed = await placeB2bOrder(db(), who, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    if (!placed.ok) throw new Error(placed.error);
    return placed.value;
  }

  const statusOf = async (orderId: string) => (await db().select({ s: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.s;

  async function shipAndInvoice(orderId: string): Promise<string> {
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
    const [row] = await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, orderId));
    return row!.id;
  }

  it('an order beyond the limit waits in credit_hold with its stock reserved and a clear message; staff lifting it places it', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, stock: 10 });
    await setCreditLimit(db(), co.accountId, 50_000);
    const purchaser = await co.person('purchaser');
    const first = await order(purchaser, co);
    expect(first).toMatchObject({ status: 'placed' });
    expect(await outstandingOf(db(), co.accountId)).toBe(36_000);

    const held = await order(purchaser, co);
    expect(held).toEqual({ orderId: expect.any(String), number: expect.any(String), status: 'credit_hold', reasons: [CREDIT_HOLD_MESSAGE] });
    expect(await stockOf(db(), co.product.id)).toBe(8);
    expect(await db().select({ d: stockMovements.quantityDelta }).from(stockMovements).where(eq(stockMovements.orderId, held.orderId))).toEqual([{ d: -1 }]);
    const [o] = await db().select().from(orders).where(eq(orders.id, held.orderId));
    expect(o).toMatchObject({ status: 'credit_hold', placedAt: null });
    const mails = await db().select().from(outbox).where(eq(outbox.subject, `Commande ${held.number} en attente (encours)`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toContain(CREDIT_HOLD_MESSAGE);

    // Only staff lift it; lifting places it without reserving the stock twice.
    expect(await changeOrderStatus(db(), purchaser, { orderId: held.orderId, to: 'placed' }, testPaymentProvider)).toMatchObject({ ok: false });
    expect(await changeOrderStatus(db(), sales, { orderId: held.orderId, to: 'placed', note: 'Encours accordé' }, testPaymentProvider)).toEqual({ ok: true, value: null });
    const [lifted] = await db().select().from(orders).where(eq(orders.id, held.orderId));
    expect(lifted!.status).toBe('placed');
    expect(lifted!.placedAt).not.toBeNull();
    expect(await stockOf(db(), co.product.id)).toBe(8);
    expect(await db().select({ from: orderStatusHistory.fromStatus, to: orderStatusHistory.toStatus }).from(orderStatusHistory).where(and(eq(orderStatusHistory.orderId, held.orderId), eq(orderStatusHistory.toStatus, 'placed')))).toEqual([
      { from: 'credit_hold', to: 'placed' },
    ]);
    expect(await outstandingOf(db(), co.accountId)).toBe(72_000);

    // A held order staff cancel gives its stock back.
    const another = await order(purchaser, co);
    expect(another.status).toBe('credit_hold');
    expect(await changeOrderStatus(db(), sales, { orderId: another.orderId, to: 'cancelled' }, testPaymentProvider)).toEqual({ ok: true, value: null });
    expect(await stockOf(db(), co.product.id)).toBe(8);
  });

  it('outstanding = unpaid invoices (less credit notes and payments) + orders not invoiced; a payment that lowers it lets the next order through', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    await setCreditLimit(db(), co.accountId, 50_000);
    const purchaser = await co.person('purchaser');
    const a = await order(purchaser, co);
    expect(a.status).toBe('placed');
    const invoiceId = await shipAndInvoice(a.orderId);
    expect(await outstandingOf(db(), co.accountId)).toBe(36_000); // invoiced now, counted once

    const tryOrder = async () => {
      const o = await order(purchaser, co);
      if (o.status === 'credit_hold') expect(await changeOrderStatus(db(), sales, { orderId: o.orderId, to: 'cancelled' }, testPaymentProvider)).toMatchObject({ ok: true });
      return o.status;
    };
    expect(await tryOrder()).toBe('credit_hold'); // 36 000 + 36 000 > 50 000
    expect(await outstandingOf(db(), co.accountId)).toBe(36_000);

    expect(await recordInvoicePayment(db(), sales, { invoiceId, amount: '200,00', paidOn: parisDate(), method: 'bank_transfer' })).toMatchObject({ ok: true });
    expect(await outstandingOf(db(), co.accountId)).toBe(16_000);
    expect(await tryOrder()).toBe('credit_hold'); // 16 000 + 36 000 > 50 000

    expect(await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '1,67' }] })).toMatchObject({ ok: true }); // 2,00 € TTC
    expect(await outstandingOf(db(), co.accountId)).toBe(15_800);
    expect(await tryOrder()).toBe('credit_hold'); // 15 800 + 36 000 > 50 000

    expect(await recordInvoicePayment(db(), sales, { invoiceId, amount: '18,00', paidOn: parisDate(), method: 'bank_transfer' })).toMatchObject({ ok: true });
    expect(await outstandingOf(db(), co.accountId)).toBe(14_000);
    expect(await tryOrder()).toBe('placed'); // 14 000 + 36 000 = 50 000: at the limit, not beyond
    expect(await outstandingOf(db(), co.accountId)).toBe(50_000);
  });

  it('a company without a credit limit is never held', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    await setCreditLimit(db(), co.accountId, null);
    const purchaser = await co.person('purchaser');
    for (let i = 0; i < 3; i++) expect((await order(purchaser, co)).status).toBe('placed');
  });

  it('accepting a quote beyond the limit creates the order in credit_hold, stock reserved, the quote accepted', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, stock: 20 });
    await setCreditLimit(db(), co.accountId, 100_000);
    const purchaser = await co.person('purchaser');
    const q = await createQuote(db(), sales, { accountId: co.accountId });
    if (!q.ok) throw new Error(q.error);
    const saved = await saveQuoteDraft(db(), sales, {
      quoteId: q.value.quoteId,
      baseVersion: 1,
      title: 'Équipement',
      lines: [
        { productId: co.product.id, description: 'Luminaire', quantity: '3', unitPrice: '300,00', discount: '', vatRateBp: 2000 },
        { description: 'Pose', quantity: '1', unitPrice: '200,00', discount: '', vatRateBp: 2000 },
      ],
      validUntil: inDays(30),
      shipping: '',
      deliveryTerms: '',
      paymentTerms: '',
      clientNote: '',
      internalNotes: '',
    });
    if (!saved.ok) throw new Error(saved.error);
    expect(await sendQuote(db(), sales, { quoteId: q.value.quoteId, version: 1 })).toMatchObject({ ok: true });
    const accepted = await acceptQuote(db(), purchaser, { quoteId: q.value.quoteId, version: 1 }); // 1 320 € TTC > 1 000 €
    expect(accepted).toMatchObject({ ok: true, value: { status: 'credit_hold' } });
    if (!accepted.ok) return;
    const [o] = await db().select().from(orders).where(eq(orders.id, accepted.value.orderId));
    expect(o).toMatchObject({ status: 'credit_hold', origin: 'quote', totalGrossCents: 132_000, placedAt: null });
    expect(await stockOf(db(), co.product.id)).toBe(17);
    expect((await db().select({ s: quotes.status }).from(quotes).where(eq(quotes.id, q.value.quoteId)))[0]!.s).toBe('accepted');
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, purchaser.email));
    expect(mails.some((m) => m.bodyText.includes(CREDIT_HOLD_MESSAGE))).toBe(true);
    expect(await changeOrderStatus(db(), sales, { orderId: o!.id, to: 'placed' }, testPaymentProvider)).toEqual({ ok: true, value: null });
  });

  it('an order approved by a purchaser beyond the limit goes to credit_hold', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    await setCreditLimit(db(), co.accountId, 50_000);
    const purchaser = await co.person('purchaser');
    const requester = await co.person('requester', { order: 10_000 });
    expect((await order(purchaser, co)).status).toBe('placed');
    const pending = await order(requester, co);
    expect(pending.status).toBe('pending_approval');
    expect(await approveOrder(db(), purchaser, { orderId: pending.orderId, contentVersion: 1 })).toEqual({ ok: true, value: null });
    expect(await statusOf(pending.orderId)).toBe('credit_hold');
  });

  it('two simultaneous orders that each fit alone but not together: exactly one placed, one held', async () => {
    for (let round = 0; round < 3; round++) {
      const co = await makeCompany(db(), { budgetHtCents: null });
      await setCreditLimit(db(), co.accountId, 50_000);
      const other = await anotherProduct(db(), co);
      const [r1, r2] = await Promise.all([co.person('requester'), co.person('requester')]);
      // Different products: nothing but the company's credit check serialises them.
      await addToB2bCart(db(), r1!, { productId: co.product.id, quantity: 1 });
      await addToB2bCart(db(), r2!, { productId: other, quantity: 1 });
      const results = await Promise.all(
        [r1!, r2!].map((r) => placeB2bOrder(db(), r, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 })),
      );
      expect(results.map((r) => (r.ok ? r.value.status : r.error)).sort()).toEqual(['credit_hold', 'placed']);
      // The held order is not owed until staff lift it: only the placed one counts.
      expect(await outstandingOf(db(), co.accountId)).toBe(36_000);
    }
  });

  it('six simultaneous orders of 360 € against a 1 000 € limit: exactly two placed', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    await setCreditLimit(db(), co.accountId, 100_000);
    const productIds = [co.product.id, ...(await Promise.all(Array.from({ length: 5 }, () => anotherProduct(db(), co))))];
    const requesters = await Promise.all(productIds.map(() => co.person('requester')));
    for (const [i, r] of requesters.entries()) await addToB2bCart(db(), r, { productId: productIds[i]!, quantity: 1 });
    const results = await Promise.all(requesters.map((r) => placeB2bOrder(db(), r, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 })));
    const statuses = results.map((r) => (r.ok ? r.value.status : r.error));
    expect(statuses.filter((s) => s === 'placed')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'credit_hold')).toHaveLength(4);
    const placedGross = await db()
      .select({ n: sql<number>`coalesce(sum(${orders.totalGrossCents}), 0)`.mapWith(Number) })
      .from(orders)
      .where(and(eq(orders.accountId, co.accountId), eq(orders.status, 'placed')));
    expect(placedGross[0]!.n).toBeLessThanOrEqual(100_000);
  });
});
