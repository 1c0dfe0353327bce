import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { accounts, cartLines, carts, creditNotes, invoices, persons, positions, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, deactivate, makeCompany } from '@/test/fixtures/b2b-company';
import { ciiOf, getCreditNoteDocument, getInvoice, getInvoiceDocument, listInvoices } from './queries';
import { issueCreditNote } from './staff-service';

/*
 * Company A's people and consumers never get company B's invoices, credit notes, PDF documents or
 * XML (the download routes serve getInvoiceDocument / getCreditNoteDocument, then ciiOf or the PDF):
 * another company's document is "not found", exactly like one that does not exist.
 */

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

/** A consumer with a shop account of their own (as registerCustomer creates it). */
async function makeConsumer(db: Database): Promise<Actor> {
  const email = `${unique('conso')}@example.test`;
  const [p] = await db.insert(persons).values({ firstName: 'Jeanne', lastName: unique('Conso'), emails: [email] }).returning({ id: persons.id });
  const [a] = await db.insert(accounts).values({ kind: 'individual', status: 'active', legalName: 'Jeanne Conso' }).returning({ id: accounts.id });
  await db.insert(positions).values({ personId: p!.id, accountId: a!.id });
  const [u] = await db.insert(users).values({ personId: p!.id, email, kind: 'customer' }).returning({ id: users.id });
  return (await loadActor(db, u!.id))!;
}

