import type { Executor } from '@/db/client';
import { quoteEvents } from '@/db/schema';

export interface QuoteEventInput {
  accountId: string;
  requestId?: string | null;
  quoteId?: string | null;
  kind: 'request_status' | 'quote_status' | 'comment';
  fromState?: string | null;
  toState?: string | null;
  version?: number | null;
  actorUserId: string | null;
  byStaff: boolean;
  note?: string | null;
}

/** Appends one step to a request's or quote's history, in the transaction of the change. */
export async function recordQuoteEvent(db: Executor, e: QuoteEventInput): Promise<void> {
  await db.insert(quoteEvents).values({
    accountId: e.accountId,
    requestId: e.requestId ?? null,
    quoteId: e.quoteId ?? null,
    kind: e.kind,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    version: e.version ?? null,
    actorUserId: e.actorUserId,
    byStaff: e.byStaff,
    note: e.note ?? null,
  });
}
