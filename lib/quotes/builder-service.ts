import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import {
  accounts,
  addresses,
  positions,
  products,
  quoteLines,
  quoteRequestLines,
  quoteRequests,
  quotes,
  quoteVersions,
  users,
  type PostalAddress,
  type QuoteBuyerSnapshot,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { queueMail } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/money';
import { parisDate } from '@/lib/purchasing/periods';
import { priceB2bBasket } from '@/lib/purchasing/b2b-pricing';
import { loadAgreementOffers } from '@/lib/purchasing/pricing-service';
import { decideTreatment } from '@/lib/purchasing/treatment';
import type { Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import type { Treatment } from '@/lib/tax';
import { recordQuoteEvent } from './events';
import { expireDueQuotes } from './expiry';
import { advanceOpportunity, noteOnOpportunity, openOpportunityForRequest } from './opportunity-link';
import { parseInput, Refusal, refusalAsResult } from '@/lib/service-outcome';
import { priceQuote } from './pricing';
import { canMoveQuote, canMoveRequest, isFinalQuote } from './rules';
import { createQuoteSchema, saveDraftSchema, sendQuoteSchema, withdrawQuoteSchema, type SaveDraftInput } from './schemas';

const e = frQuotes.errors;

interface CompanyContext {
  id: string;
  legalName: string;
  siren: string | null;
  vatNumber: string | null;
  country: string;
  ownerUserId: string | null;
}

async function companyOf(tx: Tx, accountId: string): Promise<CompanyContext> {
  const [c] = await tx
    .select({ id: accounts.id, legalName: accounts.legalName, siren: accounts.siren, vatNumber: accounts.vatNumber, country: accounts.country, ownerUserId: accounts.ownerUserId, kind: accounts.kind })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!c || c.kind !== 'company') throw new Refusal(e.notCompany);
  return c;
}

/** The chosen delivery address of the company, else its default one; null when it has none. */
async function deliveryAddressOf(tx: Tx, company: CompanyContext, addressId: string | undefined): Promise<PostalAddress | null> {
  const [a] = await tx
    .select()
    .from(addresses)
    .where(and(eq(addresses.accountId, company.id), eq(addresses.kind, 'delivery'), addressId ? eq(addresses.id, addressId) : undefined))
    .orderBy(desc(addresses.isDefault), asc(addresses.label))
    .limit(1);
  if (!a) {
    if (addressId) throw new Refusal(e.addressNotFound, { deliveryAddressId: [e.addressNotFound] });
    return null;
  }
  return { name: a.recipient ?? company.legalName, line1: a.line1, line2: a.line2, postalCode: a.postalCode, city: a.city, country: a.country };
}

function treatmentFor(company: CompanyContext, delivery: PostalAddress | null): Treatment {
  return decideTreatment({ vatNumber: company.vatNumber }, delivery?.country ?? company.country);
}

async function nextQuoteNumber(tx: Tx): Promise<string> {
  const [seq] = await tx.execute(sql`select nextval('quote_number_seq')::text as n`).then(rowsOf<{ n: string }>);
  return `DEV-${parisDate().slice(0, 4)}-${seq!.n.padStart(6, '0')}`;
}

async function lockQuote(tx: Tx, quoteId: string) {
  await expireDueQuotes(tx, { quoteId });
  const [q] = await tx.select().from(quotes).where(eq(quotes.id, quoteId)).for('update');
  if (!q) throw new Refusal(e.notFound);
  return q;
}

async function draftOf(tx: Tx, quoteId: string) {
  const [d] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.quoteId, quoteId), isNull(quoteVersions.sentAt)));
  return d ?? null;
}

/**
 * Staff start a quote, from a client's request (its lines priced at the company's negotiated or list
 * price, free lines at zero for the salesperson to price) or from scratch (a new opportunity then
 * links it to the CRM). The request moves to `in_progress`.
 */
