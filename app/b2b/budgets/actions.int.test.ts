import { and, count, desc, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, budgetEntries, spendingBudgets, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { changeBudgetAmountAction, createBudgetAction } = await import('./actions');
const { getBudget, listBudgets } = await import('@/lib/purchasing/budgets-service');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('company budgets on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  async function budgetsOf(legalName: string) {
    const [acc] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.legalName, legalName));
    return db().select().from(spendingBudgets).where(eq(spendingBudgets.accountId, acc!.id)).orderBy(spendingBudgets.periodStart, spendingBudgets.costCentre);
  }
  async function seededBudget() {
    const rows = await budgetsOf('Atelier Lumière SAS');
    return rows.find((b) => b.periodKind === 'fiscal_year' && b.costCentre === '')!;
  }
  async function counts() {
    const [b] = await db().select({ n: count() }).from(spendingBudgets);
    const [a] = await db().select({ n: count() }).from(auditLog);
    return { budgets: b!.n, audit: a!.n };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it('the demo company has its fiscal-year budget of 20 000 € HT; purchasers and admins read it', async () => {
    const b = await seededBudget();
    expect(b).toMatchObject({ amountHtCents: 2_000_000, periodKind: 'fiscal_year', costCentre: '' });
    for (const email of ['acheteur@atelier-lumiere.test', 'admin@atelier-lumiere.test']) {
      const list = await listBudgets(db(), await actorOf(email));
      expect(list.ok && list.value.find((x) => x.id === b.id)).toMatchObject({ remainingHtCents: b.amountHtCents - b.heldHtCents - b.committedHtCents });
      expect(await getBudget(db(), await actorOf(email), b.id)).toMatchObject({ ok: true, value: { budget: { id: b.id }, entries: [] } });
    }
  });

  it.each([
    ['no session', null],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a purchaser', 'acheteur@atelier-lumiere.test'],
    ['a staff admin', 'admin@comptoir.test'],
    ['another company’s admin', 'admin@verdier-architectes.test'],
  ])('refuses budget changes to %s and changes nothing', async (_label, email) => {
    const b = await seededBudget();
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();
    const otherCompany = email === 'admin@verdier-architectes.test';
    const results = [
      ...(otherCompany ? [] : [await createBudgetAction(null, form({ label: 'Intrus', periodKind: 'month', month: '2031-01', amount: '100' }))]),
      await changeBudgetAmountAction(null, form({ budgetId: b.id, amount: '99 999 999,00' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(await seededBudget()).toEqual(b);
    if (email === 'demandeur@atelier-lumiere.test' || !session.actor || session.actor.role === 'admin') {
      expect(await listBudgets(db(), session.actor)).toMatchObject({ ok: false });
      expect(await getBudget(db(), session.actor, b.id)).toMatchObject({ ok: false });
    }
    if (otherCompany) {
      expect(results[0]).toMatchObject({ error: 'Budget introuvable.' });
      expect(await getBudget(db(), session.actor, b.id)).toMatchObject({ ok: false, error: 'Budget introuvable.' });
      const list = await listBudgets(db(), session.actor);
      expect(list.ok && list.value.map((x) => x.id)).not.toContain(b.id);
    }
  });

  it('creates fiscal-year budgets from the company’s fiscal-year end and monthly budgets, with audit', async () => {
    const verdierAdmin = await actorOf('admin@verdier-architectes.test'); // fiscal year ends in June
    session.actor = verdierAdmin;
    expect(await createBudgetAction(null, form({ label: 'Budget 2030-2031', periodKind: 'fiscal_year', year: '2030', costCentre: '', amount: '12 000' }))).toMatchObject({ ok: true });
    const [fy] = (await budgetsOf('Cabinet Verdier Architectes SARL')).filter((b) => b.label === 'Budget 2030-2031');
    expect(fy).toMatchObject({ periodKind: 'fiscal_year', periodStart: '2030-07-01', periodEnd: '2031-06-30', costCentre: '', amountHtCents: 1_200_000, heldHtCents: 0, committedHtCents: 0 });

    session.actor = await actorOf('admin@atelier-lumiere.test');
    expect(await createBudgetAction(null, form({ label: 'Atelier septembre', periodKind: 'month', month: '2030-09', costCentre: '  Atelier ', amount: '1 500,00' }))).toMatchObject({ ok: true });
    const [mo] = (await budgetsOf('Atelier Lumière SAS')).filter((b) => b.label === 'Atelier septembre');
    expect(mo).toMatchObject({ periodKind: 'month', periodStart: '2030-09-01', periodEnd: '2030-09-30', costCentre: 'Atelier', amountHtCents: 150_000 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityType, 'spending_budget'), eq(auditLog.entityId, mo!.id)));
    expect(audit).toMatchObject({ action: 'spending_budget.create', actorUserId: session.actor.userId });

    // Bad input: field errors, nothing created.
    const before = await counts();
    const bad = await createBudgetAction(null, form({ label: '', periodKind: 'month', month: '2030-13', amount: '0' }));
    expect(bad).toMatchObject({ ok: false });
    expect(Object.keys(bad!.fieldErrors ?? {}).sort()).toEqual(['amount', 'label', 'month']);
    expect(await createBudgetAction(null, form({ label: 'X', periodKind: 'fiscal_year', amount: '10' }))).toMatchObject({ fieldErrors: { year: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a budget overlapping another of the same cost centre, allows another cost centre', async () => {
    session.actor = await actorOf('admin@atelier-lumiere.test');
    const seeded = await seededBudget();
    const month = seeded.periodStart.slice(0, 7);
    const before = await counts();
    // A month inside the seeded company-wide fiscal year.
    const clash = await createBudgetAction(null, form({ label: 'Doublon', periodKind: 'month', month, costCentre: '', amount: '100' }));
    expect(clash).toMatchObject({ ok: false, fieldErrors: { month: [expect.stringContaining(seeded.label)] } });
    expect(clash!.error).toContain('chevauche');
    // The same fiscal year again.
    const year = seeded.periodStart.slice(0, 4);
    expect(await createBudgetAction(null, form({ label: 'Doublon', periodKind: 'fiscal_year', year, amount: '100' }))).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    // Another cost centre: fine; then the same month for that cost centre: refused.
    expect(await createBudgetAction(null, form({ label: 'Bureau', periodKind: 'month', month, costCentre: `Bureau ${backend}`, amount: '100' }))).toMatchObject({ ok: true });
    expect(await createBudgetAction(null, form({ label: 'Bureau bis', periodKind: 'fiscal_year', year, costCentre: `Bureau ${backend}`, amount: '100' }))).toMatchObject({ ok: false, error: expect.stringContaining('« Bureau »') });
  });

  it('raises and lowers an amount, never below held + committed (clear message), with audit', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    session.actor = admin;
    const b = await seededBudget();
    await db().update(spendingBudgets).set({ heldHtCents: 300_000, committedHtCents: 1_200_000 }).where(eq(spendingBudgets.id, b.id));
    try {
      const refused = await changeBudgetAmountAction(null, form({ budgetId: b.id, amount: '14 999,99' }));
      expect(refused).toMatchObject({ ok: false });
      expect(refused!.fieldErrors?.amount?.[0]).toBe(
        'Le montant ne peut pas descendre sous 15\u202F000,00\u00A0€ : 3\u202F000,00\u00A0€ sont réservés et 12\u202F000,00\u00A0€ engagés sur ce budget.',
      );
      expect((await seededBudget()).amountHtCents).toBe(b.amountHtCents);
      expect(await changeBudgetAmountAction(null, form({ budgetId: b.id, amount: '15 000' }))).toMatchObject({ ok: true, message: 'Montant modifié.' });
      expect((await seededBudget()).amountHtCents).toBe(1_500_000);
      expect(await changeBudgetAmountAction(null, form({ budgetId: b.id, amount: '25 000,00' }))).toMatchObject({ ok: true });
      expect((await seededBudget()).amountHtCents).toBe(2_500_000);
      const trail = await db()
        .select({ before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, b.id), eq(auditLog.action, 'spending_budget.change_amount')))
        .orderBy(desc(auditLog.id))
        .limit(2);
      expect(trail).toEqual([
        { before: { amountHtCents: 1_500_000 }, after: { amountHtCents: 2_500_000 } },
        { before: { amountHtCents: b.amountHtCents }, after: { amountHtCents: 1_500_000 } },
      ]);
    } finally {
      await db()
        .update(spendingBudgets)
        .set({ amountHtCents: b.amountHtCents, heldHtCents: b.heldHtCents, committedHtCents: b.committedHtCents })
        .where(eq(spendingBudgets.id, b.id));
    }
  });

  it('a lowering racing with parallel holds never breaks the cap', async () => {
    if (backend !== 'postgres') return; // PGlite has one connection: nothing runs in parallel there.
    session.actor = await actorOf('admin@atelier-lumiere.test');
    const b = await seededBudget();
    try {
      await db().update(spendingBudgets).set({ amountHtCents: 1_000_000, heldHtCents: 0, committedHtCents: 0 }).where(eq(spendingBudgets.id, b.id));
      // Ten orders each try to hold 1 000 € (conditional UPDATE, as checkout does) while the admin lowers to 5 000 €.
      const hold = () =>
        db()
          .update(spendingBudgets)
          .set({ heldHtCents: sqlAdd(100_000) })
          .where(and(eq(spendingBudgets.id, b.id), sqlFits(100_000)))
          .returning({ id: spendingBudgets.id });
      const results = await Promise.all([
        changeBudgetAmountAction(null, form({ budgetId: b.id, amount: '5 000' })),
        ...Array.from({ length: 10 }, hold),
      ]);
      const after = await seededBudget();
      expect(after.heldHtCents + after.committedHtCents).toBeLessThanOrEqual(after.amountHtCents);
      const lowered = results[0] as { ok: boolean };
      expect(after.amountHtCents).toBe(lowered.ok ? 500_000 : 1_000_000);
    } finally {
      await db()
        .update(spendingBudgets)
        .set({ amountHtCents: b.amountHtCents, heldHtCents: b.heldHtCents, committedHtCents: b.committedHtCents })
        .where(eq(spendingBudgets.id, b.id));
    }
  });

  it('shows the ledger latest first, scoped to the company', async () => {
    const admin = await actorOf('admin@atelier-lumiere.test');
    const b = await seededBudget();
    await db().insert(budgetEntries).values([
      { budgetId: b.id, kind: 'hold', amountHtCents: 10_000, actorUserId: admin.userId, createdAt: new Date('2030-01-01T10:00:00Z') },
      { budgetId: b.id, kind: 'commit', amountHtCents: 10_000, actorUserId: admin.userId, createdAt: new Date('2030-01-02T10:00:00Z') },
      { budgetId: b.id, kind: 'release', amountHtCents: 10_000, createdAt: new Date('2030-01-03T10:00:00Z') },
    ]);
    const detail = await getBudget(db(), await actorOf('acheteur@atelier-lumiere.test'), b.id);
    expect(detail.ok && detail.value.entries.map((x) => [x.kind, x.actorName])).toEqual([
      ['release', null],
      ['commit', 'Sophie Lefèvre'],
      ['hold', 'Sophie Lefèvre'],
    ]);
    await db().delete(budgetEntries).where(eq(budgetEntries.budgetId, b.id));
  });
});

function sqlAdd(cents: number) {
  return sql`${spendingBudgets.heldHtCents} + ${cents}`;
}
function sqlFits(cents: number) {
  return sql`${spendingBudgets.heldHtCents} + ${spendingBudgets.committedHtCents} + ${cents} <= ${spendingBudgets.amountHtCents}`;
}
