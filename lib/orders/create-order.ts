import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { orderAdjustments, orderLines, orders, orderStatusHistory } from '@/db/schema';
import { rowsOf } from '@/lib/sql-helpers';

export type NewOrder = PgInsertValue<typeof orders>;
export type NewOrderLine = Omit<typeof orderLines.$inferInsert, 'id' | 'orderId' | 'position'>;
export type NewOrderAdjustment = Omit<typeof orderAdjustments.$inferInsert, 'id' | 'orderId'>;

/** The next order number of the year (`CMD-2026-001234`); orders may leave gaps, invoices never do. */
export async function nextOrderNumber(tx: Tx, isoDate: string): Promise<string> {
  const [seq] = await tx.execute(sql`select nextval('order_number_seq')::text as n`).then(rowsOf<{ n: string }>);
  return `CMD-${isoDate.slice(0, 4)}-${seq!.n.padStart(6, '0')}`;
}

/**
 * Writes an order as placed — header, lines in the given order, charges and allowances, and its first history row — in
 * the caller's transaction. The portal's checkout and quote acceptance both create orders here, so
 * an order's shape never depends on where it came from.
 */
export async function createOrderRecord(
  tx: Tx,
  input: { order: NewOrder; lines: readonly NewOrderLine[]; adjustments?: readonly NewOrderAdjustment[]; actorUserId: string | null; note?: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(orders)
    .values(input.order)
    .returning({ id: orders.id });
  const orderId = row!.id;
  await tx.insert(orderLines).values(input.lines.map((l, i) => ({ ...l, orderId, position: i + 1 })));
  if (input.adjustments?.length) await tx.insert(orderAdjustments).values(input.adjustments.map((a) => ({ ...a, orderId })));
  await tx.insert(orderStatusHistory).values({ orderId, fromStatus: null, toStatus: input.order.status, actorUserId: input.actorUserId, note: input.note ?? null });
  return orderId;
}