export async function createQuote(db: Database, actor: Actor | null, raw: { accountId?: string; requestId?: string }): Promise<Result<{ quoteId: string; number: string }>> {
  const refused = refuseUnless<{ quoteId: string; number: string }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(createQuoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      let request: typeof quoteRequests.$inferSelect | null = null;
      if (parsed.value.requestId) {
        const [r] = await tx.select().from(quoteRequests).where(eq(quoteRequests.id, parsed.value.requestId)).for('update');
        if (!r) throw new Refusal(e.notFound);
        if (r.status === 'cancelled' || r.status === 'declined') throw new Refusal(e.requestClosed);
        request = r;
      }
      const company = await companyOf(tx, request?.accountId ?? parsed.value.accountId!);
      const delivery = await deliveryAddressOf(tx, company, undefined);
      const treatment = treatmentFor(company, delivery);
      const number = await nextQuoteNumber(tx);
      const opportunityId =
        request?.opportunityId ??
        (await openOpportunityForRequest(tx, {
          accountId: company.id,
          title: request?.title ?? `Devis ${number}`,
          amountHtCents: 0,
          ownerUserId: company.ownerUserId ?? actor!.userId,
          requesterPersonId: request?.requestedByPersonId ?? (await anyBuyerOf(tx, company.id)),
          actorUserId: actor!.userId,
          expectedCloseDate: request?.desiredDate ?? null,
        }));
      const [quote] = await tx
        .insert(quotes)
        .values({ number, accountId: company.id, requestId: request?.id ?? null, opportunityId, ownerUserId: actor!.userId, title: request?.title ?? 'Devis', status: 'in_preparation' })
        .returning({ id: quotes.id });
      const quoteId = quote!.id;

      const requestLines = request ? await tx.select().from(quoteRequestLines).where(eq(quoteRequestLines.requestId, request.id)).orderBy(asc(quoteRequestLines.position)) : [];
      const productIds = requestLines.map((l) => l.productId).filter((x): x is string => Boolean(x));
      const catalogue = productIds.length
        ? await tx
            .select({ id: products.id, sku: products.sku, name: products.name, listPriceHtCents: products.b2bListPriceHtCents, vatRateBp: products.vatRateBp })
            .from(products)
            .where(inArray(products.id, productIds))
        : [];
      const offers = await loadAgreementOffers(tx, company.id, productIds);
      const draftLines = requestLines.map((l) => {
        const p = catalogue.find((c) => c.id === l.productId);
        const price = p ? priceB2bBasket([{ productId: p.id, quantity: l.quantity, listPriceHtCents: p.listPriceHtCents, vatRateBp: p.vatRateBp }], offers, treatment).prices[0]! : null;
        return { productId: p?.id ?? null, sku: p?.sku ?? null, description: l.description, quantity: l.quantity, unitPriceHtCents: price?.unitPriceHtCents ?? 0, discountBp: 0, vatRateBp: p?.vatRateBp ?? 2000 };
      });
      await writeDraft(tx, { quoteId, version: 1, treatment, delivery, lines: draftLines, validUntil: null, shippingHtCents: 0, deliveryTerms: '', paymentTerms: defaultPaymentTerms(), clientNote: '' }, null);

      await recordQuoteEvent(tx, { accountId: company.id, quoteId, requestId: request?.id ?? null, kind: 'quote_status', fromState: null, toState: 'in_preparation', version: 1, actorUserId: actor!.userId, byStaff: true });
      if (request && canMoveRequest(request.status, 'in_progress', 'staff')) {
        await tx.update(quoteRequests).set({ status: 'in_progress', updatedAt: sql`now()` }).where(eq(quoteRequests.id, request.id));
        await recordQuoteEvent(tx, { accountId: company.id, requestId: request.id, kind: 'request_status', fromState: request.status, toState: 'in_progress', actorUserId: actor!.userId, byStaff: true, note: `Devis ${number}` });
      }
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'quote.create', entityType: 'quote', entityId: quoteId, after: { number, requestId: request?.id ?? null } });
      return { quoteId, number };
    }),
  );
}

function defaultPaymentTerms(): string {
  return 'Paiement à 30 jours à réception de facture, par virement.';
}

/** A scratch quote's opportunity names the company's most weighted buyer, if any, as stakeholder. */
async function anyBuyerOf(tx: Tx, accountId: string): Promise<string | null> {
  const [p] = await tx
    .select({ id: positions.personId })
    .from(positions)
    .where(and(eq(positions.accountId, accountId), sql`${positions.endedOn} is null`))
    .orderBy(desc(positions.decisionWeight))
    .limit(1);
  return p?.id ?? null;
}

