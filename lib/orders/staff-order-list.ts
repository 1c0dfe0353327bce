import 'server-only';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';
import { escapeLike, rowsOf } from '@/lib/sql-helpers';
import { orderCountOf, type OrderCount, type OrderListPosition } from './order-list-position';
import { listColumns, type OrderListRow } from './queries';
import type { OrderStatus } from './rules';

export const ADMIN_ORDERS_PAGE_SIZE = 25;
/** Up to this many matching orders the list counts them exactly; beyond, it estimates. */
export const ADMIN_ORDERS_COUNT_CAP = 1000;

export interface StaffOrderFilters {
  status?: OrderStatus;
  channel?: 'b2c' | 'b2b';
  q?: string;
}

export interface StaffOrderListPage {
  rows: OrderListRow[];
  count: OrderCount;
  /** The cursor of the page before this one (its first row's id), null on the first page. */
  previous: string | null;
  /** The cursor of the page after this one (its last row's id), null on the last page. */
  next: string | null;
}


/**
 * What a search matches: the number, the customer's name or e-mail, as one string so that one
 * trigram index (orders_search_trgm_idx, same expression) answers it. A space joins the fields, so
 * a search without spaces never matches across two of them.
 */
export const orderSearchText = sql`(${orders.number} || ' ' || ${orders.customerName} || ' ' || ${orders.email})`;

function filterOf(filters: StaffOrderFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(orders.status, filters.status));
  if (filters.channel) where.push(eq(orders.channel, filters.channel));
  const q = filters.q?.trim();
  if (q) where.push(ilike(orderSearchText, `%${escapeLike(q)}%`));
  return where;
}

const cursorOrder = alias(orders, 'cursor_order');

/**
 * One page in keyset order: newest first from the top or after a cursor, oldest first (then
 * reversed) before a cursor or for the last page. One row more than the page tells whether the
 * list goes on in that direction. The cursor's created_at is read by id in the same statement: an
 * unknown id compares as NULL and yields no row.
 */
async function fetchPage(db: Database, where: SQL[], position: OrderListPosition) {
  const backward = position.at === 'before' || position.at === 'last';
  const conditions = [...where];
  if (position.at === 'after' || position.at === 'before') {
    const at = db.select({ at: cursorOrder.createdAt }).from(cursorOrder).where(eq(cursorOrder.id, position.id));
    const op = sql.raw(backward ? '>' : '<');
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) ${op} (${at}, ${position.id}::uuid)`);
  }
  const fetched = await db
    .select(listColumns)
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...(backward ? [asc(orders.createdAt), asc(orders.id)] : [desc(orders.createdAt), desc(orders.id)]))
    .limit(ADMIN_ORDERS_PAGE_SIZE + 1);
  const more = fetched.length > ADMIN_ORDERS_PAGE_SIZE;
  const rows = fetched.slice(0, ADMIN_ORDERS_PAGE_SIZE);
  if (backward) rows.reverse();
  // Coming from a cursor, there is a page on the side the cursor came from.
  const hasPrevious = backward ? more : position.at === 'after';
  const hasNext = backward ? position.at === 'before' : more;
  return {
    rows,
    previous: hasPrevious && rows.length ? rows[0]!.id : null,
    next: hasNext && rows.length ? rows.at(-1)!.id : null,
  };
}

/**
 * How many orders match, without counting 50 000 rows on every page: an exact count up to the cap
 * (at most cap + 1 rows read), and beyond it, for the unfiltered list, the planner's estimate of the
 * table's size.
 */
async function countOf(db: Database, where: SQL[]): Promise<OrderCount> {
  const capped = db
    .select({ one: sql`1` })
    .from(orders)
    .where(where.length ? and(...where) : undefined)
    .limit(ADMIN_ORDERS_COUNT_CAP + 1);
  const estimate = where.length ? sql`null` : sql`(select reltuples from pg_class where oid = to_regclass('orders'))`;
  const [row] = rowsOf<{ capped: number | string; estimate: number | string | null }>(
    await db.execute(sql`select (select count(*) from (${capped}) as capped)::int as capped, ${estimate}::float8 as estimate`),
  );
  return orderCountOf(Number(row?.capped ?? 0), ADMIN_ORDERS_COUNT_CAP, row?.estimate == null ? null : Number(row.estimate));
}

/**
 * All orders for staff, filtered by status, channel and a search on number, name or e-mail, one
 * page at a time in keyset order (never an OFFSET, never a full count). Two statements, run side by
 * side; a cursor that leads nowhere (unknown or tampered id) gives the first page.
 */
export async function listOrdersForStaff(
  db: Database,
  actor: Actor | null,
  filters: StaffOrderFilters & { position: OrderListPosition },
): Promise<Result<StaffOrderListPage>> {
  const refused = refuseUnless<StaffOrderListPage>(actor, 'orders.manage');
  if (refused) return refused;
  const where = filterOf(filters);
  const [page, count] = await Promise.all([fetchPage(db, where, filters.position), countOf(db, where)]);
  if (page.rows.length === 0 && filters.position.at !== 'first') {
    return ok({ ...(await fetchPage(db, where, { at: 'first' })), count });
  }
  return ok({ ...page, count });
}
