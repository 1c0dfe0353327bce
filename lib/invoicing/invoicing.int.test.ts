import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoices, orders, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { checkCii, readCii } from '@/lib/einvoice';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { addToB2bCart, getB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { backends, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { ciiOf, getInvoice, getInvoiceDocument, listInvoices } from './queries';
import { issueCreditNote, recordInvoicePayment } from './staff-service';

describe.each(backends())('invoicing on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    sales = (await loadActor(db(), u!.id))!;
  });

  async function placedOrder(co: Awaited<ReturnType<typeof makeCompany>>, qty: number) {
    const requester = await co.person('purchaser');
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: qty });
    const cart = await getB2bCart(db(), requester, co.deliveryAddressId);
    if (!cart.ok || !cart.value.priced) throw new Error('no cart');
    const placed = await placeB2bOrder(db(), requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: cart.value.priced.tax.totalNetCents });
    if (!placed.ok) throw new Error(placed.error);
    return { orderId: placed.value.orderId, requester, status: placed.value.status };
  }

  it('issues the invoice when the order ships, copies the order, exports exact EN 16931 data, credits and records payments', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const { orderId, requester } = await placedOrder(co, 3);
    for (const to of ['confirmed', 'shipped'] as const) {
      const r = await changeOrderStatus(db(), sales, { orderId, to }, testPaymentProvider);
      expect(r.ok).toBe(true);
    }
    const [inv] = await db().select().from(invoices).where(eq(invoices.orderId, orderId));
    const [o] = await db().select().from(orders).where(eq(orders.id, orderId));
    expect(inv).toMatchObject({ totalNetCents: o!.totalNetCents, totalVatCents: o!.totalVatCents, totalGrossCents: o!.totalGrossCents, channel: 'b2b', series: 'F' });
    expect(inv!.number).toMatch(/^F-\d{4}-\d{6}$/);
    const doc = await getInvoiceDocument(db(), requester, inv!.id);
    if (!doc.ok) throw new Error(doc.error);
    const xml = ciiOf(doc.value);
    if (!xml.ok) throw new Error(xml.error);
    expect(checkCii(xml.value).violations).toEqual([]);
    expect(readCii(xml.value)).toBeTruthy();

    const other = await makeCompany(db());
    expect((await getInvoice(db(), await other.person('purchaser'), inv!.id)).ok).toBe(false);

    const credit = await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: inv!.id, reason: 'Geste commercial', amounts: [{ vatRateBp: 2000, amount: '10,00' }] });
    expect(credit.ok).toBe(true);
    const tooMuch = await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: inv!.id, reason: 'Trop', amounts: [{ vatRateBp: 2000, amount: '999999,00' }] });
    expect(tooMuch.ok).toBe(false);
    const detail = await getInvoice(db(), sales, inv!.id);
    if (!detail.ok) throw new Error(detail.error);
    expect(detail.value.state).toBe('unpaid');
    const pay = await recordInvoicePayment(db(), sales, { invoiceId: inv!.id, amount: (detail.value.remainingCents / 100).toFixed(2).replace('.', ','), paidOn: detail.value.invoice.issueDate, method: 'bank_transfer' });
    expect(pay).toEqual({ ok: true, value: { state: 'paid', remainingCents: 0 } });
    const list = await listInvoices(db(), requester, { page: 1, state: 'paid' });
    expect(list.ok && list.value.rows.map((r) => r.id)).toContain(inv!.id);
    await expect(db().execute(sql`update invoices set total_net_cents = 1 where id = ${inv!.id}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from invoices where id = ${inv!.id}`)).rejects.toThrow();
  });

  it('puts an order beyond the credit limit on credit hold', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    await db().execute(sql`update accounts set credit_limit_cents = 50000 where id = ${co.accountId}`);
    const first = await placedOrder(co, 1);
    expect(first.status).toBe('placed');
    const second = await placedOrder(co, 1);
    expect(second.status).toBe('credit_hold');
  });
});
