import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, orders, persons, products, quoteEvents, quoteLines, quoteRequestLines, quoteRequests, quotes, quoteVersions } from '@/db/schema';
import { paginate } from '@/lib/sql-helpers';
import { QUOTES_PAGE_SIZE } from './schemas';
import type { Paged, QuoteDetail, QuoteEventView, QuoteListRow, QuoteVersionView, RequestDetail, RequestListRow } from './views';

/** Shared read queries of quotes and requests; callers (portal, back office) decide the scope. */

const actorName = sql<string | null>`(select p.first_name || ' ' || p.last_name from users u join persons p on p.id = u.person_id where u.id = ${quoteEvents.actorUserId})`;

export async function eventsOf(db: Executor, where: SQL): Promise<QuoteEventView[]> {
  return db
    .select({
      id: quoteEvents.id,
      kind: quoteEvents.kind,
      fromState: quoteEvents.fromState,
      toState: quoteEvents.toState,
      version: quoteEvents.version,
      actorName,
      byStaff: quoteEvents.byStaff,
      note: quoteEvents.note,
      at: quoteEvents.createdAt,
    })
    .from(quoteEvents)
    .where(where)
    .orderBy(asc(quoteEvents.createdAt), asc(quoteEvents.id));
}

export async function listQuoteRows(db: Executor, where: SQL | undefined, requestedPage: number): Promise<Paged<QuoteListRow>> {
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(quotes).innerJoin(accounts, eq(accounts.id, quotes.accountId)).where(where);
  const { page, pageCount, offset } = paginate(total, QUOTES_PAGE_SIZE, requestedPage);
  // The amount shown is the latest sent version's, else the draft's (staff lists only).
  const shown = sql<number>`coalesce(
      (select v.total_net_cents from quote_versions v where v.quote_id = ${quotes.id} and v.version = ${quotes.latestSentVersion}),
      (select v.total_net_cents from quote_versions v where v.quote_id = ${quotes.id} and v.sent_at is null), 0)`.mapWith(Number);
  const rows = await db
    .select({
      id: quotes.id,
      number: quotes.number,
      title: quotes.title,
      accountId: quotes.accountId,
      accountName: accounts.legalName,
      status: quotes.status,
      latestSentVersion: quotes.latestSentVersion,
      validUntil: quotes.validUntil,
      totalNetCents: shown,
      updatedAt: quotes.updatedAt,
    })
    .from(quotes)
    .innerJoin(accounts, eq(accounts.id, quotes.accountId))
    .where(where)
    .orderBy(desc(quotes.updatedAt), desc(quotes.id))
    .limit(QUOTES_PAGE_SIZE)
    .offset(offset);
  return { rows, page, pageCount, total };
}

/** A quote with its versions (sent ones, plus the draft when `withDraft`) and its history. */
export async function loadQuoteDetail(db: Executor, where: SQL, withDraft: boolean): Promise<QuoteDetail | null> {
  const [q] = await db
    .select({
      id: quotes.id,
      number: quotes.number,
      title: quotes.title,
      accountId: quotes.accountId,
      accountName: accounts.legalName,
      status: quotes.status,
      latestSentVersion: quotes.latestSentVersion,
      validUntil: quotes.validUntil,
      requestId: quotes.requestId,
      requestNumber: quoteRequests.number,
      opportunityId: quotes.opportunityId,
      orderId: quotes.orderId,
      orderNumber: orders.number,
      decisionReason: quotes.decisionReason,
    })
    .from(quotes)
    .innerJoin(accounts, eq(accounts.id, quotes.accountId))
    .leftJoin(quoteRequests, eq(quoteRequests.id, quotes.requestId))
    .leftJoin(orders, eq(orders.id, quotes.orderId))
    .where(where);
  if (!q) return null;
  const versionRows = await db
    .select()
    .from(quoteVersions)
    .where(and(eq(quoteVersions.quoteId, q.id), withDraft ? undefined : isNotNull(quoteVersions.sentAt)))
    .orderBy(desc(quoteVersions.version));
  const lineRows = versionRows.length
    ? await db.select().from(quoteLines).where(inArray(quoteLines.versionId, versionRows.map((v) => v.id))).orderBy(asc(quoteLines.position))
    : [];
  const versions: QuoteVersionView[] = versionRows.map((v) => ({
    id: v.id,
    version: v.version,
    sent: v.sentAt !== null,
    sentAt: v.sentAt,
    validUntil: v.validUntil,
    deliveryTerms: v.deliveryTerms,
    paymentTerms: v.paymentTerms,
    clientNote: v.clientNote,
    deliveryAddress: v.deliveryAddress ?? null,
    treatment: v.treatment,
    shippingHtCents: v.shippingHtCents,
    adjustments: v.adjustments,
    totalNetCents: v.totalNetCents,
    totalVatCents: v.totalVatCents,
    totalGrossCents: v.totalGrossCents,
    vatBreakdown: v.vatBreakdown,
    mentions: v.mentions,
    buyer: v.buyer ?? null,
    lines: lineRows
      .filter((l) => l.versionId === v.id)
      .map((l) => ({
        position: l.position,
        productId: l.productId,
        sku: l.sku,
        description: l.description,
        quantity: l.quantity,
        unitPriceHtCents: l.unitPriceHtCents,
        discountBp: l.discountBp,
        vatRateBp: l.vatRateBp,
        vatCategory: l.vatCategory,
        lineTotalCents: l.lineTotalCents,
        netCents: l.netCents,
      })),
  }));
  const events = await eventsOf(db, eq(quoteEvents.quoteId, q.id));
  return { ...q, versions, events };
}

