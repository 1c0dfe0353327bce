import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, opportunities, opportunityStageHistory, quotes, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { parisDate } from '@/lib/purchasing/periods';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import { acceptQuote } from '@/lib/quotes/decision-service';
import { submitQuoteRequest } from '@/lib/quotes/request-service';
import { backends, unique, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { weightedCents } from './pipeline-rules';
import { createOpportunity, getBoard, getOpportunity, moveOpportunity } from './pipeline-service';

describe.each(backends())('pipeline service on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let admin: Actor;
  let sales: Actor;
  let accountId: string;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  beforeAll(async () => {
    admin = await actorOf('admin@comptoir.test');
    sales = await actorOf('commercial@comptoir.test');
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `Pipeline ${unique()}`, ownerUserId: sales.userId }).returning({ id: accounts.id });
    accountId = a!.id;
  });

  async function newOpp(amount = '1 000,00'): Promise<string> {
    const r = await createOpportunity(db(), sales, { accountId, title: `Opp ${unique()}`, amount, probabilityOverride: null, expectedCloseDate: null, nextStep: null, nextStepDue: null, ownerUserId: null, budgetForecastId: null, projectId: null });
    expect(r.ok).toBe(true);
    return r.ok ? r.value.opportunityId : '';
  }

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a company admin', 'admin@atelier-lumiere.test'],
  ])('refuses %s and changes nothing', async (_l, email) => {
    const id = await newOpp();
    const who = email ? await actorOf(email) : null;
    const [before] = await db().select({ n: count() }).from(opportunityStageHistory);
    expect((await moveOpportunity(db(), who, { opportunityId: id, stage: 'proposal', reason: null })).ok).toBe(false);
    expect((await getBoard(db(), who, {})).ok).toBe(false);
    expect((await getOpportunity(db(), who, id)).ok).toBe(false);
    expect((await createOpportunity(db(), who, { accountId, title: 'x', amount: '1', probabilityOverride: null, expectedCloseDate: null, nextStep: null, nextStepDue: null, ownerUserId: null, budgetForecastId: null, projectId: null })).ok).toBe(false);
    const [after] = await db().select({ n: count() }).from(opportunityStageHistory);
    expect(after!.n).toBe(before!.n);
    const [o] = await db().select({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.id, id));
    expect(o!.stage).toBe('qualification');
  });

  it('records each stage change with from, to and the actor, and audits it', async () => {
    const id = await newOpp();
    expect(await moveOpportunity(db(), sales, { opportunityId: id, stage: 'proposal', reason: null })).toEqual({ ok: true, value: { from: 'qualification', to: 'proposal' } });
    expect((await moveOpportunity(db(), admin, { opportunityId: id, stage: 'won', reason: 'Meilleur prix' })).ok).toBe(true);
    const rows = await db()
      .select({ from: opportunityStageHistory.fromStage, to: opportunityStageHistory.toStage, who: opportunityStageHistory.actorUserId })
      .from(opportunityStageHistory)
      .where(eq(opportunityStageHistory.opportunityId, id))
      .orderBy(asc(opportunityStageHistory.id));
    expect(rows).toEqual([
      { from: null, to: 'qualification', who: sales.userId },
      { from: 'qualification', to: 'proposal', who: sales.userId },
      { from: 'proposal', to: 'won', who: admin.userId },
    ]);
    const [o] = await db().select().from(opportunities).where(eq(opportunities.id, id));
    expect(o!.closedAt).not.toBeNull();
    expect(o!.closeReason).toBe('Meilleur prix');
    const [a] = await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'opportunity.stage')));
    expect(a!.n).toBe(2);
    const detail = await getOpportunity(db(), sales, id);
    expect(detail.ok && detail.value.history.map((h) => h.toStage)).toEqual(['won', 'proposal', 'qualification']);
    // Reopening clears the closing.
    expect((await moveOpportunity(db(), sales, { opportunityId: id, stage: 'negotiation', reason: null })).ok).toBe(true);
    const [r] = await db().select().from(opportunities).where(eq(opportunities.id, id));
    expect(r!.closedAt).toBeNull();
    expect(r!.closeReason).toBeNull();
  });

  it('refuses lost without a reason, and won → lost', async () => {
    const id = await newOpp();
    const r = await moveOpportunity(db(), sales, { opportunityId: id, stage: 'lost', reason: null });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors?.reason).toBeTruthy();
    const [o] = await db().select({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.id, id));
    expect(o!.stage).toBe('qualification');
    expect((await moveOpportunity(db(), sales, { opportunityId: id, stage: 'lost', reason: 'Budget supprimé' })).ok).toBe(true);
    expect((await moveOpportunity(db(), sales, { opportunityId: id, stage: 'won', reason: 'x' })).ok).toBe(false);
  });

  it('totals and weighted totals per column match hand-computed values', async () => {
    // A fresh owner so the board holds exactly these opportunities.
    const month = '2031-05';
    const mk = async (amountHtCents: number, stage: 'qualification' | 'proposal' | 'negotiation', probabilityOverride: number | null = null) =>
      db().insert(opportunities).values({ accountId, title: unique('b'), amountHtCents, stage, probabilityOverride, expectedCloseDate: '2031-05-10', ownerUserId: admin.userId });
    await mk(100_000, 'qualification'); // 10 % → 10 000
    await mk(333, 'qualification'); // 10 % → 33,3 → 33
    await mk(12_345, 'proposal'); // 50 % → 6 172,5 → 6 173
    await mk(99_999, 'negotiation'); // 75 % → 74 999,25 → 74 999
    await mk(20_000, 'negotiation', 40); // 40 % → 8 000
    const board = await getBoard(db(), sales, { owner: admin.userId, month });
    expect(board.ok).toBe(true);
    if (!board.ok) return;
    const byStage = Object.fromEntries(board.value.columns.map((c) => [c.stage, { count: c.count, total: c.totalCents, weighted: c.weightedCents }]));
    expect(byStage).toEqual({
      qualification: { count: 2, total: 100_333, weighted: 10_033 },
      needs_analysis: { count: 0, total: 0, weighted: 0 },
      proposal: { count: 1, total: 12_345, weighted: 6_173 },
      negotiation: { count: 2, total: 119_999, weighted: 82_999 },
      won: { count: 0, total: 0, weighted: 0 },
      lost: { count: 0, total: 0, weighted: 0 },
    });
    expect(weightedCents(12_345, 50)).toBe(6_173);
    // Another month: nothing.
    const other = await getBoard(db(), sales, { owner: admin.userId, month: '2031-06' });
    expect(other.ok && other.value.columns.every((c) => c.count === 0)).toBe(true);
    // A sales rep sees their own by default.
    const mine = await getBoard(db(), sales, { month });
    expect(mine.ok && mine.value.owner).toBe(sales.userId);
    expect(mine.ok && mine.value.columns.every((c) => c.count === 0)).toBe(true);
  });

  it('creates with parseMoney and refuses a forecast of another account', async () => {
    const bad = await createOpportunity(db(), sales, { accountId, title: 'Écrans', amount: '12,345', probabilityOverride: null, expectedCloseDate: null, nextStep: null, nextStepDue: null, ownerUserId: null, budgetForecastId: null, projectId: null });
    expect(!bad.ok && bad.fieldErrors?.amount).toBeTruthy();
    const id = await newOpp('1 234,56 €');
    const [o] = await db().select().from(opportunities).where(eq(opportunities.id, id));
    expect(o!.amountHtCents).toBe(123_456);
    expect(o!.ownerUserId).toBe(sales.userId);
  });

  it('lists the request, its quotes (latest sent version, HT amount, validity) and the resulting order', async () => {
    const inDays = (n: number) => {
      const d = new Date(`${parisDate()}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    const must = <T,>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const line = (price: string) => ({ description: 'Pose', quantity: '2', unitPrice: price, discount: '', vatRateBp: 2000 });
    const draft = (quoteId: string, baseVersion: number, price: string, days: number) =>
      saveQuoteDraft(db(), sales, { quoteId, baseVersion, title: 'Pose', lines: [line(price)], validUntil: inDays(days), deliveryTerms: '', paymentTerms: '30 jours', clientNote: '', internalNotes: '' });
    const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    const requester = await co.person('requester');
    const purchaser = await co.person('purchaser');
    const req = must(await submitQuoteRequest(db(), requester, { title: 'Rénovation', description: 'Le besoin', lines: [] }));
    const [{ opportunityId } = { opportunityId: '' }] = await db().select({ opportunityId: opportunities.id }).from(opportunities).where(eq(opportunities.accountId, co.accountId));

    const fresh = must(await getOpportunity(db(), sales, opportunityId));
    expect(fresh).toMatchObject({ stage: 'qualification', requests: [{ id: req.requestId, number: req.number, title: 'Rénovation', status: 'submitted' }], quotes: [], order: null });

    // Quote A: v1 sent, then v2 sent (the amount and validity are v2's).
    const a = must(await createQuote(db(), sales, { requestId: req.requestId }));
    must(await draft(a.quoteId, 1, '100,00', 30));
    must(await sendQuote(db(), sales, { quoteId: a.quoteId, version: 1 }));
    must(await draft(a.quoteId, 1, '90,00', 20));
    // Quote B: in preparation only. Quote C: sent, then past its validity (expired when read).
    const b = must(await createQuote(db(), sales, { requestId: req.requestId }));
    const c = must(await createQuote(db(), sales, { requestId: req.requestId }));
    must(await draft(c.quoteId, 1, '50,00', 5));
    must(await sendQuote(db(), sales, { quoteId: c.quoteId, version: 1 }));
    await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, c.quoteId));

    const open = must(await getOpportunity(db(), sales, opportunityId));
    expect(open.stage).toBe('proposal');
    expect(open.requests).toEqual([{ id: req.requestId, number: req.number, title: 'Rénovation', status: 'quoted' }]);
    expect(open.quotes.map((q) => [q.number, q.status, q.latestSentVersion, q.totalNetCents, q.validUntil, q.orderNumber])).toEqual([
      [a.number, 'sent', 1, 20_000, inDays(30), null],
      [b.number, 'in_preparation', null, null, null, null],
      [c.number, 'expired', 1, 10_000, inDays(-1), null],
    ]);
    expect(open.order).toBeNull();

    must(await sendQuote(db(), sales, { quoteId: a.quoteId, version: 2 }));
    const accepted = must(await acceptQuote(db(), purchaser, { quoteId: a.quoteId, version: 2 }));
    const won = must(await getOpportunity(db(), sales, opportunityId));
    expect(won).toMatchObject({ stage: 'won', amountCents: 18_000, order: { id: accepted.orderId, number: accepted.orderNumber } });
    expect(won.quotes[0]).toMatchObject({ status: 'accepted', latestSentVersion: 2, totalNetCents: 18_000, validUntil: inDays(20), orderId: accepted.orderId, orderNumber: accepted.orderNumber });
    // What it did before stays: history and stakeholders (the requester as a user).
    expect(won.history.map((h) => h.toStage)).toEqual(['won', 'proposal', 'qualification']);
    expect(won.stakeholders).toEqual([{ personId: requester.personId, name: expect.any(String), role: 'user', weight: 0 }]);

    // An opportunity without a request or quote has empty links.
    const bare = must(await getOpportunity(db(), sales, await newOpp()));
    expect(bare).toMatchObject({ requests: [], quotes: [], order: null });
  });
});
