import 'server-only';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
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

// Table-qualified on purpose: in a single-table select drizzle prints `${orders.id}` as a bare "id",
// which inside these subqueries would name the line's, adjustment's or history entry's own id.
const orderIdRef = sql.raw('"orders"."id"');

/** The order's lines as one JSON array, by position (a correlated subquery on `orders`). */
const linesJson = sql<unknown>`coalesce((select json_agg(json_build_object(
    'position', l.position, 'productId', l.product_id, 'sku', l.sku, 'description', l.description,
    'quantity', l.quantity, 'unitPriceCents', l.unit_price_cents, 'discountBp', l.discount_bp,
    'vatRateBp', l.vat_rate_bp, 'lineTotalCents', l.line_total_cents, 'netCents', l.net_cents) order by l.position)
  from ${orderLines} l where l.order_id = ${orderIdRef}), '[]'::json)`;

/** The order's adjustments as one JSON array, by kind, item and rate (highest first). */
const adjustmentsJson = sql<unknown>`coalesce((select json_agg(json_build_object(
    'kind', a.kind, 'reason', a.reason, 'vatRateBp', a.vat_rate_bp, 'amountCents', a.amount_cents, 'netCents', a.net_cents)
    order by a.kind, a.item_index, a.vat_rate_bp desc)
  from ${orderAdjustments} a where a.order_id = ${orderIdRef}), '[]'::json)`;

/**
 * The columns of an `OrderView`, lines and adjustments included, for a select on `orders` (joins
 * allowed): one statement reads a whole order. Turn the row into the view with `orderViewOf`.
 */
export const orderViewColumns = {
  id: orders.id,
  number: orders.number,
  channel: orders.channel,
  priceMode: orders.priceMode,
  status: orders.status,
  customerName: orders.customerName,
  email: orders.email,
  accountId: orders.accountId,
  billingAddress: orders.billingAddress,
  deliveryAddress: orders.deliveryAddress,
  shippingMethod: orders.shippingMethod,
  paymentMethod: orders.paymentMethod,
  totalNetCents: orders.totalNetCents,
  totalVatCents: orders.totalVatCents,
  totalGrossCents: orders.totalGrossCents,
  vatBreakdown: orders.vatBreakdown,
  mentions: orders.mentions,
  createdAt: orders.createdAt,
  placedAt: orders.placedAt,
  lines: linesJson,
  adjustments: adjustmentsJson,
};

type OrderViewRow = Omit<OrderView, 'lines' | 'adjustments'> & { lines: unknown; adjustments: unknown };

/** A JSON value: postgres.js and PGlite parse it; a string (another driver) is parsed here. */
function json<T>(value: unknown): T | null {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T | null;
}

type Numeric = number | string;
type LineJson = { [K in keyof OrderView['lines'][number]]: OrderView['lines'][number][K] | Numeric };
type AdjustmentJson = { [K in keyof OrderView['adjustments'][number]]: OrderView['adjustments'][number][K] | Numeric };

/** The `OrderView` of a row selected with `orderViewColumns` (extra columns of the row are left out). */
export function orderViewOf(row: OrderViewRow): OrderView {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    priceMode: row.priceMode,
    status: row.status,
    customerName: row.customerName,
    email: row.email,
    accountId: row.accountId,
    billingAddress: row.billingAddress,
    deliveryAddress: row.deliveryAddress,
    shippingMethod: row.shippingMethod,
    paymentMethod: row.paymentMethod,
    totalNetCents: row.totalNetCents,
    totalVatCents: row.totalVatCents,
    totalGrossCents: row.totalGrossCents,
    vatBreakdown: row.vatBreakdown,
    mentions: row.mentions,
    createdAt: row.createdAt,
    placedAt: row.placedAt,
    // Numbers as the columns' number mode gives them (bigint and numeric are JSON numbers already).
    lines: (json<LineJson[]>(row.lines) ?? []).map((l) => ({
      position: Number(l.position),
      productId: l.productId as string | null,
      sku: l.sku as string | null,
      description: l.description as string,
      quantity: Number(l.quantity),
      unitPriceCents: Number(l.unitPriceCents),
      discountBp: Number(l.discountBp),
      vatRateBp: Number(l.vatRateBp),
      lineTotalCents: Number(l.lineTotalCents),
      netCents: Number(l.netCents),
    })),
    adjustments: (json<AdjustmentJson[]>(row.adjustments) ?? []).map((a) => ({
      kind: a.kind as 'charge' | 'allowance',
      reason: a.reason as string | null,
      vatRateBp: Number(a.vatRateBp),
      amountCents: Number(a.amountCents),
      netCents: Number(a.netCents),
    })),
  };
}

/**
 * The order's status history, oldest first (ties by id), with each actor's name, as one JSON
 * array (a correlated subquery on `orders`). Read it with `orderHistoryOf`.
 */
export const orderHistoryJson = sql<unknown>`coalesce((select json_agg(json_build_object(
    'fromStatus', h.from_status, 'toStatus', h.to_status, 'note', h.note, 'createdAt', h.created_at,
    'first', p.first_name, 'last', p.last_name) order by h.created_at, h.id)
  from ${orderStatusHistory} h left join ${users} u on u.id = h.actor_user_id left join ${persons} p on p.id = u.person_id
  where h.order_id = ${orderIdRef}), '[]'::json)`;

/** The history entries of an `orderHistoryJson` value (timestamps back to Dates, names joined). */
export function orderHistoryOf(value: unknown): OrderHistoryEntry[] {
  type Entry = { fromStatus: OrderStatus | null; toStatus: OrderStatus; note: string | null; createdAt: string; first: string | null; last: string | null };
  return (json<Entry[]>(value) ?? []).map(({ first, last, createdAt, ...h }) => ({
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    actorName: first ? `${first} ${last}` : null,
    note: h.note,
    createdAt: new Date(createdAt),
  }));
}

/** Loads an order with its lines and adjustments in one statement; no authorization here (callers decide). */
export async function loadOrder(db: Executor, orderId: string): Promise<OrderView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [row] = await db.select(orderViewColumns).from(orders).where(eq(orders.id, orderId)).limit(1);
  return row ? orderViewOf(row) : null;
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
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return fail(NOT_FOUND);
  const [[row], payments] = await Promise.all([
    db.select({ ...orderViewColumns, history: orderHistoryJson }).from(orders).where(eq(orders.id, orderId)).limit(1),
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
  if (!row) return fail(NOT_FOUND);
  return ok({ order: orderViewOf(row), history: orderHistoryOf(row.history), payments });
}
