import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import * as approvals from './approval-service';
import * as cart from './b2b-cart-service';
import * as badges from './portal-badges';
import * as catalogue from './catalogue-service';
import * as ordersService from './orders-service';
import * as placing from './place-b2b-order';
import * as budgets from './budgets-service';
import { createBudgetSchema } from './budget-schemas';
import * as people from '@/lib/companies/people-service';
import * as lists from './shopping-lists-service';
import { orders, persons, positions, quoteEvents, quoteRequests, quotes, spendingBudgets, users } from '@/db/schema';
import { and, count, eq, inArray, or } from 'drizzle-orm';
import { loadActor } from '@/lib/auth/actor';
import { NOT_ALLOWED } from '@/lib/auth/guard';
import { parisDate } from './periods';
import * as quoteRequestsService from '@/lib/quotes/request-service';
import * as quoteDecisions from '@/lib/quotes/decision-service';
import * as quoteComments from '@/lib/quotes/comment-service';
import * as quotePortal from '@/lib/quotes/portal-queries';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';

/**
 * Every exported function of the portal's services, called by company A's people on company B's
 * objects, must answer "not found" or nothing of B's. A new export without a probe here fails the
 * first test: the check cannot be forgotten.
 */
const MODULES = { approvals, cart, badges, catalogue, ordersService, placing, budgets, people, lists, quoteRequestsService, quoteDecisions, quoteComments, quotePortal } as const;

interface World {
  db: Database;
  a: CompanyFixture;
  b: CompanyFixture;
  aRequester: Actor;
  aPurchaser: Actor;
  aAdmin: Actor;
  bPersonId: string;
  bListId: string;
  bBuyerForCheck?: Actor;
  bPendingOrderId: string;
  bPlacedOrderId: string;
  /** B's request answered by a sent quote, and another request still open. */
  bQuotedRequestId: string;
  bOpenRequestId: string;
  bQuoteId: string;
}

type Probe = (w: World) => Promise<void>;

const NOT_FOUND = { ok: false };

