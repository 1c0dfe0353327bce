import 'server-only';
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import {
  accounts,
  addresses,
  cartLines,
  carts,
  orders,
  outbox,
  persons,
  positions,
  products,
  spendingBudgets,
  stockMovements,
  users,
  type PostalAddress,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/db-errors';
import { formatMoney } from '@/lib/money';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { APPROVAL_REASON_LABELS, type ApprovalReason, approvalReasons } from './approval-rules';
import { priceB2bBasket } from './b2b-pricing';
import { budgetMoveWrites, type LockedBudget, remainingOf } from './budget-lock';
import { monthOf, parisDate } from './periods';
import type { AgreementOffer } from './price-resolution';
import { activeAgreementLines, offerFromJson, offerJsonOf } from './pricing-service';
import { decideTreatment } from './treatment';
import { auditWrite, formatOrderNumber, mailWrite, orderRecordWrites, runWrites, stockReservationWrites, type Write } from '@/lib/orders/create-order';
import { CREDIT_HOLD_MESSAGE, exceedsCreditLimit } from '@/lib/invoicing/credit';

export interface PlaceB2bOrderInput {
  idempotencyKey: string;
  deliveryAddressId: string;
  purchaseOrderRef?: string;
  requestedDeliveryDate?: string;
  costCentre?: string;
  /** The HT total the person saw; a different server total refuses the order. */
  expectedNetCents: number;
}

export interface PlacedB2bOrder {
  orderId: string;
  number: string;
  status: 'placed' | 'pending_approval' | 'credit_hold';
  reasons: string[];
}

class Refusal extends Error {}

const SPENDING_STATUSES = ['pending_approval', 'credit_hold', 'placed', 'confirmed', 'shipped', 'delivered'] as const;

interface CheckoutContext {
  company: {
    legal_name: string;
    vat_number: string | null;
    allow_off_contract: boolean;
    uses_cost_centres: boolean;
    approval_threshold_ht_cents: number | null;
    approval_expiry_days: number;
  } | null;
  address: { recipient: string | null; line1: string; line2: string | null; postal_code: string; city: string; country: string } | null;
  billing: { line1: string; line2: string | null; postal_code: string; city: string; country: string } | null;
  budget: { id: string; label: string; amount_ht_cents: number; held_ht_cents: number; committed_ht_cents: number } | null;
  limits: { order: number | null; monthly: number | null } | null;
  spent: number | string;
  offers: Record<string, unknown> | null;
}

/** A JSON column: postgres.js and PGlite parse it; a string (another driver) is parsed here. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Places a portal order from the actor's cart, in one transaction: products locked (id order) then
 * the budget row, then — for an order within every limit — the company's row for its credit limit;
 * prices resolved from the company's agreement; VAT from HT by lib/tax with the treatment decided
 * here. Within every limit it is placed (stock reserved, budget committed); otherwise it waits for
 * a purchaser, holding the budget when the budget covers it.
 *
 * Statements: BEGIN; the products of the cart, locked (with the order number); the budget, locked,
 * with everything else the decision reads (company, addresses, limits, the month's spending, the
 * agreement's offers — read after the product locks, so what was ordered on them is current); the
 * company's lock and what it owes (for an order within every limit, 1 or 2); every write in one
 * statement; COMMIT. A repeated submit needs no read up front: the first order emptied the cart or
 * holds the key, and either refusal answers with the first order.
 */
export async function placeB2bOrder(db: Database, actor: Actor | null, input: PlaceB2bOrderInput): Promise<Result<PlacedB2bOrder>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  try {
    const placed = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          cartId: cartLines.cartId,
          productId: products.id,
          sku: products.sku,
          name: products.name,
          quantity: cartLines.quantity,
          listPriceHtCents: products.b2bListPriceHtCents,
          vatRateBp: products.vatRateBp,
          stock: products.stockOnHand,
          active: products.isActive,
          // Taken once for the statement (an uncorrelated sub-query); a refused order leaves a gap.
          sequence: sql<string>`(select nextval('order_number_seq')::text)`,
        })
        .from(cartLines)
        .innerJoin(products, eq(products.id, cartLines.productId))
        .where(
          eq(
            cartLines.cartId,
            sql`(select c.id from ${carts} c where c.user_id = ${actor.userId} and c.channel = 'b2b' order by c.created_at limit 1)`,
          ),
        )
        .orderBy(asc(products.id))
        .for('update', { of: products });
      if (rows.length === 0) throw new Refusal('Votre panier est vide.');

      const today = parisDate();
      // The month's spending is read as an instant range on created_at (not by converting each
      // order's date), so that orders_placed_by_idx reads this month's orders only.
      const month = monthOf(today);
      const accountId = actor.accountId;
      const [ctx] = rowsOf<CheckoutContext>(
        await tx.execute(sql`
          with company as (
            select legal_name, vat_number, allow_off_contract, uses_cost_centres, approval_threshold_ht_cents, approval_expiry_days
            from ${accounts} where id = ${accountId}),
          budget as (
            select b.id, b.label, b.amount_ht_cents, b.held_ht_cents, b.committed_ht_cents
            from ${spendingBudgets} b
            where b.account_id = ${accountId} and b.period_start <= ${today} and b.period_end >= ${today}
              and b.cost_centre = (select case when c.uses_cost_centres then ${input.costCentre ?? ''} else '' end from company c)
            order by b.period_start limit 1
            for update)
          select
            (select row_to_json(c) from company c) as company,
            (select row_to_json(b) from budget b) as budget,
            (select row_to_json(a) from (
              select recipient, line1, line2, postal_code, city, country from ${addresses}
              where id = ${input.deliveryAddressId} and account_id = ${accountId} and kind = 'delivery') a) as address,
            (select row_to_json(a) from (
              select line1, line2, postal_code, city, country from ${addresses}
              where account_id = ${accountId} and kind = 'billing' order by is_default desc limit 1) a) as billing,
            (select json_build_object('order', order_limit_ht_cents, 'monthly', monthly_limit_ht_cents) from ${positions}
              where person_id = ${actor.personId} and account_id = ${accountId} and ended_on is null limit 1) as limits,
            (select coalesce(sum(o.total_net_cents), 0) from ${orders} o
              where o.placed_by_user_id = ${actor.userId} and o.account_id = ${accountId}
                and o.status in (${sql.join(SPENDING_STATUSES.map((st) => sql`${st}`), sql`, `)})
                and o.created_at >= (${month.start}::date::timestamp at time zone 'Europe/Paris')
                and o.created_at < ((${month.end}::date + 1)::timestamp at time zone 'Europe/Paris')) as spent,
            (select json_object_agg(x.product_id, x.offer) from (
              select distinct on (al.product_id) al.product_id, ${offerJsonOf()} as offer
              from ${activeAgreementLines(accountId, today)}
              where ${inArray(sql`al.product_id`, rows.map((r) => r.productId))}
              order by al.product_id, al.agreement_id) x) as offers`),
      );
      const company = json<CheckoutContext['company']>(ctx?.company ?? null);
      const address = json<CheckoutContext['address']>(ctx?.address ?? null);
      if (!company || !address) throw new Refusal('Adresse de livraison introuvable.');
      if (company.uses_cost_centres && !input.costCentre) throw new Refusal('Choisissez un centre de coût.');
      for (const r of rows) if (!r.active) throw new Refusal(`« ${r.name} » n’est plus vendu : retirez-le du panier.`);

      const treatment = decideTreatment({ vatNumber: company.vat_number }, address.country);
      const offerJson = json<Record<string, unknown> | null>(ctx?.offers ?? null) ?? {};
      const offers = new Map<string, AgreementOffer>();
      for (const [productId, value] of Object.entries(offerJson)) offers.set(productId, offerFromJson(value)!);
      const priced = priceB2bBasket(rows, offers, treatment);
      if (priced.hasOffContractLines && !company.allow_off_contract) throw new Refusal('Votre panier contient des articles hors contrat.');
      const net = priced.tax.totalNetCents;
      if (net !== input.expectedNetCents) {
        throw new Refusal(`Le montant a changé (${formatMoney(net)} HT au lieu de ${formatMoney(input.expectedNetCents)} HT) : vérifiez votre panier.`);
      }

      const b = json<CheckoutContext['budget']>(ctx?.budget ?? null);
      const budget: LockedBudget | null = b
        ? { id: b.id, label: b.label, amountHtCents: Number(b.amount_ht_cents), heldHtCents: Number(b.held_ht_cents), committedHtCents: Number(b.committed_ht_cents) }
        : null;
      const limits = json<CheckoutContext['limits']>(ctx?.limits ?? null);
      const reasons = approvalReasons({
        orderNetCents: net,
        orderLimitCents: limits?.order == null ? null : Number(limits.order),
        monthlyLimitCents: limits?.monthly == null ? null : Number(limits.monthly),
        monthSpentCents: Number(ctx?.spent ?? 0),
        budgetRemainingCents: budget ? remainingOf(budget) : null,
        hasOffContractLines: priced.hasOffContractLines,
        companyThresholdCents: company.approval_threshold_ht_cents == null ? null : Number(company.approval_threshold_ht_cents),
      });
      // Within every limit, the order is placed — unless it takes the company beyond its credit
      // limit: then it waits for our staff (stock and budget taken as for a placed order).
      const credit = reasons.length === 0 ? await exceedsCreditLimit(tx, accountId, priced.tax.totalGrossCents) : null;
      const status = reasons.length > 0 ? 'pending_approval' : credit?.exceeds ? 'credit_hold' : 'placed';
      if (status !== 'pending_approval') {
        for (const r of rows) if (r.quantity > r.stock) throw new Refusal(`Rupture de stock : il reste ${r.stock} « ${r.name} ».`);
      }

      const number = formatOrderNumber(today.slice(0, 4), rows[0]!.sequence);
      const orderId = randomUUID();
      const deliveryAddress: PostalAddress = {
        name: address.recipient ?? company.legal_name,
        line1: address.line1,
        line2: address.line2,
        postalCode: address.postal_code,
        city: address.city,
        country: address.country,
      };
      const billing = json<CheckoutContext['billing']>(ctx?.billing ?? null);
      const labels = reasons.map((r) => APPROVAL_REASON_LABELS[r]);
      const writes: Write[] = orderRecordWrites(tx, {
        orderId,
        actorUserId: actor.userId,
        order: {
          number,
          channel: 'b2b',
          priceMode: 'tax_exclusive',
          status,
          origin: 'cart',
          accountId,
          placedByUserId: actor.userId,
          customerName: company.legal_name,
          email: actor.email,
          billingAddress: billing
            ? { name: company.legal_name, line1: billing.line1, line2: billing.line2, postalCode: billing.postal_code, city: billing.city, country: billing.country }
            : deliveryAddress,
          deliveryAddress,
          shippingMethod: 'b2b_delivery',
          treatment,
          paymentMethod: 'on_account',
          totalNetCents: net,
          totalVatCents: priced.tax.totalVatCents,
          totalGrossCents: priced.tax.totalGrossCents,
          vatBreakdown: priced.tax.breakdown,
          mentions: priced.tax.mentions,
          purchaseOrderRef: input.purchaseOrderRef || null,
          requestedDeliveryDate: input.requestedDeliveryDate || null,
          // Only a company that uses cost centres records one: approval looks its budget up by it.
          costCentre: company.uses_cost_centres ? input.costCentre || null : null,
          idempotencyKey: `${accountId}:${input.idempotencyKey}`,
          approvalReasons: reasons.length ? reasons : null,
          approvalExpiresAt: status === 'pending_approval' ? sql`now() + make_interval(days => ${company.approval_expiry_days})` : null,
          placedAt: status === 'placed' ? sql`now()` : null,
        },
        lines: rows.map((r, i) => ({
          productId: r.productId,
          sku: r.sku,
          description: r.name,
          quantity: r.quantity,
          unitPriceCents: priced.prices[i]!.unitPriceHtCents,
          vatRateBp: priced.tax.lines[i]!.vatRateBp,
          vatCategory: priced.tax.lines[i]!.category,
          priceSource: priced.prices[i]!.source,
          agreementId: priced.prices[i]!.agreementId,
          lineTotalCents: priced.tax.lines[i]!.lineTotalCents,
          netCents: priced.tax.lines[i]!.netCents,
        })),
      });
      const reserving = status !== 'pending_approval';
      if (reserving) {
        writes.push(...stockReservationWrites(tx, orderId, rows, actor.userId));
        if (budget) writes.push(...budgetMoveWrites(tx, budget.id, 'commit', net, orderId, actor.userId));
      } else if (budget && !reasons.includes('budget')) {
        writes.push(...budgetMoveWrites(tx, budget.id, 'hold', net, orderId, actor.userId));
      }
      writes.push({ name: 'emptied_cart', query: tx.delete(cartLines).where(eq(cartLines.cartId, rows[0]!.cartId)) });
      if (status === 'pending_approval') writes.push(approverMailsWrite(tx, accountId, actor.userId, number, net, labels));
      writes.push(
        mailWrite(tx, 'requester_mail', {
          to: actor.email,
          subject: status === 'placed' ? `Commande ${number} enregistrée` : status === 'credit_hold' ? `Commande ${number} en attente (encours)` : `Commande ${number} soumise à approbation`,
          text:
            status === 'placed'
              ? `Votre commande ${number} (${formatMoney(net)} HT) est enregistrée.`
              : status === 'credit_hold'
                ? `Votre commande ${number} (${formatMoney(net)} HT) : ${CREDIT_HOLD_MESSAGE}`
                : `Votre commande ${number} (${formatMoney(net)} HT) attend l’approbation d’un acheteur : ${labels.join(' ; ')}.`,
        }),
        auditWrite(tx, { actorUserId: actor.userId, action: 'order.place_b2b', entityType: 'order', entityId: orderId, after: { number, status, net, reasons } }),
      );
      const [written] = await runWrites<{ reserved: unknown }>(
        tx,
        writes,
        reserving ? sql`select (select json_agg(product_id) from reserved_stock) as reserved` : sql`select null as reserved`,
      );
      if (reserving) {
        // The products are locked and their stock was checked above: this only guards the invariant.
        const reserved = new Set(json<string[] | null>(written?.reserved ?? null) ?? []);
        const short = rows.find((r) => !reserved.has(r.productId));
        if (short) throw new Refusal(`Rupture de stock : « ${short.name} » n’est plus disponible en quantité suffisante.`);
      }
      return { orderId, number, status, reasons: status === 'credit_hold' ? [CREDIT_HOLD_MESSAGE] : labels } satisfies PlacedB2bOrder;
    });
    return ok(placed);
  } catch (error) {
    if (error instanceof Refusal || isUniqueViolation(error, 'orders_idempotency_key_unique')) {
      const first = await findByKey(db, actor.accountId, input.idempotencyKey);
      if (first) return ok(first);
      if (error instanceof Refusal) return fail(error.message);
    }
    throw error;
  }
}

