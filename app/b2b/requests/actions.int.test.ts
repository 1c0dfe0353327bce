import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { quoteRequestLines, quoteRequests, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { parisDate } from '@/lib/purchasing/periods';
import { backends, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';

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

const { cancelQuoteRequestAction, searchRequestProductsAction, submitQuoteRequestAction } = await import('./actions');

const e = frQuotes.errors;

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

/** Runs an action expected to end with a redirect; returns where it went. */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error('the action did not redirect');
}

function yesterday(): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe.each(backends())('portal requests for quote on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  const requestCount = async () => (await db().select({ n: count() }).from(quoteRequests))[0]!.n;

  beforeEach(() => {
    session.actor = null;
  });

  it('submits a request with a catalogue line and a free line for the session’s company, blank rows dropped, then opens it', async () => {
    const co = await makeCompany(db());
    const other = await makeCompany(db());
    session.actor = await co.person('requester');
    const url = await redirectOf(
      submitQuoteRequestAction(
        null,
        form({
          title: 'Rénovation éclairage',
          description: '40 luminaires LED et la pose',
          desiredDate: '',
          budgetHint: '12 500,50',
          // A company id slipped into the form is ignored: the company is the session's.
          accountId: other.accountId,
          'lines.0.productId': co.product.id,
          'lines.0.description': '',
          'lines.0.quantity': '12',
          'lines.1.description': '',
          'lines.1.quantity': '',
          'lines.2.description': 'Pose sur site',
          'lines.2.quantity': '1,5',
        }),
      ),
    );
    const id = /^\/b2b\/requests\/([0-9a-f-]{36})\?nouvelle=1$/.exec(url)?.[1];
    expect(id).toBeDefined();
    const [r] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, id!));
    expect(r).toMatchObject({ accountId: co.accountId, requestedByUserId: session.actor.userId, status: 'submitted', title: 'Rénovation éclairage', budgetHintHtCents: 1_250_050, desiredDate: null });
    const lines = await db().select().from(quoteRequestLines).where(eq(quoteRequestLines.requestId, id!)).orderBy(quoteRequestLines.position);
    expect(lines.map((l) => [l.position, l.productId, l.quantity])).toEqual([
      [1, co.product.id, 12],
      [2, null, 1.5],
    ]);
    // A catalogue line is described by the product's name.
    expect(lines[0]!.description).toMatch(/^Produit /);
    expect(lines[1]!.description).toBe('Pose sur site');
  });

  it('returns each error on its field — line errors on the row typed — with everything typed, and creates nothing', async () => {
    const co = await makeCompany(db());
    session.actor = await co.person('purchaser');
    const before = await requestCount();
    const typed = {
      title: '',
      description: 'Un besoin',
      desiredDate: yesterday(),
      budgetHint: '12,345',
      'lines.0.productId': co.product.id,
      'lines.0.quantity': '2,5',
      'lines.1.description': '',
      'lines.1.quantity': '',
      'lines.2.description': 'Prestation',
      'lines.2.quantity': '0',
      'lines.3.description': '',
      'lines.3.quantity': '3',
    };
    const result = await submitQuoteRequestAction(null, form(typed));
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: [e.required], budgetHint: [expect.any(String)], 'lines.0.quantity': [e.wholeQuantity], 'lines.2.quantity': [e.quantity], 'lines.3.description': [e.required] } });
    // The blank row 1 was dropped, yet the errors of the rows after it keep their form positions.
    expect(result!.fieldErrors).not.toHaveProperty('lines.1.quantity');
    expect(result!.values).toMatchObject(typed);
    expect(await requestCount()).toBe(before);

    // A past desired date is refused on its field once the rest is valid.
    const past = await submitQuoteRequestAction(null, form({ title: 'Besoin', description: 'Texte', desiredDate: yesterday() }));
    expect(past).toMatchObject({ ok: false, fieldErrors: { desiredDate: [e.desiredDatePast] } });
    expect(await requestCount()).toBe(before);
  });

  it('refuses a visitor and staff', async () => {
    const before = await requestCount();
    expect(await submitQuoteRequestAction(null, form({ title: 'X', description: 'Y' }))).toMatchObject({ ok: false });
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    session.actor = await loadActor(db(), u!.id);
    expect(await submitQuoteRequestAction(null, form({ title: 'X', description: 'Y' }))).toMatchObject({ ok: false });
    expect(await requestCount()).toBe(before);
  });

  it('cancels: the requester their own request, not a colleague’s; another company finds nothing', async () => {
    const co = await makeCompany(db());
    const other = await makeCompany(db());
    const requester = await co.person('requester');
    const colleague = await co.person('requester');
    session.actor = requester;
    const url = await redirectOf(submitQuoteRequestAction(null, form({ title: 'Besoin', description: 'Texte' })));
    const requestId = url.split('/')[3]!.split('?')[0]!;

    session.actor = colleague;
    expect(await cancelQuoteRequestAction(null, form({ requestId }))).toMatchObject({ ok: false, error: e.notYourRequest });
    session.actor = await other.person('purchaser');
    expect(await cancelQuoteRequestAction(null, form({ requestId }))).toMatchObject({ ok: false, error: e.notFound });
    expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId)))[0]!.status).toBe('submitted');

    session.actor = requester;
    expect(await cancelQuoteRequestAction(null, form({ requestId }))).toMatchObject({ ok: true });
    expect((await db().select().from(quoteRequests).where(eq(quoteRequests.id, requestId)))[0]!.status).toBe('cancelled');
    expect(await cancelQuoteRequestAction(null, form({ requestId }))).toMatchObject({ ok: false, error: e.requestClosed });
  });

  it('a purchaser cancels a colleague’s request', async () => {
    const co = await makeCompany(db());
    session.actor = await co.person('requester');
    const url = await redirectOf(submitQuoteRequestAction(null, form({ title: 'Besoin', description: 'Texte' })));
    const requestId = url.split('/')[3]!.split('?')[0]!;
    session.actor = await co.person('purchaser');
    expect(await cancelQuoteRequestAction(null, form({ requestId }))).toMatchObject({ ok: true });
  });

  it('the line picker finds the company’s catalogue products by SKU or name, and nothing for a visitor', async () => {
    const co = await makeCompany(db());
    session.actor = await co.person('requester');
    const bySku = await searchRequestProductsAction(co.product.sku);
    expect(bySku).toMatchObject({ ok: true, products: [{ productId: co.product.id, sku: co.product.sku }] });
    const byName = await searchRequestProductsAction(`produit ${co.product.sku.slice(1).toLowerCase()}`);
    expect(byName.ok && byName.products.map((p) => p.productId)).toContain(co.product.id);
    // Off-contract products are not offered to a company that may not order them.
    const off = await searchRequestProductsAction(co.offContract.sku);
    expect(off).toEqual({ ok: true, products: [] });
    expect(await searchRequestProductsAction('a')).toEqual({ ok: true, products: [] });
    session.actor = null;
    expect(await searchRequestProductsAction(co.product.sku)).toMatchObject({ ok: false });
  });
});
