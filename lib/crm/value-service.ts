import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { parisDate, type IsoDate } from '@/lib/purchasing/periods';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';

/**
 * The order states that count as "placed (not cancelled)" for customer value: the customer
 * committed to buy and nothing undid it. `credit_hold` counts (the order is placed, only its release
 * waits on the credit check). Not counted: `pending_approval` (the client company has not yet
 * decided), `awaiting_payment` (a B2C card/transfer order not paid yet), and the dead ends
 * `cancelled`, `rejected`, `expired`.
 */
export const VALUE_ORDER_STATES = ['credit_hold', 'placed', 'confirmed', 'shipped', 'delivered'] as const;

/** The SQL condition on `orders` (aliased `o`) selecting the orders that count. */
export function countedOrderCondition(alias = 'o'): SQL {
  return sql.raw(`${alias}.status in (${VALUE_ORDER_STATES.map((s) => `'${s}'`).join(', ')})`);
}

/** The Europe/Paris calendar date of an order, in SQL. */
export function parisDateOf(alias = 'o'): SQL {
  return sql.raw(`(${alias}.created_at at time zone 'Europe/Paris')::date`);
}

export interface AccountValue {
  accountId: string;
  accountName: string;
  accountKind: 'company' | 'individual';
  /** Paris calendar dates of the first and last counted order; null without orders. */
  firstOrderOn: IsoDate | null;
  lastOrderOn: IsoDate | null;
  orderCount: number;
  lifetimeRevenueHtCents: number;
  /** Orders whose Paris date is after today − 12 months (strictly). */
  orders12m: number;
  revenue12mHtCents: number;
  /** revenue12m ÷ orders12m in whole cents, half away from zero; null when no order in 12 months. */
  averageBasketHtCents: number | null;
  /** Mean of the gaps between consecutive orders, in days (n orders → n − 1 gaps); null below 2 orders. */
  averageDaysBetweenOrders: number | null;
  /** Last order + the mean gap rounded to whole days; null below 2 orders. */
  expectedNextOrderOn: IsoDate | null;
  /** today > last order + 1.5 × mean gap (exact, not rounded); false below 2 orders. */
  overdue: boolean;
}

interface ValueRow {
  account_id: string;
  account_name: string;
  account_kind: 'company' | 'individual';
  first_on: string | null;
  last_on: string | null;
  n: number | string;
  lifetime: number | string;
  n12: number | string;
  rev12: number | string;
  basket: number | string | null;
  span_days: number | string | null;
  expected_on: string | null;
  overdue: boolean;
}

/**
 * One query for one account or the top accounts. The mean gap over n orders telescopes to
 * (last − first) ÷ (n − 1); overdue compares in integers: 2·(today − last)·(n − 1) > 3·(last − first),
 * i.e. today − last > 1.5 × mean gap, so no rounding decides it.
 */
function valueQuery(today: IsoDate, filter: { accountId?: string; limit?: number }): SQL {
  const onlyAccount = filter.accountId ? sql`and a.id = ${filter.accountId}` : sql``;
  const onlyWithOrders = filter.accountId ? sql`` : sql`and coalesce(g.n, 0) > 0`;
  const limit = filter.limit ? sql`limit ${filter.limit}` : sql``;
  return sql`
    with counted as (
      select o.account_id, ${parisDateOf('o')} as d, o.total_net_cents as net
      from orders o
      where o.account_id is not null and ${countedOrderCondition('o')}
      ${filter.accountId ? sql`and o.account_id = ${filter.accountId}` : sql``}
    ), g as (
      select account_id,
             min(d) as first_on, max(d) as last_on, count(*) as n, sum(net) as lifetime,
             count(*) filter (where d > (${today}::date - interval '12 months')::date) as n12,
             coalesce(sum(net) filter (where d > (${today}::date - interval '12 months')::date), 0) as rev12
      from counted group by account_id
    )
    select a.id as account_id, a.legal_name as account_name, a.kind::text as account_kind,
           g.first_on::text as first_on, g.last_on::text as last_on,
           coalesce(g.n, 0)::int as n, coalesce(g.lifetime, 0)::bigint as lifetime,
           coalesce(g.n12, 0)::int as n12, coalesce(g.rev12, 0)::bigint as rev12,
           case when g.n12 > 0 then round(g.rev12::numeric / g.n12)::bigint end as basket,
           case when g.n >= 2 then (g.last_on - g.first_on) end as span_days,
           case when g.n >= 2 then (g.last_on + round((g.last_on - g.first_on)::numeric / (g.n - 1))::int)::text end as expected_on,
           coalesce(g.n >= 2 and 2 * (${today}::date - g.last_on) * (g.n - 1) > 3 * (g.last_on - g.first_on), false) as overdue
    from accounts a left join g on g.account_id = a.id
    where true ${onlyAccount} ${onlyWithOrders}
    order by coalesce(g.rev12, 0) desc, coalesce(g.lifetime, 0) desc, a.legal_name, a.id
    ${limit}`;
}

function toValue(r: ValueRow): AccountValue {
  const n = Number(r.n);
  const span = r.span_days === null ? null : Number(r.span_days);
  return {
    accountId: r.account_id,
    accountName: r.account_name,
    accountKind: r.account_kind,
    firstOrderOn: r.first_on,
    lastOrderOn: r.last_on,
    orderCount: n,
    lifetimeRevenueHtCents: Number(r.lifetime),
    orders12m: Number(r.n12),
    revenue12mHtCents: Number(r.rev12),
    averageBasketHtCents: r.basket === null ? null : Number(r.basket),
    averageDaysBetweenOrders: span === null || n < 2 ? null : span / (n - 1),
    expectedNextOrderOn: r.expected_on,
    overdue: r.overdue === true,
  };
}

/** Customer value of one account (company or individual) as of `today` (Paris date). */
export async function getAccountValue(
  db: Executor,
  actor: Actor | null,
  accountId: string,
  today: IsoDate = parisDate(),
): Promise<Result<AccountValue>> {
  const refused = refuseUnless<AccountValue>(actor, 'crm.use');
  if (refused) return refused;
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) return fail('Compte introuvable.');
  const rows = rowsOf<ValueRow>(await db.execute(valueQuery(today, { accountId })));
  const row = rows[0];
  return row ? ok(toValue(row)) : fail('Compte introuvable.');
}

/** The accounts with at least one counted order, best 12-month revenue first (then lifetime, name). */
export async function listAccountValues(
  db: Executor,
  actor: Actor | null,
  opts: { today?: IsoDate; limit?: number } = {},
): Promise<Result<AccountValue[]>> {
  const refused = refuseUnless<AccountValue[]>(actor, 'crm.use');
  if (refused) return refused;
  const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? 10)), 1000);
  const rows = rowsOf<ValueRow>(await db.execute(valueQuery(opts.today ?? parisDate(), { limit })));
  return ok(rows.map(toValue));
}
