import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { orders, quoteEvents, quotes, quoteVersions, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { parisDate } from '@/lib/purchasing/periods';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';

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

const { acceptQuoteAction, commentOnQuoteAction, declineQuoteAction, requestQuoteChangesAction } = await import('./actions');
const { GET: getPdf } = await import('./[id]/v/[version]/pdf/route');

const e = frQuotes.errors;

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error('the action did not redirect');
}

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe.each(backends())('portal quote decisions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;

  beforeAll(async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    sales = (await loadActor(db(), u!.id))!;
  });
  beforeEach(() => {
    session.actor = null;
  });

  const lines = (co: CompanyFixture, discount = '5') => [
    { productId: co.product.id, description: 'Luminaire', quantity: '4', unitPrice: '300,00', discount, vatRateBp: 2000 },
    { description: 'Pose sur site (jours)', quantity: '1,5', unitPrice: '650,00', discount: '', vatRateBp: 2000 },
  ];

  /** A company with a requester and a purchaser, and a quote our staff sent it (version 1). */
  async function sentQuote() {
    const co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    const requester = await co.person('requester');
    const purchaser = await co.person('purchaser');
    const created = await createQuote(db(), sales, { accountId: co.accountId });
    if (!created.ok) throw new Error(created.error);
    const quoteId = created.value.quoteId;
    const saved = await saveQuoteDraft(db(), sales, { quoteId, baseVersion: 1, title: 'Éclairage', lines: lines(co), validUntil: inDays(30), shipping: '', deliveryTerms: 'Sous 3 semaines', paymentTerms: '30 jours', clientNote: 'Merci', internalNotes: 'marge' });
    if (!saved.ok) throw new Error(saved.error);
    const sent = await sendQuote(db(), sales, { quoteId, version: 1 });
    if (!sent.ok) throw new Error(sent.error);
    return { co, requester, purchaser, quoteId };
  }
  const quoteRow = async (id: string) => (await db().select().from(quotes).where(eq(quotes.id, id)))[0]!;
  const orderCount = async () => (await db().select({ n: count() }).from(orders))[0]!.n;

  it('a purchaser accepts: the order is created at the quoted figures and opened; a second accept is refused', async () => {
    const { purchaser, quoteId } = await sentQuote();
    session.actor = purchaser;
    // A price or a company in the form is ignored: only the quote, the version and the PO reference are read.
    const url = await redirectOf(acceptQuoteAction(null, form({ quoteId, version: '1', purchaseOrderRef: 'BC-2026-17', totalNetCents: '1', accountId: 'x' })));
    const orderId = /^\/b2b\/orders\/([0-9a-f-]{36})\?nouvelle=1$/.exec(url)?.[1];
    expect(orderId).toBeDefined();
    const [v] = await db().select().from(quoteVersions).where(eq(quoteVersions.quoteId, quoteId));
    const [o] = await db().select().from(orders).where(eq(orders.id, orderId!));
    expect(o).toMatchObject({ origin: 'quote', purchaseOrderRef: 'BC-2026-17', totalNetCents: v!.totalNetCents, totalVatCents: v!.totalVatCents, totalGrossCents: v!.totalGrossCents });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'accepted', orderId });
    const before = await orderCount();
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1' }))).toMatchObject({ ok: false, error: e.alreadyAccepted });
    expect(await orderCount()).toBe(before);
  });

  it('refuses acceptance by a requester and by another company, with nothing changed', async () => {
    const { requester, quoteId } = await sentQuote();
    const before = await orderCount();
    session.actor = requester;
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1', purchaseOrderRef: 'X' }))).toMatchObject({ ok: false, error: e.purchaserOnly, values: { purchaseOrderRef: 'X' } });
    expect(await requestQuoteChangesAction(null, form({ quoteId, version: '1', comment: 'Moins cher ?' }))).toMatchObject({ ok: false, error: e.purchaserOnly });
    expect(await declineQuoteAction(null, form({ quoteId, version: '1', reason: 'Non' }))).toMatchObject({ ok: false, error: e.purchaserOnly });
    const other = await makeCompany(db());
    session.actor = await other.person('company_admin');
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1' }))).toMatchObject({ ok: false, error: e.notFound });
    expect(await commentOnQuoteAction(null, form({ quoteId, comment: 'Intrus' }))).toMatchObject({ ok: false, error: e.notFound });
    session.actor = null;
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1' }))).toMatchObject({ ok: false });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'sent', orderId: null });
    expect(await orderCount()).toBe(before);
  });

  it('a purchaser requests changes (comment required); once version 2 is sent, version 1 can no longer be accepted', async () => {
    const { co, purchaser, quoteId } = await sentQuote();
    session.actor = purchaser;
    expect(await requestQuoteChangesAction(null, form({ quoteId, version: '1', comment: '  ' }))).toMatchObject({ ok: false, fieldErrors: { comment: [e.required] } });
    expect((await quoteRow(quoteId)).status).toBe('sent');
    expect(await requestQuoteChangesAction(null, form({ quoteId, version: '1', comment: 'Remise de 8 % ?' }))).toMatchObject({ ok: true });
    expect((await quoteRow(quoteId)).status).toBe('changes_requested');
    const [ev] = await db().select().from(quoteEvents).where(eq(quoteEvents.quoteId, quoteId)).then((r) => r.filter((x) => x.toState === 'changes_requested'));
    expect(ev).toMatchObject({ note: 'Remise de 8 % ?', actorUserId: purchaser.userId, version: 1 });

    const v2 = await saveQuoteDraft(db(), sales, { quoteId, baseVersion: 1, title: 'Éclairage', lines: lines(co, '8'), validUntil: inDays(30), shipping: '', deliveryTerms: '', paymentTerms: '30 jours', clientNote: '', internalNotes: '' });
    expect(v2).toEqual({ ok: true, value: { version: 2 } });
    expect((await sendQuote(db(), sales, { quoteId, version: 2 })).ok).toBe(true);
    const before = await orderCount();
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1' }))).toMatchObject({ ok: false, error: e.oldVersion });
    expect(await orderCount()).toBe(before);
    expect(await redirectOf(acceptQuoteAction(null, form({ quoteId, version: '2' })))).toMatch(/^\/b2b\/orders\//);
  });

  it('a company admin declines with a reason (required)', async () => {
    const { co, quoteId } = await sentQuote();
    session.actor = await co.person('company_admin');
    expect(await declineQuoteAction(null, form({ quoteId, version: '1', reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: [e.required] } });
    expect(await declineQuoteAction(null, form({ quoteId, version: '1', reason: 'Budget reporté' }))).toMatchObject({ ok: true });
    expect(await quoteRow(quoteId)).toMatchObject({ status: 'declined', decisionReason: 'Budget reporté' });
    expect(await acceptQuoteAction(null, form({ quoteId, version: '1' }))).toMatchObject({ ok: false, error: e.notDecidable });
  });

  it('every user of the company comments, requesters included; an empty comment is refused', async () => {
    const { requester, quoteId } = await sentQuote();
    session.actor = requester;
    expect(await commentOnQuoteAction(null, form({ quoteId, comment: '' }))).toMatchObject({ ok: false, fieldErrors: { comment: [e.required] } });
    expect(await commentOnQuoteAction(null, form({ quoteId, comment: 'Délai possible en mai ?' }))).toMatchObject({ ok: true });
    const comments = (await db().select().from(quoteEvents).where(eq(quoteEvents.quoteId, quoteId))).filter((x) => x.kind === 'comment');
    expect(comments).toMatchObject([{ note: 'Délai possible en mai ?', actorUserId: requester.userId, byStaff: false, version: 1 }]);
  });

  it('serves the PDF of a sent version to the company only', async () => {
    const { requester, quoteId } = await sentQuote();
    const { number } = await quoteRow(quoteId);
    const get = (version: string) => getPdf(new Request('http://localhost/'), { params: Promise.resolve({ id: quoteId, version }) });
    session.actor = requester;
    const res = await get('1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${number}-v1.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect((await get('2')).status).toBe(404);
    expect((await get('abc')).status).toBe(404);
    session.actor = await (await makeCompany(db())).person('purchaser');
    expect((await get('1')).status).toBe(404);
    session.actor = sales;
    expect((await get('1')).status).toBe(404);
    session.actor = null;
    expect((await get('1')).status).toBe(404);
  });
});