const requesterName = sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`;

export async function listRequestRows(db: Executor, where: SQL | undefined, requestedPage: number): Promise<Paged<RequestListRow>> {
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(quoteRequests).where(where);
  const { page, pageCount, offset } = paginate(total, QUOTES_PAGE_SIZE, requestedPage);
  const rows = await db
    .select({
      id: quoteRequests.id,
      number: quoteRequests.number,
      title: quoteRequests.title,
      accountName: accounts.legalName,
      requestedBy: requesterName,
      status: quoteRequests.status,
      desiredDate: quoteRequests.desiredDate,
      budgetHintHtCents: quoteRequests.budgetHintHtCents,
      createdAt: quoteRequests.createdAt,
    })
    .from(quoteRequests)
    .innerJoin(accounts, eq(accounts.id, quoteRequests.accountId))
    .leftJoin(persons, eq(persons.id, quoteRequests.requestedByPersonId))
    .where(where)
    .orderBy(desc(quoteRequests.createdAt), desc(quoteRequests.id))
    .limit(QUOTES_PAGE_SIZE)
    .offset(offset);
  return { rows, page, pageCount, total };
}

/** A request with its lines, its quotes (all for staff; only those sent for the client) and history. */
export async function loadRequestDetail(db: Executor, where: SQL, sentQuotesOnly: boolean): Promise<RequestDetail | null> {
  const [r] = await db
    .select({
      id: quoteRequests.id,
      number: quoteRequests.number,
      title: quoteRequests.title,
      accountId: quoteRequests.accountId,
      accountName: accounts.legalName,
      requestedBy: requesterName,
      requestedByUserId: quoteRequests.requestedByUserId,
      status: quoteRequests.status,
      desiredDate: quoteRequests.desiredDate,
      budgetHintHtCents: quoteRequests.budgetHintHtCents,
      createdAt: quoteRequests.createdAt,
      description: quoteRequests.description,
      declineReason: quoteRequests.declineReason,
      opportunityId: quoteRequests.opportunityId,
    })
    .from(quoteRequests)
    .innerJoin(accounts, eq(accounts.id, quoteRequests.accountId))
    .leftJoin(persons, eq(persons.id, quoteRequests.requestedByPersonId))
    .where(where);
  if (!r) return null;
  const [lines, linked, events] = await Promise.all([
    db
      .select({ position: quoteRequestLines.position, productId: quoteRequestLines.productId, sku: products.sku, description: quoteRequestLines.description, quantity: quoteRequestLines.quantity })
      .from(quoteRequestLines)
      .leftJoin(products, eq(products.id, quoteRequestLines.productId))
      .where(eq(quoteRequestLines.requestId, r.id))
      .orderBy(asc(quoteRequestLines.position)),
    db
      .select({ id: quotes.id, number: quotes.number, status: quotes.status, latestSentVersion: quotes.latestSentVersion })
      .from(quotes)
      .where(and(eq(quotes.requestId, r.id), sentQuotesOnly ? isNotNull(quotes.latestSentVersion) : undefined))
      .orderBy(asc(quotes.createdAt)),
    eventsOf(db, eq(quoteEvents.requestId, r.id)),
  ]);
  const { requestedByUserId: _omit, ...rest } = r;
  void _omit;
  return { ...rest, lines, quotes: linked, events };
}

