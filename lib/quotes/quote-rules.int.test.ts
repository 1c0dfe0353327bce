import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  activities,
  agreementLines,
  agreementPriceTiers,
  auditLog,
  budgetEntries,
  opportunities,
  opportunityStageHistory,
  orderLines,
  orders,
  outbox,
  positions,
  products,
  quoteEvents,
  quoteLines,
  quoteRequests,
  quotes,
  quoteVersions,
  spendingBudgets,
  stockMovements,
  users,
} from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { NOT_ALLOWED } from '@/lib/auth/guard';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { parisDate } from '@/lib/purchasing/periods';
import type { Result } from '@/lib/result';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { createQuote, saveQuoteDraft, sendQuote, withdrawQuote } from './builder-service';
import type { SaveDraftInput } from './schemas';
import { commentOnQuote } from './comment-service';
import { acceptQuote, declineQuote, requestQuoteChanges } from './decision-service';
import { getCompanyQuote, getCompanyRequest, listCompanyQuotes, listCompanyRequests } from './portal-queries';
import { cancelQuoteRequest, declineQuoteRequest, submitQuoteRequest } from './request-service';
import { getQuoteForStaff, getRequestForStaff } from './staff-queries';

/**
 * Issue #7's rules for quotes, through the services, on every backend: what refuses an acceptance
 * (and that a refusal changes nothing), what a sent version is (frozen, by the database too), and
 * the state machines of requests and quotes with their history and CRM side.
 */

const e = frQuotes.errors;

/** A Paris calendar date `n` days from today. */
function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`unexpected refusal: ${r.error}`);
  return r.value;
}

/** The message of a rejected query, drizzle's wrapper and the driver's cause together. */
async function failure(p: PromiseLike<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const err = error as Error & { cause?: { message?: string } };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
  return 'no error';
}

type Line = SaveDraftInput['lines'][number];

/** 3 × 300 € of the company's product + 500 € of free installation, 20 %: 1 400 € HT, 1 680 € TTC. */
function standardLines(co: CompanyFixture): Line[] {
  return [
    { productId: co.product.id, description: 'Luminaire', quantity: '3', unitPrice: '300,00', discount: '', vatRateBp: 2000 },
    { description: 'Installation sur site', quantity: '1', unitPrice: '500,00', discount: '', vatRateBp: 2000 },
  ];
}
const STANDARD_NET = 140_000;

interface Built {
  quoteId: string;
  number: string;
  opportunityId: string;
  requestId: string | null;
}

function draftInput(quoteId: string, baseVersion: number, over: Partial<SaveDraftInput> = {}): SaveDraftInput {
  return {
    quoteId,
    baseVersion,
    title: 'Devis test',
    lines: [],
    validUntil: inDays(30),
    shipping: '',
    deliveryTerms: 'Sous 3 semaines',
    paymentTerms: '30 jours',
    clientNote: '',
    internalNotes: '',
    ...over,
  };
}