describe.each(backends())('invoices across companies on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  async function invoicedOrder(co: CompanyFixture, who: Actor) {
    await addToB2bCart(db(), who, { productId: co.product.id, quantity: 1 });
    const placed = await placeB2bOrder(db(), who, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    if (!placed.ok || placed.value.status !== 'placed') throw new Error(placed.ok ? placed.value.status : placed.error);
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId: placed.value.orderId, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
    const [inv] = await db().select().from(invoices).where(eq(invoices.orderId, placed.value.orderId));
    const credit = await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: inv!.id, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '10,00' }] });
    if (!credit.ok) throw new Error(credit.error);
    return { invoice: inv!, creditNoteId: credit.value.creditNoteId };
  }

  async function consumerInvoice(customer: Actor) {
    const sku = unique('CC').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    const [p] = await db().insert(products).values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 2500, b2bListPriceHtCents: 1500, stockOnHand: 10 }).returning({ id: products.id });
    const [cart] = await db().insert(carts).values({ userId: customer.userId }).returning({ id: carts.id });
    await db().insert(cartLines).values({ cartId: cart!.id, productId: p!.id, quantity: 1 });
    const total = priceShopBasket([{ productId: p!.id, quantity: 1, unitPriceTtcCents: 2500, vatRateBp: 2000 }], 'standard').tax.totalGrossCents;
    const placed = await placeShopOrder(
      db(),
      customer,
      cart!.id,
      checkoutSchema.parse({
        idempotencyKey: randomUUID(),
        expectedTotalCents: String(total),
        email: customer.email,
        firstName: 'Jeanne',
        lastName: 'Conso',
        line1: '2 rue du Bac',
        postalCode: '75007',
        city: 'Paris',
        shippingMethod: 'standard',
        paymentMethod: 'card',
        cardNumber: '4242 4242 4242 4242',
        cardExpiry: '12/30',
        cardCvc: '123',
        acceptTerms: 'on',
      }),
      testPaymentProvider,
    );
    if (!placed.ok) throw new Error(placed.error);
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId: placed.value.orderId, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
    const [inv] = await db().select().from(invoices).where(eq(invoices.orderId, placed.value.orderId));
    const credit = await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: inv!.id, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '1,00' }] });
    if (!credit.ok) throw new Error(credit.error);
    return { invoice: inv!, creditNoteId: credit.value.creditNoteId };
  }

  /** Everything a viewer could try on one invoice and its credit note: every answer must be "not found". */
  async function probe(viewer: Actor | null, doc: { invoice: typeof invoices.$inferSelect; creditNoteId: string }) {
    const detail = await getInvoice(db(), viewer, doc.invoice.id);
    const pdf = await getInvoiceDocument(db(), viewer, doc.invoice.id);
    const creditNote = await getCreditNoteDocument(db(), viewer, doc.creditNoteId);
    const listed = await listInvoices(db(), viewer, { page: 1, q: doc.invoice.number });
    return {
      detail: detail.ok ? 'VISIBLE' : detail.error,
      document: pdf.ok ? 'VISIBLE' : pdf.error,
      xml: pdf.ok ? (ciiOf(pdf.value).ok ? 'VISIBLE' : 'not exported') : 'no document to export',
      creditNote: creditNote.ok ? 'VISIBLE' : creditNote.error,
      listed: listed.ok ? (listed.value.rows.some((r) => r.id === doc.invoice.id) || listed.value.total > 0 || listed.value.dueCents > 0 ? 'VISIBLE' : 'absent') : listed.error,
    };
  }

  const notFound = { detail: 'Facture introuvable.', document: 'Facture introuvable.', xml: 'no document to export', creditNote: 'Avoir introuvable.', listed: 'absent' };

  it('company A’s purchaser, admin and requester never get company B’s invoice, credit note, document or XML', async () => {
    const b = await makeCompany(db(), { budgetHtCents: null });
    const bPurchaser = await b.person('purchaser');
    const docB = await invoicedOrder(b, bPurchaser);
    // B sees it (so the probe can see a document at all).
    expect(await probe(bPurchaser, docB)).toEqual({ detail: 'VISIBLE', document: 'VISIBLE', xml: 'VISIBLE', creditNote: 'VISIBLE', listed: 'VISIBLE' });

    const a = await makeCompany(db(), { budgetHtCents: null });
    const aPurchaser = await a.person('purchaser');
    await invoicedOrder(a, aPurchaser); // A has invoices of its own
    for (const viewer of [aPurchaser, await a.person('company_admin'), await a.person('requester')]) {
      expect(await probe(viewer, docB), viewer.role).toEqual(notFound);
    }
    // Ids of B's documents sent as another kind are not found either.
    expect(await getCreditNoteDocument(db(), aPurchaser, docB.invoice.id)).toMatchObject({ ok: false });
    expect(await getInvoice(db(), aPurchaser, docB.creditNoteId)).toMatchObject({ ok: false });
    // A's list holds A's invoices only.
    const listA = await listInvoices(db(), aPurchaser, { page: 1 });
    expect(listA.ok && listA.value.rows.every((r) => r.buyerName.startsWith('Société') && r.id !== docB.invoice.id)).toBe(true);
    const [aAccount] = await db().select({ legalName: accounts.legalName }).from(accounts).where(eq(accounts.id, a.accountId));
    expect(listA.ok && listA.value.rows.map((r) => r.buyerName)).toEqual([aAccount!.legalName]);
  });

  it('within a company a requester gets only the invoices of their own orders; a deactivated purchaser gets nothing', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const alice = await co.person('requester');
    const bob = await co.person('requester');
    const purchaser = await co.person('purchaser');
    const docAlice = await invoicedOrder(co, alice);
    const docBob = await invoicedOrder(co, bob);
    expect(await probe(alice, docBob)).toEqual(notFound);
    expect((await probe(alice, docAlice)).document).toBe('VISIBLE'); // her own: found
    for (const d of [docAlice, docBob]) expect((await probe(purchaser, d)).creditNote).toBe('VISIBLE'); // the purchaser sees the company's
    await deactivate(db(), purchaser);
    const stale = await loadActor(db(), purchaser.userId);
    expect(stale).toBeNull();
    expect(await probe(stale, docAlice)).toEqual({ ...notFound, detail: expect.any(String), document: expect.any(String), creditNote: expect.any(String), listed: expect.any(String) });
    expect(Object.values(await probe(stale, docAlice))).not.toContain('VISIBLE');
  });

  it('a consumer never gets a company’s invoice nor another consumer’s; companies never get a consumer’s', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    const docB2b = await invoicedOrder(co, purchaser);
    const jeanne = await makeConsumer(db());
    const paul = await makeConsumer(db());
    const docJeanne = await consumerInvoice(jeanne);
    expect((await probe(jeanne, docJeanne)).document).toBe('VISIBLE'); // her own receipt
    expect((await probe(jeanne, docJeanne)).xml).toBe('not exported'); // B2C: PDF only

    for (const [viewer, doc] of [
      [jeanne, docB2b],
      [paul, docJeanne],
      [purchaser, docJeanne],
      [await actorOf(db(), 'client@particulier.test'), docJeanne],
      [await actorOf(db(), 'client@particulier.test'), docB2b],
    ] as const) {
      expect(await probe(viewer, doc), `${viewer.email} → ${doc.invoice.number}`).toEqual(notFound);
    }
    // Nobody signed in gets anything, and a malformed id is just not found.
    expect(Object.values(await probe(null, docB2b))).not.toContain('VISIBLE');
    expect(await getInvoiceDocument(db(), purchaser, `${docB2b.invoice.id}' or '1'='1`)).toMatchObject({ ok: false });
    // Staff see everything.
    for (const d of [docB2b, docJeanne]) expect(await probe(sales, d)).toMatchObject({ detail: 'VISIBLE', document: 'VISIBLE', creditNote: 'VISIBLE', listed: 'VISIBLE' });
    const [cn] = await db().select({ accountId: creditNotes.accountId }).from(creditNotes).where(eq(creditNotes.id, docJeanne.creditNoteId));
    expect(cn!.accountId).toBe(jeanne.accountId);
  });
});
