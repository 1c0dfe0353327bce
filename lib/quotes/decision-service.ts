import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, positions, products, quoteLines, quotes, quoteVersions, users } from '@/db/schema';
import { CREDIT_HOLD_MESSAGE, exceedsCreditLimit } from '@/lib/invoicing/credit';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { queueMail } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/money';
import { createOrderRecord, nextOrderNumber } from '@/lib/orders/create-order';
import { canPurchase, isPortalActor, portalRefusal, type PortalActor } from '@/lib/purchasing/access';
import { lockBudgetFor, moveBudget, remainingOf } from '@/lib/purchasing/budget-lock';
import { parisDate } from '@/lib/purchasing/periods';
import { reserveStock, StockRefusal } from '@/lib/purchasing/place-b2b-order';
import { fail, type Result } from '@/lib/result';
import { recordQuoteEvent } from './events';
import { expireDueQuotes } from './expiry';
import { advanceOpportunity, noteOnOpportunity } from './opportunity-link';
import { parseInput, Refusal, refusalAsResult } from '@/lib/service-outcome';
import { canMoveQuote, isAcceptableVersion } from './rules';
import { acceptQuoteSchema, declineQuoteSchema, requestChangesSchema } from './schemas';

const e = frQuotes.errors;

/** Refuses, with the expiry written: the lazy expiry must be committed even though the act is refused. */
class CommittedRefusal {
  constructor(readonly message: string) {}
}

/**
 * Locks the company's quote and checks the decision is still open: a purchaser or company admin
 * (re-read in the transaction), the quote sent and not past its validity (expired here, lazily,
 * if it is), and `version` its latest sent version. Another company's quote is "not found".
 */
async function lockDecidable(tx: Tx, actor: PortalActor, quoteId: string, version: number) {
  const [q] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, quoteId), eq(quotes.accountId, actor.accountId), sql`${quotes.latestSentVersion} is not null`))
    .for('update');
  if (!q) throw new Refusal(e.notFound);
  const [me] = await tx
    .select({ status: users.status, role: positions.portalRole })
    .from(users)
    .innerJoin(positions, and(eq(positions.personId, users.personId), sql`${positions.endedOn} is null`))
    .where(and(eq(users.id, actor.userId), eq(positions.accountId, actor.accountId)));
  if (!(me?.status === 'active' && (me.role === 'purchaser' || me.role === 'company_admin'))) throw new Refusal(e.noLongerPurchaser);
  if (q.status === 'sent' && (await expireDueQuotes(tx, { quoteId: q.id })) > 0) return new CommittedRefusal(e.expired);
  if (q.status === 'accepted') throw new Refusal(e.alreadyAccepted);
  if (q.status === 'expired') throw new Refusal(e.expired);
  if (q.status !== 'sent') throw new Refusal(e.notDecidable);
  if (!isAcceptableVersion(version, q.latestSentVersion)) throw new Refusal(e.oldVersion);
  return q;
}

function decisionRefusal(actor: Actor | null): Result<never> | null {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? e.notFound);
  if (!canPurchase(actor)) return fail(e.purchaserOnly);
  return null;
}

async function run<T>(db: Database, body: (tx: Tx) => Promise<T | CommittedRefusal>): Promise<Result<T>> {
  const result = await refusalAsResult(() => db.transaction(body));
  if (result.ok && result.value instanceof CommittedRefusal) return fail(result.value.message);
  return result as Result<T>;
}

async function repEmail(tx: Tx, accountId: string): Promise<string | null> {
  const [r] = await tx
    .select({ email: users.email })
    .from(accounts)
    .innerJoin(users, and(eq(users.id, accounts.ownerUserId), eq(users.status, 'active')))
    .where(eq(accounts.id, accountId));
  return r?.email ?? null;
}

/**
 * A purchaser or company admin accepts the latest sent version: the order is created at exactly the
 * version's lines, prices, VAT breakdown, totals and treatment (origin `quote`), stock reserved and
 * the spending budget committed under locks — or nothing happens, with a clear message, when either
 * is short. The quote row lock makes acceptance and withdrawal (or a second acceptance) exclusive.
 */
