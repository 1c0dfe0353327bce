import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { products } from './catalog';
import {
  adjustmentKind,
  orderChannel,
  orderOrigin,
  orderPaymentKind,
  orderStatus,
  paymentMethod,
  priceMode,
  priceSource,
  vatCategory,
  vatTreatment,
} from './enums';
import { users } from './users';

/** A postal address as it was on the document (copied, never a reference that could change). */
export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone?: string | null;
}

/** One VAT breakdown entry as computed by lib/tax when the order was placed. */
export interface StoredBreakdown {
  vatRateBp: number;
  category: 'S' | 'Z' | 'K' | 'AE' | 'G';
  taxableCents: number;
  vatCents: number;
}

/**
 * One order model for every channel: B2C orders priced TTC and B2B orders priced HT, from a cart,
 * an approval or a quote. Amounts are stored as placed and never recomputed from the catalogue.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    channel: orderChannel('channel').notNull(),
    priceMode: priceMode('price_mode').notNull(),
    status: orderStatus('status').notNull(),
    origin: orderOrigin('origin').notNull().default('cart'),
    /** The B2B company, or the consumer's individual account; null for a guest. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    /** The login that placed it; null for a guest. */
    placedByUserId: uuid('placed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    customerName: text('customer_name').notNull(),
    email: text('email').notNull(),
    billingAddress: jsonb('billing_address').$type<PostalAddress>().notNull(),
    deliveryAddress: jsonb('delivery_address').$type<PostalAddress>().notNull(),
    shippingMethod: text('shipping_method').notNull(),
    treatment: vatTreatment('treatment').notNull().default('domestic'),
    paymentMethod: paymentMethod('payment_method').notNull(),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull(),
    totalVatCents: bigint('total_vat_cents', { mode: 'number' }).notNull(),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull(),
    vatBreakdown: jsonb('vat_breakdown').$type<StoredBreakdown[]>().notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    purchaseOrderRef: text('purchase_order_ref'),
    requestedDeliveryDate: date('requested_delivery_date'),
    costCentre: text('cost_centre'),
    /** B2B approval: why it needed one, until when it waits, who decided and why. */
    approvalReasons: jsonb('approval_reasons').$type<string[]>(),
    approvalExpiresAt: timestamp('approval_expires_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** Bumped by any change of a submitted order's content: an approval names the version it saw. */
    contentVersion: integer('content_version').notNull().default(1),
    /** Client-generated per checkout page: a double submit finds the order already placed. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_idempotency_key_unique').on(t.idempotencyKey),
    check('orders_totals', sql`${t.totalGrossCents} = ${t.totalNetCents} + ${t.totalVatCents}`),
    check('orders_mode_matches_channel', sql`(${t.channel} = 'b2c') = (${t.priceMode} = 'tax_inclusive')`),
    check('orders_treatment_b2b_only', sql`${t.channel} = 'b2b' or ${t.treatment} = 'domestic'`),
    index('orders_account_idx').on(t.accountId, t.createdAt),
    // The staff list's keyset order is (created_at, id), read both ways, optionally within a status.
    index('orders_status_idx').on(t.status, t.createdAt, t.id),
    index('orders_created_idx').on(t.createdAt, t.id),
    // The staff list's search (lib/orders/staff-order-list.ts, orderSearchText: the same expression).
    index('orders_search_trgm_idx').using('gin', sql`(${t.number} || ' ' || ${t.customerName} || ' ' || ${t.email}) gin_trgm_ops`),
    index('orders_email_idx').on(t.email),
    index('orders_account_status_idx').on(t.accountId, t.status),
    index('orders_placed_by_idx').on(t.placedByUserId, t.createdAt),
  ],
);

/** Order lines as placed: a product (with its SKU and name copied) or free text. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'restrict' }),
    sku: text('sku'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    baseQuantity: integer('base_quantity').notNull().default(1),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    priceSource: priceSource('price_source').notNull().default('catalogue'),
    agreementId: uuid('agreement_id'),
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('order_lines_position_unique').on(t.orderId, t.position),
    index('order_lines_product_idx').on(t.productId),
    // What has been ordered against an agreement offer with a maximum quantity.
    index('order_lines_agreement_product_idx').on(t.agreementId, t.productId).where(sql`${t.agreementId} is not null`),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_discount_range', sql`${t.discountBp} between 0 and 10000`),
  ],
);

/** Charges (shipping) and allowances of an order, one row per rate each landed on. */
export const orderAdjustments = pgTable(
  'order_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: adjustmentKind('kind').notNull(),
    itemIndex: smallint('item_index').notNull(),
    reason: text('reason'),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [index('order_adjustments_order_idx').on(t.orderId)],
);

/** Every status change of an order: who, when, from what to what. */
export const orderStatusHistory = pgTable(
  'order_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.createdAt)],
);

/** Money movements of an order through the payment interface (never card data). */
export const orderPayments = pgTable(
  'order_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    kind: orderPaymentKind('kind').notNull(),
    method: paymentMethod('method').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    providerRef: text('provider_ref'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_payments_order_idx').on(t.orderId), check('order_payments_positive', sql`${t.amountCents} > 0`)],
);
