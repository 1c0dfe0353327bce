import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, products, quoteRequestLines, quoteRequests, quotes, sellerProfile, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { queueMail } from '@/lib/mail/outbox';
import { canPurchase, isPortalActor, portalRefusal } from '@/lib/purchasing/access';
import { parisDate } from '@/lib/purchasing/periods';
import { fail, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { recordQuoteEvent } from './events';
import { noteOnOpportunity, openOpportunityForRequest } from './opportunity-link';
import { parseInput, Refusal, refusalAsResult } from '@/lib/service-outcome';
import { canMoveRequest } from './rules';
import { declineRequestSchema, requestIdSchema, submitRequestSchema, type SubmitRequestInput } from './schemas';

const e = frQuotes.errors;

/**
 * A portal user asks for a quote: the request, its lines (catalogue products checked, free text
 * kept), a new CRM opportunity for the account with the requester as a `user` stakeholder, a mail
 * to the account's sales rep (or our sales inbox when the account has no rep), all in one transaction.
 */
export async function submitQuoteRequest(db: Database, actor: Actor | null, raw: SubmitRequestInput): Promise<Result<{ requestId: string; number: string }>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? e.notFound);
  const parsed = parseInput(submitRequestSchema, raw);
  if (!parsed.ok) return parsed.result;
  const input = parsed.value;
  if (input.desiredDate && input.desiredDate < parisDate()) return fail(e.desiredDatePast, { desiredDate: [e.desiredDatePast] });
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [company] = await tx
        .select({ id: accounts.id, name: accounts.legalName, ownerUserId: accounts.ownerUserId, ownerEmail: users.email })
        .from(accounts)
        .leftJoin(users, and(eq(users.id, accounts.ownerUserId), eq(users.status, 'active')))
        .where(eq(accounts.id, actor.accountId));
      if (!company) throw new Refusal(e.notFound);
      const productIds = [...new Set(input.lines.map((l) => l.productId).filter((x): x is string => Boolean(x)))];
      const found = productIds.length
        ? await tx.select({ id: products.id, name: products.name }).from(products).where(and(inArray(products.id, productIds), eq(products.isActive, true)))
        : [];
      const names = new Map(found.map((p) => [p.id, p.name]));
      input.lines.forEach((l, i) => {
        if (l.productId && !names.has(l.productId)) throw new Refusal(e.productNotFound, { [`lines.${i}.productId`]: [e.productNotFound] });
      });

      const [seq] = await tx.execute(sql`select nextval('quote_request_number_seq')::text as n`).then(rowsOf<{ n: string }>);
      const number = `DDE-${parisDate().slice(0, 4)}-${seq!.n.padStart(6, '0')}`;
      const opportunityId = await openOpportunityForRequest(tx, {
        accountId: company.id,
        title: input.title,
        amountHtCents: input.budgetHint ?? 0,
        ownerUserId: company.ownerUserId,
        requesterPersonId: actor.personId,
        actorUserId: actor.userId,
        expectedCloseDate: input.desiredDate ?? null,
      });
      const [request] = await tx
        .insert(quoteRequests)
        .values({
          number,
          accountId: company.id,
          requestedByUserId: actor.userId,
          requestedByPersonId: actor.personId,
          title: input.title,
          description: input.description,
          desiredDate: input.desiredDate ?? null,
          budgetHintHtCents: input.budgetHint ?? null,
          opportunityId,
        })
        .returning({ id: quoteRequests.id });
      const requestId = request!.id;
      if (input.lines.length) {
        await tx.insert(quoteRequestLines).values(
          input.lines.map((l, i) => ({
            requestId,
            position: i + 1,
            productId: l.productId ?? null,
            description: l.description || names.get(l.productId!) || '',
            quantity: l.quantity,
          })),
        );
      }
      await recordQuoteEvent(tx, { accountId: company.id, requestId, kind: 'request_status', fromState: null, toState: 'submitted', actorUserId: actor.userId, byStaff: false });
      const [inbox] = await tx.select({ email: sellerProfile.email }).from(sellerProfile).limit(1);
      const to = company.ownerEmail ?? inbox?.email;
      if (to) await queueMail(tx, { to, subject: frQuotes.mail.requestSubject(number, company.name), text: frQuotes.mail.requestText(number, input.title, actor.name) });
      await recordAudit(tx, { actorUserId: actor.userId, action: 'quote_request.submit', entityType: 'quote_request', entityId: requestId, after: { number, title: input.title } });
      return { requestId, number };
    }),
  );
}

