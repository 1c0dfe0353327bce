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
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { activityKind, forecastStatus, opportunityStage, projectStatus } from './enums';
import { orders } from './orders';
import { persons } from './persons';
import { users } from './users';

/**
 * What we know of a client's own budgets (not the spending budgets the client sets in the portal):
 * when money is released, until when it must be spent, who holds it.
 */
export const budgetForecasts = pgTable(
  'budget_forecasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    estimatedAmountHtCents: bigint('estimated_amount_ht_cents', { mode: 'number' }),
    fiscalYear: integer('fiscal_year').notNull(),
    releaseDate: date('release_date'),
    expiresOn: date('expires_on'),
    status: forecastStatus('status').notNull().default('expected'),
    holderPersonId: uuid('holder_person_id').references(() => persons.id, { onDelete: 'set null' }),
    notes: text('notes'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_forecasts_account_idx').on(t.accountId),
    index('budget_forecasts_release_idx').on(t.releaseDate),
    check('budget_forecasts_amount', sql`${t.estimatedAmountHtCents} is null or ${t.estimatedAmountHtCents} >= 0`),
  ],
);

/** Upcoming projects of an account, which can become opportunities. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    expectedStart: date('expected_start'),
    estimatedValueHtCents: bigint('estimated_value_ht_cents', { mode: 'number' }),
    sponsorPersonId: uuid('sponsor_person_id').references(() => persons.id, { onDelete: 'set null' }),
    status: projectStatus('status').notNull().default('idea'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_account_idx').on(t.accountId)],
);

/** Sales opportunities; the stage's default probability applies unless overridden. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    amountHtCents: bigint('amount_ht_cents', { mode: 'number' }).notNull().default(0),
    stage: opportunityStage('stage').notNull().default('qualification'),
    /** Percentage 0–100 overriding the stage's default; null = the stage's default. */
    probabilityOverride: smallint('probability_override'),
    expectedCloseDate: date('expected_close_date'),
    nextStep: text('next_step'),
    nextStepDue: date('next_step_due'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    budgetForecastId: uuid('budget_forecast_id').references(() => budgetForecasts.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('opportunities_account_idx').on(t.accountId),
    // The pipeline board reads each open column's first cards in this order (pipeline-service.ts),
    // for one owner or for all.
    index('opportunities_board_idx').on(t.stage, t.ownerUserId, t.expectedCloseDate.asc().nullsLast(), t.amountHtCents.desc(), t.id),
    index('opportunities_stage_board_idx').on(t.stage, t.expectedCloseDate.asc().nullsLast(), t.amountHtCents.desc(), t.id),
    check('opportunities_amount', sql`${t.amountHtCents} >= 0`),
    check('opportunities_probability', sql`${t.probabilityOverride} is null or ${t.probabilityOverride} between 0 and 100`),
  ],
);

export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    fromStage: opportunityStage('from_stage'),
    toStage: opportunityStage('to_stage').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opportunity_stage_history_idx').on(t.opportunityId, t.createdAt)],
);

/** The people involved in one opportunity's decision, with their role and weight in it. */
export const opportunityStakeholders = pgTable(
  'opportunity_stakeholders',
  {
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    weight: smallint('weight').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.opportunityId, t.personId] }),
    check('opportunity_stakeholders_weight', sql`${t.weight} between 0 and 100`),
  ],
);

/** Calls, meetings, visits, emails, tasks and notes; tasks have a due date and a done state. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    kind: activityKind('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on'),
    done: boolean('done').notNull().default(false),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_account_idx').on(t.accountId, t.occurredAt),
    index('activities_due_idx').on(t.ownerUserId, t.dueOn).where(sql`not ${t.done}`),
    index('activities_person_idx').on(t.personId),
  ],
);
