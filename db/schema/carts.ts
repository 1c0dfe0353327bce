import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { orderChannel } from './enums';
import { users } from './users';

/**
 * Shop carts, in the database so they survive restarts and work across app instances. A visitor's
 * cart is found by the random id in its cookie; a signed-in customer's by user_id.
 */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** A B2B user's portal cart is separate from any shop cart. */
    channel: orderChannel('channel').notNull().default('b2c'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('carts_user_idx').on(t.userId, t.channel), index('carts_updated_idx').on(t.updatedAt)],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // 99 999: a portal line (quick order, lists); the shop limits its own lines to 999 in lib/shop.
  (t) => [primaryKey({ columns: [t.cartId, t.productId] }), check('cart_lines_quantity', sql`${t.quantity} between 1 and 99999`)],
);
