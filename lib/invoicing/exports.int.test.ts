import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { cartLines, carts, invoiceLines, invoices, orders, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import type { CommercialDocument } from '@/lib/documents/types';
import { checkCii, exportCii, readCii, type CiiInvoice } from '@/lib/einvoice';
import { formatMoney, formatRateBp } from '@/lib/money';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { renderDocumentPdf } from '@/lib/pdf/render-document';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { acceptQuote } from '@/lib/quotes/decision-service';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import type { SaveDraftInput } from '@/lib/quotes/schemas';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { ciiOf, getCreditNoteDocument, getInvoiceDocument } from './queries';
import { issueCreditNote, issueInvoice } from './staff-service';

const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const money = (cents: number) => plain(formatMoney(cents));

/** The PDF's text as a reader sees it: visual lines, runs on one baseline joined by ' | '. */
async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const runs = content.items
      .flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; runs: typeof runs }[] = [];
    for (const run of runs) {
      const last = lines.at(-1);
      if (last !== undefined && Math.abs(last.y - run.y) < 1.5) last.runs.push(run);
      else lines.push({ y: run.y, runs: [run] });
    }
    out.push(...lines.map((l) => plain(l.runs.sort((a, b) => a.x - b.x).map((r) => r.str).join(' | '))));
  }
  await pdf.destroy();
  return out;
}

