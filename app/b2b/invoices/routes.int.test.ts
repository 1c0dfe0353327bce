import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cartLines, carts, creditNotes, invoices, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { checkCii } from '@/lib/einvoice';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { addToB2bCart, getB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));

const invoicePdf = await import('./[id]/pdf/route');
const invoiceXml = await import('./[id]/xml/route');
const creditPdf = await import('../credit-notes/[id]/pdf/route');
const creditXml = await import('../credit-notes/[id]/xml/route');
const accountPdf = await import('@/app/(shop)/account/invoices/[id]/pdf/route');
const { issueCreditNote, recordInvoicePayment } = await import('@/lib/invoicing/staff-service');
const { getInvoice } = await import('@/lib/invoicing/queries');
const { listClientInvoices, getInvoiceOfOrder } = await import('@/lib/invoicing/client-extra-queries');

type Handler = { GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };

async function call(route: Handler, id: string, as: Actor | null): Promise<Response> {
  session.actor = as;
  return route.GET(new Request(`http://localhost/test/${id}`), { params: Promise.resolve({ id }) });
}

const latin1 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('latin1');

describe.each(backends())('invoice downloads on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let consumer: Actor;
  let co: CompanyFixture;
  let purchaser: Actor;
  let requester: Actor;
  let outsider: Actor;
  /** Invoice of the requester's own order, and of the purchaser's order. */
  let requesterInvoice: { id: string; number: string; orderId: string };
  let purchaserInvoice: { id: string; number: string; orderId: string };
  let creditNoteId: string;
  let consumerInvoice: { id: string; number: string; orderId: string };

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function ship(orderId: string) {
    for (const to of ['confirmed', 'shipped'] as const) {
      const r = await changeOrderStatus(db(), sales, { orderId, to }, testPaymentProvider);
      if (!r.ok) throw new Error(r.error);
    }
    const [inv] = await db().select({ id: invoices.id, number: invoices.number, orderId: invoices.orderId }).from(invoices).where(eq(invoices.orderId, orderId));
    if (!inv) throw new Error('no invoice issued');
    return inv;
  }

  async function placeB2b(by: Actor, qty: number) {
    await addToB2bCart(db(), by, { productId: co.product.id, quantity: qty });
    const cart = await getB2bCart(db(), by, co.deliveryAddressId);
    if (!cart.ok || !cart.value.priced) throw new Error('no cart');
    const placed = await placeB2bOrder(db(), by, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: cart.value.priced.tax.totalNetCents });
    if (!placed.ok) throw new Error(placed.error);
    expect(placed.value.status).toBe('placed');
    return placed.value.orderId;
  }

  async function placeB2c(customer: Actor) {
    const sku = unique('INV').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    const [p] = await db()
      .insert(products)
      .values({ sku, slug: sku.toLowerCase(), name: `Lampe ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 1999, b2bListPriceHtCents: 1000, stockOnHand: 10 })
      .returning({ id: products.id });
    const [c] = await db().insert(carts).values({ userId: customer.userId }).returning({ id: carts.id });
    await db().insert(cartLines).values({ cartId: c!.id, productId: p!.id, quantity: 2 });
    const expected = priceShopBasket([{ productId: p!.id, quantity: 2, unitPriceTtcCents: 1999, vatRateBp: 2000 }], 'standard');
    const input = checkoutSchema.parse({
      idempotencyKey: randomUUID(),
      expectedTotalCents: String(expected.tax.totalGrossCents),
      email: customer.email,
      firstName: 'Léa',
      lastName: 'Moreau',
      line1: '1 rue de la Paix',
      postalCode: '75002',
      city: 'Paris',
      shippingMethod: 'standard',
      paymentMethod: 'card',
      cardNumber: '4242 4242 4242 4242',
      cardExpiry: '12/30',
      cardCvc: '123',
      acceptTerms: 'on',
    });
    const placed = await placeShopOrder(db(), customer, c!.id, input, testPaymentProvider);
    if (!placed.ok) throw new Error(placed.error);
    return placed.value.orderId;
  }

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
    consumer = await actorOf('client@particulier.test');
    co = await makeCompany(db(), { budgetHtCents: null });
    purchaser = await co.person('purchaser');
    requester = await co.person('requester');
    outsider = await (await makeCompany(db(), { budgetHtCents: null })).person('purchaser');
    requesterInvoice = await ship(await placeB2b(requester, 2));
    purchaserInvoice = await ship(await placeB2b(purchaser, 3));
    const credit = await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: requesterInvoice.id, reason: 'Geste commercial', amounts: [{ vatRateBp: 2000, amount: '10,00' }] });
    if (!credit.ok) throw new Error(credit.error);
    const [cn] = await db().select({ id: creditNotes.id }).from(creditNotes).where(eq(creditNotes.invoiceId, requesterInvoice.id));
    creditNoteId = cn!.id;
    consumerInvoice = await ship(await placeB2c(consumer));
  });

  beforeEach(() => {
    session.actor = null;
  });

  it('gives a purchaser the PDF, with the Factur-X XML embedded, of each of the company’s invoices', async () => {
    for (const inv of [requesterInvoice, purchaserInvoice]) {
      const res = await call(invoicePdf, inv.id, purchaser);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${inv.number}.pdf"`);
      expect(res.headers.get('cache-control')).toContain('no-store');
      const body = latin1(await res.arrayBuffer());
      expect(body.startsWith('%PDF-')).toBe(true);
      expect(body).toContain('factur-x.xml');
      expect(body).toMatch(/\/AFRelationship\s*\/Alternative/);
    }
  });

  it('gives a purchaser the EN 16931 XML of an invoice, passing the exact rule check, and the PDF of a credit note', async () => {
    const res = await call(invoiceXml, purchaserInvoice.id, purchaser);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${purchaserInvoice.number}.xml"`);
    const xml = await res.text();
    expect(checkCii(xml).violations).toEqual([]);
    expect(xml).toContain(purchaserInvoice.number);

    const cnPdf = await call(creditPdf, creditNoteId, purchaser);
    expect(cnPdf.status).toBe(200);
    expect(cnPdf.headers.get('content-disposition')).toMatch(/^attachment; filename="AV-\d{4}-\d{6}\.pdf"$/);
    expect(latin1(await cnPdf.arrayBuffer()).startsWith('%PDF-')).toBe(true);
  });

  it('gives a purchaser the EN 16931 XML of a credit note, passing the exact rule check', async () => {
    const cnXml = await call(creditXml, creditNoteId, purchaser);
    expect(cnXml.status).toBe(200);
    expect(cnXml.headers.get('content-disposition')).toMatch(/^attachment; filename="AV-\d{4}-\d{6}\.xml"$/);
    const cn = await cnXml.text();
    expect(checkCii(cn).violations).toEqual([]);
    expect(cn).toContain('381');
  });

  it('answers 404 to a purchaser of another company, to the signed-out and to staff on the portal routes', async () => {
    for (const who of [outsider, null, sales]) {
      for (const [route, id] of [
        [invoicePdf, requesterInvoice.id],
        [invoiceXml, requesterInvoice.id],
        [creditPdf, creditNoteId],
        [creditXml, creditNoteId],
      ] as const) {
        const res = await call(route, id, who);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-disposition')).toBeNull();
      }
    }
    // Not a uuid, or a uuid of nothing: the same 404.
    expect((await call(invoicePdf, 'nope', purchaser)).status).toBe(404);
    expect((await call(invoicePdf, randomUUID(), purchaser)).status).toBe(404);
  });

  it('gives a requester the invoices of their own orders only', async () => {
    expect((await call(invoicePdf, requesterInvoice.id, requester)).status).toBe(200);
    expect((await call(invoiceXml, requesterInvoice.id, requester)).status).toBe(200);
    expect((await call(creditPdf, creditNoteId, requester)).status).toBe(200);
    expect((await call(invoicePdf, purchaserInvoice.id, requester)).status).toBe(404);
    expect((await call(invoiceXml, purchaserInvoice.id, requester)).status).toBe(404);

    const mine = await listClientInvoices(db(), requester, { page: 1 });
    expect(mine.ok && mine.value.rows.map((r) => [r.id, r.orderId])).toEqual([[requesterInvoice.id, requesterInvoice.orderId]]);
    const company = await listClientInvoices(db(), purchaser, { page: 1, state: 'paid' });
    expect(company.ok && company.value.rows).toEqual([]);
    // The summary box covers the whole scope whatever the filter.
    expect(company.ok && company.value.scopeDueCents).toBeGreaterThan(0);
    expect(await getInvoiceOfOrder(db(), requester, purchaserInvoice.orderId)).toBeNull();
    expect(await getInvoiceOfOrder(db(), purchaser, purchaserInvoice.orderId)).toEqual({ id: purchaserInvoice.id, number: purchaserInvoice.number });
  });

  it('gives a consumer the PDF of their B2C invoice, without XML, and nobody else', async () => {
    const res = await call(accountPdf, consumerInvoice.id, consumer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${consumerInvoice.number}.pdf"`);
    const body = latin1(await res.arrayBuffer());
    expect(body.startsWith('%PDF-')).toBe(true);
    expect(body).not.toContain('factur-x.xml');
    // No EN 16931 for B2C, and the portal routes are for portal users only.
    expect((await call(invoiceXml, consumerInvoice.id, consumer)).status).toBe(404);
    expect((await call(invoicePdf, consumerInvoice.id, consumer)).status).toBe(404);
    // A consumer never reaches a company's invoice; a portal user never a consumer's.
    expect((await call(accountPdf, purchaserInvoice.id, consumer)).status).toBe(404);
    expect((await call(accountPdf, consumerInvoice.id, purchaser)).status).toBe(404);
    expect((await call(invoicePdf, consumerInvoice.id, purchaser)).status).toBe(404);
    expect((await call(accountPdf, consumerInvoice.id, null)).status).toBe(404);
  });

  it('lists what is paid and what remains: a card-paid B2C invoice is paid, a paid B2B invoice leaves the scope due', async () => {
    const consumerList = await listClientInvoices(db(), consumer, { page: 1 });
    expect(consumerList.ok && consumerList.value.rows.find((r) => r.id === consumerInvoice.id)).toMatchObject({ state: 'paid', remainingCents: 0 });

    const before = await getInvoice(db(), sales, purchaserInvoice.id);
    if (!before.ok) throw new Error(before.error);
    const pay = await recordInvoicePayment(db(), sales, {
      invoiceId: purchaserInvoice.id,
      amount: (before.value.remainingCents / 100).toFixed(2).replace('.', ','),
      paidOn: before.value.invoice.issueDate,
      method: 'bank_transfer',
    });
    expect(pay.ok).toBe(true);
    const other = await getInvoice(db(), sales, requesterInvoice.id);
    if (!other.ok) throw new Error(other.error);
    const company = await listClientInvoices(db(), purchaser, { page: 1 });
    if (!company.ok) throw new Error(company.error);
    expect(company.value.rows.find((r) => r.id === purchaserInvoice.id)).toMatchObject({ state: 'paid', remainingCents: 0 });
    expect(company.value.rows.find((r) => r.id === requesterInvoice.id)).toMatchObject({ remainingCents: other.value.remainingCents, creditedCents: other.value.creditedCents });
    expect(company.value.scopeDueCents).toBe(other.value.remainingCents);
  });
});