const PROBES: Record<string, Probe | 'internal'> = {
  // approvals
  'approvals.approveOrder': async (w) => {
    expect(await approvals.approveOrder(w.db, w.aPurchaser, { orderId: w.bPendingOrderId, contentVersion: 1 })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'approvals.rejectOrder': async (w) => {
    expect(await approvals.rejectOrder(w.db, w.aPurchaser, { orderId: w.bPendingOrderId, reason: 'Intrusion' })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'approvals.cancelPendingOrder': async (w) => {
    expect(await approvals.cancelPendingOrder(w.db, w.aRequester, { orderId: w.bPendingOrderId })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  // Takes a company id from its caller (a service that already authorized the actor), never from a request.
  'approvals.expireDueApprovals': 'internal',
  // cart
  'cart.getB2bCart': async (w) => {
    const view = await cart.getB2bCart(w.db, w.aRequester, w.b.deliveryAddressId);
    expect(view.ok && view.value.deliveryAddressId).not.toBe(w.b.deliveryAddressId);
    expect(view.ok && view.value.deliveryAddresses.map((x) => x.id)).toEqual([w.a.deliveryAddressId]);
  },
  'badges.portalBadges': async (w) => {
    // B has a pending order: A's purchaser counts A's own only.
    const [own] = await w.db.select({ n: count() }).from(orders).where(and(eq(orders.accountId, w.a.accountId), eq(orders.status, 'pending_approval')));
    expect((await badges.portalBadges(w.db, w.aPurchaser)).pendingApprovals).toBe(own!.n);
  },
  'cart.addToB2bCart': async (w) => {
    // B's contract product is off contract for A, which does not allow off-contract orders.
    expect(await cart.addToB2bCart(w.db, w.aRequester, { productId: w.b.product.id, quantity: 1 })).toMatchObject(NOT_FOUND);
  },
  'cart.setB2bCartQuantity': async (w) => {
    await cart.setB2bCartQuantity(w.db, w.aRequester, { productId: w.b.product.id, quantity: 5 });
    const view = await cart.getB2bCart(w.db, w.aRequester);
    expect(view.ok && view.value.lines.map((l) => l.productId)).not.toContain(w.b.product.id);
  },
  'cart.quickOrder': async (w) => {
    expect(await cart.quickOrder(w.db, w.aRequester, `${w.b.product.sku} 1`)).toMatchObject({ ok: false, lineErrors: [{ line: 1 }] });
  },
  'cart.reorder': async (w) => {
    expect(await cart.reorder(w.db, w.aPurchaser, w.bPlacedOrderId)).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  // catalogue
  'catalogue.listNegotiatedCatalogue': async (w) => {
    const page = await catalogue.listNegotiatedCatalogue(w.db, w.aRequester, { page: 1, scope: 'all' });
    expect(page.ok && page.value.rows.map((r) => r.productId)).not.toContain(w.b.product.id);
  },
  'catalogue.quoteB2bPrices': async (w) => {
    const prices = await catalogue.quoteB2bPrices(w.db, w.aRequester, [{ productId: w.b.product.id, quantity: 10 }]);
    // A sees B's product at the list price, never at B's negotiated price or tier.
    expect(prices).toMatchObject({ ok: true, value: [{ source: 'list', unitPriceHtCents: w.b.product.listHtCents, agreementId: null }] });
  },
  // orders
  'ordersService.listCompanyOrders': async (w) => {
    const list = await ordersService.listCompanyOrders(w.db, w.aPurchaser, { page: 1 });
    const ids = list.ok ? list.value.rows.map((r) => r.id) : [];
    expect(ids).not.toContain(w.bPendingOrderId);
    expect(ids).not.toContain(w.bPlacedOrderId);
  },
  'ordersService.getCompanyOrder': async (w) => {
    expect(await ordersService.getCompanyOrder(w.db, w.aPurchaser, w.bPlacedOrderId)).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  // placing
  'placing.placeB2bOrder': async (w) => {
    await cart.addToB2bCart(w.db, w.aRequester, { productId: w.a.product.id, quantity: 1 });
    const attempt = await placing.placeB2bOrder(w.db, w.aRequester, { idempotencyKey: randomUUID(), deliveryAddressId: w.b.deliveryAddressId, expectedNetCents: 30_000 });
    expect(attempt).toMatchObject({ ok: false, error: 'Adresse de livraison introuvable.' });
  },
  // Called inside placement and approval, after their own checks; takes a transaction, not an actor.
  'placing.reserveStock': 'internal',
  'placing.StockRefusal': 'internal',
  // budgets
  'budgets.listBudgets': async (w) => {
    const list = await budgets.listBudgets(w.db, w.aAdmin);
    expect(list.ok && list.value.map((b) => b.id)).not.toContain(w.b.budgetId);
  },
  'budgets.getBudget': async (w) => {
    expect(await budgets.getBudget(w.db, w.aAdmin, w.b.budgetId!)).toMatchObject(NOT_FOUND);
  },
  'budgets.getFiscalYearEndMonth': async (w) => {
    // Only the actor's own company is read (A's default 12, B's set to 3 below).
    expect(await budgets.getFiscalYearEndMonth(w.db, w.aAdmin)).toMatchObject({ ok: true, value: 12 });
  },
  'budgets.createBudget': async (w) => {
    const before = await w.db.select().from(spendingBudgets).where(eq(spendingBudgets.accountId, w.b.accountId));
    const input = createBudgetSchema.parse({ label: 'Intrus', periodKind: 'month', month: '2030-01', amount: '100,00' });
    expect(await budgets.createBudget(w.db, w.aAdmin, input)).toMatchObject({ ok: true });
    expect(await w.db.select().from(spendingBudgets).where(eq(spendingBudgets.accountId, w.b.accountId))).toHaveLength(before.length);
  },
  'budgets.changeBudgetAmount': async (w) => {
    expect(await budgets.changeBudgetAmount(w.db, w.aAdmin, { budgetId: w.b.budgetId!, amountHtCents: 1 })).toMatchObject(NOT_FOUND);
  },
  // shopping lists
  'lists.createListFromCart': async (w) => {
    await cart.addToB2bCart(w.db, w.aRequester, { productId: w.a.product.id, quantity: 1 });
    const made = await lists.createListFromCart(w.db, w.aRequester, { name: 'Liste A' });
    const mine = await lists.listShoppingLists(w.db, w.aRequester);
    expect(made.ok && mine.ok && mine.value.map((l) => l.id)).toContain(made.ok ? made.value.listId : '');
  },
  'lists.listShoppingLists': async (w) => {
    const mine = await lists.listShoppingLists(w.db, w.aAdmin);
    expect(mine.ok && mine.value.map((l) => l.id)).not.toContain(w.bListId);
  },
  'lists.getShoppingList': async (w) => {
    expect(await lists.getShoppingList(w.db, w.aAdmin, w.bListId)).toMatchObject(NOT_FOUND);
  },
  'lists.addListToCart': async (w) => {
    expect(await lists.addListToCart(w.db, w.aRequester, w.bListId)).toMatchObject(NOT_FOUND);
  },
  'lists.deleteShoppingList': async (w) => {
    expect(await lists.deleteShoppingList(w.db, w.aAdmin, w.bListId)).toMatchObject(NOT_FOUND);
    expect(await lists.getShoppingList(w.db, w.bBuyerForCheck!, w.bListId)).toMatchObject({ ok: true });
  },
  // people
  'people.listCompanyPeople': async (w) => {
    const list = await people.listCompanyPeople(w.db, w.aAdmin);
    expect(list.ok && list.value.map((p) => p.personId)).not.toContain(w.bPersonId);
  },
  'people.getCompanyPerson': async (w) => {
    expect(await people.getCompanyPerson(w.db, w.aAdmin, w.bPersonId)).toMatchObject(NOT_FOUND);
  },
  'people.invitePerson': async (w) => {
    const made = await people.invitePerson(w.db, w.aAdmin, { firstName: 'X', lastName: 'Y', email: `${randomUUID()}@x.test`, role: 'requester', orderLimitHtCents: null, monthlyLimitHtCents: null });
    // The invitation lands in A, whatever else the request says.
    if (made.ok) {
      const [pos] = await w.db.select().from(positions).where(eq(positions.personId, made.value.personId));
      expect(pos!.accountId).toBe(w.a.accountId);
    }
  },
  'people.changePersonRole': async (w) => {
    expect(await people.changePersonRole(w.db, w.aAdmin, { personId: w.bPersonId, role: 'company_admin' })).toMatchObject(NOT_FOUND);
  },
  'people.changePersonLimits': async (w) => {
    expect(await people.changePersonLimits(w.db, w.aAdmin, { personId: w.bPersonId, orderLimitHtCents: 1, monthlyLimitHtCents: 1 })).toMatchObject(NOT_FOUND);
  },
  'people.setPersonLoginStatus': async (w) => {
    expect(await people.setPersonLoginStatus(w.db, w.aAdmin, { personId: w.bPersonId, status: 'deactivated' })).toMatchObject(NOT_FOUND);
  },
  // quote requests
  'quoteRequestsService.submitQuoteRequest': async (w) => {
    const made = await quoteRequestsService.submitQuoteRequest(w.db, w.aRequester, { title: 'Demande A', description: 'Besoin de A' });
    if (!made.ok) throw new Error(made.error);
    // The request lands in A, whatever else the request says.
    const [r] = await w.db.select({ accountId: quoteRequests.accountId }).from(quoteRequests).where(eq(quoteRequests.id, made.value.requestId));
    expect(r!.accountId).toBe(w.a.accountId);
  },
  'quoteRequestsService.cancelQuoteRequest': async (w) => {
    // A purchaser may cancel any request of their own company: never one of B's.
    expect(await quoteRequestsService.cancelQuoteRequest(w.db, w.aPurchaser, { requestId: w.bOpenRequestId })).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await quoteRequestsService.cancelQuoteRequest(w.db, w.aRequester, { requestId: w.bOpenRequestId })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'quoteRequestsService.declineQuoteRequest': async (w) => {
    // Our staff's act: refused to every portal user.
    expect(await quoteRequestsService.declineQuoteRequest(w.db, w.aAdmin, { requestId: w.bOpenRequestId, reason: 'Intrusion' })).toMatchObject({ ok: false, error: NOT_ALLOWED });
  },
  // quote decisions
  'quoteDecisions.acceptQuote': async (w) => {
    expect(await quoteDecisions.acceptQuote(w.db, w.aPurchaser, { quoteId: w.bQuoteId, version: 1 })).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await quoteDecisions.acceptQuote(w.db, w.aAdmin, { quoteId: w.bQuoteId, version: 1 })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'quoteDecisions.declineQuote': async (w) => {
    expect(await quoteDecisions.declineQuote(w.db, w.aPurchaser, { quoteId: w.bQuoteId, version: 1, reason: 'Intrusion' })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'quoteDecisions.requestQuoteChanges': async (w) => {
    expect(await quoteDecisions.requestQuoteChanges(w.db, w.aAdmin, { quoteId: w.bQuoteId, version: 1, comment: 'Intrusion' })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  // quote comments
  'quoteComments.commentOnQuote': async (w) => {
    expect(await quoteComments.commentOnQuote(w.db, w.aRequester, { quoteId: w.bQuoteId, comment: 'Intrusion' })).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await quoteComments.commentOnQuote(w.db, w.aPurchaser, { quoteId: w.bQuoteId, comment: 'Intrusion' })).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  // portal reads of requests and quotes
  'quotePortal.listCompanyQuotes': async (w) => {
    const list = await quotePortal.listCompanyQuotes(w.db, w.aPurchaser, { page: 1 });
    expect(list.ok).toBe(true);
    expect(list.ok && list.value.rows.map((r) => r.id)).not.toContain(w.bQuoteId);
  },
  'quotePortal.getCompanyQuote': async (w) => {
    expect(await quotePortal.getCompanyQuote(w.db, w.aPurchaser, w.bQuoteId)).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
  'quotePortal.listCompanyRequests': async (w) => {
    const list = await quotePortal.listCompanyRequests(w.db, w.aAdmin, { page: 1 });
    expect(list.ok).toBe(true);
    const ids = list.ok ? list.value.rows.map((r) => r.id) : [];
    expect(ids).not.toContain(w.bQuotedRequestId);
    expect(ids).not.toContain(w.bOpenRequestId);
  },
  'quotePortal.getCompanyRequest': async (w) => {
    expect(await quotePortal.getCompanyRequest(w.db, w.aAdmin, w.bQuotedRequestId)).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await quotePortal.getCompanyRequest(w.db, w.aPurchaser, w.bOpenRequestId)).toMatchObject({ ok: false, error: 'Introuvable.' });
  },
};

describe.each(backends())('company isolation of the portal services on %s', (backend) => {
  const ctx = useTestDb(backend);

  it('has a probe for every exported function', () => {
    const exported = Object.entries(MODULES).flatMap(([name, mod]) =>
      Object.entries(mod)
        .filter(([, v]) => typeof v === 'function')
        .map(([fn]) => `${name}.${fn}`),
    );
    expect(exported.filter((e) => !(e in PROBES))).toEqual([]);
  });

  it('answers company A with nothing of company B', async () => {
    const db = ctx.handle.db;
    const a = await makeCompany(db, { budgetHtCents: null });
    const b = await makeCompany(db, { budgetHtCents: 1_000_000, threshold: 1 });
    const bBuyer = await b.person('purchaser');
    await cart.addToB2bCart(db, bBuyer, { productId: b.product.id, quantity: 1 });
    const pending = await placing.placeB2bOrder(db, bBuyer, { idempotencyKey: randomUUID(), deliveryAddressId: b.deliveryAddressId, expectedNetCents: 30_000 });
    const bPurchaser2 = await b.person('purchaser');
    if (!pending.ok) throw new Error(pending.error);
    await cart.addToB2bCart(db, bBuyer, { productId: b.product.id, quantity: 1 });
    const second = await placing.placeB2bOrder(db, bBuyer, { idempotencyKey: randomUUID(), deliveryAddressId: b.deliveryAddressId, expectedNetCents: 30_000 });
    if (!second.ok) throw new Error(second.error);
    expect((await approvals.approveOrder(db, bPurchaser2, { orderId: second.value.orderId, contentVersion: 1 })).ok).toBe(true);
    await cart.addToB2bCart(db, bBuyer, { productId: b.product.id, quantity: 2 });
    const bList = await lists.createListFromCart(db, bBuyer, { name: 'Liste B' });
    if (!bList.ok) throw new Error(bList.error);
    // B's requests and quote: one request answered by a sent quote, one still open.
    const [staffUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    const staff = (await loadActor(db, staffUser!.id))!;
    const bRequester = await b.person('requester');
    const quoted = await quoteRequestsService.submitQuoteRequest(db, bRequester, { title: 'Demande B', description: 'Besoin de B' });
    const open = await quoteRequestsService.submitQuoteRequest(db, bRequester, { title: 'Demande B2', description: 'Autre besoin de B' });
    if (!quoted.ok || !open.ok) throw new Error('request');
    const bQuote = await createQuote(db, staff, { requestId: quoted.value.requestId });
    if (!bQuote.ok) throw new Error(bQuote.error);
    const validUntil = new Date(Date.parse(`${parisDate()}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const saved = await saveQuoteDraft(db, staff, {
      quoteId: bQuote.value.quoteId,
      baseVersion: 1,
      title: 'Devis B',
      lines: [{ productId: b.product.id, description: 'Article', quantity: '2', unitPrice: '300,00', discount: '', vatRateBp: 2000 }],
      validUntil,
      shipping: '',
      deliveryTerms: '',
      paymentTerms: '',
      clientNote: '',
      internalNotes: 'Interne B',
    });
    if (!saved.ok) throw new Error(saved.error);
    const sent = await sendQuote(db, staff, { quoteId: bQuote.value.quoteId, version: 1 });
    if (!sent.ok) throw new Error(sent.error);
    const bQuoteIds = [bQuote.value.quoteId];
    const bRequestIds = [quoted.value.requestId, open.value.requestId];
    const bQuoteSide = async () => ({
      quotes: await db.select().from(quotes).where(inArray(quotes.id, bQuoteIds)),
      requests: await db.select().from(quoteRequests).where(inArray(quoteRequests.id, bRequestIds)).orderBy(quoteRequests.id),
      events: await db
        .select()
        .from(quoteEvents)
        .where(or(inArray(quoteEvents.quoteId, bQuoteIds), inArray(quoteEvents.requestId, bRequestIds)))
        .orderBy(quoteEvents.id),
      orders: await db.select({ id: orders.id, status: orders.status }).from(orders).where(and(eq(orders.accountId, b.accountId))).orderBy(orders.id),
    });
    const bQuoteSideBefore = await bQuoteSide();
    expect(bQuoteSideBefore.quotes).toMatchObject([{ status: 'sent' }]);
    const world: World = {
      bListId: bList.value.listId,
      bBuyerForCheck: bBuyer,
      db,
      a,
      b,
      aRequester: await a.person('requester'),
      aPurchaser: await a.person('purchaser'),
      aAdmin: await a.person('company_admin'),
      bPersonId: bBuyer.personId,
      bPendingOrderId: pending.value.orderId,
      bPlacedOrderId: second.value.orderId,
      bQuotedRequestId: quoted.value.requestId,
      bOpenRequestId: open.value.requestId,
      bQuoteId: bQuote.value.quoteId,
    };
    for (const [name, probe] of Object.entries(PROBES)) {
      if (probe === 'internal') continue;
      try {
        await probe(world);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
    // B's requests, quote, their history and B's orders are untouched by all of it.
    expect(await bQuoteSide()).toEqual(bQuoteSideBefore);
    // B's pending order is untouched by all of it.
    expect(await ordersService.getCompanyOrder(db, bPurchaser2, pending.value.orderId)).toMatchObject({ ok: true, value: { order: { status: 'pending_approval' } } });
    expect((await people.getCompanyPerson(db, await b.person('company_admin'), bBuyer.personId)).ok).toBe(true);
    const [bp] = await db.select().from(persons).where(eq(persons.id, bBuyer.personId));
    expect(bp).toBeTruthy();
  });
});
