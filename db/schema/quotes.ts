import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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
import { opportunities } from './crm';
import { quoteEventKind, quoteRequestStatus, quoteStatus, vatCategory, vatTreatment } from './enums';
import { orders, type PostalAddress, type StoredBreakdown } from './orders';
import { persons } from './persons';
import { users } from './users';

/** A client's request for quote (investments): the need, in the client's words. */
export const quoteRequests = pgTable(
  'quote_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedByPersonId: uuid('requested_by_person_id').references(() => persons.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    desiredDate: date('desired_date'),
    budgetHintHtCents: bigint('budget_hint_ht_cents', { mode: 'number' }),
    status: quoteRequestStatus('status').notNull().default('submitted'),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    declineReason: text('decline_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quote_requests_account_idx').on(t.accountId, t.createdAt),
    index('quote_requests_status_idx').on(t.status, t.createdAt),
    check('quote_requests_budget_hint', sql`${t.budgetHintHtCents} is null or ${t.budgetHintHtCents} >= 0`),
  ],
);

/** What the requester listed: a catalogue product or free text, with a quantity. */
export const quoteRequestLines = pgTable(
  'quote_request_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => quoteRequests.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('quote_request_lines_position_unique').on(t.requestId, t.position), check('quote_request_lines_qty', sql`${t.quantity} > 0`)],
);

/**
 * A quote: the commercial offer, its state, and the pointer to its latest sent version. Its content
 * lives in versions; a sent version is frozen (a trigger refuses any change to it or its lines).
 */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    requestId: uuid('request_id').references(() => quoteRequests.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: quoteStatus('status').notNull().default('in_preparation'),
    /** The version a client may accept: the latest sent one. */
    latestSentVersion: integer('latest_sent_version'),
    /** Validity of the latest sent version ("valid until D", end of day D Europe/Paris). */
    validUntil: date('valid_until'),
    /** Staff only: never shown to the client nor printed. */
    internalNotes: text('internal_notes').notNull().default(''),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quotes_account_idx').on(t.accountId, t.updatedAt),
    index('quotes_status_valid_idx').on(t.status, t.validUntil),
    index('quotes_request_idx').on(t.requestId),
    index('quotes_opportunity_idx').on(t.opportunityId),
    uniqueIndex('quotes_order_unique').on(t.orderId),
  ],
);

/**
 * One version of a quote. The draft (sent_at null, at most one per quote) is what staff edit; sending
 * freezes it with its computed VAT breakdown, totals, terms, treatment, buyer and delivery address.
 */
export const quoteVersions = pgTable(
  'quote_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    validUntil: date('valid_until'),
    deliveryTerms: text('delivery_terms').notNull().default(''),
    paymentTerms: text('payment_terms').notNull().default(''),
    /** A note the client sees on the quote. */
    clientNote: text('client_note').notNull().default(''),
    deliveryAddress: jsonb('delivery_address').$type<PostalAddress>(),
    treatment: vatTreatment('treatment').notNull().default('domestic'),
    /** Delivery costs HT, a charge spread over the lines' rates; its parts as lib/tax computed them. */
    shippingHtCents: bigint('shipping_ht_cents', { mode: 'number' }).notNull().default(0),
    adjustments: jsonb('adjustments').$type<StoredAdjustment[]>().notNull().default(sql`'[]'::jsonb`),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull().default(0),
    totalVatCents: bigint('total_vat_cents', { mode: 'number' }).notNull().default(0),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull().default(0),
    vatBreakdown: jsonb('vat_breakdown').$type<StoredBreakdown[]>().notNull().default(sql`'[]'::jsonb`),
    mentions: jsonb('mentions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The buyer's identity as it was when sent (name, SIREN, VAT number, billing address). */
    buyer: jsonb('buyer').$type<QuoteBuyerSnapshot>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'no action' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quote_versions_unique').on(t.quoteId, t.version),
    uniqueIndex('quote_versions_one_draft').on(t.quoteId).where(sql`${t.sentAt} is null`),
    check('quote_versions_totals', sql`${t.totalGrossCents} = ${t.totalNetCents} + ${t.totalVatCents}`),
    check('quote_versions_shipping', sql`${t.shippingHtCents} >= 0`),
  ],
);

export interface StoredAdjustment {
  kind: 'charge' | 'allowance';
  index: number;
  reason: string | null;
  vatRateBp: number;
  category: 'S' | 'Z' | 'K' | 'AE' | 'G';
  amountCents: number;
  netCents: number;
}

export interface QuoteBuyerSnapshot {
  name: string;
  siren: string | null;
  vatNumber: string | null;
  address: PostalAddress;
}

/** Lines of one quote version: a catalogue product (SKU and name copied) or a free line. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => quoteVersions.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'restrict' }),
    sku: text('sku'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unitPriceHtCents: bigint('unit_price_ht_cents', { mode: 'number' }).notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('quote_lines_position_unique').on(t.versionId, t.position),
    index('quote_lines_product_idx').on(t.productId),
    check('quote_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('quote_lines_discount_range', sql`${t.discountBp} between 0 and 10000`),
    check('quote_lines_price', sql`${t.unitPriceHtCents} >= 0`),
  ],
);

/**
 * The history of requests and quotes — every state change (from, to, version, who, note) — and the
 * comments exchanged with the client. The account timeline reads it.
 */
export const quoteEvents = pgTable(
  'quote_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    requestId: uuid('request_id').references(() => quoteRequests.id, { onDelete: 'cascade' }),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'cascade' }),
    kind: quoteEventKind('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    version: integer('version'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Whether the actor was our staff or the client (a comment's side). */
    byStaff: boolean('by_staff').notNull().default(false),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quote_events_account_idx').on(t.accountId, t.createdAt),
    index('quote_events_quote_idx').on(t.quoteId, t.createdAt),
    index('quote_events_request_idx').on(t.requestId, t.createdAt),
    check('quote_events_subject', sql`${t.requestId} is not null or ${t.quoteId} is not null`),
  ],
);