interface DraftContent {
  quoteId: string;
  version: number;
  treatment: Treatment;
  delivery: PostalAddress | null;
  lines: { productId: string | null; sku: string | null; description: string; quantity: number; unitPriceHtCents: number; discountBp: number; vatRateBp: number }[];
  validUntil: string | null;
  shippingHtCents: number;
  deliveryTerms: string;
  paymentTerms: string;
  clientNote: string;
}

/** Writes the draft version (creating it, or replacing its lines) with totals computed by lib/tax. */
async function writeDraft(tx: Tx, d: DraftContent, existingDraftId: string | null): Promise<string> {
  const totals = priceQuote(d.lines, d.treatment, d.shippingHtCents);
  const values = {
    validUntil: d.validUntil,
    shippingHtCents: d.shippingHtCents,
    adjustments: totals.adjustments.map((a) => ({ kind: a.kind, index: a.index, reason: a.reason ?? null, vatRateBp: a.vatRateBp, category: a.category, amountCents: a.amountCents, netCents: a.netCents })),
    deliveryTerms: d.deliveryTerms,
    paymentTerms: d.paymentTerms,
    clientNote: d.clientNote,
    deliveryAddress: d.delivery,
    treatment: d.treatment,
    totalNetCents: totals.totalNetCents,
    totalVatCents: totals.totalVatCents,
    totalGrossCents: totals.totalGrossCents,
    vatBreakdown: totals.breakdown,
    mentions: totals.mentions,
  };
  let versionId = existingDraftId;
  if (versionId) {
    await tx.update(quoteVersions).set({ ...values, updatedAt: sql`now()` }).where(eq(quoteVersions.id, versionId));
    await tx.delete(quoteLines).where(eq(quoteLines.versionId, versionId));
  } else {
    const [v] = await tx.insert(quoteVersions).values({ quoteId: d.quoteId, version: d.version, ...values }).returning({ id: quoteVersions.id });
    versionId = v!.id;
  }
  if (d.lines.length) {
    await tx.insert(quoteLines).values(
      d.lines.map((l, i) => ({
        versionId: versionId!,
        position: i + 1,
        productId: l.productId,
        sku: l.sku,
        description: l.description,
        quantity: l.quantity,
        unitPriceHtCents: l.unitPriceHtCents,
        discountBp: l.discountBp,
        vatRateBp: l.vatRateBp,
        vatCategory: totals.lines[i]!.category,
        lineTotalCents: totals.lines[i]!.lineTotalCents,
        netCents: totals.lines[i]!.netCents,
      })),
    );
  }
  return versionId!;
}

/**
 * Saves the quote being edited. Editing a quote whose latest version was sent opens the next
 * version as a draft (the sent one stays readable, and acceptable until the new one is sent);
 * editing after a change request or an expiry brings the quote back `in_preparation` — that is how
 * staff re-issue an expired quote with a new date. `baseVersion` (the version the editor loaded)
 * keeps two salespeople from overwriting each other.
 */
