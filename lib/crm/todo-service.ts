import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { accounts, activities } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frCrmPipeline } from '@/lib/i18n/fr-crm-pipeline';
import { fiscalYearOf, parisDate, type IsoDate } from '@/lib/purchasing/periods';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import type { Stage } from './pipeline-rules';

const e = frCrmPipeline.errors;

/** Orders that never were (or no longer are) a purchase: excluded from rhythms and consumption. */
const NOT_PLACED = sql.raw(`('cancelled', 'rejected', 'expired')`);
const SECTION_LIMIT = 50;

export interface TodoActivity {
  id: string;
  subject: string;
  kind: string;
  dueOn: string;
  accountId: string;
  accountName: string;
  opportunityId: string | null;
  overdue: boolean;
}
export interface TodoOpportunity {
  id: string;
  title: string;
  stage: Stage;
  accountId: string;
  accountName: string;
  expectedCloseDate: string | null;
}
export interface TodoBudgetRelease {
  id: string;
  label: string;
  releaseDate: string;
  amountCents: number | null;
  accountId: string;
  accountName: string;
}
export interface TodoFiscalYearEnd {
  accountId: string;
  accountName: string;
  fiscalYearEnd: string;
  daysLeft: number;
  unspentCents: number;
}
export interface TodoAgreement {
  id: string;
  reference: string;
  title: string;
  endsOn: string;
  ceilingCents: number | null;
  consumedCents: number;
  accountId: string;
  accountName: string;
  endingSoon: boolean;
  nearCeiling: boolean;
}
export interface TodoReorder {
  accountId: string;
  accountName: string;
  orderCount: number;
  lastOrderOn: string;
  meanGapDays: number;
  expectedOn: string;
}
export interface TodoExpiringQuote {
  id: string;
  number: string;
  title: string;
  accountId: string;
  accountName: string;
  /** The latest sent version, the one the client may accept, and its HT total. */
  version: number;
  totalNetCents: number;
  validUntil: string;
  /** 0 on its last valid day. */
  daysLeft: number;
}
export interface TodoView {
  scope: 'mine' | 'all';
  today: IsoDate;
  activities: TodoActivity[];
  withoutNextStep: TodoOpportunity[];
  expiringQuotes: TodoExpiringQuote[];
  budgetReleases: TodoBudgetRelease[];
  fiscalYearEnds: TodoFiscalYearEnd[];
  agreements: TodoAgreement[];
  reorders: TodoReorder[];
}

/** Days from `a` to `b` (both YYYY-MM-DD). */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

