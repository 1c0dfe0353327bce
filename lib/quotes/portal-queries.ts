import 'server-only';
import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { quoteRequests, quotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canPurchase, isPortalActor, NOT_FOUND, type PortalActor, portalRefusal } from '@/lib/purchasing/access';
import { fail, ok, type Result } from '@/lib/result';
import { expireDueQuotes } from './expiry';
import { listQuoteRows, listRequestRows, loadQuoteDetail, loadRequestDetail } from './read-model';
import type { Paged, QuoteDetail, QuoteListRow, RequestDetail, RequestListRow } from './views';

/**
 * The portal's reads. Every query is scoped to the actor's company (never an id from the client);
 * the client sees quotes once sent, never the draft nor our internal notes. Requesters see their
 * own requests, purchasers and company admins the whole company's.
 */

function portal(actor: Actor | null): PortalActor | string {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return refusal ?? NOT_FOUND;
  return actor;
}

function requestScope(actor: PortalActor): SQL {
  return and(eq(quoteRequests.accountId, actor.accountId), canPurchase(actor) ? undefined : eq(quoteRequests.requestedByUserId, actor.userId))!;
}

export async function listCompanyQuotes(db: Database, actor: Actor | null, opts: { page: number }): Promise<Result<Paged<QuoteListRow>>> {
  const a = portal(actor);
  if (typeof a === 'string') return fail(a);
  await db.transaction((tx) => expireDueQuotes(tx, { accountId: a.accountId }));
  return ok(await listQuoteRows(db, and(eq(quotes.accountId, a.accountId), isNotNull(quotes.latestSentVersion)), opts.page));
}

export interface CompanyQuote {
  quote: QuoteDetail;
  /** Purchasers and company admins decide; requesters read and comment. */
  canDecide: boolean;
}

export async function getCompanyQuote(db: Database, actor: Actor | null, quoteId: string): Promise<Result<CompanyQuote>> {
  const a = portal(actor);
  if (typeof a === 'string') return fail(a);
  if (!/^[0-9a-f-]{36}$/i.test(quoteId)) return fail(NOT_FOUND);
  await db.transaction((tx) => expireDueQuotes(tx, { quoteId, accountId: a.accountId }));
  const quote = await loadQuoteDetail(db, and(eq(quotes.id, quoteId), eq(quotes.accountId, a.accountId), isNotNull(quotes.latestSentVersion))!, false);
  if (!quote) return fail(NOT_FOUND);
  return ok({ quote, canDecide: canPurchase(a) && quote.status === 'sent' });
}

export async function listCompanyRequests(db: Database, actor: Actor | null, opts: { page: number }): Promise<Result<Paged<RequestListRow>>> {
  const a = portal(actor);
  if (typeof a === 'string') return fail(a);
  return ok(await listRequestRows(db, requestScope(a), opts.page));
}

export interface CompanyRequest {
  request: RequestDetail;
  canCancel: boolean;
}

export async function getCompanyRequest(db: Database, actor: Actor | null, requestId: string): Promise<Result<CompanyRequest>> {
  const a = portal(actor);
  if (typeof a === 'string') return fail(a);
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return fail(NOT_FOUND);
  await db.transaction((tx) => expireDueQuotes(tx, { requestId, accountId: a.accountId }));
  const request = await loadRequestDetail(db, and(eq(quoteRequests.id, requestId), requestScope(a))!, true);
  if (!request) return fail(NOT_FOUND);
  const live = request.quotes.some((q) => q.status === 'sent' || q.status === 'changes_requested');
  return ok({ request, canCancel: (request.status === 'submitted' || request.status === 'in_progress') && !live });
}