describe.each(backends())('quote rules on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = (): Database => ctx.handle.db;
  let sales: Actor;
  let sales2: Actor;

  beforeAll(async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    sales = (await loadActor(db(), u!.id))!;
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.staffRole, 'admin')).limit(1);
    sales2 = (await loadActor(db(), admin!.id))!;
  });

  /** A quote in preparation (v1 saved with `lines`), from the requester's request when given. */
  async function draftQuote(co: CompanyFixture, opts: { requester?: Actor; lines?: Line[]; validUntil?: string; internalNotes?: string } = {}): Promise<Built> {
    let requestId: string | null = null;
    if (opts.requester) {
      requestId = must(await submitQuoteRequest(db(), opts.requester, { title: 'Besoin', description: 'Un besoin', lines: [] })).requestId;
    }
    const created = must(await createQuote(db(), sales, requestId ? { requestId } : { accountId: co.accountId }));
    must(await saveQuoteDraft(db(), sales, draftInput(created.quoteId, 1, { lines: opts.lines ?? standardLines(co), validUntil: opts.validUntil ?? inDays(30), internalNotes: opts.internalNotes ?? '' })));
    const [q] = await db().select().from(quotes).where(eq(quotes.id, created.quoteId));
    return { quoteId: created.quoteId, number: created.number, opportunityId: q!.opportunityId!, requestId };
  }

  async function sentQuote(co: CompanyFixture, opts: Parameters<typeof draftQuote>[1] = {}): Promise<Built> {
    const built = await draftQuote(co, opts);
    must(await sendQuote(db(), sales, { quoteId: built.quoteId, version: 1 }));
    return built;
  }

  async function quoteRow(quoteId: string) {
    return (await db().select().from(quotes).where(eq(quotes.id, quoteId)))[0]!;
  }

  async function statusHistory(quoteId: string): Promise<string[]> {
    const rows = await db().select().from(quoteEvents).where(and(eq(quoteEvents.quoteId, quoteId), eq(quoteEvents.kind, 'quote_status'))).orderBy(asc(quoteEvents.id));
    return rows.map((r) => `${r.fromState}>${r.toState}`);
  }

  /** Everything an acceptance could touch, for "refused with no change". */
  async function snapshot(co: CompanyFixture, quoteId: string) {
    const d = db();
    const quote = await quoteRow(quoteId);
    const versions = await d.select().from(quoteVersions).where(eq(quoteVersions.quoteId, quoteId)).orderBy(asc(quoteVersions.version));
    const lines = versions.length
      ? await d.select().from(quoteLines).where(inArray(quoteLines.versionId, versions.map((v) => v.id))).orderBy(asc(quoteLines.versionId), asc(quoteLines.position))
      : [];
    const companyOrders = await d.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.accountId, co.accountId)).orderBy(asc(orders.id));
    const [product] = await d.select({ stock: products.stockOnHand }).from(products).where(eq(products.id, co.product.id));
    const [movements] = await d.select({ n: count() }).from(stockMovements).where(eq(stockMovements.productId, co.product.id));
    const budget = co.budgetId ? (await d.select().from(spendingBudgets).where(eq(spendingBudgets.id, co.budgetId)))[0] : null;
    const [entries] = co.budgetId ? await d.select({ n: count() }).from(budgetEntries).where(eq(budgetEntries.budgetId, co.budgetId)) : [{ n: 0 }];
    const [opportunity] = await d.select().from(opportunities).where(eq(opportunities.id, quote.opportunityId!));
    const [stageRows] = await d.select({ n: count() }).from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, quote.opportunityId!));
    const [notes] = await d.select({ n: count() }).from(activities).where(eq(activities.accountId, co.accountId));
    const events = await d.select().from(quoteEvents).where(eq(quoteEvents.quoteId, quoteId)).orderBy(asc(quoteEvents.id));
    const [mails] = await d.select({ n: count() }).from(outbox);
    const [audits] = await d.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, quoteId));
    return { quote, versions, lines, companyOrders, stock: product!.stock, movements: movements!.n, budget, entries: entries!.n, opportunity, stageRows: stageRows!.n, notes: notes!.n, events, mails: mails!.n, audits: audits!.n };
  }

  describe('acceptance refused with no change', () => {
    it('after the validity day: refused, the quote left expired with one committed history row, nothing else changed', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      // Only the quote row: its sent version is frozen by the database.
      await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q.quoteId));
      const before = await snapshot(co, q.quoteId);
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.expired });
      const after = await snapshot(co, q.quoteId);
      expect(after.quote.status).toBe('expired');
      expect(after.events).toHaveLength(before.events.length + 1);
      expect(after.events.at(-1)).toMatchObject({ kind: 'quote_status', fromState: 'sent', toState: 'expired', version: 1, actorUserId: null });
      const { quote, events, ...rest } = after;
      expect({ ...rest, quote: { ...quote, status: 'sent', updatedAt: before.quote.updatedAt }, events: events.slice(0, -1) }).toEqual(before);
      // Asked again, still refused, and the expiry is not written twice.
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.expired });
      expect(await statusHistory(q.quoteId)).toEqual(['null>in_preparation', 'in_preparation>sent', 'sent>expired']);
      expect((await snapshot(co, q.quoteId)).companyOrders).toEqual([]);
    });

    it('a decline or a change request after the validity day is refused too, the quote expired once', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q.quoteId));
      expect(await declineQuote(db(), purchaser, { quoteId: q.quoteId, version: 1, reason: 'Trop tard' })).toEqual({ ok: false, error: e.expired });
      expect(await requestQuoteChanges(db(), purchaser, { quoteId: q.quoteId, version: 1, comment: 'Trop tard' })).toEqual({ ok: false, error: e.expired });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'expired', decisionReason: null });
      expect(await statusHistory(q.quoteId)).toEqual(['null>in_preparation', 'in_preparation>sent', 'sent>expired']);
      expect(await db().select({ n: count() }).from(activities).where(eq(activities.opportunityId, q.opportunityId))).toEqual([{ n: 0 }]);
    });

    it('on the last day of validity (today in Paris) the quote is still acceptable', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co, { validUntil: parisDate() });
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: true });
      expect((await quoteRow(q.quoteId)).status).toBe('accepted');
    });

    it('of version 1 once version 2 was sent (then version 2 is accepted at its own amounts)', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      const v2Lines = [{ ...standardLines(co)[0]!, unitPrice: '280,00' }, standardLines(co)[1]!];
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: v2Lines }))).toEqual({ ok: true, value: { version: 2 } });
      must(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 2 }));
      const before = await snapshot(co, q.quoteId);
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.oldVersion });
      expect(await declineQuote(db(), purchaser, { quoteId: q.quoteId, version: 1, reason: 'Trop cher' })).toEqual({ ok: false, error: e.oldVersion });
      expect(await requestQuoteChanges(db(), purchaser, { quoteId: q.quoteId, version: 1, comment: 'Autre chose' })).toEqual({ ok: false, error: e.oldVersion });
      expect(await snapshot(co, q.quoteId)).toEqual(before);

      const accepted = must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 2 }));
      const [o] = await db().select().from(orders).where(eq(orders.id, accepted.orderId));
      expect(o).toMatchObject({ origin: 'quote', totalNetCents: 3 * 28_000 + 50_000 });
    });

    it('by a requester', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const q = await sentQuote(co, { requester });
      const before = await snapshot(co, q.quoteId);
      expect(await acceptQuote(db(), requester, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.purchaserOnly });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
    });

    it('by a purchaser demoted, or deactivated, since their session was loaded', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const demoted = await co.person('purchaser');
      const leaving = await co.person('company_admin');
      const q = await sentQuote(co);
      await db().update(positions).set({ portalRole: 'requester' }).where(eq(positions.personId, demoted.personId));
      await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, leaving.userId));
      const before = await snapshot(co, q.quoteId);
      expect(await acceptQuote(db(), demoted, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.noLongerPurchaser });
      expect(await acceptQuote(db(), leaving, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.noLongerPurchaser });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
    });

    it('by another company’s purchaser: not found, nothing changes on either side', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const other = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const intruder = await other.person('purchaser');
      const q = await sentQuote(co);
      const before = await snapshot(co, q.quoteId);
      const otherOrders = await db().select({ n: count() }).from(orders).where(eq(orders.accountId, other.accountId));
      expect(await acceptQuote(db(), intruder, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.notFound });
      expect(await declineQuote(db(), intruder, { quoteId: q.quoteId, version: 1, reason: 'x' })).toEqual({ ok: false, error: e.notFound });
      expect(await requestQuoteChanges(db(), intruder, { quoteId: q.quoteId, version: 1, comment: 'x' })).toEqual({ ok: false, error: e.notFound });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      expect(await db().select({ n: count() }).from(orders).where(eq(orders.accountId, other.accountId))).toEqual(otherOrders);
    });

    it('twice: the second acceptance (or a later decision) is refused', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const admin = await co.person('company_admin');
      const q = await sentQuote(co);
      const first = must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 }));
      const before = await snapshot(co, q.quoteId);
      expect(before.quote).toMatchObject({ status: 'accepted', orderId: first.orderId });
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.alreadyAccepted });
      expect(await acceptQuote(db(), admin, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.alreadyAccepted });
      expect(await declineQuote(db(), admin, { quoteId: q.quoteId, version: 1, reason: 'Finalement non' })).toEqual({ ok: false, error: e.alreadyAccepted });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      expect(before.companyOrders).toHaveLength(1);
    });

    it('when the budget cannot cover it: a message naming the budget, nothing reserved; accepted once the budget is raised', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 100_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      const before = await snapshot(co, q.quoteId);
      const refused = await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Budget « Budget .+ » insuffisant : il reste 1\s000,00\s€ HT pour un devis de 1\s400,00\s€ HT\./) });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      await db().update(spendingBudgets).set({ amountHtCents: STANDARD_NET }).where(eq(spendingBudgets.id, co.budgetId!));
      must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 }));
      expect((await db().select().from(spendingBudgets).where(eq(spendingBudgets.id, co.budgetId!)))[0]).toMatchObject({ committedHtCents: STANDARD_NET, heldHtCents: 0 });
    });

    it('when stock is short: « Rupture de stock … », nothing changed; accepted once restocked', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000, stock: 2 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      const before = await snapshot(co, q.quoteId);
      const refused = await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Rupture de stock : « Luminaire » .+ Le devis n’est pas accepté/) });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      expect(before.stock).toBe(2);
      await db().update(products).set({ stockOnHand: 3 }).where(eq(products.id, co.product.id));
      must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 }));
      expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(0);
    });
  });

  it('catalogue price changes after sending change neither the sent version nor the order created from it', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    const requester = await co.person('requester');
    const admin = await co.person('company_admin');
    const req = must(await submitQuoteRequest(db(), requester, { title: 'Parc luminaires', description: '12 luminaires', lines: [{ productId: co.product.id, description: '', quantity: '12' }] }));
    const created = must(await createQuote(db(), sales, { requestId: req.requestId }));
    const staffView = must(await getQuoteForStaff(db(), sales, created.quoteId));
    // The request's line is priced from the agreement's tier (12 ≥ 10 units): 290 € HT.
    const draftLine = staffView.quote.versions[0]!.lines[0]!;
    expect(draftLine).toMatchObject({ productId: co.product.id, quantity: 12, unitPriceHtCents: 29_000 });
    must(await saveQuoteDraft(db(), sales, draftInput(created.quoteId, 1, { lines: [{ productId: co.product.id, description: draftLine.description, quantity: '12', unitPrice: '290,00', discount: '', vatRateBp: 2000 }] })));
    must(await sendQuote(db(), sales, { quoteId: created.quoteId, version: 1 }));
    const [sentVersion] = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, created.quoteId));
    const sentLines = await db().select().from(quoteLines).where(eq(quoteLines.versionId, sentVersion!.id)).orderBy(asc(quoteLines.position));
    expect(sentVersion).toMatchObject({ totalNetCents: 348_000, totalVatCents: 69_600, totalGrossCents: 417_600 });

    // Every catalogue price of that product moves: list price, agreement line, agreement tier.
    await db().update(products).set({ b2bListPriceHtCents: 99_999 }).where(eq(products.id, co.product.id));
    const [agreementLine] = await db().select().from(agreementLines).where(eq(agreementLines.agreementId, co.agreementId));
    await db().update(agreementLines).set({ unitPriceHtCents: 12_345 }).where(eq(agreementLines.id, agreementLine!.id));
    await db().update(agreementPriceTiers).set({ unitPriceHtCents: 11_111 }).where(eq(agreementPriceTiers.agreementLineId, agreementLine!.id));

    expect((await db().select().from(quoteVersions).where(eq(quoteVersions.id, sentVersion!.id)))[0]).toEqual(sentVersion);
    expect(await db().select().from(quoteLines).where(eq(quoteLines.versionId, sentVersion!.id)).orderBy(asc(quoteLines.position))).toEqual(sentLines);
    const seen = must(await getCompanyQuote(db(), admin, created.quoteId));
    expect(seen.quote.versions[0]).toMatchObject({ totalNetCents: 348_000, lines: [{ unitPriceHtCents: 29_000, netCents: 348_000 }] });

    const accepted = must(await acceptQuote(db(), admin, { quoteId: created.quoteId, version: 1 }));
    const [o] = await db().select().from(orders).where(eq(orders.id, accepted.orderId));
    expect(o).toMatchObject({ origin: 'quote', totalNetCents: 348_000, totalVatCents: 69_600, totalGrossCents: 417_600 });
    expect(o!.vatBreakdown).toEqual(sentVersion!.vatBreakdown);
    const ol = await db().select().from(orderLines).where(eq(orderLines.orderId, o!.id));
    expect(ol.map((l) => [l.productId, l.quantity, l.unitPriceCents, l.netCents, l.priceSource])).toEqual([[co.product.id, 12, 29_000, 348_000, 'quote']]);
  });

  it('the database freezes a sent version and its lines (update, delete, insert); the draft stays editable', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    const q = await sentQuote(co);
    must(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: standardLines(co) })));
    const versions = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, q.quoteId)).orderBy(asc(quoteVersions.version));
    const [sent, draft] = versions as [typeof versions[number], typeof versions[number]];
    expect([sent.sentAt !== null, draft.sentAt === null]).toEqual([true, true]);
    const sentLinesBefore = await db().select().from(quoteLines).where(eq(quoteLines.versionId, sent.id)).orderBy(asc(quoteLines.position));
    const d = db();

    expect(await failure(d.execute(sql`update quote_versions set client_note = 'modifié' where id = ${sent.id}`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`update quote_versions set sent_at = null where id = ${sent.id}`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`update quote_versions set total_net_cents = 1, total_gross_cents = 1 + total_vat_cents where id = ${sent.id}`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`delete from quote_versions where id = ${sent.id}`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`update quote_lines set unit_price_ht_cents = 1 where version_id = ${sent.id}`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`delete from quote_lines where version_id = ${sent.id}`))).toMatch(/frozen/);
    // Moving a line out of the sent version, or a draft line into it.
    expect(await failure(d.execute(sql`update quote_lines set version_id = ${draft.id}, position = 99 where version_id = ${sent.id} and position = 1`))).toMatch(/frozen/);
    expect(await failure(d.execute(sql`update quote_lines set version_id = ${sent.id}, position = 99 where version_id = ${draft.id} and position = 1`))).toMatch(/frozen/);
    const extra = { position: 50, description: 'Ajout', quantity: 1, unitPriceHtCents: 100, discountBp: 0, vatRateBp: 2000, vatCategory: 'S' as const, lineTotalCents: 100, netCents: 100 };
    expect(await failure(d.insert(quoteLines).values({ ...extra, versionId: sent.id }))).toMatch(/frozen/);

    expect((await d.select().from(quoteVersions).where(eq(quoteVersions.id, sent.id)))[0]).toEqual(sent);
    expect(await d.select().from(quoteLines).where(eq(quoteLines.versionId, sent.id)).orderBy(asc(quoteLines.position))).toEqual(sentLinesBefore);

    // The draft is ordinary data until it is sent.
    await d.execute(sql`update quote_versions set client_note = 'brouillon' where id = ${draft.id}`);
    await d.execute(sql`update quote_lines set description = 'Retouché' where version_id = ${draft.id} and position = 1`);
    await d.insert(quoteLines).values({ ...extra, versionId: draft.id });
    await d.execute(sql`delete from quote_lines where version_id = ${draft.id} and position = 50`);
    expect((await d.select().from(quoteVersions).where(eq(quoteVersions.id, draft.id)))[0]!.clientNote).toBe('brouillon');
    expect((await d.select().from(quoteLines).where(and(eq(quoteLines.versionId, draft.id), eq(quoteLines.position, 1))))[0]!.description).toBe('Retouché');
  });

  describe('state machine', () => {
    it('sending needs a validity date from today on and at least one line', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const created = must(await createQuote(db(), sales, { accountId: co.accountId }));
      const unchanged = async () => {
        expect(await quoteRow(created.quoteId)).toMatchObject({ status: 'in_preparation', latestSentVersion: null, validUntil: null });
        const vs = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, created.quoteId));
        expect(vs.map((v) => [v.version, v.sentAt])).toEqual([[1, null]]);
        expect(await statusHistory(created.quoteId)).toEqual(['null>in_preparation']);
      };
      // A scratch quote has no date and no line yet.
      expect(await sendQuote(db(), sales, { quoteId: created.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.validUntilRequired });
      await unchanged();
      await db().update(quoteVersions).set({ validUntil: inDays(10) }).where(eq(quoteVersions.quoteId, created.quoteId));
      expect(await sendQuote(db(), sales, { quoteId: created.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.noLines });
      await db().update(quoteVersions).set({ validUntil: null }).where(eq(quoteVersions.quoteId, created.quoteId));
      await unchanged();
      expect(await saveQuoteDraft(db(), sales, draftInput(created.quoteId, 1, { lines: [] }))).toMatchObject({ ok: false, error: e.noLines });
      must(await saveQuoteDraft(db(), sales, draftInput(created.quoteId, 1, { lines: standardLines(co), validUntil: inDays(-1) })));
      expect(await sendQuote(db(), sales, { quoteId: created.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.validUntilPast });
      expect(await quoteRow(created.quoteId)).toMatchObject({ status: 'in_preparation', latestSentVersion: null });
      must(await saveQuoteDraft(db(), sales, draftInput(created.quoteId, 1, { lines: standardLines(co), validUntil: parisDate() })));
      expect(await sendQuote(db(), sales, { quoteId: created.quoteId, version: 1 })).toEqual({ ok: true, value: { version: 1, validUntil: parisDate() } });
      expect(await quoteRow(created.quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 1, validUntil: parisDate() });
      // A customer or a portal user cannot send.
      expect(await sendQuote(db(), await co.person('purchaser'), { quoteId: created.quoteId, version: 1 })).toEqual({ ok: false, error: NOT_ALLOWED });
    });

    it('a stale version can be neither sent nor overwritten', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const q = await draftQuote(co);
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 2 })).toMatchObject({ ok: false, error: e.draftChanged });
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 2, { lines: standardLines(co) }))).toMatchObject({ ok: false, error: e.draftChanged });
      must(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 }));
      // Sending v1 again: nothing left to send.
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.nothingToSend });
      // Two salespeople open the sent v1; the first save opens v2, the second is told the draft changed.
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: standardLines(co), clientNote: 'premier' }))).toEqual({ ok: true, value: { version: 2 } });
      expect(await saveQuoteDraft(db(), sales2, draftInput(q.quoteId, 1, { lines: standardLines(co), clientNote: 'second' }))).toMatchObject({ ok: false, error: e.draftChanged });
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.draftChanged });
      const vs = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, q.quoteId)).orderBy(asc(quoteVersions.version));
      expect(vs.map((v) => [v.version, v.sentAt !== null, v.clientNote])).toEqual([
        [1, true, ''],
        [2, false, 'premier'],
      ]);
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 1 });
    });

    it('editing a sent quote opens version N+1 as a draft; version N stays acceptable until N+1 is sent', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      const cheaper = [{ ...standardLines(co)[0]!, unitPrice: '250,00' }, standardLines(co)[1]!];
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: cheaper }))).toEqual({ ok: true, value: { version: 2 } });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 1 });
      const seen = must(await getCompanyQuote(db(), purchaser, q.quoteId));
      expect(seen.canDecide).toBe(true);
      expect(seen.quote.versions.map((v) => v.version)).toEqual([1]);
      // The unsent v2 is not acceptable; v1 is, at v1's amounts.
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 2 })).toMatchObject({ ok: false });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent', orderId: null });
      const accepted = must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 }));
      expect((await db().select().from(orders).where(eq(orders.id, accepted.orderId)))[0]).toMatchObject({ totalNetCents: STANDARD_NET });
      // Once accepted, the leftover draft can be neither saved nor sent.
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 2, { lines: cheaper }))).toMatchObject({ ok: false, error: e.quoteClosed });
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 2 })).toMatchObject({ ok: false, error: e.quoteClosed });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'accepted', latestSentVersion: 1 });
    });

    it('an expired quote is re-issued by staff as a new version with a new date, then acceptable again', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q.quoteId));
      // Reading it (staff side) applies the expiry.
      expect(must(await getQuoteForStaff(db(), sales, q.quoteId)).quote.status).toBe('expired');
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false });
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: standardLines(co), validUntil: inDays(15) }))).toEqual({ ok: true, value: { version: 2 } });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'in_preparation', latestSentVersion: 1 });
      expect(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 2 })).toEqual({ ok: true, value: { version: 2, validUntil: inDays(15) } });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 2, validUntil: inDays(15) });
      expect(await statusHistory(q.quoteId)).toEqual(['null>in_preparation', 'in_preparation>sent', 'sent>expired', 'expired>in_preparation', 'in_preparation>sent']);
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.oldVersion });
      must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 2 }));
    });

    it('a decline records its reason on the quote, in the history and as a note on the opportunity, whose stage stays', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      const [oppBefore] = await db().select().from(opportunities).where(eq(opportunities.id, q.opportunityId));
      expect(oppBefore!.stage).toBe('proposal');
      expect(await declineQuote(db(), purchaser, { quoteId: q.quoteId, version: 1, reason: '' })).toMatchObject({ ok: false });
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent' });
      must(await declineQuote(db(), purchaser, { quoteId: q.quoteId, version: 1, reason: 'Budget reporté à l’an prochain' }));
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'declined', decisionReason: 'Budget reporté à l’an prochain', decidedByUserId: purchaser.userId, orderId: null });
      const [last] = await db().select().from(quoteEvents).where(eq(quoteEvents.quoteId, q.quoteId)).orderBy(sql`${quoteEvents.id} desc`).limit(1);
      expect(last).toMatchObject({ kind: 'quote_status', fromState: 'sent', toState: 'declined', version: 1, actorUserId: purchaser.userId, byStaff: false, note: 'Budget reporté à l’an prochain' });
      const notes = await db().select().from(activities).where(eq(activities.opportunityId, q.opportunityId));
      expect(notes).toEqual([expect.objectContaining({ kind: 'note', accountId: co.accountId, personId: purchaser.personId, body: expect.stringContaining('Budget reporté à l’an prochain') })]);
      const [oppAfter] = await db().select().from(opportunities).where(eq(opportunities.id, q.opportunityId));
      expect(oppAfter!.stage).toBe('proposal');
      expect(await db().select({ n: count() }).from(orders).where(eq(orders.accountId, co.accountId))).toEqual([{ n: 0 }]);
      // Final: nothing moves it any more.
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.notDecidable });
      expect(await withdrawQuote(db(), sales, { quoteId: q.quoteId, reason: 'x' })).toMatchObject({ ok: false, error: e.notWithdrawable });
      expect(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: standardLines(co) }))).toMatchObject({ ok: false, error: e.quoteClosed });
    });

    it('a change request sends the quote back to staff (changes_requested) with the comment; it cannot be accepted meanwhile', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const admin = await co.person('company_admin');
      const q = await sentQuote(co);
      must(await requestQuoteChanges(db(), admin, { quoteId: q.quoteId, version: 1, comment: 'Pose en deux fois ?' }));
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'changes_requested', latestSentVersion: 1, orderId: null });
      const [last] = await db().select().from(quoteEvents).where(eq(quoteEvents.quoteId, q.quoteId)).orderBy(sql`${quoteEvents.id} desc`).limit(1);
      expect(last).toMatchObject({ fromState: 'sent', toState: 'changes_requested', note: 'Pose en deux fois ?', byStaff: false });
      expect(await db().select({ n: count() }).from(activities).where(eq(activities.opportunityId, q.opportunityId))).toEqual([{ n: 1 }]);
      expect(await acceptQuote(db(), admin, { quoteId: q.quoteId, version: 1 })).toMatchObject({ ok: false, error: e.notDecidable });
      expect(await requestQuoteChanges(db(), admin, { quoteId: q.quoteId, version: 1, comment: 'Encore' })).toMatchObject({ ok: false, error: e.notDecidable });
      expect(must(await getCompanyQuote(db(), admin, q.quoteId)).canDecide).toBe(false);
      // Staff may still withdraw it.
      must(await withdrawQuote(db(), sales, { quoteId: q.quoteId, reason: 'Projet abandonné' }));
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'withdrawn', decisionReason: 'Projet abandonné' });
    });

    it('an accepted quote cannot be withdrawn', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 }));
      const before = await snapshot(co, q.quoteId);
      expect(await withdrawQuote(db(), sales, { quoteId: q.quoteId, reason: 'Erreur de prix' })).toEqual({ ok: false, error: e.alreadyAccepted });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
    });

    it('a withdrawn quote can no longer be decided', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const purchaser = await co.person('purchaser');
      const q = await sentQuote(co);
      expect(await withdrawQuote(db(), purchaser, { quoteId: q.quoteId, reason: 'x' })).toEqual({ ok: false, error: NOT_ALLOWED });
      must(await withdrawQuote(db(), sales, { quoteId: q.quoteId, reason: 'Erreur de prix' }));
      const before = await snapshot(co, q.quoteId);
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.notDecidable });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      expect(await statusHistory(q.quoteId)).toEqual(['null>in_preparation', 'in_preparation>sent', 'sent>withdrawn']);
    });

    it('requesters comment but do not decide', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const q = await sentQuote(co, { requester });
      const before = await snapshot(co, q.quoteId);
      expect(await declineQuote(db(), requester, { quoteId: q.quoteId, version: 1, reason: 'Non' })).toEqual({ ok: false, error: e.purchaserOnly });
      expect(await requestQuoteChanges(db(), requester, { quoteId: q.quoteId, version: 1, comment: 'Autre' })).toEqual({ ok: false, error: e.purchaserOnly });
      expect(await snapshot(co, q.quoteId)).toEqual(before);
      expect(must(await getCompanyQuote(db(), requester, q.quoteId)).canDecide).toBe(false);

      must(await commentOnQuote(db(), requester, { quoteId: q.quoteId, comment: 'Peut-on livrer un samedi ?' }));
      must(await commentOnQuote(db(), sales, { quoteId: q.quoteId, comment: 'Oui, sans supplément.' }));
      expect(await commentOnQuote(db(), requester, { quoteId: q.quoteId, comment: '   ' })).toMatchObject({ ok: false });
      const comments = await db().select().from(quoteEvents).where(and(eq(quoteEvents.quoteId, q.quoteId), eq(quoteEvents.kind, 'comment'))).orderBy(asc(quoteEvents.id));
      expect(comments.map((c) => [c.note, c.byStaff, c.actorUserId, c.version])).toEqual([
        ['Peut-on livrer un samedi ?', false, requester.userId, 1],
        ['Oui, sans supplément.', true, sales.userId, 1],
      ]);
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent' });
    });

    it('a request is cancelled by its requester or a purchaser, not by another requester, and not once quoted', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const alice = await co.person('requester');
      const bob = await co.person('requester');
      const purchaser = await co.person('purchaser');
      const status = async (id: string) => (await db().select().from(quoteRequests).where(eq(quoteRequests.id, id)))[0]!.status;
      const r1 = must(await submitQuoteRequest(db(), alice, { title: 'Perceuses', description: 'Trois perceuses' }));
      expect(await cancelQuoteRequest(db(), bob, { requestId: r1.requestId })).toEqual({ ok: false, error: e.notYourRequest });
      expect(await status(r1.requestId)).toBe('submitted');
      expect(await cancelQuoteRequest(db(), alice, { requestId: r1.requestId })).toEqual({ ok: true, value: null });
      expect(await status(r1.requestId)).toBe('cancelled');
      expect(await cancelQuoteRequest(db(), alice, { requestId: r1.requestId })).toEqual({ ok: false, error: e.requestClosed });
      const history = await db().select().from(quoteEvents).where(eq(quoteEvents.requestId, r1.requestId)).orderBy(asc(quoteEvents.id));
      expect(history.map((h) => `${h.fromState}>${h.toState}`)).toEqual(['null>submitted', 'submitted>cancelled']);

      const r2 = must(await submitQuoteRequest(db(), alice, { title: 'Établis', description: 'Deux établis' }));
      expect(await cancelQuoteRequest(db(), purchaser, { requestId: r2.requestId })).toEqual({ ok: true, value: null });
      expect(await status(r2.requestId)).toBe('cancelled');
      expect(await createQuote(db(), sales, { requestId: r2.requestId })).toMatchObject({ ok: false, error: e.requestClosed });

      // In progress: cancelling withdraws the quote being prepared.
      const r3 = must(await submitQuoteRequest(db(), alice, { title: 'Étagères', description: 'Rayonnage' }));
      const q3 = must(await createQuote(db(), sales, { requestId: r3.requestId }));
      expect(await status(r3.requestId)).toBe('in_progress');
      must(await cancelQuoteRequest(db(), alice, { requestId: r3.requestId }));
      expect(await quoteRow(q3.quoteId)).toMatchObject({ status: 'withdrawn' });
      expect(await statusHistory(q3.quoteId)).toEqual(['null>in_preparation', 'in_preparation>withdrawn']);

      // Quoted: too late.
      const q4 = await sentQuote(co, { requester: alice });
      expect(await status(q4.requestId!)).toBe('quoted');
      expect(await cancelQuoteRequest(db(), alice, { requestId: q4.requestId! })).toEqual({ ok: false, error: e.cannotCancelRequest });
      expect(await cancelQuoteRequest(db(), purchaser, { requestId: q4.requestId! })).toEqual({ ok: false, error: e.cannotCancelRequest });
      expect(await status(q4.requestId!)).toBe('quoted');
      expect(await quoteRow(q4.quoteId)).toMatchObject({ status: 'sent' });
    });

    it('a request with a sent quote stays non-cancellable when staff start a second quote for it', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const q = await sentQuote(co, { requester });
      // A second quote on the same request (an alternative offer) while the first one is live.
      must(await createQuote(db(), sales, { requestId: q.requestId! }));
      expect(await cancelQuoteRequest(db(), requester, { requestId: q.requestId! })).toMatchObject({ ok: false });
      expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, q.requestId!)))[0]!.status).not.toBe('cancelled');
      expect(await quoteRow(q.quoteId)).toMatchObject({ status: 'sent' });
    });

    it('staff decline a request with a reason; the requester is told; nobody else can', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const requester = await co.person('requester');
      const purchaser = await co.person('purchaser');
      const r = must(await submitQuoteRequest(db(), requester, { title: 'Robot', description: 'Un robot de soudure' }));
      expect(await declineQuoteRequest(db(), purchaser, { requestId: r.requestId, reason: 'x' })).toEqual({ ok: false, error: NOT_ALLOWED });
      expect(await declineQuoteRequest(db(), sales, { requestId: r.requestId, reason: '  ' })).toMatchObject({ ok: false });
      expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, r.requestId)))[0]).toMatchObject({ status: 'submitted', declineReason: null });
      must(await declineQuoteRequest(db(), sales, { requestId: r.requestId, reason: 'Hors de notre gamme' }));
      expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, r.requestId)))[0]).toMatchObject({ status: 'declined', declineReason: 'Hors de notre gamme' });
      const [last] = await db().select().from(quoteEvents).where(eq(quoteEvents.requestId, r.requestId)).orderBy(sql`${quoteEvents.id} desc`).limit(1);
      expect(last).toMatchObject({ fromState: 'submitted', toState: 'declined', byStaff: true, actorUserId: sales.userId, note: 'Hors de notre gamme' });
      const mails = await db().select().from(outbox).where(eq(outbox.toAddress, requester.email));
      expect(mails.some((m) => m.bodyText.includes('Hors de notre gamme'))).toBe(true);
      expect(await declineQuoteRequest(db(), sales, { requestId: r.requestId, reason: 'Encore' })).toEqual({ ok: false, error: e.requestNotDeclinable });
      expect(await cancelQuoteRequest(db(), requester, { requestId: r.requestId })).toEqual({ ok: false, error: e.requestClosed });
      expect(must(await getCompanyRequest(db(), requester, r.requestId)).request).toMatchObject({ status: 'declined', declineReason: 'Hors de notre gamme' });
    });

    it('requesters see their own requests, purchasers the whole company’s', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const alice = await co.person('requester');
      const bob = await co.person('requester');
      const purchaser = await co.person('purchaser');
      const admin = await co.person('company_admin');
      const ra = must(await submitQuoteRequest(db(), alice, { title: 'A', description: 'Besoin A' }));
      const rb = must(await submitQuoteRequest(db(), bob, { title: 'B', description: 'Besoin B' }));
      const ids = async (who: Actor) => {
        const list = must(await listCompanyRequests(db(), who, { page: 1 }));
        return list.rows.map((r) => r.id).sort();
      };
      expect(await ids(alice)).toEqual([ra.requestId]);
      expect(await ids(bob)).toEqual([rb.requestId]);
      expect(await ids(purchaser)).toEqual([ra.requestId, rb.requestId].sort());
      expect(await ids(admin)).toEqual([ra.requestId, rb.requestId].sort());
      expect(await getCompanyRequest(db(), alice, rb.requestId)).toEqual({ ok: false, error: e.notFound });
      expect(await getCompanyRequest(db(), purchaser, rb.requestId)).toMatchObject({ ok: true, value: { request: { id: rb.requestId }, canCancel: true } });
    });

    it('the client never sees a quote never sent, a draft version, nor our internal notes', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const purchaser = await co.person('purchaser');
      const q = await draftQuote(co, { requester, internalNotes: 'MARGE-SECRETE-1' });
      const listIds = async (who: Actor) => must(await listCompanyQuotes(db(), who, { page: 1 })).rows.map((r) => r.id);
      expect(await listIds(purchaser)).not.toContain(q.quoteId);
      expect(await getCompanyQuote(db(), purchaser, q.quoteId)).toEqual({ ok: false, error: e.notFound });
      expect(await commentOnQuote(db(), requester, { quoteId: q.quoteId, comment: 'Alors ?' })).toEqual({ ok: false, error: e.notFound });
      expect(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 1 })).toEqual({ ok: false, error: e.notFound });
      expect(must(await getCompanyRequest(db(), requester, q.requestId!)).request.quotes).toEqual([]);

      must(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 }));
      const secretLine = { description: 'LIGNE-BROUILLON-2', quantity: '1', unitPrice: '9 999,00', discount: '', vatRateBp: 2000 };
      must(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: [...standardLines(co), secretLine], clientNote: 'NOTE-BROUILLON-2', internalNotes: 'MARGE-SECRETE-2' })));
      for (const who of [requester, purchaser]) {
        const seen = must(await getCompanyQuote(db(), who, q.quoteId));
        expect(seen.quote.versions.map((v) => [v.version, v.sent])).toEqual([[1, true]]);
        const text = JSON.stringify(seen);
        for (const secret of ['MARGE-SECRETE', 'LIGNE-BROUILLON-2', 'NOTE-BROUILLON-2']) expect(text).not.toContain(secret);
        const row = must(await listCompanyQuotes(db(), who, { page: 1 })).rows.find((r) => r.id === q.quoteId);
        expect(row).toMatchObject({ latestSentVersion: 1, totalNetCents: STANDARD_NET });
        expect(JSON.stringify(must(await getCompanyRequest(db(), who, q.requestId!)))).not.toContain('MARGE-SECRETE');
      }
      // Staff see both, and the notes.
      const staff = must(await getQuoteForStaff(db(), sales, q.quoteId));
      expect(staff.internalNotes).toBe('MARGE-SECRETE-2');
      expect(staff.quote.versions.map((v) => [v.version, v.sent])).toEqual([
        [2, false],
        [1, true],
      ]);
    });

    it('a request’s page shows its overdue quote as expired, like the quote list does', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const q = await sentQuote(co, { requester });
      await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q.quoteId));
      // Read first through the request (portal, then back office): the quote it lists is past its validity.
      expect(must(await getCompanyRequest(db(), requester, q.requestId!)).request.quotes).toEqual([expect.objectContaining({ id: q.quoteId, status: 'expired' })]);
      expect(must(await getRequestForStaff(db(), sales, q.requestId!)).quotes).toEqual([expect.objectContaining({ id: q.quoteId, status: 'expired' })]);
    });

    it('the first send moves the opportunity to proposal at the quote amount; a version 2 sent in negotiation leaves it there', async () => {
      const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
      const requester = await co.person('requester');
      const q = await draftQuote(co, { requester });
      const opp = async () => (await db().select().from(opportunities).where(eq(opportunities.id, q.opportunityId)))[0]!;
      const stages = async () =>
        (await db().select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, q.opportunityId)).orderBy(asc(opportunityStageHistory.createdAt), asc(opportunityStageHistory.id))).map(
          (h) => `${h.fromStage}>${h.toStage}`,
        );
      expect(await opp()).toMatchObject({ stage: 'qualification', accountId: co.accountId });
      must(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 1 }));
      expect(await opp()).toMatchObject({ stage: 'proposal', amountHtCents: STANDARD_NET });
      expect(await stages()).toEqual(['null>qualification', 'qualification>proposal']);

      await db().update(opportunities).set({ stage: 'negotiation' }).where(eq(opportunities.id, q.opportunityId));
      const v2 = [{ ...standardLines(co)[0]!, unitPrice: '270,00' }, standardLines(co)[1]!];
      must(await saveQuoteDraft(db(), sales, draftInput(q.quoteId, 1, { lines: v2 })));
      must(await sendQuote(db(), sales, { quoteId: q.quoteId, version: 2 }));
      expect(await opp()).toMatchObject({ stage: 'negotiation', amountHtCents: 3 * 27_000 + 50_000 });
      expect(await stages()).toEqual(['null>qualification', 'qualification>proposal']);
    });
  });
});
