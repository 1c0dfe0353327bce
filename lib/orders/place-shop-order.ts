import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts, orderPayments, orders, products, type PostalAddress } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/db-errors';
import { formatMoney, formatRateBp } from '@/lib/money';
import type { PaymentProvider } from '@/lib/payments/provider';
import { fail, ok, type Result } from '@/lib/result';
import { shopRefusal } from '@/lib/shop/cart-service';
import { priceShopBasket } from '@/lib/shop/pricing';
import type { CheckoutInput } from '@/lib/shop/schemas';
import { SHIPPING_METHODS } from '@/lib/shop/shipping';
import { orderAccessToken } from './access-token';
import { auditWrite, formatOrderNumber, mailWrite, orderRecordWrites, runWrites, stockReservationWrites } from './create-order';

export interface PlacedOrder {
  orderId: string;
  number: string;
  accessToken: string;
  status: 'placed' | 'awaiting_payment';
}

/** A refusal raised inside the transaction: it rolls everything back and becomes a user message. */
class CheckoutRefusal extends Error {}

async function findByIdempotencyKey(db: Database, key: string): Promise<PlacedOrder | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, status: orders.status })
    .from(orders)
    .where(eq(orders.idempotencyKey, key))
    .limit(1);
  if (!row) return null;
  return { orderId: row.id, number: row.number, accessToken: orderAccessToken(row.id), status: row.status as PlacedOrder['status'] };
}

/**
 * Places a consumer order from a cart, in one transaction: products locked in id order, stock
 * reserved by conditional updates, prices and VAT recomputed from the catalogue by lib/tax, the card
 * charged last (a decline rolls everything back and leaves the cart as it was). The idempotency key
 * makes a repeated submit return the first order instead of a second one.
 *
 * Statements: BEGIN, the locking read of the cart (with the order number), one statement for every
 * write (order, lines, charges, history, stock and its movements, mail, emptied cart, audit), the
 * card payment's record, COMMIT. A repeated submit needs no read up front: the first order emptied
 * the cart or holds the key, and either refusal answers with the first order.
 */
