import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { products } from './catalog';
import { agreementStatus, budgetEntryKind, budgetPeriodKind } from './enums';
import { orders } from './orders';
import { users } from './users';

/** A framework agreement (contrat-cadre) between a client company and us. */
export const frameworkAgreements = pgTable(
  'framework_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    reference: text('reference').notNull().unique(),
    title: text('title').notNull(),
    status: agreementStatus('status').notNull().default('draft'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    ceilingHtCents: bigint('ceiling_ht_cents', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('framework_agreements_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('framework_agreements_ceiling', sql`${t.ceilingHtCents} is null or ${t.ceilingHtCents} > 0`),
    index('framework_agreements_account_idx').on(t.accountId, t.status, t.endsOn),
  ],
);

/** A negotiated line: the product's unit price HT for this company, optionally capped in quantity. */
export const agreementLines = pgTable(
  'agreement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => frameworkAgreements.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    unitPriceHtCents: bigint('unit_price_ht_cents', { mode: 'number' }).notNull(),
    maxQuantity: integer('max_quantity'),
    /**
     * The product's `name_folded` and `is_active`, copied here so that the portal catalogue reads a
     * contract's products in display order from one contiguous range of `agreement_lines_catalogue_idx`
     * instead of looking up each of its ~2 000 products. Maintained by triggers only (migration 0015):
     * every insert, and every update of the product or of these columns, re-reads the product row, and
     * renaming or (de)activating a product updates its lines. The SQL defaults only let inserts omit
     * them; the trigger always overwrites what an insert or update puts there.
     */
    productSortName: text('product_sort_name').notNull().default(''),
    productActive: boolean('product_active').notNull().default(false),
  },
  (t) => [
    uniqueIndex('agreement_lines_product_unique').on(t.agreementId, t.productId),
    index('agreement_lines_product_idx').on(t.productId),
    // The portal catalogue: an agreement's active products in (folded name, id) order.
    index('agreement_lines_catalogue_idx').on(t.agreementId, t.productSortName, t.productId).where(sql`${t.productActive}`),
    check('agreement_lines_price', sql`${t.unitPriceHtCents} >= 0`),
    check('agreement_lines_max_qty', sql`${t.maxQuantity} is null or ${t.maxQuantity} > 0`),
  ],
);

/** Quantity tiers of a negotiated line: from `min_quantity` units, this unit price HT applies. */
export const agreementPriceTiers = pgTable(
  'agreement_price_tiers',
  {
    agreementLineId: uuid('agreement_line_id')
      .notNull()
      .references(() => agreementLines.id, { onDelete: 'cascade' }),
    minQuantity: integer('min_quantity').notNull(),
    unitPriceHtCents: bigint('unit_price_ht_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('agreement_price_tiers_unique').on(t.agreementLineId, t.minQuantity),
    check('agreement_price_tiers_min', sql`${t.minQuantity} > 1`),
    check('agreement_price_tiers_price', sql`${t.unitPriceHtCents} >= 0`),
  ],
);

/**
 * A spending budget the client company sets for itself: a hard cap per period (and cost centre).
 * held + committed never exceeds the amount — the CHECK makes it hold even under parallel orders.
 */
export const spendingBudgets = pgTable(
  'spending_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    periodKind: budgetPeriodKind('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** Empty string: the company-wide budget of the period (cost centres not used). */
    costCentre: text('cost_centre').notNull().default(''),
    amountHtCents: bigint('amount_ht_cents', { mode: 'number' }).notNull(),
    heldHtCents: bigint('held_ht_cents', { mode: 'number' }).notNull().default(0),
    committedHtCents: bigint('committed_ht_cents', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('spending_budgets_period_unique').on(t.accountId, t.periodStart, t.costCentre),
    index('spending_budgets_lookup_idx').on(t.accountId, t.periodStart, t.periodEnd),
    check('spending_budgets_period', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('spending_budgets_non_negative', sql`${t.amountHtCents} >= 0 and ${t.heldHtCents} >= 0 and ${t.committedHtCents} >= 0`),
    check('spending_budgets_hard_cap', sql`${t.heldHtCents} + ${t.committedHtCents} <= ${t.amountHtCents}`),
  ],
);

/** Every hold, commit and release of a budget, with the order that caused it. */
export const budgetEntries = pgTable(
  'budget_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => spendingBudgets.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    kind: budgetEntryKind('kind').notNull(),
    amountHtCents: bigint('amount_ht_cents', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_entries_budget_idx').on(t.budgetId, t.createdAt), index('budget_entries_order_idx').on(t.orderId)],
);

/** Shopping lists shared within a client company. */
export const shoppingLists = pgTable(
  'shopping_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shopping_lists_account_idx').on(t.accountId, t.name)],
);

export const shoppingListLines = pgTable(
  'shopping_list_lines',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => shoppingLists.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [uniqueIndex('shopping_list_lines_unique').on(t.listId, t.productId), check('shopping_list_lines_qty', sql`${t.quantity} between 1 and 99999`)],
);