export async function saveQuoteDraft(db: Database, actor: Actor | null, raw: SaveDraftInput): Promise<Result<{ version: number }>> {
  const refused = refuseUnless<{ version: number }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(saveDraftSchema, raw);
  if (!parsed.ok) return parsed.result;
  const input = parsed.value;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const q = await lockQuote(tx, input.quoteId);
      if (isFinalQuote(q.status)) throw new Refusal(e.quoteClosed);
      const draft = await draftOf(tx, q.id);
      const expected = draft ? draft.version : (q.latestSentVersion ?? 0);
      if (input.baseVersion !== expected) throw new Refusal(e.draftChanged);
      const version = draft ? draft.version : (q.latestSentVersion ?? 0) + 1;

      const company = await companyOf(tx, q.accountId);
      const delivery = await deliveryAddressOf(tx, company, input.deliveryAddressId);
      const productIds = [...new Set(input.lines.map((l) => l.productId).filter((x): x is string => Boolean(x)))];
      const catalogue = productIds.length ? await tx.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.id, productIds)) : [];
      input.lines.forEach((l, i) => {
        if (l.productId && !catalogue.some((p) => p.id === l.productId)) throw new Refusal(e.productNotFound, { [`lines.${i}.productId`]: [e.productNotFound] });
      });
      await writeDraft(
        tx,
        {
          quoteId: q.id,
          version,
          treatment: treatmentFor(company, delivery),
          delivery,
          lines: input.lines.map((l) => ({
            productId: l.productId ?? null,
            sku: catalogue.find((p) => p.id === l.productId)?.sku ?? null,
            description: l.description,
            quantity: l.quantity,
            unitPriceHtCents: l.unitPrice,
            discountBp: l.discount,
            vatRateBp: l.vatRateBp,
          })),
          validUntil: input.validUntil ?? null,
          shippingHtCents: input.shipping ?? 0,
          deliveryTerms: input.deliveryTerms,
          paymentTerms: input.paymentTerms,
          clientNote: input.clientNote,
        },
        draft?.id ?? null,
      );
      const reopening = q.status === 'changes_requested' || q.status === 'expired';
      if (reopening && !canMoveQuote(q.status, 'in_preparation', 'staff')) throw new Refusal(e.quoteClosed);
      await tx
        .update(quotes)
        .set({ title: input.title, internalNotes: input.internalNotes, ...(reopening ? { status: 'in_preparation' as const } : {}), updatedAt: sql`now()` })
        .where(eq(quotes.id, q.id));
      if (reopening) {
        await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'quote_status', fromState: q.status, toState: 'in_preparation', version, actorUserId: actor!.userId, byStaff: true });
      }
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'quote.save_draft', entityType: 'quote', entityId: q.id, after: { version } });
      return { version };
    }),
  );
}

/**
 * Sends the draft: its lines are priced once more by lib/tax with the buyer's treatment of today,
 * then the version is frozen with the buyer's identity (the database refuses any later change to
 * it). The quote becomes `sent` (valid until the version's date), the request `quoted`, the
 * opportunity `proposal` at the quote's amount; the requester and the company's purchasers are told.
 */