export async function acceptQuote(
  db: Database,
  actor: Actor | null,
  raw: { quoteId: string; version: number; purchaseOrderRef?: string },
): Promise<Result<{ orderId: string; orderNumber: string; status: 'placed' | 'credit_hold' }>> {
  const refused = decisionRefusal(actor);
  if (refused) return refused;
  const parsed = parseInput(acceptQuoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  const portal = actor as PortalActor;
  try {
    return await run(db, async (tx) => {
      const q = await lockDecidable(tx, portal, parsed.value.quoteId, parsed.value.version);
      if (q instanceof CommittedRefusal) return q;
      const [v] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.quoteId, q.id), eq(quoteVersions.version, q.latestSentVersion!)));
      const lines = await tx.select().from(quoteLines).where(eq(quoteLines.versionId, v!.id)).orderBy(asc(quoteLines.position));
      const today = parisDate();
      // Lock order as every order path: products (id order), then the budget, then the company.
      const productIds = [...new Set(lines.map((l) => l.productId).filter((x): x is string => Boolean(x)))].sort();
      if (productIds.length) await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds)).orderBy(asc(products.id)).for('update');
      const budget = await lockBudgetFor(tx, portal.accountId, today, '');
      if (budget && remainingOf(budget) < v!.totalNetCents) {
        throw new Refusal(e.budgetShort(budget.label, formatMoney(remainingOf(budget)), formatMoney(v!.totalNetCents)));
      }
      const credit = await exceedsCreditLimit(tx, portal.accountId, v!.totalGrossCents);
      const status = credit.exceeds ? ('credit_hold' as const) : ('placed' as const);
      const buyer = v!.buyer!;
      const delivery = v!.deliveryAddress ?? buyer.address;
      const orderNumber = await nextOrderNumber(tx, today);
      const orderId = await createOrderRecord(tx, {
        actorUserId: portal.userId,
        note: `Devis ${q.number} version ${v!.version} accepté`,
        order: {
          number: orderNumber,
          channel: 'b2b',
          priceMode: 'tax_exclusive',
          status,
          origin: 'quote',
          accountId: portal.accountId,
          placedByUserId: portal.userId,
          customerName: buyer.name,
          email: portal.email,
          billingAddress: buyer.address,
          deliveryAddress: delivery,
          shippingMethod: 'b2b_delivery',
          treatment: v!.treatment,
          paymentMethod: 'on_account',
          totalNetCents: v!.totalNetCents,
          totalVatCents: v!.totalVatCents,
          totalGrossCents: v!.totalGrossCents,
          vatBreakdown: v!.vatBreakdown,
          mentions: v!.mentions,
          purchaseOrderRef: parsed.value.purchaseOrderRef ?? null,
          decidedByUserId: portal.userId,
          decidedAt: sql`now()`,
          placedAt: status === 'placed' ? sql`now()` : null,
        },
        adjustments: v!.adjustments.map((a) => ({ kind: a.kind, itemIndex: a.index, reason: a.reason, vatRateBp: a.vatRateBp, vatCategory: a.category, amountCents: a.amountCents, netCents: a.netCents })),
        lines: lines.map((l) => ({
          productId: l.productId,
          sku: l.sku,
          description: l.description,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceHtCents,
          discountBp: l.discountBp,
          vatRateBp: l.vatRateBp,
          vatCategory: l.vatCategory,
          priceSource: l.productId ? ('quote' as const) : ('free' as const),
          lineTotalCents: l.lineTotalCents,
          netCents: l.netCents,
        })),
      });
      await reserveStock(
        tx,
        orderId,
        lines.filter((l) => l.productId).map((l) => ({ productId: l.productId!, name: l.description, quantity: l.quantity })),
        portal.userId,
      );
      if (budget) await moveBudget(tx, budget.id, 'commit', v!.totalNetCents, orderId, portal.userId);
      await tx
        .update(quotes)
        .set({ status: 'accepted', orderId, decidedByUserId: portal.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(quotes.id, q.id));
      await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'quote_status', fromState: 'sent', toState: 'accepted', version: v!.version, actorUserId: portal.userId, byStaff: false, note: `Commande ${orderNumber}` });
      await advanceOpportunity(tx, q.opportunityId, 'won', portal.userId, { amountHtCents: v!.totalNetCents, orderId, reason: `Devis ${q.number} accepté` });
      await queueMail(tx, { to: portal.email, subject: `Commande ${orderNumber} enregistrée`, text: `Le devis ${q.number} (version ${v!.version}) est accepté : commande ${orderNumber}, ${formatMoney(v!.totalNetCents)} HT.${status === 'credit_hold' ? ` ${CREDIT_HOLD_MESSAGE}` : ''}` });
      const rep = await repEmail(tx, q.accountId);
      if (rep) await queueMail(tx, { to: rep, subject: frQuotes.mail.decisionSubject(q.number, 'accepté'), text: `${portal.name} a accepté le devis ${q.number} (version ${v!.version}) : commande ${orderNumber}.` });
      await recordAudit(tx, { actorUserId: portal.userId, action: 'quote.accept', entityType: 'quote', entityId: q.id, after: { version: v!.version, orderId, orderNumber } });
      return { orderId, orderNumber, status };
    });
  } catch (error) {
    if (error instanceof StockRefusal) return fail(`${error.message} Le devis n’est pas accepté : contactez votre commercial.`);
    throw error;
  }
}

