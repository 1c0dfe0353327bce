import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { opportunities, outbox, quoteEvents, quoteLines, quoteRequests, quotes, quoteVersions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { parisDate } from '@/lib/purchasing/periods';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';

// The actions read the session through getActor(); here the test decides who is calling.
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

const actions = await import('./actions');
const { submitQuoteRequest } = await import('@/lib/quotes/request-service');
const e = frQuotes.errors;

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The builder's form: header fields plus `lines.N.field` for each line, in display order. */
function draftForm(quoteId: string, baseVersion: number, lines: Record<string, string>[], extra: Record<string, string> = {}): FormData {
  const f = form({
    quoteId,
    baseVersion: String(baseVersion),
    title: 'Éclairage atelier',
    validUntil: inDays(30),
    deliveryTerms: 'Sous 3 semaines',
    paymentTerms: '30 jours fin de mois',
    clientNote: 'Pose comprise',
    internalNotes: 'marge 22 %',
    deliveryAddressId: '',
    intent: 'save',
    ...extra,
  });
  lines.forEach((line, i) => {
    for (const [k, v] of Object.entries(line)) f.set(`lines.${i}.${k}`, v);
  });
  return f;
}

/** Runs an action that must redirect; returns the URL it redirected to. */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error('the action did not redirect');
}

