import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { creditNoteLines, creditNotes, invoiceLines, invoicePayments, invoices, sellerProfile } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { sellerParty } from '@/lib/documents/seller-party';
import { queueMail } from '@/lib/mail/outbox';
import { formatMoney, formatRateBp } from '@/lib/money';
import { parisDate } from '@/lib/purchasing/periods';
import { parseInput, Refusal, refusalAsResult } from '@/lib/service-outcome';
import type { Result } from '@/lib/result';
import { computeCredit, creditedByRate, type CreditedSoFar } from './credit-note-math';
import { InvoiceRefusal, issueInvoiceInTx } from './issue';
import { takeDocumentNumber } from './numbering';
import { creditNoteSchema, issueInvoiceSchema, recordPaymentSchema, type CreditNoteInput, type RecordPaymentInput } from './schemas';
import { paymentStateOf } from './terms';

/** Staff issue an order's invoice before it ships (it is issued automatically when it ships). */
export async function issueInvoice(db: Database, actor: Actor | null, raw: { orderId: string }): Promise<Result<{ invoiceId: string; number: string }>> {
  const refused = refuseUnless<{ invoiceId: string; number: string }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(issueInvoiceSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      try {
        const r = await issueInvoiceInTx(tx, parsed.value.orderId, actor!.userId);
        if (!r.created) throw new Refusal(`Cette commande est déjà facturée (${r.number}).`);
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'invoice.issue', entityType: 'invoice', entityId: r.invoiceId, after: { number: r.number, orderId: parsed.value.orderId } });
        return { invoiceId: r.invoiceId, number: r.number };
      } catch (error) {
        if (error instanceof InvoiceRefusal) throw new Refusal(error.message);
        throw error;
      }
    }),
  );
}

async function lockInvoice(tx: Parameters<Parameters<Database['transaction']>[0]>[0], invoiceId: string) {
  // FOR UPDATE locks without writing: the immutability trigger fires on UPDATE only.
  const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
  if (!inv) throw new Refusal('Facture introuvable.');
  return inv;
}

/** The amounts already credited on an invoice, per line and per rate. */
async function creditedSoFar(tx: Parameters<Parameters<Database['transaction']>[0]>[0], invoiceId: string): Promise<CreditedSoFar & { hasAny: boolean }> {
  const notes = await tx.select({ id: creditNotes.id, gross: creditNotes.totalGrossCents, breakdown: creditNotes.vatBreakdown }).from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
  const byRate = creditedByRate(notes);
  const lines = notes.length
    ? await tx
        .select({ invoiceLineId: creditNoteLines.invoiceLineId, quantity: creditNoteLines.quantity, lineTotalCents: creditNoteLines.lineTotalCents })
        .from(creditNoteLines)
        .where(inArray(creditNoteLines.creditNoteId, notes.map((n) => n.id)))
    : [];
  const byLine = new Map<string, { quantity: number; lineTotalCents: number }>();
  for (const l of lines) {
    if (!l.invoiceLineId) continue;
    const cur = byLine.get(l.invoiceLineId) ?? { quantity: 0, lineTotalCents: 0 };
    byLine.set(l.invoiceLineId, { quantity: (Math.round(cur.quantity * 1000) + Math.round(l.quantity * 1000)) / 1000, lineTotalCents: cur.lineTotalCents + l.lineTotalCents });
  }
  return { byLine, byRate, grossCents: notes.reduce((s, n) => s + n.gross, 0), hasAny: notes.length > 0 };
}

/**
 * Issues a credit note on an invoice — the whole invoice (only if nothing was credited yet), chosen
 * lines and quantities, or an amount per VAT rate — numbered in the AV series, never crediting more
 * than what remains per line, per rate and in total. The invoice row is locked, so parallel credit
 * notes on one invoice queue.
 */
