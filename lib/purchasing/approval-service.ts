import 'server-only';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { orderLines, orders, orderStatusHistory, positions, products, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import { formatMoney } from '@/lib/money';
import { fail, ok, type Result } from '@/lib/result';
import { canPurchase, isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { budgetStateOf, lockBudgetFor, moveBudget, remainingOf } from './budget-lock';
import { parisDate } from './periods';
import { reserveStock, StockRefusal } from './place-b2b-order';
import { CREDIT_HOLD_MESSAGE, exceedsCreditLimit } from '@/lib/invoicing/credit';

/**
 * Expires the company's approvals past their date, releasing their holds, in the caller's
 * transaction (lazily: on read or action, so it holds with several instances and no scheduler).
 */
export async function expireDueApprovals(tx: Tx, accountId: string): Promise<number> {
  const due = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.status, 'pending_approval'), lt(orders.approvalExpiresAt, sql`now()`)))
    .orderBy(asc(orders.id))
    .for('update', { skipLocked: true });
  for (const o of due) await endPending(tx, o.id, 'expired', null, 'Délai d’approbation dépassé');
  return due.length;
}

async function endPending(tx: Tx, orderId: string, to: 'expired' | 'rejected' | 'cancelled', actorUserId: string | null, reason: string | null) {
  const held = await budgetStateOf(tx, orderId);
  if (held?.state === 'held') {
    await tx.execute(sql`select 1 from spending_budgets where id = ${held.budgetId} for update`);
    await moveBudget(tx, held.budgetId, 'release_hold', held.amount, orderId, actorUserId);
  }
  await tx
    .update(orders)
    .set({ status: to, decidedByUserId: actorUserId, decidedAt: sql`now()`, decisionReason: reason, updatedAt: sql`now()` })
    .where(eq(orders.id, orderId));
  await tx.insert(orderStatusHistory).values({ orderId, fromStatus: 'pending_approval', toStatus: to, actorUserId, note: reason });
}

async function lockPending(tx: Tx, actorAccountId: string, orderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [o] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      placedBy: orders.placedByUserId,
      net: orders.totalNetCents,
      gross: orders.totalGrossCents,
      version: orders.contentVersion,
      expiresAt: orders.approvalExpiresAt,
      costCentre: orders.costCentre,
      createdAt: orders.createdAt,
      email: orders.email,
    })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.accountId, actorAccountId), eq(orders.channel, 'b2b')))
    .for('update');
  return o ?? null;
}

async function stillAllowedToDecide(tx: Tx, actor: Actor): Promise<boolean> {
  // The actor was loaded at the start of the request; re-check under the transaction that the
  // purchaser was not deactivated or demoted meanwhile.
  const [row] = await tx
    .select({ status: users.status, role: positions.portalRole })
    .from(users)
    .innerJoin(positions, and(eq(positions.personId, users.personId), sql`${positions.endedOn} is null`))
    .where(and(eq(users.id, actor.userId), eq(positions.accountId, actor.accountId!)));
  return row?.status === 'active' && (row.role === 'purchaser' || row.role === 'company_admin');
}

/**
 * A purchaser approves an order: not their own, the version they saw, not expired; stock and budget
 * re-checked under locks; then it is placed exactly like a direct order.
 */
