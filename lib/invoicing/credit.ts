import { sql } from 'drizzle-orm';
import type { Tx, Executor } from '@/db/client';
import { rowsOf } from '@/lib/sql-helpers';

/**
 * Orders that count as owed before they are invoiced: placed and after. An order on credit hold is
 * not owed until staff lift it (otherwise one held order would hold every later one).
 */
const OWED_STATUSES = sql`('placed', 'confirmed', 'shipped', 'delivered')`;

/**
 * What a company owes us (spec/b2b.md, "B2B payment"): the unpaid part of its invoices (gross −
 * credit notes − payments) plus its placed orders not yet invoiced, TTC.
 */
export async function outstandingOf(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .execute(
      sql`select
            coalesce((select sum(greatest(i.total_gross_cents
                - coalesce((select sum(c.total_gross_cents) from credit_notes c where c.invoice_id = i.id), 0)
                - coalesce((select sum(p.amount_cents) from invoice_payments p where p.invoice_id = i.id), 0), 0))
              from invoices i where i.account_id = ${accountId}), 0)
          + coalesce((select sum(o.total_gross_cents) from orders o
              where o.account_id = ${accountId} and o.status in ${OWED_STATUSES}
                and not exists (select 1 from invoices i where i.order_id = o.id)), 0) as owed`,
    )
    .then(rowsOf<{ owed: string | number }>);
  return Number(row?.owed ?? 0);
}

/**
 * Whether a new order of `grossCents` would take the company beyond its credit limit. The caller
 * holds the company's row lock (so two orders cannot both fit under the limit in parallel).
 */
export async function exceedsCreditLimit(tx: Tx, accountId: string, grossCents: number): Promise<{ exceeds: boolean; limitCents: number | null; outstandingCents: number }> {
  const [acc] = await tx.execute(sql`select credit_limit_cents from accounts where id = ${accountId} for no key update`).then(rowsOf<{ credit_limit_cents: string | number | null }>);
  const limit = acc?.credit_limit_cents == null ? null : Number(acc.credit_limit_cents);
  if (limit === null) return { exceeds: false, limitCents: null, outstandingCents: 0 };
  const owed = await outstandingOf(tx, accountId);
  return { exceeds: owed + grossCents > limit, limitCents: limit, outstandingCents: owed };
}

export { CREDIT_HOLD_MESSAGE } from './messages';
