import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activities, quotes, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { parisDate } from '@/lib/purchasing/periods';
import { createQuote, saveQuoteDraft, sendQuote, withdrawQuote } from '@/lib/quotes/builder-service';
import { commentOnQuote } from '@/lib/quotes/comment-service';
import { acceptQuote, declineQuote, requestQuoteChanges } from '@/lib/quotes/decision-service';
import { cancelQuoteRequest, declineQuoteRequest, submitQuoteRequest } from '@/lib/quotes/request-service';
import { backends, useTestDb } from '@/test/db';
import { makeCompany, type CompanyFixture } from '@/test/fixtures/b2b-company';
import { getAccountTimeline, type QuoteTimelineEntry } from './timeline';

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const LINE = { description: 'Pose sur site', quantity: '1', unitPrice: '1 250,00', discount: '', vatRateBp: 2000 };

describe.each(backends())('account timeline on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let co: CompanyFixture;
  let requester: Actor;
  let purchaser: Actor;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }
  async function request(title: string) {
    return must(await submitQuoteRequest(db(), requester, { title, description: 'Le besoin', lines: [] }));
  }
  /** A quote from the request, its draft saved (version `version`) and sent, valid for `days` days. */
  async function saveAndSend(quoteId: string, version: number, days = 30, baseVersion = version) {
    must(await saveQuoteDraft(db(), sales, { quoteId, baseVersion, title: 'Pose', lines: [LINE], validUntil: inDays(days), deliveryTerms: '', paymentTerms: '30 jours', clientNote: '', internalNotes: '' }));
    must(await sendQuote(db(), sales, { quoteId, version }));
  }
  async function quoteSteps(accountId: string): Promise<QuoteTimelineEntry[]> {
    const r = must(await getAccountTimeline(db(), sales, accountId, 200));
    return r.filter((e): e is QuoteTimelineEntry => e.kind === 'quote');
  }

  beforeAll(async () => {
    sales = await actorOf('commercial@comptoir.test');
    co = await makeCompany(db(), { budgetHtCents: 10_000_000 });
    requester = await co.person('requester');
    purchaser = await co.person('purchaser');
  });

  it('refuses anyone but staff', async () => {
    expect((await getAccountTimeline(db(), null, co.accountId)).ok).toBe(false);
    expect((await getAccountTimeline(db(), requester, co.accountId)).ok).toBe(false);
    expect((await getAccountTimeline(db(), purchaser, co.accountId)).ok).toBe(false);
  });

  it('shows every step of a request and its quote, newest first, with numbers, versions, validity, comments and the order', async () => {
    const req = await request('Éclairage atelier');
    const q = must(await createQuote(db(), sales, { requestId: req.requestId }));
    await saveAndSend(q.quoteId, 1, 30);
    must(await commentOnQuote(db(), requester, { quoteId: q.quoteId, comment: 'Le délai de pose est-il ferme ?' }));
    must(await requestQuoteChanges(db(), purchaser, { quoteId: q.quoteId, version: 1, comment: 'Pose un samedi, s’il vous plaît' }));
    await saveAndSend(q.quoteId, 2, 20, 1);
    const accepted = must(await acceptQuote(db(), purchaser, { quoteId: q.quoteId, version: 2 }));

    const steps = await quoteSteps(co.accountId);
    const mine = steps.filter((s) => s.quoteId === q.quoteId || s.requestId === req.requestId);
    expect(mine.map((s) => [s.step, s.number, s.version, s.validUntil, s.orderNumber, s.note])).toEqual([
      ['quote_accepted', q.number, 2, null, accepted.orderNumber, null],
      // A second sending does not move the request again.
      ['quote_sent', q.number, 2, inDays(20), null, null],
      ['quote_reopened', q.number, 2, null, null, null],
      ['quote_changes_requested', q.number, 1, null, null, 'Pose un samedi, s’il vous plaît'],
      ['comment', q.number, 1, null, null, 'Le délai de pose est-il ferme ?'],
      // Steps of one transaction share its time: the later write comes first.
      ['request_quoted', req.number, null, null, null, null],
      ['quote_sent', q.number, 1, inDays(30), null, null],
      ['request_in_progress', req.number, null, null, null, null],
      ['quote_created', q.number, 1, null, null, null],
      ['request_submitted', req.number, null, null, null, null],
    ]);
    const acceptedStep = mine[0]!;
    expect(acceptedStep).toMatchObject({ quoteId: q.quoteId, orderId: accepted.orderId, byStaff: false, title: 'Pose' });
    expect(acceptedStep.actorName).toMatch(/^purchaser /);
    const submitted = mine.at(-1)!;
    expect(submitted).toMatchObject({ quoteId: null, requestId: req.requestId, title: 'Éclairage atelier', byStaff: false });
    expect(submitted.actorName).toMatch(/^requester /);
    expect(mine.find((s) => s.step === 'quote_sent')).toMatchObject({ byStaff: true, actorName: expect.any(String) });
    // The order it created is on the timeline too.
    const all = must(await getAccountTimeline(db(), sales, co.accountId, 200));
    expect(all.some((e) => e.kind === 'order' && e.id === accepted.orderId)).toBe(true);
  });

  it('shows cancellations, declines with their reason, withdrawals and expiries', async () => {
    const cancelled = await request('Annulée');
    must(await cancelQuoteRequest(db(), requester, { requestId: cancelled.requestId }));
    const declined = await request('Déclinée');
    must(await declineQuoteRequest(db(), sales, { requestId: declined.requestId, reason: 'Hors de notre catalogue' }));

    const refused = must(await createQuote(db(), sales, { requestId: (await request('Refusé')).requestId }));
    await saveAndSend(refused.quoteId, 1);
    must(await declineQuote(db(), purchaser, { quoteId: refused.quoteId, version: 1, reason: 'Trop cher' }));

    const withdrawn = must(await createQuote(db(), sales, { accountId: co.accountId }));
    await saveAndSend(withdrawn.quoteId, 1);
    must(await withdrawQuote(db(), sales, { quoteId: withdrawn.quoteId, reason: 'Erreur de tarif' }));

    const expiring = must(await createQuote(db(), sales, { accountId: co.accountId }));
    await saveAndSend(expiring.quoteId, 1, 10);
    // Its validity ended yesterday: reading the timeline expires it, lazily.
    await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, expiring.quoteId));

    const steps = await quoteSteps(co.accountId);
    const of = (pred: (s: QuoteTimelineEntry) => boolean) => steps.filter(pred).map((s) => [s.step, s.note]);
    expect(of((s) => s.requestId === cancelled.requestId)).toEqual([
      ['request_cancelled', null],
      ['request_submitted', null],
    ]);
    expect(of((s) => s.requestId === declined.requestId)).toEqual([
      ['request_declined', 'Hors de notre catalogue'],
      ['request_submitted', null],
    ]);
    expect(of((s) => s.quoteId === refused.quoteId)[0]).toEqual(['quote_declined', 'Trop cher']);
    expect(of((s) => s.quoteId === withdrawn.quoteId)[0]).toEqual(['quote_withdrawn', 'Erreur de tarif']);
    const expired = steps.filter((s) => s.quoteId === expiring.quoteId);
    expect(expired[0]).toMatchObject({ step: 'quote_expired', version: 1, validUntil: inDays(10), note: null, actorName: null });
    expect((await db().select({ status: quotes.status }).from(quotes).where(eq(quotes.id, expiring.quoteId)))[0]!.status).toBe('expired');
    // Reading it again expires nothing twice.
    expect((await quoteSteps(co.accountId)).filter((s) => s.step === 'quote_expired' && s.quoteId === expiring.quoteId)).toHaveLength(1);
    // Every link target exists: the quote, or the request when the step is the request's.
    expect(steps.every((s) => (s.quoteId ?? s.requestId) !== null && s.number !== '')).toBe(true);
  });

  it('reads each source with the limit, merges them newest first, and keeps other accounts out', async () => {
    const other = await makeCompany(db(), { budgetHtCents: null });
    const otherRequester = await other.person('requester');
    must(await submitQuoteRequest(db(), otherRequester, { title: 'Chez un autre', description: 'x', lines: [] }));
    expect((await quoteSteps(co.accountId)).some((s) => s.title === 'Chez un autre')).toBe(false);
    expect((await quoteSteps(other.accountId)).map((s) => s.step)).toEqual(['request_submitted']);

    // An activity dated after every quote step comes first; the limit applies to the merged list.
    await db().insert(activities).values({ accountId: co.accountId, kind: 'call', subject: 'Appel de suivi', occurredAt: new Date(Date.now() + 60_000) });
    const top = must(await getAccountTimeline(db(), sales, co.accountId, 3));
    expect(top).toHaveLength(3);
    expect(top[0]).toMatchObject({ kind: 'activity', subject: 'Appel de suivi' });
    expect(top.slice(1).every((e) => e.kind === 'quote' || e.kind === 'stage' || e.kind === 'order')).toBe(true);
    const times = top.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Not a uuid: nothing, rather than an error.
    expect(await getAccountTimeline(db(), sales, 'pas-un-compte')).toEqual({ ok: true, value: [] });
  });
});