export async function approveOrder(db: Database, actor: Actor | null, input: { orderId: string; contentVersion: number }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  if (!canPurchase(actor)) return fail('Seuls les acheteurs et administrateurs de l’entreprise approuvent les commandes.');
  try {
    return await db.transaction(async (tx) => {
      const o = await lockPending(tx, actor.accountId, input.orderId);
      if (!o) return fail<null>(NOT_FOUND);
      if (!(await stillAllowedToDecide(tx, actor))) return fail<null>('Votre accès ne permet plus d’approuver.');
      if (o.status === 'pending_approval' && o.expiresAt && o.expiresAt < new Date()) {
        await endPending(tx, o.id, 'expired', null, 'Délai d’approbation dépassé');
        return fail<null>('Cette demande a expiré : le demandeur doit la soumettre à nouveau.');
      }
      if (o.status !== 'pending_approval') return fail<null>('Cette commande n’attend plus d’approbation.');
      if (o.placedBy === actor.userId) return fail<null>('Vous ne pouvez pas approuver votre propre commande.');
      if (o.version !== input.contentVersion) return fail<null>('La commande a été modifiée depuis votre lecture : relisez-la avant d’approuver.');

      const lines = await tx
        .select({ productId: orderLines.productId, name: orderLines.description, quantity: orderLines.quantity })
        .from(orderLines)
        .where(eq(orderLines.orderId, o.id));
      const productIds = lines.map((l) => l.productId).filter((x): x is string => Boolean(x));
      if (productIds.length) {
        const stock = await tx
          .select({ id: products.id, name: products.name, stock: products.stockOnHand })
          .from(products)
          .where(inArray(products.id, productIds))
          .orderBy(asc(products.id))
          .for('update');
        for (const l of lines) {
          const s = stock.find((p) => p.id === l.productId);
          if (s && s.stock < l.quantity) return fail<null>(`Stock insuffisant pour « ${s.name} » (il en reste ${s.stock}) : la commande reste en attente.`);
        }
      }

      const state = await budgetStateOf(tx, o.id);
      if (state?.state === 'held') {
        await tx.execute(sql`select 1 from spending_budgets where id = ${state.budgetId} for update`);
        await moveBudget(tx, state.budgetId, 'hold_to_commit', state.amount, o.id, actor.userId);
      } else {
        const budget = await lockBudgetFor(tx, actor.accountId, parisDate(o.createdAt), o.costCentre ?? '');
        if (budget) {
          if (remainingOf(budget) < o.net) {
            return fail<null>(
              `Budget « ${budget.label} » insuffisant : il reste ${formatMoney(remainingOf(budget))} HT pour une commande de ${formatMoney(o.net)} HT. Un administrateur de l’entreprise peut augmenter le budget.`,
            );
          }
          await moveBudget(tx, budget.id, 'commit', o.net, o.id, actor.userId);
        }
      }
      await reserveStock(
        tx,
        o.id,
        lines.filter((l) => l.productId).map((l) => ({ productId: l.productId!, name: l.name, quantity: l.quantity })),
        actor.userId,
      );
      // Approved, it is placed — unless it takes the company beyond its credit limit.
      const credit = await exceedsCreditLimit(tx, actor.accountId, o.gross);
      const to = credit.exceeds ? ('credit_hold' as const) : ('placed' as const);
      await tx
        .update(orders)
        .set({ status: to, decidedByUserId: actor.userId, decidedAt: sql`now()`, placedAt: to === 'placed' ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(orders.id, o.id));
      await tx.insert(orderStatusHistory).values({ orderId: o.id, fromStatus: 'pending_approval', toStatus: to, actorUserId: actor.userId, note: to === 'placed' ? 'Approuvée' : 'Approuvée — en attente (encours)' });
      await queueMail(tx, {
        to: o.email,
        subject: `Commande ${o.number} approuvée`,
        text: to === 'placed' ? `Votre commande ${o.number} a été approuvée par ${actor.name} et est enregistrée.` : `Votre commande ${o.number} a été approuvée par ${actor.name}. ${CREDIT_HOLD_MESSAGE}`,
      });
      await recordAudit(tx, { actorUserId: actor.userId, action: 'order.approve', entityType: 'order', entityId: o.id });
      return ok(null);
    });
  } catch (error) {
    if (error instanceof StockRefusal) return fail(error.message);
    throw error;
  }
}

/** A purchaser rejects an order with a reason; its budget hold is released. */
export async function rejectOrder(db: Database, actor: Actor | null, input: { orderId: string; reason: string }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  if (!canPurchase(actor)) return fail('Seuls les acheteurs et administrateurs de l’entreprise refusent les commandes.');
  const reason = input.reason.trim();
  if (reason.length < 3) return fail('Indiquez la raison du refus.', { reason: ['Indiquez la raison du refus.'] });
  return db.transaction(async (tx) => {
    const o = await lockPending(tx, actor.accountId, input.orderId);
    if (!o) return fail<null>(NOT_FOUND);
    if (!(await stillAllowedToDecide(tx, actor))) return fail<null>('Votre accès ne permet plus de décider.');
    if (o.status !== 'pending_approval') return fail<null>('Cette commande n’attend plus d’approbation.');
    if (o.placedBy === actor.userId) return fail<null>('Annulez plutôt votre propre commande.');
    await endPending(tx, o.id, 'rejected', actor.userId, reason.slice(0, 500));
    await queueMail(tx, { to: o.email, subject: `Commande ${o.number} refusée`, text: `Votre commande ${o.number} a été refusée par ${actor.name} : ${reason}` });
    await recordAudit(tx, { actorUserId: actor.userId, action: 'order.reject', entityType: 'order', entityId: o.id, after: { reason } });
    return ok(null);
  });
}

/** The requester withdraws their own order while it waits for approval. */
export async function cancelPendingOrder(db: Database, actor: Actor | null, input: { orderId: string }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  return db.transaction(async (tx) => {
    const o = await lockPending(tx, actor.accountId, input.orderId);
    if (!o || o.placedBy !== actor.userId) return fail<null>(NOT_FOUND);
    if (o.status !== 'pending_approval') return fail<null>('Seule une commande en attente d’approbation peut être retirée ici.');
    await endPending(tx, o.id, 'cancelled', actor.userId, 'Retirée par le demandeur');
    await recordAudit(tx, { actorUserId: actor.userId, action: 'order.cancel_pending', entityType: 'order', entityId: o.id });
    return ok(null);
  });
}
