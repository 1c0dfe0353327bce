import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { portalRole, purchaseProfile } from './enums';

/** A contact of the CRM; a login (users) always belongs to one. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('persons_name_idx').on(t.lastName, t.firstName)],
);

/**
 * A person's job at an account over time. Closing a position (ended_on) keeps the history; the
 * open position with a portal role is what gives a B2B login its company and role.
 */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title'),
    department: text('department'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    portalRole: portalRole('portal_role'),
    /** Spending limits of this person's portal login in this company, HT; null = no limit. */
    orderLimitHtCents: bigint('order_limit_ht_cents', { mode: 'number' }),
    monthlyLimitHtCents: bigint('monthly_limit_ht_cents', { mode: 'number' }),
    /** CRM: the person's part in this account's purchase decisions while in this position. */
    purchaseProfile: purchaseProfile('purchase_profile'),
    decisionWeight: smallint('decision_weight'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('positions_decision_weight', sql`${t.decisionWeight} is null or ${t.decisionWeight} between 0 and 100`),
    check('positions_dates', sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    index('positions_person_idx').on(t.personId),
    index('positions_account_idx').on(t.accountId),
    // A portal login belongs to one company at a time.
    uniqueIndex('positions_one_open_portal_role')
      .on(t.personId)
      .where(sql`${t.endedOn} is null and ${t.portalRole} is not null`),
  ],
);
