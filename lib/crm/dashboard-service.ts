import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { parisDate, type IsoDate } from '@/lib/purchasing/periods';
import { ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { type AccountValue, countedOrderCondition, listAccountValues, parisDateOf } from './value-service';

export interface MonthRevenue {
  /** 'YYYY-MM' (Europe/Paris calendar month). */
  month: string;
  b2bHtCents: number;
  b2cHtCents: number;
}

/**
 * Revenue HT per Paris calendar month for the 12 months ending with today's month, per channel.
 * Counts the same orders as customer value, guest B2C orders included (they are revenue, even if
 * they belong to no account). Months without orders come out as 0 from the generated series.
 */
export async function getMonthlyRevenue(db: Executor, actor: Actor | null, today: IsoDate = parisDate()): Promise<Result<MonthRevenue[]>> {
  const refused = refuseUnless<MonthRevenue[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = rowsOf<{ month: string; b2b: string | number; b2c: string | number }>(
    await db.execute(sql`
      with months as (
        select generate_series(
          date_trunc('month', ${today}::date) - interval '11 months',
          date_trunc('month', ${today}::date),
          interval '1 month'
        )::date as m
      ), per_month as (
        select date_trunc('month', ${parisDateOf('o')})::date as m, o.channel::text as channel, sum(o.total_net_cents) as net
        from orders o
        where ${countedOrderCondition('o')}
          and ${parisDateOf('o')} >= (date_trunc('month', ${today}::date) - interval '11 months')::date
          and ${parisDateOf('o')} < (date_trunc('month', ${today}::date) + interval '1 month')::date
        group by 1, 2
      )
      select to_char(months.m, 'YYYY-MM') as month,
             coalesce(sum(p.net) filter (where p.channel = 'b2b'), 0)::bigint as b2b,
             coalesce(sum(p.net) filter (where p.channel = 'b2c'), 0)::bigint as b2c
      from months left join per_month p on p.m = months.m
      group by months.m
      order by months.m`),
  );
  return ok(rows.map((r) => ({ month: r.month, b2bHtCents: Number(r.b2b), b2cHtCents: Number(r.b2c) })));
}

/** The 10 best accounts by 12-month revenue (see value-service for every figure). */
export function getTopAccounts(db: Executor, actor: Actor | null, opts: { today?: IsoDate } = {}): Promise<Result<AccountValue[]>> {
  return listAccountValues(db, actor, { today: opts.today, limit: 10 });
}
