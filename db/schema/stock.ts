import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { stockMovementKind } from './enums';
import { orders } from './orders';
import { users } from './users';

/** Every change of stock, with why, who and when; the product's stock_on_hand is their running sum. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    kind: stockMovementKind('kind').notNull(),
    quantityDelta: integer('quantity_delta').notNull(),
    stockAfter: integer('stock_after').notNull(),
    reason: text('reason'),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_product_idx').on(t.productId, t.createdAt),
    index('stock_movements_order_idx').on(t.orderId),
    check('stock_movements_nonzero', sql`${t.quantityDelta} <> 0`),
    check('stock_movements_after_non_negative', sql`${t.stockAfter} >= 0`),
  ],
);
