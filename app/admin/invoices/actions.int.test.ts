import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, creditNotes, invoicePayments, invoices, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { getInvoice, listInvoices } from '@/lib/invoicing/queries';
import { formatMoney } from '@/lib/money';
import { parisDate } from '@/lib/purchasing/periods';
import { addToB2bCart, getB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';

// The actions read the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { issueInvoiceAction, recordPaymentAction, issueCreditNoteAction } = await import('./actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

/** Cents as a French amount typed in a form (`1234,56`). */
const typed = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

describe.each(backends())('back-office invoice actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let co: CompanyFixture;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  /** A placed B2B order of `qty` units of the company's contract product. */
  async function placedOrder(qty: number): Promise<string> {
    const purchaser = await co.person('purchaser');
    await addToB2bCart(db(), purchaser, { productId: co.product.id, quantity: qty });
    const cart = await getB2bCart(db(), purchaser, co.deliveryAddressId);
    if (!cart.ok || !cart.value.priced) throw new Error('no cart');
    const placed = await placeB2bOrder(db(), purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: cart.value.priced.tax.totalNetCents });
    if (!placed.ok) throw new Error(placed.error);
    expect(placed.value.status).toBe('placed');
    return placed.value.orderId;
  }

  /** An order invoiced through the action, as staff: returns the invoice's id. */
  async function invoicedOrder(qty = 2): Promise<string> {
    const orderId = await placedOrder(qty);
    session.actor = sales;
    const issued = await issueInvoiceAction(null, form({ orderId }));
    expect(issued).toMatchObject({ ok: true, message: expect.stringMatching(/^Facture F-\d{4}-\d{6} émise\.$/) });
    const [inv] = await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, orderId));
    return inv!.id;
  }

  async function detail(invoiceId: string) {
    const d = await getInvoice(db(), sales, invoiceId);
    if (!d.ok) throw new Error(d.error);
    return d.value;
  }

  async function counts(invoiceId: string) {
    const [p] = await db().select({ n: count() }).from(invoicePayments).where(eq(invoicePayments.invoiceId, invoiceId));
    const [c] = await db().select({ n: count() }).from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
    return { payments: p!.n, creditNotes: c!.n };
  }

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
    co = await makeCompany(db(), { budgetHtCents: null });
  });

  beforeEach(() => {
    session.actor = null;
  });

  it('issues an order’s invoice once: a second issue says it is already invoiced', async () => {
    const orderId = await placedOrder(1);
    session.actor = sales;
    const first = await issueInvoiceAction(null, form({ orderId }));
    expect(first).toMatchObject({ ok: true });
    const [inv] = await db().select({ number: invoices.number, id: invoices.id }).from(invoices).where(eq(invoices.orderId, orderId));
    expect(first?.message).toBe(`Facture ${inv!.number} émise.`);
    const again = await issueInvoiceAction(null, form({ orderId }));
    expect(again).toEqual({ ok: false, error: `Cette commande est déjà facturée (${inv!.number}).` });
    expect(await db().select({ n: count() }).from(invoices).where(eq(invoices.orderId, orderId))).toEqual([{ n: 1 }]);
    const trail = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, inv!.id));
    expect(trail.map((r) => r.action)).toContain('invoice.issue');
    expect(await issueInvoiceAction(null, form({ orderId: 'pas-un-uuid' }))).toMatchObject({ ok: false });
    expect(await issueInvoiceAction(null, form({ orderId: randomUUID() }))).toMatchObject({ ok: false, error: 'Commande introuvable.' });
  });

  it('records a partial then the final payment: partially paid, then paid, with who recorded it', async () => {
    const invoiceId = await invoicedOrder();
    const before = await detail(invoiceId);
    expect(before.state).toBe('unpaid');
    const due = before.remainingCents;
    session.actor = sales;
    const today = parisDate();

    const part = await recordPaymentAction(null, form({ invoiceId, amount: '100,00', paidOn: today, method: 'cheque', reference: 'CHQ 0042' }));
    expect(part).toEqual({ ok: true, message: `Paiement enregistré. Reste dû : ${formatMoney(due - 10000)}.` });
    expect((await detail(invoiceId)).state).toBe('partially_paid');

    const rest = await recordPaymentAction(null, form({ invoiceId, amount: typed(due - 10000), paidOn: today, method: 'bank_transfer', reference: '' }));
    expect(rest).toEqual({ ok: true, message: 'Paiement enregistré : la facture est payée.' });
    const after = await detail(invoiceId);
    expect(after).toMatchObject({ state: 'paid', remainingCents: 0, paidCents: due });
    expect(after.payments.map((p) => ({ amount: p.amountCents, method: p.method, reference: p.reference, by: p.recordedBy }))).toEqual([
      { amount: 10000, method: 'cheque', reference: 'CHQ 0042', by: 'commercial@comptoir.test' },
      { amount: due - 10000, method: 'bank_transfer', reference: null, by: 'commercial@comptoir.test' },
    ]);

    // Nothing more can be received on a settled invoice.
    expect(await recordPaymentAction(null, form({ invoiceId, amount: '0,01', paidOn: today, method: 'bank_transfer' }))).toMatchObject({ ok: false, error: 'Cette facture est déjà soldée.' });
  });

  it('refuses a payment beyond what remains, and keeps what was typed', async () => {
    const invoiceId = await invoicedOrder();
    const due = (await detail(invoiceId)).remainingCents;
    session.actor = sales;
    const result = await recordPaymentAction(null, form({ invoiceId, amount: typed(due + 1), paidOn: parisDate(), method: 'bank_transfer', reference: 'VIR 1' }));
    expect(result).toMatchObject({ ok: false, error: `Il ne reste que ${formatMoney(due)} à payer sur cette facture.`, values: { amount: typed(due + 1), reference: 'VIR 1' } });
    expect(await counts(invoiceId)).toEqual({ payments: 0, creditNotes: 0 });
  });

  it('answers malformed payment fields next to each field, recording nothing', async () => {
    const invoiceId = await invoicedOrder();
    session.actor = sales;
    const bad = await recordPaymentAction(null, form({ invoiceId, amount: 'douze', paidOn: parisDate(), method: 'bank_transfer' }));
    // The message is next to the field; the form-level one points there rather than repeating it.
    expect(bad).toMatchObject({ ok: false, error: 'Vérifiez les champs signalés.', fieldErrors: { amount: [expect.stringContaining('n’est pas un montant')] }, values: { amount: 'douze' } });
    const zero = await recordPaymentAction(null, form({ invoiceId, amount: '0', paidOn: parisDate(), method: 'bank_transfer' }));
    expect(zero).toMatchObject({ ok: false, fieldErrors: { amount: ['Le montant doit être positif.'] } });
    const method = await recordPaymentAction(null, form({ invoiceId, amount: '10', paidOn: parisDate(), method: 'bitcoin' }));
    expect(method).toMatchObject({ ok: false, fieldErrors: { method: ['Choisissez un moyen de paiement.'] } });
    const date = await recordPaymentAction(null, form({ invoiceId, amount: '10', paidOn: 'hier', method: 'cheque' }));
    expect(date).toMatchObject({ ok: false, fieldErrors: { paidOn: ['Saisissez une date valide.'] } });
    const future = await recordPaymentAction(null, form({ invoiceId, amount: '10', paidOn: '2999-01-01', method: 'cheque' }));
    expect(future).toMatchObject({ ok: false, error: 'La date de paiement ne peut pas être dans le futur.' });
    expect(await counts(invoiceId)).toEqual({ payments: 0, creditNotes: 0 });
  });

  it('issues a credit note of an amount on a rate, lowering what is due; beyond what remains on that rate is refused', async () => {
    const invoiceId = await invoicedOrder();
    const before = await detail(invoiceId);
    const rate = before.invoice.vatBreakdown[0]!;
    session.actor = sales;

    const ok = await issueCreditNoteAction(null, form({ invoiceId, mode: 'amounts', reason: 'Geste commercial', [`amount.${rate.vatRateBp}`]: '10,00' }));
    expect(ok).toMatchObject({ ok: true, message: expect.stringMatching(/^Avoir AV-\d{4}-\d{6} émis\.$/) });
    const after = await detail(invoiceId);
    expect(after.creditNotes).toEqual([expect.objectContaining({ reason: 'Geste commercial', kind: 'partial', totalNetCents: 1000 })]);
    expect(after.remainingCents).toBe(before.remainingCents - after.creditNotes[0]!.totalGrossCents);

    // The rest of the rate plus one cent is refused; the exact rest is accepted.
    const left = rate.taxableCents - 1000;
    const tooMuch = await issueCreditNoteAction(null, form({ invoiceId, mode: 'amounts', reason: 'Trop', [`amount.${rate.vatRateBp}`]: typed(left + 1) }));
    expect(tooMuch).toMatchObject({ ok: false, error: expect.stringContaining('dépasse ce qui reste à créditer'), values: { reason: 'Trop' } });
    expect((await counts(invoiceId)).creditNotes).toBe(1);

    // A whole-invoice credit note is no longer possible once one exists.
    const full = await issueCreditNoteAction(null, form({ invoiceId, mode: 'full', reason: 'Annulation' }));
    expect(full).toMatchObject({ ok: false, error: expect.stringContaining('Un avoir existe déjà') });
    expect((await counts(invoiceId)).creditNotes).toBe(1);
  });

  it('credits chosen line quantities within what remains per line, mapping errors back onto the inputs', async () => {
    const invoiceId = await invoicedOrder(3);
    const [line] = (await detail(invoiceId)).lines;
    session.actor = sales;
    const qty = `qty.${line!.id}`;

    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: 'Retour', [qty]: '' }))).toMatchObject({ ok: false, error: 'Indiquez une quantité sur au moins une ligne.' });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: 'Retour', [qty]: 'deux' }))).toMatchObject({ ok: false, error: 'Vérifiez les champs signalés.', fieldErrors: { [qty]: ['Quantité invalide.'] } });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: '  ', [qty]: '1' }))).toMatchObject({ ok: false, fieldErrors: { reason: ['Indiquez le motif de l’avoir.'] } });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: 'Retour', [qty]: '4' }))).toMatchObject({ ok: false, error: 'Il ne reste que 3 à créditer sur cette ligne.' });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'nothing', reason: 'Retour' }))).toMatchObject({ ok: false, error: 'Choisissez ce que l’avoir crédite.' });
    expect((await counts(invoiceId)).creditNotes).toBe(0);

    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: 'Retour d’un article', [qty]: '1' }))).toMatchObject({ ok: true });
    expect((await detail(invoiceId)).creditedQuantities).toEqual({ [line!.id]: 1 });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'lines', reason: 'Retour', [qty]: '3' }))).toMatchObject({ ok: false, error: 'Il ne reste que 2 à créditer sur cette ligne.' });
  });

  it('lists an invoice with what was credited and paid on it, and sums what is due', async () => {
    const invoiceId = await invoicedOrder();
    const before = await detail(invoiceId);
    session.actor = sales;
    const rate = before.invoice.vatBreakdown[0]!;
    expect(await recordPaymentAction(null, form({ invoiceId, amount: '10,00', paidOn: parisDate(), method: 'bank_transfer' }))).toMatchObject({ ok: true });
    expect(await issueCreditNoteAction(null, form({ invoiceId, mode: 'amounts', reason: 'Geste', [`amount.${rate.vatRateBp}`]: '5,00' }))).toMatchObject({ ok: true });
    const after = await detail(invoiceId);
    const list = await listInvoices(db(), sales, { page: 1, q: before.invoice.number });
    if (!list.ok) throw new Error(list.error);
    expect(list.value.rows).toEqual([
      expect.objectContaining({ id: invoiceId, paidCents: 1000, creditedCents: after.creditedCents, remainingCents: after.remainingCents, state: 'partially_paid' }),
    ]);
    expect(list.value.dueCents).toBe(after.remainingCents);
  });

  it.each([
    ['no session', null],
    ['a B2B purchaser of the invoiced company', 'purchaser'],
    ['a consumer', 'client@particulier.test'],
  ])('refuses every invoice action for %s and changes nothing', async (_label, who) => {
    const invoiceId = await invoicedOrder();
    const orderId = await placedOrder(1);
    session.actor = who === null ? null : who === 'purchaser' ? await co.person('purchaser') : await actorOf(who);
    const results = [
      await issueInvoiceAction(null, form({ orderId })),
      await recordPaymentAction(null, form({ invoiceId, amount: '10,00', paidOn: parisDate(), method: 'bank_transfer' })),
      await issueCreditNoteAction(null, form({ invoiceId, mode: 'amounts', reason: 'Geste', 'amount.2000': '10,00' })),
      await issueCreditNoteAction(null, form({ invoiceId, mode: 'full', reason: 'Annulation' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await counts(invoiceId)).toEqual({ payments: 0, creditNotes: 0 });
    expect(await db().select({ n: count() }).from(invoices).where(eq(invoices.orderId, orderId))).toEqual([{ n: 0 }]);
  });
});