async function query<T>(db: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

/**
 * The rep's to-do view on `today` (default: today in Paris): activities due (late, today or within
 * 7 days), open opportunities without a next step, sent quotes whose validity ends today or within
 * 7 days (valid until D = to the end of D in Paris), budget releases in the next 30 days, fiscal-year
 * ends within 60 days with an unspent budget forecast, active framework agreements ending within 60
 * days or ≥ 80 % consumed, and accounts overdue on their re-order rhythm. A sales rep sees the
 * accounts they own, an admin all accounts.
 */
export async function getTodoView(db: Database, actor: Actor | null, today: IsoDate = parisDate()): Promise<Result<TodoView>> {
  const refused = refuseUnless<TodoView>(actor, 'crm.use');
  if (refused) return refused;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`invalid today: ${today}`);
  const scope = actor!.role === 'admin' ? 'all' : 'mine';
  const mine = scope === 'mine' ? sql`a.owner_user_id = ${actor!.userId}` : sql`true`;
  const day = sql`${today}::date`;

  const [activityRows, oppRows, quoteRows, releaseRows, fyRows, agreementRows, reorderRows] = await Promise.all([
    query<{ id: string; subject: string; kind: string; due_on: string; account_id: string; account_name: string; opportunity_id: string | null }>(
      db,
      sql`select act.id, act.subject, act.kind::text as kind, act.due_on::text as due_on, a.id as account_id, a.legal_name as account_name, act.opportunity_id
          from activities act join accounts a on a.id = act.account_id
          where not act.done and act.due_on is not null and act.due_on <= ${day} + 7 and ${mine}
          order by act.due_on, act.subject limit ${SECTION_LIMIT}`,
    ),
    query<{ id: string; title: string; stage: Stage; account_id: string; account_name: string; expected_close_date: string | null }>(
      db,
      sql`select o.id, o.title, o.stage::text as stage, a.id as account_id, a.legal_name as account_name, o.expected_close_date::text as expected_close_date
          from opportunities o join accounts a on a.id = o.account_id
          where o.stage not in ('won', 'lost') and coalesce(btrim(o.next_step), '') = '' and ${mine}
          order by o.expected_close_date nulls last, o.title limit ${SECTION_LIMIT}`,
    ),
    // A quote past its day is expired (lazily, by whoever acts on it) even while still `sent`: the
    // range starts at today, so it never shows here.
    query<{ id: string; number: string; title: string; account_id: string; account_name: string; version: number | string; net: string | number; valid_until: string }>(
      db,
      sql`select q.id, q.number, q.title, a.id as account_id, a.legal_name as account_name, q.latest_sent_version as version,
                 v.total_net_cents as net, q.valid_until::text as valid_until
          from quotes q
          join accounts a on a.id = q.account_id
          join quote_versions v on v.quote_id = q.id and v.version = q.latest_sent_version
          where q.status = 'sent' and q.valid_until between ${day} and ${day} + 7 and ${mine}
          order by q.valid_until, q.number limit ${SECTION_LIMIT}`,
    ),
    query<{ id: string; label: string; release_date: string; amount: string | number | null; account_id: string; account_name: string }>(
      db,
      sql`select f.id, f.label, f.release_date::text as release_date, f.estimated_amount_ht_cents as amount, a.id as account_id, a.legal_name as account_name
          from budget_forecasts f join accounts a on a.id = f.account_id
          where f.status = 'expected' and f.release_date between ${day} and ${day} + 30 and ${mine}
          order by f.release_date, a.legal_name limit ${SECTION_LIMIT}`,
    ),
    query<{ account_id: string; account_name: string; fiscal_year_end_month: number; unspent: string | number | null }>(
      db,
      sql`select a.id as account_id, a.legal_name as account_name, a.fiscal_year_end_month,
                 sum(coalesce(f.estimated_amount_ht_cents, 0)) as unspent
          from accounts a join budget_forecasts f on f.account_id = a.id and f.status in ('expected', 'released')
          where ${mine}
          group by a.id, a.legal_name, a.fiscal_year_end_month
          order by a.legal_name limit 500`,
    ),
    query<{ id: string; reference: string; title: string; ends_on: string; ceiling: string | number | null; consumed: string | number; account_id: string; account_name: string }>(
      db,
      sql`select * from (
            select fa.id, fa.reference, fa.title, fa.ends_on::text as ends_on, fa.ceiling_ht_cents as ceiling, a.id as account_id, a.legal_name as account_name,
                   (select coalesce(sum(ol.net_cents), 0) from order_lines ol join orders o on o.id = ol.order_id
                     where ol.agreement_id = fa.id and o.status not in ${NOT_PLACED}) as consumed
            from framework_agreements fa join accounts a on a.id = fa.account_id
            where fa.status = 'active' and fa.ends_on >= ${day} and ${mine}
          ) x
          where x.ends_on::date <= ${day} + 60 or (x.ceiling is not null and x.consumed * 100 >= x.ceiling * 80)
          order by x.ends_on, x.reference limit ${SECTION_LIMIT}`,
    ),
    // Re-order rhythm (spec/crm.md, "Customer value"): distinct Paris order dates of placed orders;
    // mean gap between consecutive dates; expected next = last + mean gap; overdue when today is
    // past the expected date by more than half the mean gap, i.e. today − last > 1.5 × mean gap.
    query<{ account_id: string; account_name: string; n: string | number; last_on: string; mean_gap: string | number; expected_on: string }>(
      db,
      sql`with d as (
            select distinct o.account_id, (o.placed_at at time zone 'Europe/Paris')::date as on_day
            from orders o
            where o.account_id is not null and o.placed_at is not null and o.status not in ${NOT_PLACED}
              and (o.placed_at at time zone 'Europe/Paris')::date <= ${day}
          ), g as (
            select account_id, on_day, on_day - lag(on_day) over (partition by account_id order by on_day) as gap from d
          ), s as (
            select account_id, count(*) as n, max(on_day) as last_on, avg(gap)::numeric as mean_gap from g group by account_id
          )
          select a.id as account_id, a.legal_name as account_name, s.n, s.last_on::text as last_on,
                 round(s.mean_gap, 1) as mean_gap, (s.last_on + round(s.mean_gap)::int)::text as expected_on
          from s join accounts a on a.id = s.account_id
          where s.n >= 2 and (${day} - s.last_on) > s.mean_gap * 1.5 and ${mine}
          order by (${day} - s.last_on) - s.mean_gap * 1.5 desc, a.legal_name limit ${SECTION_LIMIT}`,
    ),
  ]);

  const fiscalYearEnds = fyRows
    .map((r) => {
      const end = fiscalYearOf(today, Number(r.fiscal_year_end_month)).end;
      return { accountId: r.account_id, accountName: r.account_name, fiscalYearEnd: end, daysLeft: daysBetween(today, end), unspentCents: Number(r.unspent ?? 0) };
    })
    .filter((r) => r.daysLeft >= 0 && r.daysLeft <= 60)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.accountName.localeCompare(b.accountName, 'fr'));

  return ok({
    scope,
    today,
    activities: activityRows.map((r) => ({
      id: r.id,
      subject: r.subject,
      kind: r.kind,
      dueOn: r.due_on,
      accountId: r.account_id,
      accountName: r.account_name,
      opportunityId: r.opportunity_id,
      overdue: r.due_on < today,
    })),
    withoutNextStep: oppRows.map((r) => ({
      id: r.id,
      title: r.title,
      stage: r.stage,
      accountId: r.account_id,
      accountName: r.account_name,
      expectedCloseDate: r.expected_close_date,
    })),
    expiringQuotes: quoteRows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      accountId: r.account_id,
      accountName: r.account_name,
      version: Number(r.version),
      totalNetCents: Number(r.net),
      validUntil: r.valid_until,
      daysLeft: daysBetween(today, r.valid_until),
    })),
    budgetReleases: releaseRows.map((r) => ({
      id: r.id,
      label: r.label,
      releaseDate: r.release_date,
      amountCents: r.amount === null ? null : Number(r.amount),
      accountId: r.account_id,
      accountName: r.account_name,
    })),
    fiscalYearEnds,
    agreements: agreementRows.map((r) => {
      const ceiling = r.ceiling === null ? null : Number(r.ceiling);
      const consumed = Number(r.consumed);
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        endsOn: r.ends_on,
        ceilingCents: ceiling,
        consumedCents: consumed,
        accountId: r.account_id,
        accountName: r.account_name,
        endingSoon: daysBetween(today, r.ends_on) <= 60,
        nearCeiling: ceiling !== null && consumed * 100 >= ceiling * 80,
      };
    }),
    reorders: reorderRows.map((r) => ({
      accountId: r.account_id,
      accountName: r.account_name,
      orderCount: Number(r.n),
      lastOrderOn: r.last_on,
      meanGapDays: Number(r.mean_gap),
      expectedOn: r.expected_on,
    })),
  });
}

export const markActivityDoneSchema = z.object({ activityId: z.uuid() });

/** Marks an activity done; a sales rep only on the accounts they own. */
export async function markActivityDone(db: Database, actor: Actor | null, input: z.infer<typeof markActivityDoneSchema>): Promise<Result> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const scope = actor!.role === 'admin' ? undefined : eq(accounts.ownerUserId, actor!.userId);
    const [current] = await tx
      .select({ id: activities.id, done: activities.done })
      .from(activities)
      .innerJoin(accounts, eq(accounts.id, activities.accountId))
      .where(and(eq(activities.id, input.activityId), scope))
      .for('update', { of: activities });
    if (!current) return fail(e.activityNotFound);
    if (current.done) return ok(null);
    await tx.update(activities).set({ done: true }).where(eq(activities.id, input.activityId));
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'activity.done', entityType: 'activity', entityId: input.activityId, before: { done: false }, after: { done: true } });
    return ok(null);
  });
}