export async function issueCreditNote(db: Database, actor: Actor | null, raw: CreditNoteInput): Promise<Result<{ creditNoteId: string; number: string }>> {
  const refused = refuseUnless<{ creditNoteId: string; number: string }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(creditNoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  const input = parsed.value;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const inv = await lockInvoice(tx, input.invoiceId);
      const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id)).orderBy(asc(invoiceLines.position));
      const done = await creditedSoFar(tx, inv.id);
      const [seller] = await tx.select().from(sellerProfile).limit(1);
      const today = parisDate();
      const base = {
        series: 'AV',
        year: Number(today.slice(0, 4)),
        invoiceId: inv.id,
        accountId: inv.accountId,
        priceMode: inv.priceMode,
        treatment: inv.treatment,
        issueDate: today,
        issuedAt: sql`clock_timestamp()`,
        issuedByUserId: actor!.userId,
        reason: input.reason,
        seller: seller ? sellerParty(seller) : inv.seller,
        buyer: inv.buyer,
      };
      let creditNoteId: string;
      let number: string;
      let gross: number;
      if (input.mode === 'full') {
        if (done.hasAny) throw new Refusal('Un avoir existe déjà sur cette facture : créditez les lignes ou montants restants.');
        const n = await takeDocumentNumber(tx, 'AV', base.year);
        const [row] = await tx
          .insert(creditNotes)
          .values({ ...base, number: n.number, sequence: n.sequence, kind: 'full', nature: inv.nature, totalNetCents: inv.totalNetCents, totalVatCents: inv.totalVatCents, totalGrossCents: inv.totalGrossCents, vatBreakdown: inv.vatBreakdown, mentions: inv.mentions })
          .returning({ id: creditNotes.id });
        creditNoteId = row!.id;
        number = n.number;
        gross = inv.totalGrossCents;
        await tx.insert(creditNoteLines).values(
          lines.map((l) => ({
            creditNoteId,
            position: l.position,
            invoiceLineId: l.id,
            sku: l.sku,
            description: l.description,
            quantity: l.quantity,
            unitPriceCents: l.unitPriceCents,
            baseQuantity: l.baseQuantity,
            discountBp: l.discountBp,
            vatRateBp: l.vatRateBp,
            vatCategory: l.vatCategory,
            lineTotalCents: l.lineTotalCents,
            netCents: l.netCents,
          })),
        );
      } else {
        const computed = computeCredit(
          {
            mode: inv.priceMode,
            treatment: inv.treatment,
            grossCents: inv.totalGrossCents,
            lines: lines.map((l) => ({ id: l.id, quantity: l.quantity, unitPriceCents: l.unitPriceCents, baseQuantity: l.baseQuantity, discountBp: l.discountBp, vatRateBp: l.vatRateBp, lineTotalCents: l.lineTotalCents })),
            rates: inv.vatBreakdown,
          },
          done,
          input.mode === 'lines' ? { mode: 'lines', lines: input.lines } : { mode: 'amounts', amounts: input.amounts.map((a) => ({ vatRateBp: a.vatRateBp, amountCents: a.amount })) },
        );
        if (!computed.ok) throw new Refusal(computed.error);
        const n = await takeDocumentNumber(tx, 'AV', base.year);
        const credited = computed.lines.map((c) => ({ c, l: lines.find((l) => l.id === c.invoiceLineId) ?? null }));
        const [row] = await tx
          .insert(creditNotes)
          .values({
            ...base,
            number: n.number,
            sequence: n.sequence,
            kind: 'partial',
            nature: credited.every((x) => x.l?.productId) ? 'goods' : credited.some((x) => x.l?.productId) ? 'both' : inv.nature,
            totalNetCents: computed.totalNetCents,
            totalVatCents: computed.totalVatCents,
            totalGrossCents: computed.totalGrossCents,
            vatBreakdown: computed.breakdown,
            mentions: computed.mentions,
          })
          .returning({ id: creditNotes.id });
        creditNoteId = row!.id;
        number = n.number;
        gross = computed.totalGrossCents;
        await tx.insert(creditNoteLines).values(
          credited.map(({ c, l }, i) => ({
            creditNoteId,
            position: i + 1,
            invoiceLineId: c.invoiceLineId,
            sku: l?.sku ?? null,
            description: l ? l.description : `${input.reason} (TVA ${formatRateBp(c.vatRateBp)})`,
            quantity: c.quantity,
            unitPriceCents: l ? l.unitPriceCents : c.lineTotalCents,
            baseQuantity: l?.baseQuantity ?? 1,
            discountBp: l?.discountBp ?? 0,
            vatRateBp: c.vatRateBp,
            vatCategory: c.category as 'S' | 'Z' | 'K' | 'AE' | 'G',
            lineTotalCents: c.lineTotalCents,
            netCents: c.netCents,
          })),
        );
      }
      await queueMail(tx, { to: inv.buyerEmail, subject: `Avoir ${number} sur la facture ${inv.number}`, text: `Un avoir de ${formatMoney(gross)} a été émis sur votre facture ${inv.number} : ${input.reason}` });
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'credit_note.issue', entityType: 'credit_note', entityId: creditNoteId, after: { number, invoice: inv.number, gross } });
      return { creditNoteId, number };
    }),
  );
}

/**
 * Records money received on an invoice (full or partial); more than what remains due is refused.
 * The invoice's state follows from its payments; nothing is written on the invoice itself.
 */
export async function recordInvoicePayment(db: Database, actor: Actor | null, raw: RecordPaymentInput): Promise<Result<{ state: string; remainingCents: number }>> {
  const refused = refuseUnless<{ state: string; remainingCents: number }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(recordPaymentSchema, raw);
  if (!parsed.ok) return parsed.result;
  const input = parsed.value;
  if (input.paidOn > parisDate()) return refusalAsResult(async () => { throw new Refusal('La date de paiement ne peut pas être dans le futur.'); });
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const inv = await lockInvoice(tx, input.invoiceId);
      const done = await creditedSoFar(tx, inv.id);
      const [paid] = await tx.select({ n: sql<number>`coalesce(sum(${invoicePayments.amountCents}), 0)`.mapWith(Number) }).from(invoicePayments).where(eq(invoicePayments.invoiceId, inv.id));
      const before = paymentStateOf({ grossCents: inv.totalGrossCents, creditedCents: done.grossCents, paidCents: paid?.n ?? 0, dueDate: inv.dueDate, today: parisDate() });
      if (input.amount > before.remainingCents) {
        throw new Refusal(before.remainingCents === 0 ? 'Cette facture est déjà soldée.' : `Il ne reste que ${formatMoney(before.remainingCents)} à payer sur cette facture.`);
      }
      await tx.insert(invoicePayments).values({ invoiceId: inv.id, amountCents: input.amount, paidOn: input.paidOn, method: input.method, reference: input.reference ?? null, recordedByUserId: actor!.userId });
      const after = paymentStateOf({ grossCents: inv.totalGrossCents, creditedCents: done.grossCents, paidCents: (paid?.n ?? 0) + input.amount, dueDate: inv.dueDate, today: parisDate() });
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'invoice.payment', entityType: 'invoice', entityId: inv.id, after: { amount: input.amount, paidOn: input.paidOn, method: input.method } });
      return { state: after.state, remainingCents: after.remainingCents };
    }),
  );
}
