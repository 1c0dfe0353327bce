import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { opportunities, opportunityStakeholders, orderLines, orders, outbox, products, quoteEvents, quoteRequests, quotes, quoteVersions, spendingBudgets, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { createQuote, saveQuoteDraft, sendQuote } from './builder-service';
import { acceptQuote, requestQuoteChanges } from './decision-service';
import { getCompanyQuote, listCompanyQuotes } from './portal-queries';
import { submitQuoteRequest } from './request-service';
import { parisDate } from '@/lib/purchasing/periods';

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe.each(backends())('quote cycle on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    sales = (await loadActor(db(), u!.id))!;
  });

  it('runs request → quote v1 → change request → v2 → acceptance into an order at exactly the quoted amounts, the opportunity won', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    const requester = await co.person('requester');
    const purchaser = await co.person('purchaser');
    const submitted = await submitQuoteRequest(db(), requester, {
      title: 'Rénovation éclairage atelier',
      description: '40 luminaires LED et la pose',
      lines: [
        { productId: co.product.id, description: '', quantity: '12' },
        { description: 'Pose sur site', quantity: '1,5' },
      ],
    });
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const [req] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, submitted.value.requestId));
    expect(req).toMatchObject({ status: 'submitted', accountId: co.accountId });
    const [stake] = await db().select().from(opportunityStakeholders).where(eq(opportunityStakeholders.opportunityId, req!.opportunityId!));
    expect(stake).toMatchObject({ personId: requester.personId, role: 'user' });

    const created = await createQuote(db(), sales, { requestId: req!.id });
    if (!created.ok) throw new Error(created.error);
    expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, req!.id)))[0]!.status).toBe('in_progress');
    const lines = [
      { productId: co.product.id, description: 'Luminaire', quantity: '12', unitPrice: '300,00', discount: '5', vatRateBp: 2000 },
      { description: 'Pose sur site (jours)', quantity: '1,5', unitPrice: '650,00', discount: '', vatRateBp: 2000 },
      { description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '', vatRateBp: 550 },
    ];
    const saved = await saveQuoteDraft(db(), sales, { quoteId: created.value.quoteId, baseVersion: 1, title: 'Éclairage atelier', lines, validUntil: inDays(30), deliveryTerms: 'Sous 3 semaines', paymentTerms: '30 jours', clientNote: '', internalNotes: 'marge 22 %' });
    expect(saved).toEqual({ ok: true, value: { version: 1 } });
    const sent = await sendQuote(db(), sales, { quoteId: created.value.quoteId, version: 1 });
    expect(sent.ok).toBe(true);

    const view = await getCompanyQuote(db(), requester, created.value.quoteId);
    expect(view.ok && view.value.canDecide).toBe(false);
    expect(view.ok && view.value.quote.versions.map((v) => v.version)).toEqual([1]);
    const refused = await acceptQuote(db(), requester, { quoteId: created.value.quoteId, version: 1 });
    expect(refused.ok).toBe(false);

    expect((await requestQuoteChanges(db(), purchaser, { quoteId: created.value.quoteId, version: 1, comment: 'Remise de 8 % sur les luminaires ?' })).ok).toBe(true);
    const v2 = await saveQuoteDraft(db(), sales, { quoteId: created.value.quoteId, baseVersion: 1, title: 'Éclairage atelier', lines: [{ ...lines[0]!, discount: '8' }, lines[1]!, lines[2]!], validUntil: inDays(30), deliveryTerms: 'Sous 3 semaines', paymentTerms: '30 jours', clientNote: 'Remise portée à 8 %', internalNotes: '' });
    expect(v2).toEqual({ ok: true, value: { version: 2 } });
    expect((await sendQuote(db(), sales, { quoteId: created.value.quoteId, version: 2 })).ok).toBe(true);
    expect(await acceptQuote(db(), purchaser, { quoteId: created.value.quoteId, version: 1 })).toMatchObject({ ok: false });

    // A catalogue price change after sending changes nothing.
    await db().update(products).set({ b2bListPriceHtCents: 99_999 }).where(eq(products.id, co.product.id));
    const accepted = await acceptQuote(db(), purchaser, { quoteId: created.value.quoteId, version: 2, purchaseOrderRef: 'BC-77' });
    if (!accepted.ok) throw new Error(accepted.error);
    const [v] = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, created.value.quoteId)).orderBy(quoteVersions.version);
    void v;
    const [sentV2] = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, created.value.quoteId)).then((r) => r.filter((x) => x.version === 2));
    const [o] = await db().select().from(orders).where(eq(orders.id, accepted.value.orderId));
    // 12 × 300 × 0.92 = 3 312 ; 1.5 × 650 = 975 ; 3 × 12.35 = 37.05 → HT 4 324.05 ; VAT 857.40 (20 % of 4 287) + 2.04 (5,5 % of 37.05)
    expect(sentV2).toMatchObject({ totalNetCents: 432_405, totalVatCents: 85_740 + 204 });
    expect(o).toMatchObject({ origin: 'quote', status: 'placed', totalNetCents: sentV2!.totalNetCents, totalVatCents: sentV2!.totalVatCents, totalGrossCents: sentV2!.totalGrossCents, purchaseOrderRef: 'BC-77' });
    expect(o!.vatBreakdown).toEqual(sentV2!.vatBreakdown);
    const ol = await db().select().from(orderLines).where(eq(orderLines.orderId, o!.id)).orderBy(orderLines.position);
    expect(ol.map((l) => [l.unitPriceCents, l.discountBp, l.netCents, l.priceSource])).toEqual([
      [30_000, 800, 331_200, 'quote'],
      [65_000, 0, 97_500, 'free'],
      [1_235, 0, 3_705, 'free'],
    ]);
    expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(988);
    expect((await db().select().from(spendingBudgets).where(eq(spendingBudgets.id, co.budgetId!)))[0]!.committedHtCents).toBe(432_405);
    const [opp] = await db().select().from(opportunities).where(eq(opportunities.id, req!.opportunityId!));
    expect(opp).toMatchObject({ stage: 'won', amountHtCents: 432_405, orderId: o!.id });
    const [q] = await db().select().from(quotes).where(eq(quotes.id, created.value.quoteId));
    expect(q).toMatchObject({ status: 'accepted', orderId: o!.id });
    const history = await db().select().from(quoteEvents).where(eq(quoteEvents.quoteId, q!.id)).orderBy(quoteEvents.id);
    expect(history.filter((h) => h.kind === 'quote_status').map((h) => `${h.fromState}>${h.toState}`)).toEqual([
      'null>in_preparation',
      'in_preparation>sent',
      'sent>changes_requested',
      'changes_requested>in_preparation',
      'in_preparation>sent',
      'sent>accepted',
    ]);
    const list = await listCompanyQuotes(db(), requester, { page: 1 });
    expect(list.ok && list.value.rows.map((r) => r.id)).toContain(q!.id);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, requester.email));
    expect(mails.map((m) => m.subject).some((s) => s.includes(q!.number))).toBe(true);
  });
});
