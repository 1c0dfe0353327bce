import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, cartLines, carts, invoicePayments, invoices, orderPayments, orders, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { formatMoney } from '@/lib/money';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import type { PaymentProvider } from '@/lib/payments/provider';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { rowsOf } from '@/lib/sql-helpers';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { getInvoice, listInvoices } from './queries';
import { issueCreditNote, issueInvoice, recordInvoicePayment } from './staff-service';

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

describe.each(backends())('invoice payments on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  const today = parisDate();
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  /** An issued B2B invoice of `quantity` units at 300 € HT (360 € TTC each), with its company and purchaser. */
  async function b2bInvoice(quantity = 1, co?: CompanyFixture) {
    const company = co ?? (await makeCompany(db(), { budgetHtCents: null }));
    const purchaser = await company.person('purchaser');
    await addToB2bCart(db(), purchaser, { productId: company.product.id, quantity });
    const placed = await placeB2bOrder(db(), purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: company.deliveryAddressId, expectedNetCents: 30_000 * quantity });
    if (!placed.ok) throw new Error(placed.error);
    const inv = await issueInvoice(db(), sales, { orderId: placed.value.orderId });
    if (!inv.ok) throw new Error(inv.error);
    const [row] = await db().select().from(invoices).where(eq(invoices.id, inv.value.invoiceId));
    return { co: company, purchaser, invoice: row!, orderId: placed.value.orderId };
  }

  /** recordInvoicePayment, a throw turned into a value so a test can tell "refused" from "crashed". */
  const pay = (invoiceId: string, amount: string, extra: { paidOn?: string; method?: 'bank_transfer' | 'cheque'; actor?: Actor | null } = {}) =>
    recordInvoicePayment(db(), extra.actor === undefined ? sales : extra.actor, { invoiceId, amount, paidOn: extra.paidOn ?? today, method: extra.method ?? 'bank_transfer', reference: 'VIR-123' }).catch(
      (error: unknown) => ({ ok: false as const, error: `threw: ${(error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message}` }),
    );

  async function stateOf(invoiceId: string, on = today) {
    const d = await getInvoice(db(), sales, invoiceId, on);
    if (!d.ok) throw new Error(d.error);
    return { state: d.value.state, remaining: d.value.remainingCents, paid: d.value.paidCents };
  }

  it('a partial then a full payment: unpaid → partially paid → paid; an overpayment is refused', async () => {
    const { invoice, purchaser } = await b2bInvoice(1); // 360,00 € TTC
    const frozen = await db().execute(sql`select t::text as v from invoices t where id = ${invoice.id}`).then(rowsOf<{ v: string }>);
    expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 30));
    expect(await stateOf(invoice.id)).toEqual({ state: 'unpaid', remaining: 36_000, paid: 0 });

    expect(await pay(invoice.id, '100,00')).toEqual({ ok: true, value: { state: 'partially_paid', remainingCents: 26_000 } });
    expect(await stateOf(invoice.id)).toEqual({ state: 'partially_paid', remaining: 26_000, paid: 10_000 });
    expect(await pay(invoice.id, '260,01')).toEqual({ ok: false, error: `Il ne reste que ${formatMoney(26_000)} à payer sur cette facture.` });
    expect(await pay(invoice.id, '260,00', { method: 'cheque' })).toEqual({ ok: true, value: { state: 'paid', remainingCents: 0 } });
    expect(await stateOf(invoice.id)).toEqual({ state: 'paid', remaining: 0, paid: 36_000 });
    expect(await pay(invoice.id, '0,01')).toEqual({ ok: false, error: 'Cette facture est déjà soldée.' });

    const rows = await db().select().from(invoicePayments).where(eq(invoicePayments.invoiceId, invoice.id));
    expect(rows.map((r) => [r.amountCents, r.method, r.recordedByUserId]).sort()).toEqual([
      [10_000, 'bank_transfer', sales.userId],
      [26_000, 'cheque', sales.userId],
    ]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'invoice.payment'), eq(auditLog.entityId, invoice.id)))).toHaveLength(2);
    // The state is derived, never written on the issued invoice.
    expect(await db().execute(sql`select t::text as v from invoices t where id = ${invoice.id}`).then(rowsOf<{ v: string }>)).toEqual(frozen);
    // The client sees it paid too, without who recorded it.
    const seen = await getInvoice(db(), purchaser, invoice.id);
    expect(seen).toMatchObject({ ok: true, value: { state: 'paid', remainingCents: 0 } });
    expect(seen.ok && seen.value.payments.every((p) => p.recordedBy === null)).toBe(true);
  });

  it('refuses payments that are not amounts, in the future, or recorded by someone other than staff', async () => {
    const { invoice, purchaser } = await b2bInvoice(1);
    for (const [amount, extra] of [
      ['0', {}],
      ['-10,00', {}],
      ['abc', {}],
      ['10,001', {}],
      ['10,00', { paidOn: addDays(today, 1) }],
      ['10,00', { actor: purchaser }],
      ['10,00', { actor: null }],
    ] as const) {
      const r = await pay(invoice.id, amount, extra);
      expect.soft(r.ok ? 'accepted' : r.error, `${amount} ${JSON.stringify(extra)}`).toMatch(/^(?!threw)/);
      expect(r.ok).toBe(false);
    }
    expect(await pay(randomUUID(), '10,00')).toEqual({ ok: false, error: 'Facture introuvable.' });
    expect(await db().select().from(invoicePayments).where(eq(invoicePayments.invoiceId, invoice.id))).toEqual([]);
  });

  it('an impossible payment date is refused with a message, not a crash', async () => {
    const { invoice } = await b2bInvoice(1);
    const r = await pay(invoice.id, '10,00', { paidOn: '2026-02-30' });
    expect(r.ok ? 'accepted' : r.error).not.toMatch(/^(accepted|threw)/);
  });

  it('the invoice list shows per invoice what was paid, credited and what remains', async () => {
    const { invoice, purchaser } = await b2bInvoice(2); // 720,00 €
    expect(await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: invoice.id, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '100,00' }] })).toMatchObject({ ok: true });
    expect(await pay(invoice.id, '200,00')).toMatchObject({ ok: true });
    const expected = { id: invoice.id, totalGrossCents: 72_000, creditedCents: 12_000, paidCents: 20_000, remainingCents: 40_000, state: 'partially_paid' };
    for (const viewer of [purchaser, sales]) {
      const list = await listInvoices(db(), viewer, { page: 1, q: invoice.number });
      expect(list.ok && list.value.rows).toEqual([expect.objectContaining(expected)]);
    }
    expect(await pay(invoice.id, '400,00')).toMatchObject({ ok: true, value: { state: 'paid' } });
    const paid = await listInvoices(db(), purchaser, { page: 1, state: 'paid' });
    expect(paid.ok && paid.value.rows).toEqual([expect.objectContaining({ ...expected, paidCents: 60_000, remainingCents: 0, state: 'paid' })]);
  });

  it('overdue once the due date has passed, partially paid or not; paid is never overdue', async () => {
    const { invoice, purchaser } = await b2bInvoice(2); // 720,00 € TTC
    const due = invoice.dueDate;
    expect(await stateOf(invoice.id, due)).toMatchObject({ state: 'unpaid' });
    expect(await stateOf(invoice.id, addDays(due, 1))).toMatchObject({ state: 'overdue', remaining: 72_000 });
    const late = await listInvoices(db(), purchaser, { page: 1, state: 'overdue', today: addDays(due, 1) });
    expect(late).toMatchObject({ ok: true, value: { overdueCents: 72_000, dueCents: 72_000 } });
    expect(late.ok && late.value.rows.map((r) => [r.id, r.state])).toEqual([[invoice.id, 'overdue']]);
    expect(await listInvoices(db(), purchaser, { page: 1, state: 'overdue', today: due })).toMatchObject({ ok: true, value: { rows: [], overdueCents: 0 } });

    expect(await pay(invoice.id, '120,00')).toMatchObject({ ok: true, value: { state: 'partially_paid' } });
    expect(await stateOf(invoice.id, addDays(due, 40))).toEqual({ state: 'overdue', remaining: 60_000, paid: 12_000 });
    const list = await listInvoices(db(), purchaser, { page: 1, today: addDays(due, 40) });
    expect(list).toMatchObject({ ok: true, value: { dueCents: 60_000, overdueCents: 60_000, rows: [{ id: invoice.id, state: 'overdue' }] } });

    expect(await pay(invoice.id, '600,00')).toMatchObject({ ok: true, value: { state: 'paid' } });
    expect(await stateOf(invoice.id, addDays(due, 400))).toEqual({ state: 'paid', remaining: 0, paid: 72_000 });
  });

  it('a credit note lowers what is due: paying the rest settles the invoice', async () => {
    const { invoice } = await b2bInvoice(1);
    expect(await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: invoice.id, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '100,00' }] })).toMatchObject({ ok: true });
    expect(await stateOf(invoice.id)).toEqual({ state: 'unpaid', remaining: 24_000, paid: 0 });
    expect(await pay(invoice.id, '240,01')).toMatchObject({ ok: false, error: `Il ne reste que ${formatMoney(24_000)} à payer sur cette facture.` });
    expect(await pay(invoice.id, '240,00')).toEqual({ ok: true, value: { state: 'paid', remainingCents: 0 } });
  });

  it('simultaneous payments never pay more than the invoice', async () => {
    const { invoice } = await b2bInvoice(1); // 360,00 €
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(invoice.id, '100,00')));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: `Il ne reste que ${formatMoney(6_000)} à payer sur cette facture.` });
    expect(await stateOf(invoice.id)).toEqual({ state: 'partially_paid', remaining: 6_000, paid: 30_000 });
  });

  describe('B2C', () => {
    async function shopOrder(paymentMethod: 'card' | 'bank_transfer', provider: PaymentProvider = testPaymentProvider) {
      const sku = unique('PAY').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
      const [p] = await db().insert(products).values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 1999, b2bListPriceHtCents: 1200, stockOnHand: 10 }).returning({ id: products.id });
      const customer = await actorOf(db(), 'client@particulier.test');
      const [cart] = await db().insert(carts).values({ userId: customer.userId }).returning({ id: carts.id });
      await db().insert(cartLines).values({ cartId: cart!.id, productId: p!.id, quantity: 2 });
      const total = priceShopBasket([{ productId: p!.id, quantity: 2, unitPriceTtcCents: 1999, vatRateBp: 2000 }], 'standard').tax.totalGrossCents;
      const placed = await placeShopOrder(
        db(),
        customer,
        cart!.id,
        checkoutSchema.parse({
          idempotencyKey: randomUUID(),
          expectedTotalCents: String(total),
          email: customer.email,
          firstName: 'Claire',
          lastName: 'Client',
          line1: '1 rue de la Paix',
          postalCode: '75002',
          city: 'Paris',
          shippingMethod: 'standard',
          paymentMethod,
          cardNumber: paymentMethod === 'card' ? '4242 4242 4242 4242' : '',
          cardExpiry: '12/30',
          cardCvc: '123',
          acceptTerms: 'on',
        }),
        provider,
      );
      if (!placed.ok) throw new Error(placed.error);
      return { customer, orderId: placed.value.orderId, total };
    }

    async function ship(orderId: string) {
      for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
      const [inv] = await db().select().from(invoices).where(eq(invoices.orderId, orderId));
      return inv!;
    }

    it('a card order is invoiced on shipping already paid: the captured payment is carried over', async () => {
      const { customer, orderId, total } = await shopOrder('card');
      const inv = await ship(orderId);
      expect(inv).toMatchObject({ channel: 'b2c', priceMode: 'tax_inclusive', totalGrossCents: total, paymentTerms: 'Payé par carte à la commande.' });
      const [capture] = await db().select().from(orderPayments).where(eq(orderPayments.orderId, orderId));
      expect(await db().select({ amount: invoicePayments.amountCents, method: invoicePayments.method, reference: invoicePayments.reference }).from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))).toEqual([
        { amount: total, method: 'card', reference: capture!.providerRef },
      ]);
      expect(await getInvoice(db(), customer, inv.id)).toMatchObject({ ok: true, value: { state: 'paid', remainingCents: 0, paidCents: total } });
      expect(await pay(inv.id, '0,01')).toEqual({ ok: false, error: 'Cette facture est déjà soldée.' });
    });

    it('a bank transfer order leaves awaiting_payment when staff record the transfer, and is invoiced paid', async () => {
      const { customer, orderId, total } = await shopOrder('bank_transfer');
      expect((await db().select({ s: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.s).toBe('awaiting_payment');
      expect(await issueInvoice(db(), sales, { orderId })).toMatchObject({ ok: false });
      expect(await changeOrderStatus(db(), sales, { orderId, to: 'placed' }, testPaymentProvider)).toEqual({ ok: true, value: null });
      const inv = await ship(orderId);
      expect(inv.paymentTerms).toBe('Payé par virement.');
      expect(await db().select({ amount: invoicePayments.amountCents, method: invoicePayments.method }).from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id))).toEqual([{ amount: total, method: 'bank_transfer' }]);
      expect(await getInvoice(db(), customer, inv.id)).toMatchObject({ ok: true, value: { state: 'paid' } });
    });

    it('cancelling a paid card order refunds it through the payment interface, once, and issues no invoice', async () => {
      const refunds: { providerRef: string; amountCents: number; reference: string }[] = [];
      const spy: PaymentProvider = {
        charge: (input) => testPaymentProvider.charge(input),
        async refund(input) {
          refunds.push(input);
          return testPaymentProvider.refund(input);
        },
      };
      const { orderId, total } = await shopOrder('card');
      const [order] = await db().select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
      const [capture] = await db().select().from(orderPayments).where(eq(orderPayments.orderId, orderId));
      expect(await changeOrderStatus(db(), sales, { orderId, to: 'confirmed' }, spy)).toEqual({ ok: true, value: null });
      expect(await changeOrderStatus(db(), sales, { orderId, to: 'cancelled', note: 'Rupture fournisseur' }, spy)).toEqual({ ok: true, value: null });
      expect(refunds).toEqual([{ providerRef: capture!.providerRef, amountCents: total, reference: order!.number }]);
      const pays = await db().select().from(orderPayments).where(eq(orderPayments.orderId, orderId));
      expect(pays.map((p) => [p.kind, p.amountCents]).sort()).toEqual([
        ['capture', total],
        ['refund', total],
      ]);
      expect(pays.find((p) => p.kind === 'refund')!.providerRef).toMatch(/^test_re_/);
      expect(await db().select().from(invoices).where(eq(invoices.orderId, orderId))).toEqual([]);
      // A cancelled order is never invoiced, and cancelling again refunds nothing more.
      expect(await issueInvoice(db(), sales, { orderId })).toMatchObject({ ok: false });
      expect(await changeOrderStatus(db(), sales, { orderId, to: 'cancelled' }, spy)).toMatchObject({ ok: false });
      expect(refunds).toHaveLength(1);
    });
  });
});
