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
import { issueInvoiceInTx } from '@/lib/invoicing/issue';
import { budgetStateOf, moveBudget } from '@/lib/purchasing/budget-lock';
import { parisDate } from '@/lib/purchasing/periods';
import { orderStatusLabels } from './order-status-labels';
import { canStaffTransition, holdsStock, type OrderStatus } from './rules';

const label = (s: OrderStatus) => orderStatusLabels[s].toLowerCase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Moves an order to another state by hand (staff). The row is locked, the transition checked
 * against the state machine, and the change recorded with who and when. Cancelling releases the
 * stock and refunds a card payment through the provider; receiving a transfer records the payment.
 */
export async function changeOrderStatus(
  db: Database,
  actor: Actor | null,
  input: { orderId: string; to: OrderStatus; note?: string; expectedStatus?: OrderStatus },
  provider: PaymentProvider,
): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'orders.manage');
  if (refused) return refused;
  if (!UUID.test(input.orderId)) return fail('Commande introuvable.');
  const refunds: { providerRef: string; amountCents: number; number: string }[] = [];
  const result = await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, number: orders.number, email: orders.email, total: orders.totalGrossCents, method: orders.paymentMethod })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail<null>('Commande introuvable.');
    if (input.expectedStatus && input.expectedStatus !== order.status) {
      return fail<null>(`Cette commande a été modifiée entre-temps : elle est désormais ${label(order.status)}. Vérifiez-la avant d’agir.`);
    }
    if (!canStaffTransition(order.status, input.to)) {
      return fail<null>(`Une commande ${label(order.status)} ne peut pas passer à « ${label(input.to)} ».`);
    }
    if (input.to === 'cancelled' && holdsStock(order.status)) await releaseStock(tx, order.id, actor!.userId);
    if (input.to === 'cancelled') {
      // A B2B order's budget hold or commitment goes back to the client's budget.
      const budget = await budgetStateOf(tx, order.id);
      if (budget) {
        await tx.execute(sql`select 1 from spending_budgets where id = ${budget.budgetId} for update`);
        await moveBudget(tx, budget.budgetId, budget.state === 'held' ? 'release_hold' : 'release_commit', budget.amount, order.id, actor!.userId);
      }
    }
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
    // An order is invoiced when it ships (unless staff issued its invoice earlier).
    if (input.to === 'shipped') await issueInvoiceInTx(tx, order.id, actor!.userId, { deliveryDate: parisDate() });
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
      subject: `Votre commande ${order.number} est ${label(input.to)}`,
      text: `Bonjour,\n\nVotre commande ${order.number} est désormais ${label(input.to)}.${input.to === 'cancelled' && refunds.length ? '\nLe paiement par carte vous est remboursé.' : ''}\n`,
    });
    return ok(null);
  });
  // Refund after the cancellation committed; each refund is recorded, a failed one is reported.
  const failed: string[] = [];
  for (const r of refunds) {
    const refund = await provider.refund({ providerRef: r.providerRef, amountCents: r.amountCents, reference: r.number });
    if (!refund.ok) {
      failed.push(r.providerRef);
      await recordAudit(db, {
        actorUserId: actor!.userId,
        action: 'order.refund_failed',
        entityType: 'order',
        entityId: input.orderId,
        after: { providerRef: r.providerRef, amountCents: r.amountCents },
      });
    } else {
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
  if (failed.length > 0) {
    return fail('Commande annulée, mais le remboursement par carte a échoué : relancez-le depuis le prestataire de paiement.');
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
