import 'server-only';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orderAdjustments, orderLines, orderPayments, orders, orderStatusHistory, persons, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { fail, ok, type Result } from '@/lib/result';
import { isValidOrderAccessToken } from './access-token';
import type { OrderStatus } from './rules';
import type { OrderHistoryEntry, OrderPaymentEntry, OrderView } from './views';
import { paginate } from '@/lib/sql-helpers';

const NOT_FOUND = 'Commande introuvable.';

/** Loads an order with its lines and adjustments; no authorization here (callers decide). */
export async function loadOrder(db: Executor, orderId: string): Promise<OrderView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!o) return null;
  const [lines, adjustments] = await Promise.all([
    db
      .select({
        position: orderLines.position,
        productId: orderLines.productId,
        sku: orderLines.sku,
        description: orderLines.description,
        quantity: orderLines.quantity,
        unitPriceCents: orderLines.unitPriceCents,
        discountBp: orderLines.discountBp,
        vatRateBp: orderLines.vatRateBp,
        lineTotalCents: orderLines.lineTotalCents,
        netCents: orderLines.netCents,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.position)),
    db
      .select({
        kind: orderAdjustments.kind,
        reason: orderAdjustments.reason,
        vatRateBp: orderAdjustments.vatRateBp,
        amountCents: orderAdjustments.amountCents,
        netCents: orderAdjustments.netCents,
      })
      .from(orderAdjustments)
      .where(eq(orderAdjustments.orderId, orderId))
      .orderBy(asc(orderAdjustments.kind), asc(orderAdjustments.itemIndex), desc(orderAdjustments.vatRateBp)),
  ]);
  return {
    id: o.id,
    number: o.number,
    channel: o.channel,
    priceMode: o.priceMode,
    status: o.status,
    customerName: o.customerName,
    email: o.email,
    accountId: o.accountId,
    billingAddress: o.billingAddress,
    deliveryAddress: o.deliveryAddress,
    shippingMethod: o.shippingMethod,
    paymentMethod: o.paymentMethod,
    totalNetCents: o.totalNetCents,
    totalVatCents: o.totalVatCents,
    totalGrossCents: o.totalGrossCents,
    vatBreakdown: o.vatBreakdown,
    mentions: o.mentions,
    createdAt: o.createdAt,
    placedAt: o.placedAt,
    lines,
    adjustments,
  };
}

/**
 * A consumer's view of an order: their own (same account), or a guest holding the order's access
 * token. Anything else is "not found", never "forbidden" (no hint that the order exists).
 */
export async function getShopOrder(
  db: Database,
  actor: Actor | null,
  orderId: string,
  accessToken: string | undefined,
): Promise<Result<OrderView>> {
  const order = await loadOrder(db, orderId);
  if (!order || order.channel !== 'b2c') return fail(NOT_FOUND);
  const owns = actor?.role === 'customer' && actor.accountId !== null && order.accountId === actor.accountId;
  const holdsToken = accessToken ? isValidOrderAccessToken(order.id, accessToken) : false;
  return owns || holdsToken ? ok(order) : fail(NOT_FOUND);
}

export interface OrderListRow {
  id: string;
  number: string;
  channel: 'b2c' | 'b2b';
  status: OrderStatus;
  customerName: string;
  email: string;
  totalGrossCents: number;
  totalNetCents: number;
  createdAt: Date;
}

export interface OrderListPage {
  rows: OrderListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The columns of an order list row (customer history and staff list alike). */
export const listColumns = {
  id: orders.id,
  number: orders.number,
  channel: orders.channel,
  status: orders.status,
  customerName: orders.customerName,
  email: orders.email,
  totalGrossCents: orders.totalGrossCents,
  totalNetCents: orders.totalNetCents,
  createdAt: orders.createdAt,
};

async function pageOf(db: Database, where: SQL | undefined, page: number, pageSize: number): Promise<OrderListPage> {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(where);
  const { page: current, pageCount, offset } = paginate(total, pageSize, page);
  const rows = await db
    .select(listColumns)
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.number))
    .limit(pageSize)
    .offset(offset);
  return { rows, total, page: current, pageCount };
}

/** The signed-in consumer's orders, newest first. */
export async function listCustomerOrders(db: Database, actor: Actor | null, page: number): Promise<Result<OrderListPage>> {
  const refused = refuseUnless<OrderListPage>(actor, 'shop.account');
  if (refused) return refused;
  if (!actor!.accountId) return ok({ rows: [], total: 0, page: 1, pageCount: 1 });
  return ok(await pageOf(db, and(eq(orders.accountId, actor!.accountId), eq(orders.channel, 'b2c')), page, 10));
}

export interface StaffOrderDetail {
  order: OrderView;
  history: OrderHistoryEntry[];
  payments: OrderPaymentEntry[];
}

/** One order with its history and payments, for staff. */
export async function getOrderForStaff(db: Database, actor: Actor | null, orderId: string): Promise<Result<StaffOrderDetail>> {
  const refused = refuseUnless<StaffOrderDetail>(actor, 'orders.manage');
  if (refused) return refused;
  const order = await loadOrder(db, orderId);
  if (!order) return fail(NOT_FOUND);
  const [history, payments] = await Promise.all([
    db
      .select({
        fromStatus: orderStatusHistory.fromStatus,
        toStatus: orderStatusHistory.toStatus,
        note: orderStatusHistory.note,
        createdAt: orderStatusHistory.createdAt,
        first: persons.firstName,
        last: persons.lastName,
      })
      .from(orderStatusHistory)
      .leftJoin(users, eq(users.id, orderStatusHistory.actorUserId))
      .leftJoin(persons, eq(persons.id, users.personId))
      .where(eq(orderStatusHistory.orderId, orderId))
      .orderBy(asc(orderStatusHistory.createdAt), asc(orderStatusHistory.id)),
    db
      .select({
        kind: orderPayments.kind,
        method: orderPayments.method,
        amountCents: orderPayments.amountCents,
        providerRef: orderPayments.providerRef,
        createdAt: orderPayments.createdAt,
      })
      .from(orderPayments)
      .where(eq(orderPayments.orderId, orderId))
      .orderBy(asc(orderPayments.createdAt)),
  ]);
  return ok({
    order,
    history: history.map(({ first, last, ...h }) => ({ ...h, actorName: first ? `${first} ${last}` : null })),
    payments,
  });
}
