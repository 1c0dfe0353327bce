import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { createQuote, saveQuoteDraft } from './builder-service';
import { searchQuoteProducts } from './staff-extra-queries';
import { listQuotesForStaff as findQuotesForStaff } from './staff-queries';

describe.each(backends())('staff extra quote queries on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
  });

  it('lists quotes found by number, title or company name (the company is joined in the count too), with the status filter', async () => {
    const co = await makeCompany(db());
    const [company] = await db().select({ name: accounts.legalName }).from(accounts).where(eq(accounts.id, co.accountId));
    const created = await createQuote(db(), sales, { accountId: co.accountId });
    if (!created.ok) throw new Error(created.error);
    const saved = await saveQuoteDraft(db(), sales, {
      quoteId: created.value.quoteId,
      baseVersion: 1,
      title: 'Mobilier open space',
      lines: [{ description: 'Bureau', quantity: '2', unitPrice: '100', discount: '', vatRateBp: 2000 }],
      deliveryTerms: '',
      paymentTerms: '',
      clientNote: '',
      internalNotes: '',
    });
    expect(saved.ok).toBe(true);

    for (const q of [created.value.number, 'mobilier OPEN', company!.name.toUpperCase()]) {
      const found = await findQuotesForStaff(db(), sales, { page: 1, q });
      expect(found.ok && found.value.rows.map((r) => r.id)).toContain(created.value.quoteId);
      expect(found.ok && found.value.total).toBeGreaterThanOrEqual(1);
    }
    const row = await findQuotesForStaff(db(), sales, { page: 1, q: created.value.number });
    expect(row.ok && row.value.rows[0]).toMatchObject({ accountName: company!.name, status: 'in_preparation', latestSentVersion: null, totalNetCents: 20000 });
    expect(await findQuotesForStaff(db(), sales, { page: 1, q: created.value.number, status: 'sent' })).toMatchObject({ ok: true, value: { rows: [], total: 0 } });
    expect(await findQuotesForStaff(db(), sales, { page: 1, q: '100%_' })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses portal users and customers', async () => {
    for (const email of ['demandeur@atelier-lumiere.test', 'client@particulier.test']) {
      const actor = await actorOf(email);
      expect(await findQuotesForStaff(db(), actor, { page: 1 })).toMatchObject({ ok: false });
      expect(await searchQuoteProducts(db(), actor, { q: 'stylo' })).toMatchObject({ ok: false });
    }
    expect(await findQuotesForStaff(db(), null, { page: 1 })).toMatchObject({ ok: false });
  });

  it('finds active products by SKU prefix first or by name without accents, list price when no company is given', async () => {
    const result = await searchQuoteProducts(db(), sales, { q: 'stylo' });
    expect(result.ok && result.value.length).toBeGreaterThan(0);
    expect(result.ok && result.value.every((p) => p.onContract === false && p.unitPriceHtCents === p.listPriceHtCents)).toBe(true);
    const bySku = await searchQuoteProducts(db(), sales, { q: 'bur-sty' });
    expect(bySku.ok && bySku.value.map((p) => p.sku).slice(0, 3)).toEqual(expect.arrayContaining(['BUR-STY-BLEU']));
    const accented = await searchQuoteProducts(db(), sales, { q: 'retractable' });
    expect(accented.ok && accented.value.map((p) => p.sku)).toContain('BUR-STY-GEL');
  });
});