/**
 * The requester (or a purchaser of the company) cancels a request not yet quoted; quotes still in
 * preparation for it are withdrawn and the rep is told on the opportunity.
 */
export async function cancelQuoteRequest(db: Database, actor: Actor | null, raw: { requestId: string }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? e.notFound);
  const parsed = parseInput(requestIdSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [r] = await tx
        .select()
        .from(quoteRequests)
        .where(and(eq(quoteRequests.id, parsed.value.requestId), eq(quoteRequests.accountId, actor.accountId)))
        .for('update');
      if (!r) throw new Refusal(e.notFound);
      const who = canPurchase(actor) ? 'purchaser' : 'requester';
      if (who === 'requester' && r.requestedByUserId !== actor.userId) throw new Refusal(e.notYourRequest);
      if (!canMoveRequest(r.status, 'cancelled', who)) throw new Refusal(r.status === 'quoted' ? e.cannotCancelRequest : e.requestClosed);
      // A quote the client has in hand (a second one may be in preparation) keeps the request alive.
      const [live] = await tx
        .select({ id: quotes.id })
        .from(quotes)
        .where(and(eq(quotes.requestId, r.id), inArray(quotes.status, ['sent', 'changes_requested'])))
        .limit(1);
      if (live) throw new Refusal(e.cannotCancelRequest);
      await tx.update(quoteRequests).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(quoteRequests.id, r.id));
      await recordQuoteEvent(tx, { accountId: r.accountId, requestId: r.id, kind: 'request_status', fromState: r.status, toState: 'cancelled', actorUserId: actor.userId, byStaff: false });
      const drafts = await tx
        .update(quotes)
        .set({ status: 'withdrawn', decisionReason: 'Demande annulée par le client', updatedAt: sql`now()` })
        .where(and(eq(quotes.requestId, r.id), eq(quotes.status, 'in_preparation')))
        .returning({ id: quotes.id });
      for (const q of drafts) {
        await recordQuoteEvent(tx, { accountId: r.accountId, quoteId: q.id, kind: 'quote_status', fromState: 'in_preparation', toState: 'withdrawn', actorUserId: actor.userId, byStaff: false, note: 'Demande annulée par le client' });
      }
      await noteOnOpportunity(tx, {
        accountId: r.accountId,
        opportunityId: r.opportunityId,
        personId: actor.personId,
        subject: `Demande ${r.number} annulée par le client`,
        body: `${actor.name} a annulé la demande « ${r.title} ».`,
        ownerUserId: null,
      });
      await recordAudit(tx, { actorUserId: actor.userId, action: 'quote_request.cancel', entityType: 'quote_request', entityId: r.id });
      return null;
    }),
  );
}

/** Our sales staff decline a request with a reason; the requester is told by mail. */
export async function declineQuoteRequest(db: Database, actor: Actor | null, raw: { requestId: string; reason: string }): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'orders.manage');
  if (refused) return refused;
  const parsed = parseInput(declineRequestSchema, raw);
  if (!parsed.ok) return parsed.result;
  const { requestId, reason } = parsed.value;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [r] = await tx.select().from(quoteRequests).where(eq(quoteRequests.id, requestId)).for('update');
      if (!r) throw new Refusal(e.notFound);
      if (!canMoveRequest(r.status, 'declined', 'staff')) throw new Refusal(e.requestNotDeclinable);
      await tx.update(quoteRequests).set({ status: 'declined', declineReason: reason, updatedAt: sql`now()` }).where(eq(quoteRequests.id, r.id));
      await recordQuoteEvent(tx, { accountId: r.accountId, requestId: r.id, kind: 'request_status', fromState: r.status, toState: 'declined', actorUserId: actor!.userId, byStaff: true, note: reason });
      if (r.requestedByUserId) {
        const [u] = await tx.select({ email: users.email }).from(users).where(and(eq(users.id, r.requestedByUserId), eq(users.status, 'active')));
        if (u) await queueMail(tx, { to: u.email, subject: `Demande ${r.number} déclinée`, text: `Nous ne pouvons pas donner suite à votre demande « ${r.title} » : ${reason}` });
      }
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'quote_request.decline', entityType: 'quote_request', entityId: r.id, after: { reason } });
      return null;
    }),
  );
}
