import 'server-only';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { activities, opportunities, opportunityStageHistory, orders, persons, positions, quoteEvents, quoteRequests, quotes, quoteVersions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { expireDueQuotes } from '@/lib/quotes/expiry';
import { ok, type Result } from '@/lib/result';
import { quoteStepOf, showsNote, type QuoteStep } from './quote-steps';

export const TIMELINE_LIMIT = 50;

export type TimelineEntry =
  | { kind: 'activity'; id: string; at: Date; activityKind: 'call' | 'meeting' | 'visit' | 'email' | 'task' | 'note'; subject: string; body: string; personName: string | null; dueOn: string | null; done: boolean }
  | { kind: 'order'; id: string; at: Date; number: string; totalNetCents: number; status: string; placedBy: string | null }
  | { kind: 'stage'; id: string; at: Date; opportunityId: string; title: string; fromStage: string | null; toStage: string }
  | { kind: 'job'; id: string; at: Date; personId: string; personName: string; title: string | null; event: 'started' | 'ended' }
  | QuoteTimelineEntry;

/**
 * One step of a request or quote (quote_events). `number` and `title` are the quote's when the
 * step concerns a quote, else the request's; the page links to the quote, else to the request.
 */
export interface QuoteTimelineEntry {
  kind: 'quote';
  id: string;
  at: Date;
  step: QuoteStep;
  quoteId: string | null;
  requestId: string | null;
  number: string;
  title: string;
  version: number | null;
  /** Validity of the version sent (or expired) at this step. */
  validUntil: string | null;
  /** The order an acceptance created. */
  orderId: string | null;
  orderNumber: string | null;
  /** What the actor typed (comment, change request, reason); null for steps whose note repeats the entry. */
  note: string | null;
  actorName: string | null;
  byStaff: boolean;
}

/** A calendar date as the start of that day (dates of positions have no time). */
function dayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const fullName = sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`;

const eventActorName = sql<string | null>`(select p.first_name || ' ' || p.last_name from users u join persons p on p.id = u.person_id where u.id = ${quoteEvents.actorUserId})`;

/**
 * The account's timeline, newest first: activities, orders (with number, HT amount and status), opportunity stage changes, job
 * changes (positions started and ended), and every step of its requests and quotes (quote_events: states, versions sent with
 * their validity, acceptance with the order, reasons, comments). Each source is read with the limit, then merged. Quotes
 * whose validity is over are expired first (lazily, as every reader of quotes does), so the expiry shows.
 */
export async function getAccountTimeline(db: Database, actor: Actor | null, accountId: string, limit = TIMELINE_LIMIT): Promise<Result<TimelineEntry[]>> {
  const refused = refuseUnless<TimelineEntry[]>(actor, 'crm.use');
  if (refused) return refused;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountId)) return ok([]);
  await db.transaction((tx) => expireDueQuotes(tx, { accountId }));
  const [acts, ords, stages, starts, ends, quoteSteps] = await Promise.all([
    db
      .select({
        id: activities.id,
        at: activities.occurredAt,
        activityKind: activities.kind,
        subject: activities.subject,
        body: activities.body,
        personName: sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`,
        dueOn: activities.dueOn,
        done: activities.done,
      })
      .from(activities)
      .leftJoin(persons, eq(persons.id, activities.personId))
      .where(eq(activities.accountId, accountId))
      .orderBy(desc(activities.occurredAt))
      .limit(limit),
    db
      .select({
        id: orders.id,
        at: sql<Date>`coalesce(${orders.placedAt}, ${orders.createdAt})`.mapWith((v: string | Date) => new Date(v)),
        number: orders.number,
        totalNetCents: orders.totalNetCents,
        status: orders.status,
        placedBy: orders.customerName,
      })
      .from(orders)
      .where(eq(orders.accountId, accountId))
      .orderBy(desc(sql`coalesce(${orders.placedAt}, ${orders.createdAt})`))
      .limit(limit),
    db
      .select({
        id: opportunityStageHistory.id,
        at: opportunityStageHistory.createdAt,
        opportunityId: opportunities.id,
        title: opportunities.title,
        fromStage: opportunityStageHistory.fromStage,
        toStage: opportunityStageHistory.toStage,
      })
      .from(opportunityStageHistory)
      .innerJoin(opportunities, eq(opportunities.id, opportunityStageHistory.opportunityId))
      .where(eq(opportunities.accountId, accountId))
      .orderBy(desc(opportunityStageHistory.createdAt))
      .limit(limit),
    db
      .select({ id: positions.id, date: positions.startedOn, personId: positions.personId, personName: fullName, title: positions.title })
      .from(positions)
      .innerJoin(persons, eq(persons.id, positions.personId))
      .where(and(eq(positions.accountId, accountId), isNotNull(positions.startedOn)))
      .orderBy(desc(positions.startedOn))
      .limit(limit),
    db
      .select({ id: positions.id, date: positions.endedOn, personId: positions.personId, personName: fullName, title: positions.title })
      .from(positions)
      .innerJoin(persons, eq(persons.id, positions.personId))
      .where(and(eq(positions.accountId, accountId), isNotNull(positions.endedOn)))
      .orderBy(desc(positions.endedOn))
      .limit(limit),
    db
      .select({
        id: quoteEvents.id,
        at: quoteEvents.createdAt,
        kind: quoteEvents.kind,
        fromState: quoteEvents.fromState,
        toState: quoteEvents.toState,
        version: quoteEvents.version,
        note: quoteEvents.note,
        byStaff: quoteEvents.byStaff,
        actorName: eventActorName,
        quoteId: quoteEvents.quoteId,
        requestId: quoteEvents.requestId,
        quoteNumber: quotes.number,
        quoteTitle: quotes.title,
        requestNumber: quoteRequests.number,
        requestTitle: quoteRequests.title,
        validUntil: quoteVersions.validUntil,
        orderId: quotes.orderId,
        orderNumber: orders.number,
      })
      .from(quoteEvents)
      .leftJoin(quotes, eq(quotes.id, quoteEvents.quoteId))
      .leftJoin(quoteRequests, eq(quoteRequests.id, quoteEvents.requestId))
      .leftJoin(quoteVersions, and(eq(quoteVersions.quoteId, quoteEvents.quoteId), eq(quoteVersions.version, quoteEvents.version)))
      .leftJoin(orders, eq(orders.id, quotes.orderId))
      .where(eq(quoteEvents.accountId, accountId))
      .orderBy(desc(quoteEvents.createdAt), desc(quoteEvents.id))
      .limit(limit),
  ]);
  const entries: TimelineEntry[] = [
    ...acts.map((a) => ({ kind: 'activity' as const, ...a })),
    ...ords.map((o) => ({ kind: 'order' as const, ...o })),
    ...stages.map((s) => ({ kind: 'stage' as const, ...s, id: String(s.id) })),
    ...starts.map(({ date, ...p }) => ({ kind: 'job' as const, ...p, id: `${p.id}:start`, at: dayStart(date!), event: 'started' as const })),
    ...ends.map(({ date, ...p }) => ({ kind: 'job' as const, ...p, id: `${p.id}:end`, at: dayStart(date!), event: 'ended' as const })),
    ...quoteSteps.flatMap((e): QuoteTimelineEntry[] => {
      const step = quoteStepOf(e);
      if (!step) return [];
      const onQuote = e.quoteId !== null && e.quoteNumber !== null;
      const accepted = step === 'quote_accepted';
      return [
        {
          kind: 'quote',
          id: String(e.id),
          at: e.at,
          step,
          quoteId: e.quoteId,
          requestId: e.requestId,
          number: (onQuote ? e.quoteNumber : e.requestNumber) ?? '',
          title: (onQuote ? e.quoteTitle : e.requestTitle) ?? '',
          version: e.version,
          validUntil: step === 'quote_sent' || step === 'quote_expired' ? e.validUntil : null,
          orderId: accepted ? e.orderId : null,
          orderNumber: accepted ? e.orderNumber : null,
          note: showsNote(step) ? e.note : null,
          actorName: e.actorName,
          byStaff: e.byStaff,
        },
      ];
    }),
  ];
  entries.sort((a, b) => b.at.getTime() - a.at.getTime());
  return ok(entries.slice(0, limit));
}