export async function placeShopOrder(
  db: Database,
  actor: Actor | null,
  cartId: string | null,
  input: CheckoutInput,
  provider: PaymentProvider,
): Promise<Result<PlacedOrder>> {
  const refusal = shopRefusal(actor);
  if (refusal) return fail(refusal);
  if (!cartId) {
    const existing = await findByIdempotencyKey(db, input.idempotencyKey);
    return existing ? ok(existing) : fail('Votre panier est vide.');
  }

  let chargedRef: string | null = null;
  let amountCharged = 0;
  try {
    const placed = await db.transaction(async (tx) => {
      // The cart must be this visitor's or this customer's; its products are locked in id order.
      const rows = await tx
        .select({
          productId: products.id,
          sku: products.sku,
          name: products.name,
          quantity: cartLines.quantity,
          unitPriceTtcCents: products.b2cPriceTtcCents,
          vatRateBp: products.vatRateBp,
          stock: products.stockOnHand,
          active: products.isActive,
          // Taken once for the statement (an uncorrelated sub-query); a refused order leaves a gap.
          sequence: sql<string>`(select nextval('order_number_seq')::text)`,
        })
        .from(cartLines)
        .innerJoin(products, eq(products.id, cartLines.productId))
        .where(
          and(
            eq(cartLines.cartId, cartId),
            sql`exists (select 1 from ${carts} c where c.id = ${cartId} and (c.user_id is null or c.user_id = ${actor?.userId ?? null}::uuid))`,
          ),
        )
        .orderBy(asc(products.id))
        .for('update', { of: products });
      if (rows.length === 0) throw new CheckoutRefusal('Votre panier est vide.');
      for (const r of rows) {
        if (!r.active) throw new CheckoutRefusal(`« ${r.name} » n’est plus vendu : retirez-le du panier.`);
        if (r.quantity > r.stock) {
          throw new CheckoutRefusal(
            r.stock === 0 ? `Rupture de stock : « ${r.name} » n’est plus disponible.` : `Rupture de stock : il ne reste que ${r.stock} « ${r.name} ».`,
          );
        }
      }

      const totals = priceShopBasket(rows, input.shippingMethod);
      if (totals.tax.totalGrossCents !== input.expectedTotalCents) {
        throw new CheckoutRefusal(
          `Le montant de votre panier a changé (${formatMoney(totals.tax.totalGrossCents)} au lieu de ${formatMoney(input.expectedTotalCents)}) : vérifiez-le avant de commander.`,
        );
      }

      const status = input.paymentMethod === 'card' ? 'placed' : 'awaiting_payment';
      const name = `${input.firstName} ${input.lastName}`;
      const address: PostalAddress = {
        name,
        line1: input.line1,
        line2: input.line2 || null,
        postalCode: input.postalCode,
        city: input.city,
        country: 'FR',
        phone: input.phone || null,
      };
      const number = formatOrderNumber(new Date().getFullYear(), rows[0]!.sequence);
      const orderId = randomUUID();
      const accessToken = orderAccessToken(orderId);
      const actorUserId = actor?.userId ?? null;
      // Every write in one statement. Inserting the order claims the idempotency key: a parallel
      // submit waits here, then fails on the unique index and returns this order.
      const [written] = await runWrites<{ reserved: number | string }>(
        tx,
        [
          ...orderRecordWrites(tx, {
            orderId,
            actorUserId,
            order: {
              number,
              channel: 'b2c',
              priceMode: 'tax_inclusive',
              status,
              origin: 'cart',
              accountId: actor?.accountId ?? null,
              placedByUserId: actorUserId,
              customerName: name,
              email: input.email,
              billingAddress: address,
              deliveryAddress: address,
              shippingMethod: input.shippingMethod,
              treatment: 'domestic',
              paymentMethod: input.paymentMethod,
              totalNetCents: totals.tax.totalNetCents,
              totalVatCents: totals.tax.totalVatCents,
              totalGrossCents: totals.tax.totalGrossCents,
              vatBreakdown: totals.tax.breakdown,
              mentions: totals.tax.mentions,
              idempotencyKey: input.idempotencyKey,
              placedAt: status === 'placed' ? sql`now()` : null,
            },
            lines: rows.map((r, i) => ({
              productId: r.productId,
              sku: r.sku,
              description: r.name,
              quantity: r.quantity,
              unitPriceCents: r.unitPriceTtcCents,
              vatRateBp: r.vatRateBp,
              vatCategory: totals.tax.lines[i]!.category,
              lineTotalCents: totals.tax.lines[i]!.lineTotalCents,
              netCents: totals.tax.lines[i]!.netCents,
            })),
            adjustments: totals.tax.adjustments.map((a) => ({
              kind: a.kind,
              itemIndex: a.index,
              reason: a.reason ?? SHIPPING_METHODS[input.shippingMethod].label,
              vatRateBp: a.vatRateBp,
              vatCategory: a.category,
              amountCents: a.amountCents,
              netCents: a.netCents,
            })),
          }),
          ...stockReservationWrites(tx, orderId, rows, actorUserId),
          mailWrite(tx, 'confirmation_mail', confirmationMail({ number, email: input.email, name, status, rows, totals, orderId, accessToken })),
          { name: 'emptied_cart', query: tx.delete(cartLines).where(eq(cartLines.cartId, cartId)) },
          auditWrite(tx, {
            actorUserId,
            action: 'order.place',
            entityType: 'order',
            entityId: orderId,
            after: { number, status, totalGrossCents: totals.tax.totalGrossCents },
          }),
        ],
        sql`select count(*) as reserved from reserved_stock`,
      );
      // The products are locked and their stock was checked above: this only guards the invariant.
      if (Number(written?.reserved) !== rows.length) throw new CheckoutRefusal('Rupture de stock : un article n’est plus disponible en quantité suffisante.');

      if (input.paymentMethod === 'card') {
        const charge = await provider.charge({
          amountCents: totals.tax.totalGrossCents,
          reference: number,
          card: { number: input.cardNumber, expiry: input.cardExpiry, cvc: input.cardCvc, holder: name },
        });
        if (!charge.ok) throw new CheckoutRefusal(charge.declineMessage);
        chargedRef = charge.providerRef;
        amountCharged = totals.tax.totalGrossCents;
        await tx.insert(orderPayments).values({
          orderId,
          kind: 'capture',
          method: 'card',
          amountCents: totals.tax.totalGrossCents,
          providerRef: charge.providerRef,
        });
      }
      return { orderId, number, accessToken, status } satisfies PlacedOrder;
    });
    return ok(placed);
  } catch (error) {
    if (chargedRef) {
      // The card was charged but the order did not commit: give the money back.
      await provider.refund({ providerRef: chargedRef, amountCents: amountCharged, reference: 'rollback' });
    }
    if (error instanceof CheckoutRefusal || isUniqueViolation(error, 'orders_idempotency_key_unique')) {
      // A repeated submit that lost the race (or found the cart already emptied by the first one)
      // answers with the order the first submit placed.
      const first = await findByIdempotencyKey(db, input.idempotencyKey);
      if (first) return ok(first);
      if (error instanceof CheckoutRefusal) return fail(error.message);
    }
    throw error;
  }
}

function confirmationMail(o: {
  number: string;
  email: string;
  name: string;
  status: string;
  orderId: string;
  accessToken: string;
  rows: { name: string; quantity: number; unitPriceTtcCents: number }[];
  totals: ReturnType<typeof priceShopBasket>;
}) {
  const base = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const lines = o.rows.map((r, i) => `- ${r.quantity} × ${r.name} : ${formatMoney(o.totals.tax.lines[i]!.lineTotalCents)} TTC`);
  const vat = o.totals.tax.breakdown.map((b) => `  dont TVA ${formatRateBp(b.vatRateBp)} : ${formatMoney(b.vatCents)}`);
  return {
    to: o.email,
    subject: `Votre commande ${o.number}`,
    text: [
      `Bonjour ${o.name},`,
      '',
      o.status === 'placed'
        ? `Merci pour votre commande ${o.number}, payée par carte.`
        : `Votre commande ${o.number} est enregistrée. Elle sera préparée à réception de votre virement.`,
      '',
      ...lines,
      `Livraison : ${formatMoney(o.totals.shippingTtcCents)} TTC`,
      `Total : ${formatMoney(o.totals.tax.totalGrossCents)} TTC (${formatMoney(o.totals.tax.totalNetCents)} HT)`,
      ...vat,
      '',
      `Suivre votre commande : ${base}/orders/${o.orderId}?t=${o.accessToken}`,
      '',
      'Vous disposez d’un délai de 14 jours à compter de la réception pour exercer votre droit de rétractation.',
    ].join('\n'),
  };
}