/** A purchaser or company admin declines the latest sent version, with a reason the rep sees. */
export async function declineQuote(db: Database, actor: Actor | null, raw: { quoteId: string; version: number; reason: string }): Promise<Result<null>> {
  const refused = decisionRefusal(actor);
  if (refused) return refused;
  const parsed = parseInput(declineQuoteSchema, raw);
  if (!parsed.ok) return parsed.result;
  return closeAs(db, actor as PortalActor, parsed.value.quoteId, parsed.value.version, 'declined', parsed.value.reason);
}

/** A purchaser or company admin asks for changes; the quote goes back to our staff with the comment. */
export async function requestQuoteChanges(db: Database, actor: Actor | null, raw: { quoteId: string; version: number; comment: string }): Promise<Result<null>> {
  const refused = decisionRefusal(actor);
  if (refused) return refused;
  const parsed = parseInput(requestChangesSchema, raw);
  if (!parsed.ok) return parsed.result;
  return closeAs(db, actor as PortalActor, parsed.value.quoteId, parsed.value.version, 'changes_requested', parsed.value.comment);
}

async function closeAs(db: Database, actor: PortalActor, quoteId: string, version: number, to: 'declined' | 'changes_requested', text: string): Promise<Result<null>> {
  return run(db, async (tx) => {
    const q = await lockDecidable(tx, actor, quoteId, version);
    if (q instanceof CommittedRefusal) return q;
    if (!canMoveQuote(q.status, to, 'purchaser')) throw new Refusal(e.notDecidable);
    await tx
      .update(quotes)
      .set({ status: to, ...(to === 'declined' ? { decidedByUserId: actor.userId, decidedAt: sql`now()`, decisionReason: text } : {}), updatedAt: sql`now()` })
      .where(eq(quotes.id, q.id));
    await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'quote_status', fromState: 'sent', toState: to, version, actorUserId: actor.userId, byStaff: false, note: text });
    const label = to === 'declined' ? 'refusé' : 'modifications demandées';
    await noteOnOpportunity(tx, {
      accountId: q.accountId,
      opportunityId: q.opportunityId,
      personId: actor.personId,
      subject: `Devis ${q.number} v${version} : ${label}`,
      body: `${actor.name} : ${text}`,
      ownerUserId: q.ownerUserId,
    });
    const rep = await repEmail(tx, q.accountId);
    if (rep) await queueMail(tx, { to: rep, subject: frQuotes.mail.decisionSubject(q.number, label), text: `${actor.name} (${label}) : ${text}` });
    await recordAudit(tx, { actorUserId: actor.userId, action: to === 'declined' ? 'quote.decline' : 'quote.request_changes', entityType: 'quote', entityId: q.id, after: { version, text } });
    return null;
  });
}
