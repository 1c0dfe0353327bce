import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { quotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { roleCan } from '@/lib/auth/roles';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { isPortalActor, portalRefusal } from '@/lib/purchasing/access';
import { fail, type Result } from '@/lib/result';
import { recordQuoteEvent } from './events';
import { parseInput, Refusal, refusalAsResult } from '@/lib/service-outcome';
import { commentSchema } from './schemas';

const e = frQuotes.errors;

/**
 * A comment on a quote, visible to both sides: any user of the client company (requesters too) on
 * a quote it has received, or our staff on any quote.
 */
export async function commentOnQuote(db: Database, actor: Actor | null, raw: { quoteId: string; comment: string }): Promise<Result<null>> {
  const staff = actor !== null && roleCan(actor.role, 'orders.manage');
  if (!staff) {
    const refusal = portalRefusal(actor);
    if (refusal || !isPortalActor(actor)) return fail(refusal ?? e.notFound);
  }
  const parsed = parseInput(commentSchema, raw);
  if (!parsed.ok) return parsed.result;
  return refusalAsResult(() =>
    db.transaction(async (tx) => {
      const [q] = await tx
        .select({ id: quotes.id, accountId: quotes.accountId, version: quotes.latestSentVersion })
        .from(quotes)
        .where(staff ? eq(quotes.id, parsed.value.quoteId) : and(eq(quotes.id, parsed.value.quoteId), eq(quotes.accountId, actor!.accountId!), sql`${quotes.latestSentVersion} is not null`));
      if (!q) throw new Refusal(e.notFound);
      await recordQuoteEvent(tx, { accountId: q.accountId, quoteId: q.id, kind: 'comment', version: q.version, actorUserId: actor!.userId, byStaff: staff, note: parsed.value.comment });
      return null;
    }),
  );
}
