import 'server-only';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, addresses, quoteRequests, quotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { NOT_FOUND } from '@/lib/purchasing/access';
import { fail, ok, type Result } from '@/lib/result';
import { escapeLike } from '@/lib/sql-helpers';
import { expireDueQuotes } from './expiry';
import { listQuoteRows, listRequestRows, loadQuoteDetail, loadRequestDetail } from './read-model';
import { QUOTE_STATES, REQUEST_STATES, type QuoteState, type RequestState } from './rules';
import type { Paged, QuoteDetail, QuoteListRow, RequestDetail, RequestListRow } from './views';

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

export async function listQuotesForStaff(
  db: Database,
  actor: Actor | null,
  opts: { page: number; status?: string; q?: string },
): Promise<Result<Paged<QuoteListRow>>> {
  const refused = refuseUnless<Paged<QuoteListRow>>(actor, 'orders.manage');
  if (refused) return refused;
  await db.transaction((tx) => expireDueQuotes(tx));
  const status = (QUOTE_STATES as readonly string[]).includes(opts.status ?? '') ? (opts.status as QuoteState) : undefined;
  const text = opts.q?.trim().slice(0, 100);
  const where: SQL | undefined = and(
    status ? eq(quotes.status, status) : undefined,
    text ? or(ilike(quotes.number, `%${escapeLike(text)}%`), ilike(quotes.title, `%${escapeLike(text)}%`), ilike(accounts.legalName, `%${escapeLike(text)}%`)) : undefined,
  );
  return ok(await listQuoteRows(db, where, opts.page));
}

export interface StaffQuote {
  quote: QuoteDetail;
  internalNotes: string;
  addresses: { id: string; label: string }[];
}

export async function getQuoteForStaff(db: Database, actor: Actor | null, quoteId: string): Promise<Result<StaffQuote>> {
  const refused = refuseUnless<StaffQuote>(actor, 'orders.manage');
  if (refused) return refused;
  if (!isUuid(quoteId)) return fail(NOT_FOUND);
  await db.transaction((tx) => expireDueQuotes(tx, { quoteId }));
  const quote = await loadQuoteDetail(db, eq(quotes.id, quoteId), true);
  if (!quote) return fail(NOT_FOUND);
  const [[notes], addressRows] = await Promise.all([
    db.select({ internalNotes: quotes.internalNotes }).from(quotes).where(eq(quotes.id, quoteId)),
    db
      .select({ id: addresses.id, label: addresses.label, line1: addresses.line1, postalCode: addresses.postalCode, city: addresses.city, country: addresses.country })
      .from(addresses)
      .where(and(eq(addresses.accountId, quote.accountId), eq(addresses.kind, 'delivery')))
      .orderBy(asc(addresses.label)),
  ]);
  return ok({
    quote,
    internalNotes: notes?.internalNotes ?? '',
    addresses: addressRows.map((a) => ({ id: a.id, label: `${a.label ? `${a.label} — ` : ''}${a.line1}, ${a.postalCode} ${a.city} (${a.country})` })),
  });
}

export async function listRequestsForStaff(db: Database, actor: Actor | null, opts: { page: number; status?: string }): Promise<Result<Paged<RequestListRow>>> {
  const refused = refuseUnless<Paged<RequestListRow>>(actor, 'orders.manage');
  if (refused) return refused;
  const status = (REQUEST_STATES as readonly string[]).includes(opts.status ?? '') ? (opts.status as RequestState) : undefined;
  return ok(await listRequestRows(db, status ? eq(quoteRequests.status, status) : undefined, opts.page));
}

export async function getRequestForStaff(db: Database, actor: Actor | null, requestId: string): Promise<Result<RequestDetail>> {
  const refused = refuseUnless<RequestDetail>(actor, 'orders.manage');
  if (refused) return refused;
  if (!isUuid(requestId)) return fail(NOT_FOUND);
  await db.transaction((tx) => expireDueQuotes(tx, { requestId }));
  const request = await loadRequestDetail(db, eq(quoteRequests.id, requestId), false);
  return request ? ok(request) : fail(NOT_FOUND);
}

/** Client companies a scratch quote can be addressed to. */
export async function listQuotableCompanies(db: Database, actor: Actor | null): Promise<Result<{ id: string; name: string }[]>> {
  const refused = refuseUnless<{ id: string; name: string }[]>(actor, 'orders.manage');
  if (refused) return refused;
  return ok(await db.select({ id: accounts.id, name: accounts.legalName }).from(accounts).where(eq(accounts.kind, 'company')).orderBy(asc(accounts.legalName)).limit(500));
}