describe.each(backends())('back-office quote actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function quoteRow(quoteId: string) {
    const [q] = await db().select().from(quotes).where(eq(quotes.id, quoteId));
    return q!;
  }

  async function versionsOf(quoteId: string) {
    return db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, quoteId)).orderBy(quoteVersions.version);
  }

  async function requestFrom(co: CompanyFixture) {
    const requester = await co.person('requester');
    const submitted = await submitQuoteRequest(db(), requester, {
      title: 'Rénovation éclairage atelier',
      description: '12 luminaires LED et la pose',
      lines: [
        { productId: co.product.id, description: '', quantity: '12' },
        { description: 'Pose sur site', quantity: '1,5' },
      ],
    });
    if (!submitted.ok) throw new Error(submitted.error);
    return { requester, requestId: submitted.value.requestId };
  }

  /** A quote created from scratch for the fixture company, through the action. */
  async function scratchQuote(co: CompanyFixture): Promise<string> {
    session.actor = sales;
    const url = await redirectOf(actions.createQuoteAction(null, form({ accountId: co.accountId })));
    return url.match(/\/admin\/quotes\/([0-9a-f-]{36})/)![1]!;
  }

  const luminaire = (co: CompanyFixture) => ({ productId: co.product.id, description: 'Luminaire LED', quantity: '12', unitPrice: '300,00', discount: '5', vatRateBp: '2000' });
  const pose = { productId: '', description: 'Pose sur site (jours)', quantity: '1,5', unitPrice: '650', discount: '', vatRateBp: '2000' };
  const notice = { productId: '', description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '', vatRateBp: '550' };

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
  });
  beforeEach(() => {
    session.actor = null;
  });

  it('creates a quote from a request: redirects to its builder, lines priced at the negotiated price, the request in progress', async () => {
    const co = await makeCompany(db());
    const { requestId } = await requestFrom(co);
    session.actor = sales;
    const url = await redirectOf(actions.createQuoteAction(null, form({ requestId })));
    const quoteId = url.match(/^\/admin\/quotes\/([0-9a-f-]{36})\?created=1$/)?.[1];
    expect(quoteId).toBeDefined();
    const q = await quoteRow(quoteId!);
    expect(q).toMatchObject({ requestId, accountId: co.accountId, status: 'in_preparation', title: 'Rénovation éclairage atelier' });
    const [v1] = await versionsOf(quoteId!);
    const lines = await db().select().from(quoteLines).where(eq(quoteLines.versionId, v1!.id)).orderBy(quoteLines.position);
    // Quantity 12 reaches the agreement's tier from 10 units (290,00 €); the free line is to be priced.
    expect(lines.map((l) => [l.sku, l.description, l.quantity, l.unitPriceHtCents])).toEqual([
      [co.product.sku, expect.any(String), 12, 29000],
      [null, 'Pose sur site', 1.5, 0],
    ]);
    const [r] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId));
    expect(r!.status).toBe('in_progress');
    expect(q.opportunityId).toBe(r!.opportunityId);
  });

  it('creates a quote from scratch for a company, with a new CRM opportunity; refuses without a company', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    const q = await quoteRow(quoteId);
    expect(q).toMatchObject({ accountId: co.accountId, requestId: null, status: 'in_preparation' });
    const [opp] = await db().select().from(opportunities).where(eq(opportunities.id, q.opportunityId!));
    expect(opp!.accountId).toBe(co.accountId);

    const [before] = await db().select({ n: count() }).from(quotes);
    expect(await actions.createQuoteAction(null, form({ accountId: '' }))).toMatchObject({ ok: false, error: e.notCompany });
    const [after] = await db().select({ n: count() }).from(quotes);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a quantity with 4 decimals on its field, saves nothing, and echoes what was typed', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    const result = await actions.saveQuoteAction(null, draftForm(quoteId, 1, [luminaire(co), { ...pose, quantity: '1,2345' }]));
    expect(result).toMatchObject({ ok: false, error: e.quantity, fieldErrors: { 'lines.1.quantity': [e.quantity] } });
    expect(Object.keys(result?.fieldErrors ?? {})).toEqual(['lines.1.quantity']);
    expect(result?.values?.['lines.1.quantity']).toBe('1,2345');
    expect(result?.values?.internalNotes).toBe('marge 22 %');
    const [v1] = await versionsOf(quoteId);
    expect(v1!.totalNetCents).toBe(0);
    expect((await quoteRow(quoteId)).title).toBe('Devis');
  });

  it('saves a draft with HT, VAT per rate and TTC computed by the server, internal notes kept off the version', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 1, [luminaire(co), pose, notice]))).toEqual({ ok: true, message: 'Brouillon enregistré (version 1).' });
    const [v1] = await versionsOf(quoteId);
    // 12 × 300 × 0.95 = 3 420 ; 1.5 × 650 = 975 ; 3 × 12.35 = 37.05 → HT 4 432.05 ; VAT 879.00 + 2.04
    expect(v1).toMatchObject({ version: 1, sentAt: null, totalNetCents: 443_205, totalVatCents: 87_900 + 204, deliveryTerms: 'Sous 3 semaines', clientNote: 'Pose comprise' });
    expect(await quoteRow(quoteId)).toMatchObject({ title: 'Éclairage atelier', internalNotes: 'marge 22 %', status: 'in_preparation' });
    // Saving again replaces the same draft; a stale base version is refused.
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 1, [pose]))).toMatchObject({ ok: true });
    expect(await versionsOf(quoteId)).toHaveLength(1);
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 2, [pose]))).toMatchObject({ ok: false, error: e.draftChanged });
  });

  it('refuses to send without a validity date, after saving the draft, with the error on the date field', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    const result = await actions.saveQuoteAction(null, draftForm(quoteId, 1, [pose], { validUntil: '', intent: 'send' }));
    expect(result).toMatchObject({
      ok: false,
      error: `Brouillon enregistré (version 1), mais non envoyé : ${e.validUntilRequired}`,
      fieldErrors: { validUntil: [e.validUntilRequired] },
    });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'in_preparation', latestSentVersion: null });
    const [v1] = await versionsOf(quoteId);
    expect(v1).toMatchObject({ sentAt: null, totalNetCents: 97_500 });
  });

  it('saves and sends version 1, then editing creates version 2 while version 1 stays sent and frozen', async () => {
    const co = await makeCompany(db());
    const { requester, requestId } = await requestFrom(co);
    session.actor = sales;
    const url = await redirectOf(actions.createQuoteAction(null, form({ requestId })));
    const quoteId = url.split('/')[3]!.split('?')[0]!;
    const until = inDays(30);
    const sent = await actions.saveQuoteAction(null, draftForm(quoteId, 1, [luminaire(co), pose], { intent: 'send', validUntil: until }));
    expect(sent).toEqual({ ok: true, message: `Version 1 envoyée au client, valable jusqu’au ${until.split('-').reverse().join('/')}.` });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 1, validUntil: until });
    const [r] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId));
    expect(r!.status).toBe('quoted');
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, requester.email));
    expect(mails.some((x) => x.subject.includes('version 1'))).toBe(true);

    // Editing the sent quote: the base is the sent version, saving opens version 2 as a draft.
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 1, [{ ...luminaire(co), discount: '8' }, pose]))).toEqual({ ok: true, message: 'Brouillon enregistré (version 2).' });
    const versions = await versionsOf(quoteId);
    expect(versions.map((v) => [v.version, v.sentAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(versions[0]!.totalNetCents).toBe(12 * 30000 * 0.95 + 97_500);
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 1 });
    // Then sending version 2 (base is now the draft's version).
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 2, [{ ...luminaire(co), discount: '8' }, pose], { intent: 'send' }))).toMatchObject({ ok: true });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'sent', latestSentVersion: 2 });
  });

  it('withdraws a quote with a reason kept in its history; a reason is required; a withdrawn quote cannot be edited', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    expect(await actions.withdrawQuoteAction(null, form({ quoteId, reason: '  ' }))).toMatchObject({ ok: false, fieldErrors: { reason: [e.required] } });
    expect((await quoteRow(quoteId)).status).toBe('in_preparation');
    expect(await actions.withdrawQuoteAction(null, form({ quoteId, reason: 'Projet abandonné par le client' }))).toEqual({ ok: true, message: 'Devis retiré.' });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'withdrawn', decisionReason: 'Projet abandonné par le client' });
    const [event] = await db()
      .select()
      .from(quoteEvents)
      .where(and(eq(quoteEvents.quoteId, quoteId), eq(quoteEvents.toState, 'withdrawn')));
    expect(event).toMatchObject({ fromState: 'in_preparation', note: 'Projet abandonné par le client', byStaff: true, actorUserId: sales.userId });
    expect(await actions.saveQuoteAction(null, draftForm(quoteId, 1, [pose]))).toMatchObject({ ok: false, error: e.quoteClosed });
    expect(await actions.withdrawQuoteAction(null, form({ quoteId, reason: 'encore' }))).toMatchObject({ ok: false, error: e.notWithdrawable });
  });

  it('declines a request with a reason: the requester is told, and no quote can be made from it any more', async () => {
    const co = await makeCompany(db());
    const { requester, requestId } = await requestFrom(co);
    session.actor = sales;
    expect(await actions.declineRequestAction(null, form({ requestId, reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: [e.required] } });
    expect(await actions.declineRequestAction(null, form({ requestId, reason: 'Hors de notre gamme' }))).toEqual({ ok: true, message: 'Demande déclinée : le demandeur est prévenu.' });
    const [r] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId));
    expect(r).toMatchObject({ status: 'declined', declineReason: 'Hors de notre gamme' });
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, requester.email));
    expect(mails.some((x) => x.bodyText.includes('Hors de notre gamme'))).toBe(true);
    expect(await actions.createQuoteAction(null, form({ requestId }))).toMatchObject({ ok: false, error: e.requestClosed });
    expect(await actions.declineRequestAction(null, form({ requestId, reason: 'encore' }))).toMatchObject({ ok: false, error: e.requestNotDeclinable });
  });

  it('publishes a staff comment in the quote history', async () => {
    const co = await makeCompany(db());
    const quoteId = await scratchQuote(co);
    expect(await actions.commentQuoteAction(null, form({ quoteId, comment: '' }))).toMatchObject({ ok: false, fieldErrors: { comment: [e.required] } });
    expect(await actions.commentQuoteAction(null, form({ quoteId, comment: 'Prix valables hors pose le samedi.' }))).toEqual({ ok: true, message: 'Commentaire publié.' });
    const comments = await db()
      .select()
      .from(quoteEvents)
      .where(and(eq(quoteEvents.quoteId, quoteId), eq(quoteEvents.kind, 'comment')));
    expect(comments).toMatchObject([{ note: 'Prix valables hors pose le samedi.', byStaff: true, actorUserId: sales.userId }]);
  });

  it('finds catalogue products for the picker at the company’s negotiated price, list price otherwise', async () => {
    const co = await makeCompany(db());
    session.actor = sales;
    const found = await actions.searchQuoteProductsAction(co.accountId, co.product.sku.toLowerCase());
    expect(found).toMatchObject({ ok: true, rows: [{ id: co.product.id, sku: co.product.sku, vatRateBp: 2000, listPriceHtCents: 40000, unitPriceHtCents: 30000, onContract: true }] });
    const other = await actions.searchQuoteProductsAction(co.accountId, co.offContract.sku);
    expect(other).toMatchObject({ ok: true, rows: [{ sku: co.offContract.sku, vatRateBp: 550, unitPriceHtCents: 800, onContract: false }] });
    expect(await actions.searchQuoteProductsAction(co.accountId, 'x')).toEqual({ ok: true, rows: [] });
    expect(await actions.searchQuoteProductsAction(co.accountId, '%%')).toEqual({ ok: true, rows: [] });
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a portal requester', 'demandeur@atelier-lumiere.test'],
    ['a portal company admin', 'admin@atelier-lumiere.test'],
  ])('refuses every staff action to %s and changes nothing', async (_label, email) => {
    const co = await makeCompany(db());
    const { requestId } = await requestFrom(co);
    const quoteId = await scratchQuote(co);
    session.actor = email ? await actorOf(email) : null;
    const [quotesBefore] = await db().select({ n: count() }).from(quotes);
    const [eventsBefore] = await db().select({ n: count() }).from(quoteEvents);

    const refusals = [
      await actions.createQuoteAction(null, form({ requestId })),
      await actions.createQuoteAction(null, form({ accountId: co.accountId })),
      await actions.saveQuoteAction(null, draftForm(quoteId, 1, [pose], { intent: 'send' })),
      await actions.withdrawQuoteAction(null, form({ quoteId, reason: 'non' })),
      await actions.declineRequestAction(null, form({ requestId, reason: 'non' })),
    ];
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await actions.searchQuoteProductsAction(co.accountId, co.product.sku)).toMatchObject({ ok: false });
    // A portal user may comment on a quote of their own company once sent; never on this draft of another one.
    expect(await actions.commentQuoteAction(null, form({ quoteId, comment: 'hello' }))).toMatchObject({ ok: false });

    const [quotesAfter] = await db().select({ n: count() }).from(quotes);
    const [eventsAfter] = await db().select({ n: count() }).from(quoteEvents);
    expect(quotesAfter!.n).toBe(quotesBefore!.n);
    expect(eventsAfter!.n).toBe(eventsBefore!.n);
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'in_preparation', title: 'Devis' });
    const [r] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId));
    expect(r!.status).toBe('submitted');
  });
});
