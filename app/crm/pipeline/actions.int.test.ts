import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, activities, opportunities, opportunityStageHistory, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { markActivityDoneAction, moveOpportunityAction } = await import('./actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('pipeline actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  async function opp(): Promise<string> {
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `Act ${unique()}` }).returning({ id: accounts.id });
    const [o] = await db().insert(opportunities).values({ accountId: a!.id, title: 'Carte', amountHtCents: 1000 }).returning({ id: opportunities.id });
    return o!.id;
  }
  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
  ])('refuses a move by %s', async (_l, email) => {
    const id = await opp();
    session.actor = email ? await actorOf(email) : null;
    const r = await moveOpportunityAction(null, form({ opportunityId: id, stage: 'negotiation', reason: '' }));
    expect(r?.ok).toBe(false);
    const [o] = await db().select({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.id, id));
    expect(o!.stage).toBe('qualification');
  });

  it('moves twice (two history rows) and refuses lost without a reason', async () => {
    const id = await opp();
    session.actor = await actorOf('commercial@comptoir.test');
    expect((await moveOpportunityAction(null, form({ opportunityId: id, stage: 'negotiation', reason: '' })))?.ok).toBe(true);
    const lost = await moveOpportunityAction(null, form({ opportunityId: id, stage: 'lost', reason: ' ' }));
    expect(lost?.ok).toBe(false);
    expect(lost?.fieldErrors?.reason).toBeTruthy();
    expect((await moveOpportunityAction(null, form({ opportunityId: id, stage: 'lost', reason: 'Concurrent moins cher' })))?.ok).toBe(true);
    const rows = await db()
      .select({ from: opportunityStageHistory.fromStage, to: opportunityStageHistory.toStage, who: opportunityStageHistory.actorUserId })
      .from(opportunityStageHistory)
      .where(eq(opportunityStageHistory.opportunityId, id))
      .orderBy(asc(opportunityStageHistory.id));
    expect(rows).toEqual([
      { from: 'qualification', to: 'negotiation', who: session.actor!.userId },
      { from: 'negotiation', to: 'lost', who: session.actor!.userId },
    ]);
  });

  it('marks an activity done from the to-do view', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `Act ${unique()}` }).returning({ id: accounts.id });
    const [t] = await db().insert(activities).values({ accountId: a!.id, kind: 'task', subject: 'Appeler', dueOn: '2030-01-01' }).returning({ id: activities.id });
    expect((await markActivityDoneAction(null, form({ activityId: t!.id })))?.ok).toBe(true);
    const [row] = await db().select({ done: activities.done }).from(activities).where(eq(activities.id, t!.id));
    expect(row!.done).toBe(true);
  });
});
