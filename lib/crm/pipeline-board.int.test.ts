import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, opportunities, persons, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { columnTotals, isOpenStage, probabilityOf, STAGES, type Stage } from './pipeline-rules';
import { BOARD_CARDS_PER_STAGE, boardFilterSchema, getBoard, type Board } from './pipeline-service';

/** A small deterministic generator (mulberry32), so that a failure replays. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(backends())('pipeline board (capped columns, one aggregate) on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let ownerId: string;
  type Row = { id: string; stage: Stage; amountHtCents: number; probabilityOverride: number | null; expectedCloseDate: string | null; closedAt: Date | null };
  let rows: Row[] = [];
  const counts: Record<Stage, number> = { qualification: 47, needs_analysis: 20, proposal: 3, negotiation: 21, won: 25, lost: 0 };

  beforeAll(async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    sales = (await loadActor(db(), u!.id))!;
    // A fresh sales rep owns exactly this file's opportunities: the owner filter isolates them.
    const tag = unique('pb');
    const [p] = await db().insert(persons).values({ firstName: 'Board', lastName: tag }).returning({ id: persons.id });
    const [owner] = await db()
      .insert(users)
      .values({ personId: p!.id, email: `${tag.toLowerCase()}@comptoir.test`, kind: 'staff', staffRole: 'sales' })
      .returning({ id: users.id });
    ownerId = owner!.id;
    const [a] = await db().insert(accounts).values({ kind: 'company', legalName: `Board ${tag}`, ownerUserId: ownerId }).returning({ id: accounts.id });
    const next = random(20_261_128);
    const values = STAGES.flatMap((stage) =>
      Array.from({ length: counts[stage] }, (_, i) => ({
        accountId: a!.id,
        title: `${stage} ${i}`,
        stage,
        ownerUserId: ownerId,
        // Few distinct amounts and dates (ties), some undated, some overridden probabilities.
        amountHtCents: Math.floor(next() * 5) * 123_457 + (i % 3 === 0 ? 1 : 0),
        probabilityOverride: next() < 0.3 ? Math.floor(next() * 101) : null,
        expectedCloseDate: next() < 0.2 ? null : `2031-0${1 + Math.floor(next() * 3)}-1${Math.floor(next() * 3)}`,
        closedAt: isOpenStage(stage) ? null : new Date(Date.UTC(2030, 0, 1 + Math.floor(next() * 10))),
        closeReason: isOpenStage(stage) ? null : 'Test',
      })),
    );
    rows = await db().insert(opportunities).values(values).returning({
      id: opportunities.id,
      stage: opportunities.stage,
      amountHtCents: opportunities.amountHtCents,
      probabilityOverride: opportunities.probabilityOverride,
      expectedCloseDate: opportunities.expectedCloseDate,
      closedAt: opportunities.closedAt,
    });
  });

  /** The board's order of one column, computed here from the rows. */
  function expectedOrder(stage: Stage): string[] {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return rows
      .filter((r) => r.stage === stage)
      .sort((a, b) =>
        isOpenStage(stage)
          ? (a.expectedCloseDate === null ? 1 : 0) - (b.expectedCloseDate === null ? 1 : 0) ||
            cmp(a.expectedCloseDate ?? '', b.expectedCloseDate ?? '') ||
            b.amountHtCents - a.amountHtCents ||
            cmp(a.id, b.id)
          : b.closedAt!.getTime() - a.closedAt!.getTime() || cmp(b.id, a.id),
      )
      .map((r) => r.id);
  }

  async function board(filter: Record<string, string> = {}): Promise<Board> {
    const r = await getBoard(db(), sales, boardFilterSchema.parse({ owner: ownerId, ...filter }));
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }

  it('counts and totals every opportunity of a column, as the pure rules do, but shows at most 20 cards', async () => {
    const b = await board();
    for (const col of b.columns) {
      const mine = rows.filter((r) => r.stage === col.stage).map((r) => ({ amountCents: r.amountHtCents, probability: probabilityOf(r.stage, r.probabilityOverride) }));
      expect({ stage: col.stage, count: col.count, totalCents: col.totalCents, weightedCents: col.weightedCents }).toEqual({ stage: col.stage, ...columnTotals(mine) });
      expect(col.count).toBe(counts[col.stage]);
      expect(col.cards.length).toBe(Math.min(BOARD_CARDS_PER_STAGE, counts[col.stage]));
      expect(col.page).toBe(1);
      expect(col.pageCount).toBe(Math.max(1, Math.ceil(counts[col.stage] / BOARD_CARDS_PER_STAGE)));
      expect(col.cards.map((c) => c.id)).toEqual(expectedOrder(col.stage).slice(0, BOARD_CARDS_PER_STAGE));
    }
  });

  it('pages one column without overlap or gap, leaving the others on their first cards', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const b = await board({ stage: 'qualification', page: String(page) });
      const col = b.columns.find((c) => c.stage === 'qualification')!;
      expect(col.page).toBe(page);
      seen.push(...col.cards.map((c) => c.id));
      const other = b.columns.find((c) => c.stage === 'negotiation')!;
      expect(other.page).toBe(1);
      expect(other.cards.map((c) => c.id)).toEqual(expectedOrder('negotiation').slice(0, BOARD_CARDS_PER_STAGE));
    }
    expect(seen).toEqual(expectedOrder('qualification'));
    // Closed stages page too, most recently closed first.
    const won = (await board({ stage: 'won', page: '2' })).columns.find((c) => c.stage === 'won')!;
    expect(won.cards.map((c) => c.id)).toEqual(expectedOrder('won').slice(BOARD_CARDS_PER_STAGE));
  });

  it('clamps a page past the end, and ignores a bad stage or page', async () => {
    const far = (await board({ stage: 'qualification', page: '99' })).columns.find((c) => c.stage === 'qualification')!;
    expect(far.page).toBe(3);
    expect(far.cards.map((c) => c.id)).toEqual(expectedOrder('qualification').slice(40));
    for (const filter of [{ stage: 'archived', page: '2' }, { stage: 'qualification', page: 'abc' }, { stage: 'qualification', page: '-1' }]) {
      const col = (await board(filter)).columns.find((c) => c.stage === 'qualification')!;
      expect(col.page).toBe(1);
      expect(col.cards.map((c) => c.id)).toEqual(expectedOrder('qualification').slice(0, BOARD_CARDS_PER_STAGE));
    }
  });

  it('filters on the close month before counting and capping', async () => {
    const b = await board({ month: '2031-02' });
    for (const col of b.columns) {
      const inMonth = rows.filter((r) => r.stage === col.stage && r.expectedCloseDate?.startsWith('2031-02'));
      expect(col.count).toBe(inMonth.length);
      expect(col.cards.map((c) => c.id)).toEqual(expectedOrder(col.stage).filter((id) => inMonth.some((r) => r.id === id)).slice(0, BOARD_CARDS_PER_STAGE));
    }
  });

  it('shows empty columns with zero totals', async () => {
    const b = await board({ month: '2040-01' });
    expect(b.columns.map((c) => [c.stage, c.count, c.totalCents, c.weightedCents, c.cards.length, c.pageCount])).toEqual(STAGES.map((s) => [s, 0, 0, 0, 0, 1]));
  });
});
