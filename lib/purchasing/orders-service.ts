import 'server-only';
import { and, count, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, persons, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { invoiceLinkOf, invoiceOfOrderJson } from '@/lib/invoicing/queries';
import { orderHistoryJson, orderHistoryOf, orderViewColumns, orderViewOf } from '@/lib/orders/queries';
import type { OrderStatus } from '@/lib/orders/rules';
import type { OrderHistoryEntry, OrderView } from '@/lib/orders/views';
import { fail, ok, type Result } from '@/lib/result';
import { canPurchase, isPortalActor, NOT_FOUND, type PortalActor, portalRefusal } from './access';
import { expireDueApprovals } from './approval-service';
import { APPROVAL_REASON_LABELS, type ApprovalReason } from './approval-rules';
import { paginate } from '@/lib/sql-helpers';

export interface CompanyOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  placedByName: string | null;
  purchaseOrderRef: string | null;
  totalNetCents: number;
  totalGrossCents: number;
  createdAt: Date;
}

export interface CompanyOrderPage {
  rows: CompanyOrderRow[];
  total: number;
  page: number;
  pageCount: number;
}

const PAGE = 20;

function visibleTo(actor: PortalActor): SQL {
  const company = and(eq(orders.accountId, actor.accountId), eq(orders.channel, 'b2b'))!;
  // Requesters see their own orders; purchasers and admins the whole company's.
  return canPurchase(actor) ? company : and(company, eq(orders.placedByUserId, actor.userId))!;
}

/**
 * Lazy expiry before a read. Almost always nothing is due: one plain read says so, and the
 * transaction that locks and expires (three statements at least) runs only when something is.
 */
async function expireFirst(db: Database, actor: PortalActor) {
  const [due] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.accountId, actor.accountId), eq(orders.status, 'pending_approval'), lt(orders.approvalExpiresAt, sql`now()`)))
    .limit(1);
  if (due) await db.transaction((tx) => expireDueApprovals(tx, actor.accountId));
}

/** The company's portal orders (the requester's own for a requester), newest first. */
export async function listCompanyOrders(
  db: Database,
  actor: Actor | null,
  opts: { page: number; status?: OrderStatus; pendingOnly?: boolean },
): Promise<Result<CompanyOrderPage>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  await expireFirst(db, actor);
  const where = and(visibleTo(actor), opts.status ? eq(orders.status, opts.status) : undefined);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(where);
  const { page, pageCount, offset } = paginate(total, PAGE, opts.page);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      first: persons.firstName,
      last: persons.lastName,
      purchaseOrderRef: orders.purchaseOrderRef,
      totalNetCents: orders.totalNetCents,
      totalGrossCents: orders.totalGrossCents,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.placedByUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(where)
    .orderBy(desc(orders.createdAt))
    .limit(PAGE)
    .offset(offset);
  return ok({
    rows: rows.map(({ first, last, ...r }) => ({ ...r, placedByName: first ? `${first} ${last}` : null })),
    total,
    page,
    pageCount,
  });
}

export interface CompanyOrderDetail {
  order: OrderView;
  placedByName: string | null;
  placedByMe: boolean;
  purchaseOrderRef: string | null;
  requestedDeliveryDate: string | null;
  costCentre: string | null;
  treatment: string;
  approvalReasons: string[];
  approvalExpiresAt: Date | null;
  decisionReason: string | null;
  contentVersion: number;
  history: OrderHistoryEntry[];
  canDecide: boolean;
  /** The order's invoice when it has one the actor may open (getInvoice's scope), else null. */
  invoice: { id: string; number: string } | null;
}

/**
 * The statement of getCompanyOrder: the order as the actor may see it (lines, adjustments, history
 * with names, its invoice if visible) and whether an approval of the company is due for expiry.
 */
function readCompanyOrder(db: Database, actor: PortalActor, orderId: string) {
  return db
    .select({
      ...orderViewColumns,
      placedBy: orders.placedByUserId,
      first: persons.firstName,
      last: persons.lastName,
      purchaseOrderRef: orders.purchaseOrderRef,
      requestedDeliveryDate: orders.requestedDeliveryDate,
      costCentre: orders.costCentre,
      treatment: orders.treatment,
      approvalReasons: orders.approvalReasons,
      approvalExpiresAt: orders.approvalExpiresAt,
      decisionReason: orders.decisionReason,
      contentVersion: orders.contentVersion,
      history: orderHistoryJson,
      invoice: invoiceOfOrderJson(actor, sql.raw('"orders"."id"')),
      // expireFirst's question (any approval of the company past its delay?), on an alias of orders.
      expiryDue: sql<boolean>`exists (select 1 from ${orders} d where d.account_id = ${actor.accountId}
        and d.status = 'pending_approval' and d.approval_expires_at < now())`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.placedByUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(and(eq(orders.id, orderId), visibleTo(actor)));
}

/**
 * One portal order of the company, with its approval facts, history and invoice link: one statement
 * (plus getSellerProfile on the page). Lazy expiry as expireFirst, folded in: the statement also says
 * whether an approval of the company is due; only then (rare) does the expiring transaction run and
 * the order get read again.
 */
export async function getCompanyOrder(db: Database, actor: Actor | null, orderId: string): Promise<Result<CompanyOrderDetail>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId)) return fail(NOT_FOUND);
  let [row] = await readCompanyOrder(db, actor, orderId);
  if (!row) return fail(NOT_FOUND);
  if (row.expiryDue) {
    await db.transaction((tx) => expireDueApprovals(tx, actor.accountId));
    [row] = await readCompanyOrder(db, actor, orderId);
    if (!row) return fail(NOT_FOUND);
  }
  return ok({
    order: orderViewOf(row),
    placedByName: row.first ? `${row.first} ${row.last}` : null,
    placedByMe: row.placedBy === actor.userId,
    purchaseOrderRef: row.purchaseOrderRef,
    requestedDeliveryDate: row.requestedDeliveryDate,
    costCentre: row.costCentre,
    treatment: row.treatment,
    approvalReasons: (row.approvalReasons ?? []).map((r) => APPROVAL_REASON_LABELS[r as ApprovalReason] ?? r),
    approvalExpiresAt: row.approvalExpiresAt,
    decisionReason: row.decisionReason,
    contentVersion: row.contentVersion,
    history: orderHistoryOf(row.history),
    canDecide: canPurchase(actor) && row.status === 'pending_approval' && row.placedBy !== actor.userId,
    invoice: invoiceLinkOf(row.invoice),
  });
}
