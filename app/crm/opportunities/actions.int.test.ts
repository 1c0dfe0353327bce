import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, opportunities, opportunityStakeholders, persons, positions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const Redirect = vi.hoisted(
  () =>
    class Redirect extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

const { addStakeholderAction, createOpportunityAction, removeStakeholderAction, updateOpportunityAction } = await import('./actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('opportunity actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  beforeEach(() => {
    session.actor = null;
  });

  it('creates, updates and manages stakeholders; refuses a customer', async () => {
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `Opp ${unique()}` }).returning({ id: accounts.id });
    const [p] = await db().insert(persons).values({ firstName: 'Léa', lastName: 'Martin' }).returning({ id: persons.id });
    await db().insert(positions).values({ personId: p!.id, accountId: a!.id });
    const [stranger] = await db().insert(persons).values({ firstName: 'Hors', lastName: 'Compte' }).returning({ id: persons.id });
    const base = { accountId: a!.id, title: 'Sièges', amount: '2 500,50', probabilityOverride: '', expectedCloseDate: '2030-06-30', nextStep: '', nextStepDue: '', ownerUserId: '', budgetForecastId: '', projectId: '' };

    session.actor = await actorOf('client@particulier.test');
    expect((await createOpportunityAction(null, form(base)))?.ok).toBe(false);

    session.actor = await actorOf('commercial@comptoir.test');
    const err = await createOpportunityAction(null, form(base)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Redirect);
    const id = /\/crm\/opportunities\/([0-9a-f-]{36})$/.exec((err as InstanceType<typeof Redirect>).url)![1]!;
    const [o] = await db().select().from(opportunities).where(eq(opportunities.id, id));
    expect(o).toMatchObject({ amountHtCents: 250_050, stage: 'qualification', ownerUserId: session.actor.userId });

    const upd = await updateOpportunityAction(null, form({ ...base, opportunityId: id, probabilityOverride: '120' }));
    expect(upd?.fieldErrors?.probabilityOverride).toBeTruthy();
    expect((await updateOpportunityAction(null, form({ ...base, opportunityId: id, probabilityOverride: '40', nextStep: 'Démo' })))?.ok).toBe(true);
    const [o2] = await db().select().from(opportunities).where(eq(opportunities.id, id));
    expect(o2).toMatchObject({ probabilityOverride: 40, nextStep: 'Démo' });

    expect((await addStakeholderAction(null, form({ opportunityId: id, personId: stranger!.id, role: 'Décideur', weight: '50' })))?.ok).toBe(false);
    expect((await addStakeholderAction(null, form({ opportunityId: id, personId: p!.id, role: 'Décideur', weight: '101' })))?.ok).toBe(false);
    expect((await addStakeholderAction(null, form({ opportunityId: id, personId: p!.id, role: 'Décideur', weight: '60' })))?.ok).toBe(true);
    expect(await db().select({ role: opportunityStakeholders.role, weight: opportunityStakeholders.weight }).from(opportunityStakeholders).where(eq(opportunityStakeholders.opportunityId, id))).toEqual([{ role: 'Décideur', weight: 60 }]);
    expect((await removeStakeholderAction(null, form({ opportunityId: id, personId: p!.id })))?.ok).toBe(true);
    expect(await db().select().from(opportunityStakeholders).where(eq(opportunityStakeholders.opportunityId, id))).toEqual([]);
  });
});
