import 'server-only';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import {
  accounts,
  addresses,
  cartLines,
  carts,
  orderLines,
  orders,
  orderStatusHistory,
  persons,
  positions,
  products,
  stockMovements,
  users,
  type PostalAddress,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { queueMail } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/money';
import { fail, ok, type Result } from '@/lib/result';
import { isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { APPROVAL_REASON_LABELS, type ApprovalReason, approvalReasons } from './approval-rules';
import { priceB2bBasket } from './b2b-pricing';
import { lockBudgetFor, moveBudget, remainingOf } from './budget-lock';
import { monthOf, parisDate } from './periods';
import { loadAgreementOffers } from './pricing-service';
import { decideTreatment } from './treatment';
import { createOrderRecord, nextOrderNumber } from '@/lib/orders/create-order';
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

/**
 * Places a portal order from the actor's cart, in one transaction: products locked (id order) then
 * the budget row; prices resolved from the company's agreement; VAT from HT by lib/tax with the
 * treatment decided here. Within every limit it is placed (stock reserved, budget committed);
 * otherwise it waits for a purchaser, holding the budget when the budget covers it.
 */
export async function placeB2bOrder(db: Database, actor: Actor | null, input: PlaceB2bOrderInput): Promise<Result<PlacedB2bOrder>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const again = await findByKey(db, actor.accountId, input.idempotencyKey);
  if (again) return ok(again);
  try {
    const placed = await db.transaction(async (tx) => {
      const [cart] = await tx.select({ id: carts.id }).from(carts).where(and(eq(carts.userId, actor.userId), eq(carts.channel, 'b2b'))).limit(1);
      if (!cart) throw new Refusal('Votre panier est vide.');
      const rows = await tx
        .select({
          productId: products.id,
          sku: products.sku,
          name: products.name,
          quantity: cartLines.quantity,
          listPriceHtCents: products.b2bListPriceHtCents,
          vatRateBp: products.vatRateBp,
          stock: products.stockOnHand,
          active: products.isActive,
        })
        .from(cartLines)
        .innerJoin(products, eq(products.id, cartLines.productId))
        .where(eq(cartLines.cartId, cart.id))
        .orderBy(asc(products.id))
        .for('update', { of: products });
      if (rows.length === 0) throw new Refusal('Votre panier est vide.');
      const [company] = await tx.select().from(accounts).where(eq(accounts.id, actor.accountId));
      const [address] = await tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, input.deliveryAddressId), eq(addresses.accountId, actor.accountId), eq(addresses.kind, 'delivery')));
      if (!company || !address) throw new Refusal('Adresse de livraison introuvable.');
      if (company.usesCostCentres && !input.costCentre) throw new Refusal('Choisissez un centre de coût.');
      for (const r of rows) if (!r.active) throw new Refusal(`« ${r.name} » n’est plus vendu : retirez-le du panier.`);

      const treatment = decideTreatment({ vatNumber: company.vatNumber }, address.country);
      const offers = await loadAgreementOffers(tx, actor.accountId, rows.map((r) => r.productId));
      const priced = priceB2bBasket(rows, offers, treatment);
      if (priced.hasOffContractLines && !company.allowOffContract) throw new Refusal('Votre panier contient des articles hors contrat.');
      const net = priced.tax.totalNetCents;
      if (net !== input.expectedNetCents) {
        throw new Refusal(`Le montant a changé (${formatMoney(net)} HT au lieu de ${formatMoney(input.expectedNetCents)} HT) : vérifiez votre panier.`);
      }

      const today = parisDate();
      const budget = await lockBudgetFor(tx, actor.accountId, today, company.usesCostCentres ? (input.costCentre ?? '') : '');
      const [limits] = await tx
        .select({ order: positions.orderLimitHtCents, monthly: positions.monthlyLimitHtCents })
        .from(positions)
        .where(and(eq(positions.personId, actor.personId), eq(positions.accountId, actor.accountId), sql`${positions.endedOn} is null`));
      const month = monthOf(today);
      const [spent] = await tx
        .select({ n: sql<number>`coalesce(sum(${orders.totalNetCents}), 0)`.mapWith(Number) })
        .from(orders)
        .where(
          and(
            eq(orders.placedByUserId, actor.userId),
            eq(orders.accountId, actor.accountId),
            inArray(orders.status, [...SPENDING_STATUSES]),
            sql`(${orders.createdAt} at time zone 'Europe/Paris')::date between ${month.start}::date and ${month.end}::date`,
          ),
        );
      const reasons = approvalReasons({
        orderNetCents: net,
        orderLimitCents: limits?.order ?? null,
        monthlyLimitCents: limits?.monthly ?? null,
        monthSpentCents: spent?.n ?? 0,
        budgetRemainingCents: budget ? remainingOf(budget) : null,
        hasOffContractLines: priced.hasOffContractLines,
        companyThresholdCents: company.approvalThresholdHtCents,
      });
      // Within every limit, the order is placed — unless it takes the company beyond its credit
      // limit: then it waits for our staff (stock and budget taken as for a placed order).
      const credit = reasons.length === 0 ? await exceedsCreditLimit(tx, actor.accountId, priced.tax.totalGrossCents) : null;
      const status = reasons.length > 0 ? 'pending_approval' : credit?.exceeds ? 'credit_hold' : 'placed';
      if (status !== 'pending_approval') {
        for (const r of rows) if (r.quantity > r.stock) throw new Refusal(`Rupture de stock : il reste ${r.stock} « ${r.name} ».`);
      }

      const number = await nextOrderNumber(tx, today);
      const deliveryAddress: PostalAddress = {
        name: address.recipient ?? company.legalName,
        line1: address.line1,
        line2: address.line2,
        postalCode: address.postalCode,
        city: address.city,
        country: address.country,
      };
      const [billing] = await tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.accountId, actor.accountId), eq(addresses.kind, 'billing')))
        .orderBy(sql`${addresses.isDefault} desc`)
        .limit(1);
      const orderId = await createOrderRecord(tx, {
        actorUserId: actor.userId,
        order: {
          number,
          channel: 'b2b',
          priceMode: 'tax_exclusive',
          status,
          origin: 'cart',
          accountId: actor.accountId,
          placedByUserId: actor.userId,
          customerName: company.legalName,
          email: actor.email,
          billingAddress: billing
            ? { name: company.legalName, line1: billing.line1, line2: billing.line2, postalCode: billing.postalCode, city: billing.city, country: billing.country }
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
          costCentre: company.usesCostCentres ? input.costCentre || null : null,
          idempotencyKey: `${actor.accountId}:${input.idempotencyKey}`,
          approvalReasons: reasons.length ? reasons : null,
          approvalExpiresAt: status === 'pending_approval' ? sql`now() + make_interval(days => ${company.approvalExpiryDays})` : null,
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
      if (status !== 'pending_approval') {
        await reserveStock(tx, orderId, rows, actor.userId);
        if (budget) await moveBudget(tx, budget.id, 'commit', net, orderId, actor.userId);
      } else if (budget && !reasons.includes('budget')) {
        await moveBudget(tx, budget.id, 'hold', net, orderId, actor.userId);
      }
      await tx.delete(cartLines).where(eq(cartLines.cartId, cart.id));
      const labels = reasons.map((r) => APPROVAL_REASON_LABELS[r]);
      if (status === 'pending_approval') await notifyApprovers(tx, actor.accountId, actor.userId, number, net, labels);
      await queueMail(tx, {
        to: actor.email,
        subject: status === 'placed' ? `Commande ${number} enregistrée` : status === 'credit_hold' ? `Commande ${number} en attente (encours)` : `Commande ${number} soumise à approbation`,
        text:
          status === 'placed'
            ? `Votre commande ${number} (${formatMoney(net)} HT) est enregistrée.`
            : status === 'credit_hold'
              ? `Votre commande ${number} (${formatMoney(net)} HT) : ${CREDIT_HOLD_MESSAGE}`
              : `Votre commande ${number} (${formatMoney(net)} HT) attend l’approbation d’un acheteur : ${labels.join(' ; ')}.`,
      });
      await recordAudit(tx, { actorUserId: actor.userId, action: 'order.place_b2b', entityType: 'order', entityId: orderId, after: { number, status, net, reasons } });
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

async function notifyApprovers(tx: Tx, accountId: string, requesterId: string, number: string, net: number, reasons: string[]) {
  const approvers = await tx
    .select({ email: users.email })
    .from(positions)
    .innerJoin(users, eq(users.personId, positions.personId))
    .innerJoin(persons, eq(persons.id, positions.personId))
    .where(
      and(
        eq(positions.accountId, accountId),
        sql`${positions.endedOn} is null`,
        inArray(positions.portalRole, ['purchaser', 'company_admin']),
        eq(users.status, 'active'),
        notInArray(users.id, [requesterId]),
      ),
    );
  for (const a of approvers) {
    await queueMail(tx, {
      to: a.email,
      subject: `Commande ${number} à approuver`,
      text: `La commande ${number} (${formatMoney(net)} HT) attend votre approbation : ${reasons.join(' ; ')}.\nOuvrez le portail, rubrique Approbations.`,
    });
  }
}