async function findByKey(db: Database, accountId: string, key: string): Promise<PlacedB2bOrder | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, status: orders.status, reasons: orders.approvalReasons })
    .from(orders)
    .where(eq(orders.idempotencyKey, `${accountId}:${key}`));
  if (!row) return null;
  return {
    orderId: row.id,
    number: row.number,
    status: row.status === 'pending_approval' || row.status === 'credit_hold' ? row.status : 'placed',
    reasons: (row.reasons ?? []).map((r) => APPROVAL_REASON_LABELS[r as ApprovalReason] ?? r),
  };
}


/** Conditional decrements in product id order: stock never below zero, even in parallel. */
export async function reserveStock(tx: Tx, orderId: string, rows: { productId: string; name: string; quantity: number }[], actorUserId: string): Promise<void> {
  for (const r of [...rows].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
    const qty = Math.ceil(r.quantity);
    const [updated] = await tx
      .update(products)
      .set({ stockOnHand: sql`${products.stockOnHand} - ${qty}`, updatedAt: sql`now()` })
      .where(sql`${products.id} = ${r.productId} and ${products.stockOnHand} >= ${qty}`)
      .returning({ stock: products.stockOnHand });
    if (!updated) throw new Refusal(`Rupture de stock : « ${r.name} » n’est plus disponible en quantité suffisante.`);
    await tx.insert(stockMovements).values({ productId: r.productId, kind: 'order', quantityDelta: -qty, stockAfter: updated.stock, orderId, actorUserId });
  }
}

export { Refusal as StockRefusal };

/** The mail to every active purchaser and company admin of the company but the requester, as one write. */
function approverMailsWrite(tx: Tx, accountId: string, requesterId: string, number: string, net: number, reasons: string[]): Write {
  const subject = `Commande ${number} à approuver`;
  const text = `La commande ${number} (${formatMoney(net)} HT) attend votre approbation : ${reasons.join(' ; ')}.\nOuvrez le portail, rubrique Approbations.`;
  return {
    name: 'approver_mails',
    query: sql`insert into ${outbox} (to_address, subject, body_text)
      select u.email, ${subject}, ${text}
      from ${positions} po join ${users} u on u.person_id = po.person_id join ${persons} pe on pe.id = po.person_id
      where po.account_id = ${accountId} and po.ended_on is null and po.portal_role in ('purchaser', 'company_admin')
        and u.status = 'active' and u.id <> ${requesterId}`,
  };
}