/** A CII amount (`1234.56`) as integer cents, exactly; a missing or malformed one fails the test. */
function cents(n: { text: string } | null | undefined): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(n?.text.trim() ?? '');
  if (!m) throw new Error(`not an amount: ${JSON.stringify(n?.text)}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')));
}
const rateBp = (n: { text: string } | null | undefined) => Math.round(Number(n?.text) * 100);

/** The amounts of an export, in the document's terms. */
function amountsOfXml(x: CiiInvoice) {
  return {
    lines: x.lines.map((l) => cents(l.netAmount)),
    charges: x.charges.map((c) => ({ amount: cents(c.amount), rate: rateBp(c.tax?.rate), category: c.tax?.category })),
    allowances: x.allowances.map((c) => ({ amount: cents(c.amount), rate: rateBp(c.tax?.rate), category: c.tax?.category })),
    breakdown: x.breakdown.map((b) => ({ category: b.category, vatRateBp: rateBp(b.rate), taxableCents: cents(b.basis), vatCents: cents(b.vat) })),
    lineTotal: cents(x.totals?.lineTotal),
    net: cents(x.totals?.taxBasisTotal),
    vat: x.totals!.taxTotals.filter((t) => t.currency === 'EUR').map((t) => cents(t.amount)),
    gross: cents(x.totals?.grandTotal),
    due: cents(x.totals?.duePayable),
  };
}

function amountsOfDoc(d: CommercialDocument) {
  const adj = (kind: 'charge' | 'allowance') => d.adjustments.filter((a) => a.kind === kind).map((a) => ({ amount: a.netCents, rate: a.vatRateBp, category: a.category }));
  return {
    lines: d.lines.map((l) => l.netCents),
    charges: adj('charge'),
    allowances: adj('allowance'),
    breakdown: d.breakdown.map((b) => ({ category: b.category, vatRateBp: b.vatRateBp, taxableCents: b.taxableCents, vatCents: b.vatCents })),
    lineTotal: d.lines.reduce((s, l) => s + l.netCents, 0),
    net: d.totalNetCents,
    vat: [d.totalVatCents],
    gross: d.totalGrossCents,
    due: d.totalGrossCents - (d.prepaidCents ?? 0),
  };
}

/**
 * Export as the download routes do (ciiOf: exportCii + checkCii, throws on any violation), check
 * with zero violations, read back: the XML's amounts are the document's, to the cent. The amounts
 * are compared on the raw export even when the check fails, so one broken rule does not hide another.
 */
function exportAndCompare(doc: CommercialDocument): CiiInvoice {
  const raw = exportCii(doc, { paymentMeansCode: '58' });
  let served: string;
  try {
    served = ciiOf(doc).ok ? 'served' : 'not exported';
  } catch (error) {
    served = (error as Error).message;
  }
  expect.soft({ violations: checkCii(raw).violations, served }, doc.number).toEqual({ violations: [], served: 'served' });
  const read = readCii(raw);
  if (!read.ok) throw new Error(read.error);
  expect(amountsOfXml(read.invoice)).toEqual(amountsOfDoc(doc));
  expect(read.invoice.number).toBe(doc.number);
  expect(read.invoice.typeCode).toBe(doc.kind === 'credit_note' ? '381' : '380');
  return read.invoice;
}

/** The PDF is a PDF and prints the document's number, every VAT rate line and the totals, as stored. */
async function expectPdf(doc: CommercialDocument) {
  const bytes = await renderDocumentPdf(doc);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const lines = await pdfLines(bytes);
  const text = lines.join('\n');
  expect(text).toContain(`N° ${doc.number}`);
  expect(lines).toContain(`Total TTC | ${money(doc.totalGrossCents)}`);
  if (doc.mode === 'tax_exclusive') {
    expect(lines).toContain(`Total HT | ${money(doc.totalNetCents)}`);
    for (const b of doc.breakdown) expect(text).toContain(`| ${money(b.taxableCents)} | ${money(b.vatCents)}`);
    if (doc.breakdown.length > 1) for (const b of doc.breakdown) expect(lines).toContain(`${plain(formatRateBp(b.vatRateBp))} | ${money(b.taxableCents)} | ${money(b.vatCents)}`);
  }
  for (const m of doc.mentions) expect(text.replace(/\n/g, ' ')).toContain(m);
}

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

describe.each(backends())('EN 16931 exports and PDF of invoices on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  async function ship(orderId: string) {
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId, to }, testPaymentProvider)).toEqual({ ok: true, value: null });
    const [inv] = await db().select().from(invoices).where(eq(invoices.orderId, orderId));
    return inv!;
  }

  async function quotedOrder(co: CompanyFixture, purchaser: Actor, lines: SaveDraftInput['lines'], shipping: string): Promise<string> {
    const q = await createQuote(db(), sales, { accountId: co.accountId });
    if (!q.ok) throw new Error(q.error);
    const saved = await saveQuoteDraft(db(), sales, { quoteId: q.value.quoteId, baseVersion: 1, title: 'Devis', lines, validUntil: inDays(30), shipping, deliveryTerms: '', paymentTerms: '', clientNote: '', internalNotes: '' });
    if (!saved.ok) throw new Error(saved.error);
    const sent = await sendQuote(db(), sales, { quoteId: q.value.quoteId, version: 1 });
    if (!sent.ok) throw new Error(sent.error);
    const accepted = await acceptQuote(db(), purchaser, { quoteId: q.value.quoteId, version: 1, purchaseOrderRef: 'BC-2041' });
    if (!accepted.ok) throw new Error(accepted.error);
    return accepted.value.orderId;
  }

  async function cartOrder(co: CompanyFixture, purchaser: Actor, quantity: number) {
    await addToB2bCart(db(), purchaser, { productId: co.product.id, quantity });
    const placed = await placeB2bOrder(db(), purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 * quantity });
    if (!placed.ok) throw new Error(placed.error);
    expect(placed.value.status).toBe('placed');
    return placed.value.orderId;
  }

  /** The document, the order it came from: their amounts agree, to the cent. */
  async function expectSameAsOrder(doc: CommercialDocument, orderId: string) {
    const [o] = await db().select().from(orders).where(eq(orders.id, orderId));
    expect({ net: doc.totalNetCents, vat: doc.totalVatCents, gross: doc.totalGrossCents, breakdown: doc.breakdown, mentions: doc.mentions, treatment: doc.treatment }).toEqual({
      net: o!.totalNetCents,
      vat: o!.totalVatCents,
      gross: o!.totalGrossCents,
      breakdown: o!.vatBreakdown,
      mentions: o!.mentions,
      treatment: o!.treatment,
    });
  }

  it('a domestic invoice on 20 %, 10 % and 5,5 % with a line discount and shipping: XML = PDF = order, to the cent', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    const orderId = await quotedOrder(
      co,
      purchaser,
      [
        { productId: co.product.id, description: 'Luminaire LED', quantity: '12', unitPrice: '300,00', discount: '8', vatRateBp: 2000 },
        { description: 'Pose sur site (jours)', quantity: '1,5', unitPrice: '650,00', discount: '', vatRateBp: 1000 },
        { description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '7', vatRateBp: 550 },
      ],
      '49,90',
    );
    const inv = await ship(orderId);
    const doc = await getInvoiceDocument(db(), purchaser, inv.id);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value.breakdown.map((b) => [b.category, b.vatRateBp])).toEqual([
      ['S', 2000],
      ['S', 1000],
      ['S', 550],
    ]);
    expect(doc.value.lines.map((l) => l.discountBp)).toEqual([800, 0, 700]);
    expect(doc.value.adjustments.filter((a) => a.kind === 'charge').reduce((s, a) => s + a.netCents, 0)).toBe(4990);
    expect(doc.value.nature).toBe('both');
    await expectSameAsOrder(doc.value, orderId);
    const xml = exportAndCompare(doc.value);
    expect(xml.charges).toHaveLength(3); // shipping split over the three rates
    expect(xml.notes.map((n) => n.subjectCode).sort()).toEqual(expect.arrayContaining(['AAB', 'PMD', 'PMT']));
    expect(xml.paymentTerms?.dueDate?.text).toBe(doc.value.dueDate!.replace(/-/g, ''));
    expect(xml.seller?.vatId).toBe(doc.value.seller.vatNumber);
    expect(xml.buyer?.vatId).toBe('FR40529876542');
    await expectPdf(doc.value);
  });

  it('an intra-EU invoice (Belgian VAT number, delivered in Belgium): category K, exact, with the buyer’s VAT number and the delivery', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, country: 'BE', vatNumber: 'BE0123456749' });
    const purchaser = await co.person('purchaser');
    const orderId = await cartOrder(co, purchaser, 3);
    const inv = await ship(orderId);
    expect(inv.treatment).toBe('intra_eu_goods');
    const doc = await getInvoiceDocument(db(), purchaser, inv.id);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value.breakdown).toEqual([{ vatRateBp: 0, category: 'K', taxableCents: 90_000, vatCents: 0 }]);
    expect(doc.value.mentions).toEqual(['Exonération de TVA, article 262 ter I du CGI']);
    await expectSameAsOrder(doc.value, orderId);
    const xml = exportAndCompare(doc.value);
    expect(xml.breakdown[0]).toMatchObject({ category: 'K', exemptionReasonCode: expect.stringMatching(/^VATEX-EU-IC$/i) });
    expect(xml.buyer?.vatId).toBe('BE0123456749');
    expect(xml.shipTo?.country).toBe('BE');
    expect(xml.deliveryDate?.text).toBe(inv.deliveryDate!.replace(/-/g, ''));
    await expectPdf(doc.value);
  });

  it('an intra-EU invoice issued early by staff still exports (the delivery date is on it)', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, country: 'BE', vatNumber: 'BE0123456749' });
    const purchaser = await co.person('purchaser');
    const orderId = await cartOrder(co, purchaser, 1);
    const issued = await issueInvoice(db(), sales, { orderId });
    if (!issued.ok) throw new Error(issued.error);
    const doc = await getInvoiceDocument(db(), purchaser, issued.value.invoiceId);
    if (!doc.ok) throw new Error(doc.error);
    expect(() => ciiOf(doc.value)).not.toThrow();
  });

  it('an export invoice (Swiss company delivered in Switzerland): category G, exact', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, country: 'CH', vatNumber: null });
    const purchaser = await co.person('purchaser');
    const orderId = await cartOrder(co, purchaser, 2);
    const inv = await ship(orderId);
    expect(inv.treatment).toBe('export');
    const doc = await getInvoiceDocument(db(), purchaser, inv.id);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value.breakdown).toEqual([{ vatRateBp: 0, category: 'G', taxableCents: 60_000, vatCents: 0 }]);
    expect(doc.value.mentions).toEqual(['Exonération de TVA, article 262 I du CGI']);
    await expectSameAsOrder(doc.value, orderId);
    const xml = exportAndCompare(doc.value);
    expect(xml.breakdown[0]).toMatchObject({ category: 'G', exemptionReasonCode: expect.stringMatching(/^VATEX-EU-G$/i) });
    await expectPdf(doc.value);
  });

  it('credit notes — partial by lines, by amount, full with shipping, and intra-EU — export exactly and reference the invoice', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    const quoteLines: SaveDraftInput['lines'] = [
      { productId: co.product.id, description: 'Luminaire LED', quantity: '4', unitPrice: '300,00', discount: '5', vatRateBp: 2000 },
      { description: 'Pose (jours)', quantity: '0,5', unitPrice: '650,00', discount: '', vatRateBp: 1000 },
      { description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '7', vatRateBp: 550 },
    ];
    const inv = await ship(await quotedOrder(co, purchaser, quoteLines, '25,00'));
    const [first, , third] = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id)).orderBy(invoiceLines.position);
    const notes = [
      await issueCreditNote(db(), sales, { mode: 'lines', invoiceId: inv.id, reason: 'Luminaire défectueux', lines: [{ invoiceLineId: first!.id, quantity: '1' }, { invoiceLineId: third!.id, quantity: '2' }] }),
      await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: inv.id, reason: 'Geste commercial', amounts: [{ vatRateBp: 2000, amount: '33,33' }, { vatRateBp: 1000, amount: '10,01' }] }),
    ];
    const full = await ship(await quotedOrder(co, purchaser, quoteLines, '25,00'));
    notes.push(await issueCreditNote(db(), sales, { mode: 'full', invoiceId: full.id, reason: 'Commande retournée' }));
    const be = await makeCompany(db(), { budgetHtCents: null, country: 'BE', vatNumber: 'BE0123456749' });
    const bePurchaser = await be.person('purchaser');
    const beInv = await ship(await cartOrder(be, bePurchaser, 2));
    notes.push(await issueCreditNote(db(), sales, { mode: 'amounts', invoiceId: beInv.id, reason: 'Remise', amounts: [{ vatRateBp: 0, amount: '120,00' }] }));

    for (const [i, n] of notes.entries()) {
      if (!n.ok) throw new Error(n.error);
      const viewer = i === 3 ? bePurchaser : purchaser;
      const doc = await getCreditNoteDocument(db(), viewer, n.value.creditNoteId);
      if (!doc.ok) throw new Error(doc.error);
      expect(doc.value.kind).toBe('credit_note');
      const xml = exportAndCompare(doc.value);
      const invoice = i === 2 ? full : i === 3 ? beInv : inv;
      expect(xml.precedingInvoices.map((p) => p.id)).toEqual([invoice.number]);
      await expectPdf(doc.value);
    }
    // The full note carries the invoice's shipping and every amount of it.
    const fullDoc = await getCreditNoteDocument(db(), purchaser, notes[2]!.ok ? notes[2]!.value.creditNoteId : '');
    if (!fullDoc.ok) throw new Error(fullDoc.error);
    expect({ net: fullDoc.value.totalNetCents, vat: fullDoc.value.totalVatCents, gross: fullDoc.value.totalGrossCents, breakdown: fullDoc.value.breakdown }).toEqual({
      net: full.totalNetCents,
      vat: full.totalVatCents,
      gross: full.totalGrossCents,
      breakdown: full.vatBreakdown,
    });
    expect(fullDoc.value.adjustments.reduce((s, a) => s + a.netCents, 0)).toBe(2500);
  });

  it('a B2C receipt: PDF with what was paid, never exported as EN 16931', async () => {
    const sku = unique('X').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    const [a] = await db().insert(products).values({ sku, slug: sku.toLowerCase(), name: `Carnet ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 1999, b2bListPriceHtCents: 1200, stockOnHand: 10 }).returning({ id: products.id });
    const [b] = await db().insert(products).values({ sku: `${sku}B`, slug: `${sku.toLowerCase()}-b`, name: `Livre ${sku}`, vatRateBp: 550, b2cPriceTtcCents: 1250, b2bListPriceHtCents: 900, stockOnHand: 10 }).returning({ id: products.id });
    const customer = await actorOf(db(), 'client@particulier.test');
    const [cart] = await db().insert(carts).values({ userId: customer.userId }).returning({ id: carts.id });
    await db().insert(cartLines).values([
      { cartId: cart!.id, productId: a!.id, quantity: 3 },
      { cartId: cart!.id, productId: b!.id, quantity: 2 },
    ]);
    const expected = priceShopBasket(
      [
        { productId: a!.id, quantity: 3, unitPriceTtcCents: 1999, vatRateBp: 2000 },
        { productId: b!.id, quantity: 2, unitPriceTtcCents: 1250, vatRateBp: 550 },
      ],
      'standard',
    ).tax;
    const placed = await placeShopOrder(
      db(),
      customer,
      cart!.id,
      checkoutSchema.parse({
        idempotencyKey: randomUUID(),
        expectedTotalCents: String(expected.totalGrossCents),
        email: customer.email,
        firstName: 'Claire',
        lastName: 'Client',
        line1: '1 rue de la Paix',
        postalCode: '75002',
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
    const inv = await ship(placed.value.orderId);
    const doc = await getInvoiceDocument(db(), customer, inv.id);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value).toMatchObject({ mode: 'tax_inclusive', totalGrossCents: expected.totalGrossCents, prepaidCents: expected.totalGrossCents, breakdown: expected.breakdown });
    await expectSameAsOrder(doc.value, placed.value.orderId);
    expect(ciiOf(doc.value)).toMatchObject({ ok: false });
    await expectPdf(doc.value);
  });
});
