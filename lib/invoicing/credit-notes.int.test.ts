import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, creditNoteLines, creditNotes, invoiceLines, invoices, outbox, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { acceptQuote } from '@/lib/quotes/decision-service';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import type { SaveDraftInput } from '@/lib/quotes/schemas';
import type { Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { getInvoice } from './queries';
import type { CreditNoteInput } from './schemas';
import { formatDocumentNumber } from './numbering';
import { issueCreditNote, issueInvoice } from './staff-service';

/** Messages compared in fr-FR form whatever the spaces and decimal mark (`5.5 %` = `5,5 %`). */
const norm = (m: string) => m.replace(/[\u00A0\u202F]/g, ' ').replace(/(\d)\.(\d)/g, '$1,$2');

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

async function lastNumber(db: Database, series: 'F' | 'AV', year: number): Promise<number> {
  const [row] = await db.execute(sql`select last_number from document_counters where series = ${series} and year = ${year}`).then(rowsOf<{ last_number: number }>);
  return Number(row?.last_number ?? 0);
}

type QuoteLine = SaveDraftInput['lines'][number];

describe.each(backends())('credit notes on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  const year = Number(parisDate().slice(0, 4));
  let sales: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
  });

  /** An issued invoice of a quote accepted by the company's purchaser (lines, discounts, shipping as given). */
  async function quotedInvoice(lines: (co: CompanyFixture) => QuoteLine[], shipping = '') {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    const q = await createQuote(db(), sales, { accountId: co.accountId });
    if (!q.ok) throw new Error(q.error);
    const saved = await saveQuoteDraft(db(), sales, { quoteId: q.value.quoteId, baseVersion: 1, title: 'Devis', lines: lines(co), validUntil: inDays(30), shipping, deliveryTerms: '', paymentTerms: '', clientNote: '', internalNotes: '' });
    if (!saved.ok) throw new Error(saved.error);
    const sent = await sendQuote(db(), sales, { quoteId: q.value.quoteId, version: 1 });
    if (!sent.ok) throw new Error(sent.error);
    const accepted = await acceptQuote(db(), purchaser, { quoteId: q.value.quoteId, version: 1 });
    if (!accepted.ok) throw new Error(accepted.error);
    const inv = await issueInvoice(db(), sales, { orderId: accepted.value.orderId });
    if (!inv.ok) throw new Error(inv.error);
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, inv.value.invoiceId));
    const invLines = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.value.invoiceId)).orderBy(asc(invoiceLines.position));
    return { co, purchaser, invoice: invoice!, lines: invLines };
  }

  const notesOf = (invoiceId: string) => db().select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId)).orderBy(asc(creditNotes.sequence));

  /** issueCreditNote, with a throw turned into a value so a test can tell "refused" from "crashed". */
  async function credit(input: CreditNoteInput, actor: Actor | null = sales): Promise<Result<{ creditNoteId: string; number: string }>> {
    try {
      return await issueCreditNote(db(), actor, input);
    } catch (error) {
      const e = error as { message?: string; cause?: { message?: string } };
      return { ok: false, error: `threw: ${e.cause?.message ?? e.message}` };
    }
  }

  /** Credited so far on one invoice line: quantity and amount. */
  async function creditedOnLine(invoiceLineId: string) {
    const [row] = await db()
      .select({ q: sql<number>`coalesce(sum(${creditNoteLines.quantity}), 0)`.mapWith(Number), cents: sql<number>`coalesce(sum(${creditNoteLines.lineTotalCents}), 0)`.mapWith(Number) })
      .from(creditNoteLines)
      .where(eq(creditNoteLines.invoiceLineId, invoiceLineId));
    return row!;
  }

  const multiRate = (co: CompanyFixture): QuoteLine[] => [
    { productId: co.product.id, description: 'Luminaire', quantity: '2', unitPrice: '300,00', discount: '5', vatRateBp: 2000 },
    { description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '7', vatRateBp: 550 },
    { description: 'Pose (jours)', quantity: '1,5', unitPrice: '650,00', discount: '', vatRateBp: 1000 },
  ];

  it('refuses what goes beyond what remains — per line, per rate, in total, a full note after a partial — with no row and no number', async () => {
    const { invoice, lines, purchaser } = await quotedInvoice(multiRate, '25,00');
    const [lum, notice] = lines;
    const r20 = invoice.vatBreakdown.find((b) => b.vatRateBp === 2000)!;
    const r55 = invoice.vatBreakdown.find((b) => b.vatRateBp === 550)!;
    const cents = (n: number) => (n / 100).toFixed(2).replace('.', ',');
    const base = { invoiceId: invoice.id, reason: 'Correction' };

    const before = await lastNumber(db(), 'AV', year);
    const first = await credit({ ...base, mode: 'lines', lines: [{ invoiceLineId: lum!.id, quantity: '1' }] });
    expect(first).toEqual({ ok: true, value: { creditNoteId: expect.any(String), number: formatDocumentNumber('AV', year, before + 1) } });
    const second = await credit({ ...base, mode: 'amounts', amounts: [{ vatRateBp: 550, amount: '5,00' }] });
    expect(second).toMatchObject({ ok: true, value: { number: formatDocumentNumber('AV', year, before + 2) } });

    const refusals: [string, CreditNoteInput, Actor | null, string][] = [
      ['a quantity above what remains of the line', { ...base, mode: 'lines', lines: [{ invoiceLineId: lum!.id, quantity: '2' }] }, sales, 'Il ne reste que 1 à créditer sur cette ligne.'],
      ['a quantity above the line', { ...base, mode: 'lines', lines: [{ invoiceLineId: notice!.id, quantity: '3,001' }] }, sales, 'Il ne reste que 3 à créditer sur cette ligne.'],
      ['an amount above what remains on the rate', { ...base, mode: 'amounts', amounts: [{ vatRateBp: 550, amount: cents(r55.taxableCents - 500 + 1) }] }, sales, 'Cet avoir dépasse ce qui reste à créditer au taux de 5,5 %.'],
      ['an amount above the rate', { ...base, mode: 'amounts', amounts: [{ vatRateBp: 2000, amount: cents(r20.taxableCents + 1) }] }, sales, 'Cet avoir dépasse ce qui reste à créditer au taux de 20 %.'],
      ['one rate fine, the other beyond', { ...base, mode: 'amounts', amounts: [{ vatRateBp: 1000, amount: '1,00' }, { vatRateBp: 550, amount: cents(r55.taxableCents) }] }, sales, 'Cet avoir dépasse ce qui reste à créditer au taux de 5,5 %.'],
      ['a total far beyond the invoice', { ...base, mode: 'amounts', amounts: [{ vatRateBp: 2000, amount: '999999,00' }] }, sales, 'Cet avoir dépasse ce qui reste à créditer au taux de 20 %.'],
      ['a rate that is not on the invoice', { ...base, mode: 'amounts', amounts: [{ vatRateBp: 210, amount: '1,00' }] }, sales, 'Ce taux de TVA ne figure pas sur la facture.'],
      ['a full credit note after a partial one', { ...base, mode: 'full' }, sales, 'Un avoir existe déjà sur cette facture : créditez les lignes ou montants restants.'],
      ['a line of another invoice', { ...base, mode: 'lines', lines: [{ invoiceLineId: randomUUID(), quantity: '1' }] }, sales, 'Ligne de facture introuvable.'],
      ['a client', { ...base, mode: 'full' }, purchaser, 'Vous n’avez pas le droit de faire cette action.'],
      ['an unknown invoice', { ...base, invoiceId: randomUUID(), mode: 'full' }, sales, 'Facture introuvable.'],
    ];
    for (const [what, input, actor, error] of refusals) {
      const r = await credit(input, actor);
      expect.soft(r.ok ? 'accepted' : norm(r.error), what).toBe(norm(error));
    }
    expect(await notesOf(invoice.id)).toHaveLength(2);
    expect(await lastNumber(db(), 'AV', year)).toBe(before + 2);
  });

  it('a full credit note credits the whole invoice, shipping included; nothing more can be credited after it', async () => {
    const { invoice, lines } = await quotedInvoice(multiRate, '25,00');
    const before = await lastNumber(db(), 'AV', year);
    const full = await credit({ mode: 'full', invoiceId: invoice.id, reason: 'Commande retournée' });
    if (!full.ok) throw new Error(full.error);
    const [note] = await notesOf(invoice.id);
    expect(note).toMatchObject({
      kind: 'full',
      number: formatDocumentNumber('AV', year, before + 1),
      totalNetCents: invoice.totalNetCents,
      totalVatCents: invoice.totalVatCents,
      totalGrossCents: invoice.totalGrossCents,
      vatBreakdown: invoice.vatBreakdown,
      treatment: invoice.treatment,
      buyer: invoice.buyer,
    });
    for (const input of [
      { mode: 'full' as const, invoiceId: invoice.id, reason: 'Encore' },
      { mode: 'lines' as const, invoiceId: invoice.id, reason: 'Encore', lines: [{ invoiceLineId: lines[2]!.id, quantity: '0,001' }] },
      { mode: 'amounts' as const, invoiceId: invoice.id, reason: 'Encore', amounts: [{ vatRateBp: 1000, amount: '0,01' }] },
    ]) {
      expect(await credit(input)).toMatchObject({ ok: false });
    }
    expect(await lastNumber(db(), 'AV', year)).toBe(before + 1);
    const detail = await getInvoice(db(), sales, invoice.id);
    expect(detail).toMatchObject({ ok: true, value: { creditedCents: invoice.totalGrossCents, remainingCents: 0, state: 'paid' } });
    // The buyer is told, and the act is audited.
    expect((await db().select().from(outbox).where(eq(outbox.subject, `Avoir ${note!.number} sur la facture ${invoice.number}`))).length).toBe(1);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'credit_note.issue'), eq(auditLog.entityId, note!.id)))).toHaveLength(1);
  });

  it('partial notes that exhaust a discounted line add up to exactly the line', async () => {
    const { invoice, lines } = await quotedInvoice(multiRate, '25,00');
    const notice = lines[1]!; // 3 × 12,35 € less 7 % = 34,46 € (one unit: 11,4855 → 11,49 €)
    expect(notice.lineTotalCents).toBe(3446);
    for (const q of ['1', '1', '1']) expect(await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Retour', lines: [{ invoiceLineId: notice.id, quantity: q }] })).toMatchObject({ ok: true });
    expect(await creditedOnLine(notice.id)).toEqual({ q: 3, cents: 3446 });
    expect(await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Retour', lines: [{ invoiceLineId: notice.id, quantity: '0,001' }] })).toMatchObject({ ok: false, error: 'Il ne reste que 0 à créditer sur cette ligne.' });
    // Services in fractions of a day, and the rest of the rate in one amount, exactly.
    const pose = lines[2]!;
    for (const q of ['0,5', '0,25', '0,75']) expect(await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Pose annulée', lines: [{ invoiceLineId: pose.id, quantity: q }] })).toMatchObject({ ok: true });
    expect(await creditedOnLine(pose.id)).toEqual({ q: 1.5, cents: 97_500 });
    const r10 = invoice.vatBreakdown.find((b) => b.vatRateBp === 1000)!;
    const rest = r10.taxableCents - 97_500; // the shipping share on 10 %
    expect(await credit({ mode: 'amounts', invoiceId: invoice.id, reason: 'Livraison', amounts: [{ vatRateBp: 1000, amount: (rest / 100).toFixed(2).replace('.', ',') }] })).toMatchObject({ ok: true });
    const notes = await notesOf(invoice.id);
    const on10 = notes.flatMap((n) => n.vatBreakdown.filter((b) => b.vatRateBp === 1000));
    expect(on10.reduce((s, b) => s + b.taxableCents, 0)).toBe(r10.taxableCents);
    expect(on10.reduce((s, b) => s + b.vatCents, 0)).toBe(r10.vatCents);
  });

  it('a cheap discounted line credited unit by unit: never more than the line, ends exactly on it, never a crash', async () => {
    const { invoice, lines } = await quotedInvoice((co) => [
      { productId: co.product.id, description: 'Luminaire', quantity: '1', unitPrice: '300,00', discount: '', vatRateBp: 2000 },
      { description: 'Rondelle', quantity: '5', unitPrice: '0,01', discount: '50', vatRateBp: 2000 }, // round(2,5) = 0,03 €
    ]);
    const washer = lines[1]!;
    expect(washer.lineTotalCents).toBe(3);
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Retour', lines: [{ invoiceLineId: washer.id, quantity: '1' }] });
      outcomes.push(r.ok ? 'ok' : r.error);
      expect.soft((await creditedOnLine(washer.id)).cents, `after credit ${i + 1}`).toBeLessThanOrEqual(3);
    }
    expect(outcomes.filter((o) => o.startsWith('threw'))).toEqual([]);
    // A unit worth less than a cent is refused with a message; the rest, credited at once, ends on the line.
    expect(outcomes.some((o) => o.includes('moins d’un centime'))).toBe(true);
    const left = 5 - (await creditedOnLine(washer.id)).q;
    const last = await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Retour', lines: [{ invoiceLineId: washer.id, quantity: String(left) }] });
    expect(last.ok).toBe(true);
    expect(await creditedOnLine(washer.id)).toEqual({ q: 5, cents: 3 });
  });

  it('crediting only a free line is refused with a message, not a crash', async () => {
    const { invoice, lines } = await quotedInvoice((co) => [
      { productId: co.product.id, description: 'Luminaire', quantity: '1', unitPrice: '300,00', discount: '', vatRateBp: 2000 },
      { description: 'Pose offerte', quantity: '1', unitPrice: '0,00', discount: '', vatRateBp: 2000 },
    ]);
    const before = await lastNumber(db(), 'AV', year);
    const r = await credit({ mode: 'lines', invoiceId: invoice.id, reason: 'Pose non faite', lines: [{ invoiceLineId: lines[1]!.id, quantity: '1' }] });
    expect(r.ok ? 'accepted' : r.error).not.toMatch(/^threw/);
    expect(await lastNumber(db(), 'AV', year)).toBe(before);
  });

  it('10 simultaneous partial credit notes on one invoice never credit more than it; their numbers follow on', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    await addToB2bCart(db(), purchaser, { productId: co.product.id, quantity: 10 }); // tier price 290 € HT
    const placed = await placeB2bOrder(db(), purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 290_000 });
    if (!placed.ok) throw new Error(placed.error);
    const inv = await issueInvoice(db(), sales, { orderId: placed.value.orderId });
    if (!inv.ok) throw new Error(inv.error);
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, inv.value.invoiceId));
    const [line] = await db().select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id));

    const before = await lastNumber(db(), 'AV', year);
    // 10 × 2 units of a 10-unit line: 5 fit.
    const byLines = await Promise.all(Array.from({ length: 10 }, () => credit({ mode: 'lines', invoiceId: invoice!.id, reason: 'Retour', lines: [{ invoiceLineId: line!.id, quantity: '2' }] })));
    expect(byLines.filter((r) => r.ok)).toHaveLength(5);
    for (const r of byLines.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Il ne reste que 0 à créditer/) });
    expect(await creditedOnLine(line!.id)).toEqual({ q: 10, cents: 290_000 });
    const notes = await notesOf(invoice!.id);
    expect(notes.reduce((s, n) => s + n.totalGrossCents, 0)).toBe(invoice!.totalGrossCents);
    expect(notes.reduce((s, n) => s + n.totalVatCents, 0)).toBe(invoice!.totalVatCents);

    // And by amounts on another invoice: 10 × 100 € HT against 300 € HT, 3 fit.
    await addToB2bCart(db(), purchaser, { productId: co.product.id, quantity: 1 });
    const small = await placeB2bOrder(db(), purchaser, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    if (!small.ok) throw new Error(small.error);
    const inv2 = await issueInvoice(db(), sales, { orderId: small.value.orderId });
    if (!inv2.ok) throw new Error(inv2.error);
    const byAmounts = await Promise.all(Array.from({ length: 10 }, () => credit({ mode: 'amounts', invoiceId: inv2.value.invoiceId, reason: 'Geste', amounts: [{ vatRateBp: 2000, amount: '100,00' }] })));
    expect(byAmounts.filter((r) => r.ok)).toHaveLength(3);
    const notes2 = await notesOf(inv2.value.invoiceId);
    expect(notes2.reduce((s, n) => s + n.totalNetCents, 0)).toBe(30_000);
    expect(notes2.reduce((s, n) => s + n.totalGrossCents, 0)).toBe(36_000);

    // AV numbers: exactly the next 8, no duplicate, no gap, whatever was refused.
    const all = [...notes, ...notes2].map((n) => n.sequence).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 8 }, (_, k) => before + 1 + k));
    expect(await lastNumber(db(), 'AV', year)).toBe(before + 8);
    for (const n of [...notes, ...notes2]) expect(n.number).toMatch(new RegExp(`^AV-${year}-\\d{6}$`));
  });

  it('credit note numbers form one gapless AV series per year over the whole database', async () => {
    const [whole] = await db()
      .execute(sql`select count(*)::int as n, count(distinct sequence)::int as d, coalesce(max(sequence), 0)::int as hi, bool_and(number = 'AV-' || year || '-' || lpad(sequence::text, 6, '0')) as formatted from credit_notes where series = 'AV' and year = ${year}`)
      .then(rowsOf<{ n: number; d: number; hi: number; formatted: boolean | null }>);
    expect(whole!.n).toBeGreaterThan(0);
    expect(whole).toEqual({ n: whole!.hi, d: whole!.hi, hi: await lastNumber(db(), 'AV', year), formatted: true });
  });
});
