import 'server-only';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { activities, opportunities, opportunityStageHistory, orders, persons, positions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';

export const TIMELINE_LIMIT = 50;

export type TimelineEntry =
  | { kind: 'activity'; id: string; at: Date; activityKind: 'call' | 'meeting' | 'visit' | 'email' | 'task' | 'note'; subject: string; body: string; personName: string | null; dueOn: string | null; done: boolean }
  | { kind: 'order'; id: string; at: Date; number: string; totalNetCents: number; status: string; placedBy: string | null }
  | { kind: 'stage'; id: string; at: Date; opportunityId: string; title: string; fromStage: string | null; toStage: string }
  | { kind: 'job'; id: string; at: Date; personId: string; personName: string; title: string | null; event: 'started' | 'ended' };

/** A calendar date as the start of that day (dates of positions have no time). */
function dayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const fullName = sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`;

/**
 * The account's timeline, newest first: activities, orders (with number, HT amount and status), opportunity stage changes, and job
 * changes (positions started and ended). Each source is read with the limit, then merged.
 */
export async function getAccountTimeline(db: Database, actor: Actor | null, accountId: string, limit = TIMELINE_LIMIT): Promise<Result<TimelineEntry[]>> {
  const refused = refuseUnless<TimelineEntry[]>(actor, 'crm.use');
  if (refused) return refused;
  const [acts, ords, stages, starts, ends] = await Promise.all([
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
  ]);
  const entries: TimelineEntry[] = [
    ...acts.map((a) => ({ kind: 'activity' as const, ...a })),
    ...ords.map((o) => ({ kind: 'order' as const, ...o })),
    ...stages.map((s) => ({ kind: 'stage' as const, ...s, id: String(s.id) })),
    ...starts.map(({ date, ...p }) => ({ kind: 'job' as const, ...p, id: `${p.id}:start`, at: dayStart(date!), event: 'started' as const })),
    ...ends.map(({ date, ...p }) => ({ kind: 'job' as const, ...p, id: `${p.id}:end`, at: dayStart(date!), event: 'ended' as const })),
  ];
  entries.sort((a, b) => b.at.getTime() - a.at.getTime());
  return ok(entries.slice(0, limit));
}
