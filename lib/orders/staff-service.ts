import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderLines, orderPayments, orders, orderStatusHistory, products, stockMovements } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import type { PaymentProvider } from '@/lib/payments/provider';
import { fail, ok, type Result } from '@/lib/result';
import { canStaffTransition, holdsStock, type OrderStatus } from './rules';

const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_approval: 'en attente d’approbation',
  awaiting_payment: 'en attente de paiement',
  credit_hold: 'bloquée (encours)',
  placed: 'enregistrée',
  confirmed: 'confirmée',
  shipped: 'expédiée',
  delivered: 'livrée',
  cancelled: 'annulée',
  rejected: 'refusée',
  expired: 'expirée',
};

/**
 * Moves an order to another state by hand (staff). The row is locked, the transition checked
 * against the state machine, and the change recorded with who and when. Cancelling releases the
 * stock and refunds a card payment through the provider; receiving a transfer records the payment.
 */
export async function changeOrderStatus(
  db: Database,
  actor: Actor | null,
  input: { orderId: string; to: OrderStatus; note?: string },
  provider: PaymentProvider,
): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'orders.manage');
  if (refused) return refused;
  const refunds: { providerRef: string; amountCents: number; number: string }[] = [];
  const result = await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, number: orders.number, email: orders.email, total: orders.totalGrossCents, method: orders.paymentMethod })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail<null>('Commande introuvable.');
    if (!canStaffTransition(order.status, input.to)) {
      return fail<null>(`Une commande ${STATUS_LABELS[order.status]} ne peut pas passer à « ${STATUS_LABELS[input.to]} ».`);
    }
    if (input.to === 'cancelled' && holdsStock(order.status)) await releaseStock(tx, order.id, actor!.userId);
    if (input.to === 'cancelled') {
      const captured = await tx
        .select({ ref: orderPayments.providerRef, amount: orderPayments.amountCents })
        .from(orderPayments)
        .where(and(eq(orderPayments.orderId, order.id), eq(orderPayments.kind, 'capture')));
      for (const c of captured) {
        if (c.ref) refunds.push({ providerRef: c.ref, amountCents: c.amount, number: order.number });
      }
    }
    if (order.status === 'awaiting_payment' && input.to === 'placed') {
      await tx.insert(orderPayments).values({
        orderId: order.id,
        kind: 'transfer_received',
        method: 'bank_transfer',
        amountCents: order.total,
        recordedByUserId: actor!.userId,
      });
    }
    await tx
      .update(orders)
      .set({ status: input.to, updatedAt: sql`now()`, ...(input.to === 'placed' ? { placedAt: sql`now()` } : {}) })
      .where(eq(orders.id, order.id));
    await tx.insert(orderStatusHistory).values({
      orderId: order.id,
      fromStatus: order.status,
      toStatus: input.to,
      actorUserId: actor!.userId,
      note: input.note?.trim() || null,
    });
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'order.status',
      entityType: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: { status: input.to },
    });
    await queueMail(tx, {
      to: order.email,
      subject: `Votre commande ${order.number} est ${STATUS_LABELS[input.to]}`,
      text: `Bonjour,\n\nVotre commande ${order.number} est désormais ${STATUS_LABELS[input.to]}.${input.to === 'cancelled' && refunds.length ? '\nLe paiement par carte vous est remboursé.' : ''}\n`,
    });
    return ok(null);
  });
  // Refund after the cancellation committed; each refund is recorded.
  for (const r of refunds) {
    const refund = await provider.refund({ providerRef: r.providerRef, amountCents: r.amountCents, reference: r.number });
    if (refund.ok) {
      await db.insert(orderPayments).values({
        orderId: input.orderId,
        kind: 'refund',
        method: 'card',
        amountCents: r.amountCents,
        providerRef: refund.providerRef ?? null,
        recordedByUserId: actor!.userId,
      });
    }
  }
  return result;
}

async function releaseStock(tx: Parameters<Parameters<Database['transaction']>[0]>[0], orderId: string, actorUserId: string) {
  const lines = await tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(orderLines.productId);
  for (const l of lines) {
    if (!l.productId) continue;
    const qty = Math.round(l.quantity);
    const [p] = await tx
      .update(products)
      .set({ stockOnHand: sql`${products.stockOnHand} + ${qty}`, updatedAt: sql`now()` })
      .where(eq(products.id, l.productId))
      .returning({ stock: products.stockOnHand });
    await tx.insert(stockMovements).values({
      productId: l.productId,
      kind: 'cancel',
      quantityDelta: qty,
      stockAfter: p!.stock,
      orderId,
      actorUserId,
      reason: 'Annulation de commande',
    });
  }
}
