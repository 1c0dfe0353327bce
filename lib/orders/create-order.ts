import { randomUUID } from 'node:crypto';
import { type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '@/db/client';
import { auditLog, orderAdjustments, orderLines, orders, orderStatusHistory, outbox, products, stockMovements } from '@/db/schema';
import type { AuditEntry } from '@/lib/audit/record';
import type { MailMessage } from '@/lib/mail/outbox';
import { rowsOf } from '@/lib/sql-helpers';

export type NewOrder = PgInsertValue<typeof orders>;
export type NewOrderLine = Omit<typeof orderLines.$inferInsert, 'id' | 'orderId' | 'position'>;
export type NewOrderAdjustment = Omit<typeof orderAdjustments.$inferInsert, 'id' | 'orderId'>;

/** The next order number of the year (`CMD-2026-001234`); orders may leave gaps, invoices never do. */
export async function nextOrderNumber(tx: Tx, isoDate: string): Promise<string> {
  const [seq] = await tx.execute(sql`select nextval('order_number_seq')::text as n`).then(rowsOf<{ n: string }>);
  return formatOrderNumber(isoDate.slice(0, 4), seq!.n);
}

/** `CMD-<year>-<sequence on 6 digits>`. */
export function formatOrderNumber(year: string | number, sequence: string | number): string {
  return `CMD-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A sub-query that takes the next order number's sequence value (once per statement, as a CTE). */
export const NEXT_ORDER_SEQUENCE = sql`select nextval('order_number_seq')::text as n`;

/**
 * One write of a combined statement: a name, and an INSERT/UPDATE/DELETE (… RETURNING when a later
 * write or the final select reads it). See `runWrites`.
 */
export interface Write {
  name: string;
  query: SQLWrapper;
}

/**
 * Runs writes as the data-modifying CTEs of one statement (`with a as (insert …), b as (…) select …`):
 * a checkout's dozen writes cost one round trip instead of a dozen. PostgreSQL runs each of them
 * exactly once, on the same snapshot, whether the final select reads it or not; constraints are
 * checked at the end of the statement, so an order and its lines can be written together.
 */
export async function runWrites<T>(tx: Executor, writes: readonly Write[], select: SQL = sql`select 1`): Promise<T[]> {
  const ctes = sql.join(
    writes.map((w) => sql`${sql.identifier(w.name)} as (${w.query.getSQL()})`),
    sql`, `,
  );
  return rowsOf<T>(await tx.execute(sql`with ${ctes} ${select}`));
}

/**
 * The writes of an order as placed — header, lines in the given order, charges and allowances, and
 * its first history row — for `runWrites`. The portal's checkout, the shop's checkout and quote
 * acceptance all create orders here, so an order's shape never depends on where it came from.
 */
export function orderRecordWrites(
  tx: Executor,
  input: {
    orderId: string;
    order: NewOrder;
    lines: readonly NewOrderLine[];
    adjustments?: readonly NewOrderAdjustment[];
    actorUserId: string | null;
    note?: string | null;
  },
): Write[] {
  const { orderId } = input;
  const writes: Write[] = [
    { name: 'new_order', query: tx.insert(orders).values({ ...input.order, id: orderId }) },
    { name: 'new_order_lines', query: tx.insert(orderLines).values(input.lines.map((l, i) => ({ ...l, orderId, position: i + 1 }))) },
  ];
  if (input.adjustments?.length) {
    writes.push({ name: 'new_order_adjustments', query: tx.insert(orderAdjustments).values(input.adjustments.map((a) => ({ ...a, orderId }))) });
  }
  writes.push({
    name: 'new_order_history',
    query: tx
      .insert(orderStatusHistory)
      .values({ orderId, fromStatus: null, toStatus: input.order.status, actorUserId: input.actorUserId, note: input.note ?? null }),
  });
  return writes;
}

/**
 * Writes an order as placed (see `orderRecordWrites`) in the caller's transaction, in one statement.
 * Returns the new order's id.
 */
export async function createOrderRecord(
  tx: Tx,
  input: { order: NewOrder; lines: readonly NewOrderLine[]; adjustments?: readonly NewOrderAdjustment[]; actorUserId: string | null; note?: string | null },
): Promise<string> {
  const orderId = randomUUID();
  await runWrites(tx, orderRecordWrites(tx, { ...input, orderId }));
  return orderId;
}

/**
 * Stock taken for an order, as writes: conditional decrements (`stock_on_hand >= quantity`, so the
 * stock never goes below zero) and their movements. The final select must read `reserved_stock`:
 * a product missing from it did not have the quantity, and the caller refuses the order (rolling
 * back). The caller holds the products' locks (taken in id order), so the decrements cannot wait.
 */
export function stockReservationWrites(
  tx: Executor,
  orderId: string,
  rows: readonly { productId: string; quantity: number }[],
  actorUserId: string | null,
): Write[] {
  const wanted = sql.join(
    rows.map((r) => sql`(${r.productId}::uuid, ${Math.ceil(r.quantity)}::int)`),
    sql`, `,
  );
  return [
    {
      name: 'reserved_stock',
      query: sql`update ${products} p set stock_on_hand = p.stock_on_hand - w.quantity, updated_at = now()
        from (values ${wanted}) as w(product_id, quantity)
        where p.id = w.product_id and p.stock_on_hand >= w.quantity
        returning p.id as product_id, p.stock_on_hand, w.quantity`,
    },
    {
      name: 'stock_moved',
      query: sql`insert into ${stockMovements} (product_id, kind, quantity_delta, stock_after, order_id, actor_user_id)
        select r.product_id, 'order', -r.quantity, r.stock_on_hand, ${orderId}::uuid, ${actorUserId}::uuid from reserved_stock r`,
    },
  ];
}

/** A mail queued in the outbox with the change that causes it (lib/mail/outbox's queueMail, as a write). */
export function mailWrite(tx: Executor, name: string, message: MailMessage): Write {
  return { name, query: tx.insert(outbox).values({ toAddress: message.to, subject: message.subject, bodyText: message.text }) };
}

/** An audit record written with the change it records (lib/audit/record's recordAudit, as a write). */
export function auditWrite(tx: Executor, entry: AuditEntry): Write {
  return {
    name: 'audit',
    query: tx.insert(auditLog).values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }),
  };
}
