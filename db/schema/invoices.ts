import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DocumentParty } from '@/lib/documents/types';
import { accounts } from './accounts';
import { products } from './catalog';
import { adjustmentKind, creditNoteKind, documentNature, invoicePaymentMethod, orderChannel, priceMode, vatCategory, vatTreatment } from './enums';
import { orders, type PostalAddress, type StoredBreakdown } from './orders';
import { users } from './users';

/**
 * One counter per series and year (`F` 2026, `AV` 2026). Incremented in the transaction that issues
 * the document: a rollback gives the number back, the row lock orders parallel issues — no gap, no
 * duplicate, unlike a PostgreSQL sequence.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] }), check('document_counters_positive', sql`${t.lastNumber} >= 0`)],
);

/**
 * An issued invoice: everything printed on it copied at issue (seller and buyer identity, lines,
 * VAT breakdown, totals, treatment, mentions, terms). Never updated nor deleted — a trigger refuses
 * it; corrections are credit notes; payment state is derived from invoice_payments.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    channel: orderChannel('channel').notNull(),
    priceMode: priceMode('price_mode').notNull(),
    treatment: vatTreatment('treatment').notNull(),
    nature: documentNature('nature').notNull(),
    issueDate: date('issue_date').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    // No action on delete: a SET NULL would be an UPDATE of an issued document (refused by trigger).
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id, { onDelete: 'no action' }),
    dueDate: date('due_date').notNull(),
    deliveryDate: date('delivery_date'),
    seller: jsonb('seller').$type<DocumentParty>().notNull(),
    buyer: jsonb('buyer').$type<DocumentParty>().notNull(),
    buyerEmail: text('buyer_email').notNull(),
    deliveryAddress: jsonb('delivery_address').$type<PostalAddress>(),
    orderNumber: text('order_number').notNull(),
    purchaseOrderRef: text('purchase_order_ref'),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull(),
    totalVatCents: bigint('total_vat_cents', { mode: 'number' }).notNull(),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull(),
    vatBreakdown: jsonb('vat_breakdown').$type<StoredBreakdown[]>().notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull(),
    legalNotes: jsonb('legal_notes').$type<string[]>().notNull(),
    paymentTerms: text('payment_terms').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_order_unique').on(t.orderId),
    uniqueIndex('invoices_series_sequence_unique').on(t.series, t.year, t.sequence),
    index('invoices_account_idx').on(t.accountId, t.issueDate),
    index('invoices_due_idx').on(t.dueDate),
    index('invoices_issued_idx').on(t.issuedAt),
    check('invoices_totals', sql`${t.totalGrossCents} = ${t.totalNetCents} + ${t.totalVatCents}`),
    check('invoices_number_format', sql`${t.number} ~ '^[A-Za-z0-9+_/-]{1,35}$'`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
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
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('invoice_lines_position_unique').on(t.invoiceId, t.position)],
);

export const invoiceAdjustments = pgTable(
  'invoice_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
    kind: adjustmentKind('kind').notNull(),
    reason: text('reason').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('invoice_adjustments_position_unique').on(t.invoiceId, t.position)],
);

/** A credit note (avoir): its own gapless series, always referencing the invoice it corrects. */
export const creditNotes = pgTable(
  'credit_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    priceMode: priceMode('price_mode').notNull(),
    treatment: vatTreatment('treatment').notNull(),
    nature: documentNature('nature').notNull(),
    issueDate: date('issue_date').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    // No action on delete: a SET NULL would be an UPDATE of an issued document (refused by trigger).
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id, { onDelete: 'no action' }),
    reason: text('reason').notNull(),
    /** `full` credits the whole invoice (its charges and allowances included); `partial` lines or amounts. */
    kind: creditNoteKind('kind').notNull(),
    seller: jsonb('seller').$type<DocumentParty>().notNull(),
    buyer: jsonb('buyer').$type<DocumentParty>().notNull(),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull(),
    totalVatCents: bigint('total_vat_cents', { mode: 'number' }).notNull(),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull(),
    vatBreakdown: jsonb('vat_breakdown').$type<StoredBreakdown[]>().notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull(),
  },
  (t) => [
    uniqueIndex('credit_notes_series_sequence_unique').on(t.series, t.year, t.sequence),
    index('credit_notes_invoice_idx').on(t.invoiceId),
    index('credit_notes_account_idx').on(t.accountId, t.issueDate),
    check('credit_notes_totals', sql`${t.totalGrossCents} = ${t.totalNetCents} + ${t.totalVatCents}`),
    check('credit_notes_positive', sql`${t.totalGrossCents} > 0`),
    check('credit_notes_number_format', sql`${t.number} ~ '^[A-Za-z0-9+_/-]{1,35}$'`),
  ],
);

/** A credited line: part of an invoice line (quantity), or an amount on one VAT rate (no line). */
export const creditNoteLines = pgTable(
  'credit_note_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creditNoteId: uuid('credit_note_id')
      .notNull()
      .references(() => creditNotes.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
    invoiceLineId: uuid('invoice_line_id').references(() => invoiceLines.id, { onDelete: 'restrict' }),
    sku: text('sku'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    baseQuantity: integer('base_quantity').notNull().default(1),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('credit_note_lines_position_unique').on(t.creditNoteId, t.position),
    index('credit_note_lines_invoice_line_idx').on(t.invoiceLineId),
    check('credit_note_lines_quantity', sql`${t.quantity} > 0`),
  ],
);

/**
 * Money received against an invoice (positive). The invoice's state — unpaid, partly paid, paid,
 * overdue — is derived from these rows, its credit notes and its due date, never stored.
 */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    method: invoicePaymentMethod('method').notNull(),
    reference: text('reference'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invoice_payments_invoice_idx').on(t.invoiceId), check('invoice_payments_positive', sql`${t.amountCents} > 0`)],
);
