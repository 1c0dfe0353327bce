import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from '@/lib/sql-helpers';
import { recordQuoteEvent } from './events';

/**
 * Expires the sent quotes whose validity day (Europe/Paris) is over — lazily, by whoever reads or
 * acts on them, in that caller's transaction, so it holds with several app instances and no
 * scheduler. "Valid until D" is over when Paris's date is after D (lib/quotes/rules `isQuoteExpired`
 * says the same instant). The conditional UPDATE makes concurrent expirers write one history row.
 */
export async function expireDueQuotes(db: Executor, scope: { accountId?: string; quoteId?: string; requestId?: string } = {}): Promise<number> {
  const rows = await db
    .execute(
      sql`update quotes set status = 'expired', updated_at = now()
          where status = 'sent' and valid_until < (now() at time zone 'Europe/Paris')::date
          ${scope.accountId ? sql`and account_id = ${scope.accountId}` : sql``}
          ${scope.quoteId ? sql`and id = ${scope.quoteId}` : sql``}
          ${scope.requestId ? sql`and request_id = ${scope.requestId}` : sql``}
          returning id, account_id, latest_sent_version, valid_until::text as valid_until`,
    )
    .then(rowsOf<{ id: string; account_id: string; latest_sent_version: number; valid_until: string }>);
  for (const r of rows) {
    await recordQuoteEvent(db, {
      accountId: r.account_id,
      quoteId: r.id,
      kind: 'quote_status',
      fromState: 'sent',
      toState: 'expired',
      version: r.latest_sent_version,
      actorUserId: null,
      byStaff: false,
      note: `Validité dépassée (valable jusqu’au ${r.valid_until.split('-').reverse().join('/')})`,
    });
  }
  return rows.length;
}