export async function sendQuote(db: Database, actor: Actor | null, raw: { quoteId: string; version: number }): Promise<Result<{ version: number; validUntil: string }>> {
  const refused = refuseUnless<{ version: number; validUntil: string }>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(sendQuoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const q = await lockQuote(tx, parsed.value.quoteId);
      if (!(q.status === 'in_preparation' || q.status === 'sent')) throw new Refusal(isFinalQuote(q.status) ? e.quoteClosed : e.notSendable);
      const draft = await draftOf(tx, q.id);
      if (!draft) throw new Refusal(e.nothingToSend);
      if (draft.version !== parsed.value.version) throw new Refusal(e.draftChanged);
      if (!draft.validUntil) throw new Refusal(e.validUntilRequired, { validUntil: [e.validUntilRequired] });
      if (draft.validUntil < parisDate()) throw new Refusal(e.validUntilPast, { validUntil: [e.validUntilPast] });
      const lines = await tx.select().from(quoteLines).where(eq(quoteLines.versionId, draft.id)).orderBy(asc(quoteLines.position));
      if (lines.length === 0) throw new Refusal(e.noLines);

      const company = await companyOf(tx, q.accountId);
      const treatment = treatmentFor(company, draft.deliveryAddress ?? null);
      const [billing] = await tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.accountId, company.id), eq(addresses.kind, 'billing')))
        .orderBy(desc(addresses.isDefault))
        .limit(1);
      const billingAddress = billing ?? null;
      const buyer: QuoteBuyerSnapshot = {
        name: company.legalName,
        siren: company.siren,
        vatNumber: company.vatNumber,
        address: billingAddress
          ? { name: company.legalName, line1: billingAddress.line1, line2: billingAddress.line2, postalCode: billingAddress.postalCode, city: billingAddress.city, country: billingAddress.country }
          : (draft.deliveryAddress ?? { name: company.legalName, line1: '', postalCode: '', city: '', country: company.country }),
      };
      await writeDraft(
        tx,
        {
          quoteId: q.id,
          version: draft.version,
          treatment,
          delivery: draft.deliveryAddress ?? null,
          lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, description: l.description, quantity: l.quantity, unitPriceHtCents: l.unitPriceHtCents, discountBp: l.discountBp, vatRateBp: l.vatRateBp })),
          validUntil: draft.validUntil,
          shippingHtCents: draft.shippingHtCents,
          deliveryTerms: draft.deliveryTerms,
          paymentTerms: draft.paymentTerms,
          clientNote: draft.clientNote,
        },
        draft.id,
      );
      // Freezing is the last write of the version: from here the trigger refuses any change.
      const [sent] = await tx
        .update(quoteVersions)
        .set({ buyer, sentAt: sql`now()`, sentByUserId: actor!.userId, updatedAt: sql`now()` })
        .where(eq(quoteVersions.id, draft.id))
        .returning({ net: quoteVersions.totalNetCents });
      await tx
        .update(quotes)
        .set({ status: 'sent', latestSentVersion: draft.version, validUntil: draft.validUntil, updatedAt: sql`now()` })
        .where(eq(quotes.id, q.id));
      await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'quote_status', fromState: q.status, toState: 'sent', version: draft.version, actorUserId: actor!.userId, byStaff: true, note: `Version ${draft.version}, valable jusqu’au ${draft.validUntil.split('-').reverse().join('/')}` });

      if (q.requestId) {
        const [r] = await tx.select({ status: quoteRequests.status }).from(quoteRequests).where(eq(quoteRequests.id, q.requestId)).for('update');
        if (r && canMoveRequest(r.status, 'quoted', 'staff')) {
          await tx.update(quoteRequests).set({ status: 'quoted', updatedAt: sql`now()` }).where(eq(quoteRequests.id, q.requestId));
          await recordQuoteEvent(tx, { accountId: q.accountId, requestId: q.requestId, kind: 'request_status', fromState: r.status, toState: 'quoted', actorUserId: actor!.userId, byStaff: true, note: `Devis ${q.number}` });
        }
      }
      await advanceOpportunity(tx, q.opportunityId, 'proposal', actor!.userId, { onlyFrom: ['qualification', 'needs_analysis'], amountHtCents: sent!.net });

      const recipients = await tx
        .selectDistinct({ email: users.email })
        .from(positions)
        .innerJoin(users, eq(users.personId, positions.personId))
        .where(
          and(
            eq(positions.accountId, q.accountId),
            sql`${positions.endedOn} is null`,
            eq(users.status, 'active'),
            sql`(${positions.portalRole} in ('purchaser', 'company_admin') or ${users.id} = (select requested_by_user_id from quote_requests where id = ${q.requestId}))`,
          ),
        );
      const until = draft.validUntil.split('-').reverse().join('/');
      for (const r of recipients) {
        await queueMail(tx, { to: r.email, subject: frQuotes.mail.quoteSentSubject(q.number, draft.version), text: frQuotes.mail.quoteSentText(q.number, draft.version, formatMoney(sent!.net), until) });
      }
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'quote.send', entityType: 'quote', entityId: q.id, after: { version: draft.version, net: sent!.net, validUntil: draft.validUntil } });
      return { version: draft.version, validUntil: draft.validUntil };
    }),
  );
}

/** Staff withdraw a quote that is not final (a sent one can no longer be accepted). */
export async function withdrawQuote(db: Database, actor: Actor | null, raw: { quoteId: string; reason: string }): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(withdrawQuoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const q = await lockQuote(tx, parsed.value.quoteId);
      if (!canMoveQuote(q.status, 'withdrawn', 'staff')) throw new Refusal(q.status === 'accepted' ? e.alreadyAccepted : e.notWithdrawable);
      await tx.update(quotes).set({ status: 'withdrawn', decisionReason: parsed.value.reason, updatedAt: sql`now()` }).where(eq(quotes.id, q.id));
      await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'quote_status', fromState: q.status, toState: 'withdrawn', version: q.latestSentVersion, actorUserId: actor!.userId, byStaff: true, note: parsed.value.reason });
      await noteOnOpportunity(tx, { accountId: q.accountId, opportunityId: q.opportunityId, personId: null, subject: `Devis ${q.number} retiré`, body: parsed.value.reason, ownerUserId: actor!.userId });
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'quote.withdraw', entityType: 'quote', entityId: q.id, before: { status: q.status }, after: { reason: parsed.value.reason } });
      return null;
    }),
  );
}
export type { SaveDraftInput } from './schemas';
