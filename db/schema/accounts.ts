import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accountKind, accountStatus, addressKind } from './enums';
import { users } from './users';

/**
 * A client company or prospect, or a B2C customer's individual account. The B2B portal's company
 * and the CRM's account are this one record.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: accountKind('kind').notNull().default('company'),
    status: accountStatus('status').notNull().default('prospect'),
    legalName: text('legal_name').notNull(),
    tradeName: text('trade_name'),
    siren: text('siren'),
    siret: text('siret'),
    vatNumber: text('vat_number'),
    country: text('country').notNull().default('FR'),
    paymentTermDays: smallint('payment_term_days').notNull().default(30),
    paymentEndOfMonth: boolean('payment_end_of_month').notNull().default(false),
    creditLimitCents: bigint('credit_limit_cents', { mode: 'number' }),
    fiscalYearEndMonth: smallint('fiscal_year_end_month').notNull().default(12),
    /** B2B purchasing rules of the client company (spec/b2b.md, "Limits, budgets and approval"). */
    allowOffContract: boolean('allow_off_contract').notNull().default(false),
    approvalThresholdHtCents: bigint('approval_threshold_ht_cents', { mode: 'number' }),
    approvalExpiryDays: smallint('approval_expiry_days').notNull().default(14),
    usesCostCentres: boolean('uses_cost_centres').notNull().default(false),
    ownerUserId: uuid('owner_user_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    parentAccountId: uuid('parent_account_id').references((): AnyPgColumn => accounts.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accounts_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('accounts_fiscal_month', sql`${t.fiscalYearEndMonth} between 1 and 12`),
    check('accounts_payment_days', sql`${t.paymentTermDays} between 0 and 120`),
    check('accounts_approval_expiry', sql`${t.approvalExpiryDays} between 1 and 365`),
    check('accounts_credit_limit', sql`${t.creditLimitCents} is null or ${t.creditLimitCents} >= 0`),
    check('accounts_siren_format', sql`${t.siren} is null or ${t.siren} ~ '^[0-9]{9}$'`),
    check('accounts_not_own_parent', sql`${t.parentAccountId} is null or ${t.parentAccountId} <> ${t.id}`),
    index('accounts_owner_idx').on(t.ownerUserId),
    index('accounts_parent_idx').on(t.parentAccountId),
    index('accounts_legal_name_idx').on(t.legalName),
  ],
);

/** Billing and delivery addresses of an account; an account may have several delivery addresses. */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: addressKind('kind').notNull(),
    label: text('label'),
    recipient: text('recipient'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('FR'),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [
    check('addresses_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('addresses_account_idx').on(t.accountId, t.kind),
  ],
);
