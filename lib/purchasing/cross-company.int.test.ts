import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import * as approvals from './approval-service';
import * as cart from './b2b-cart-service';
import * as catalogue from './catalogue-service';
import * as ordersService from './orders-service';
import * as placing from './place-b2b-order';

/**
 * Every exported function of the portal's services, called by company A's people on company B's
 * objects, must answer "not found" or nothing of B's. A new export without a probe here fails the
 * first test: the check cannot be forgotten.
 */
const MODULES = { approvals, cart, catalogue, ordersService, placing } as const;

interface World {
  db: Database;
  a: CompanyFixture;
  b: CompanyFixture;
  aRequester: Actor;
  aPurchaser: Actor;
  bPendingOrderId: string;
  bPlacedOrderId: string;
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
  },
  'cart.listDeliveryAddresses': async (w) => {
    const list = await cart.listDeliveryAddresses(w.db, w.aRequester);
    expect(list.map((x) => x.id)).toEqual([w.a.deliveryAddressId]);
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
    const b = await makeCompany(db, { budgetHtCents: null, threshold: 1 });
    const bBuyer = await b.person('purchaser');
    await cart.addToB2bCart(db, bBuyer, { productId: b.product.id, quantity: 1 });
    const pending = await placing.placeB2bOrder(db, bBuyer, { idempotencyKey: randomUUID(), deliveryAddressId: b.deliveryAddressId, expectedNetCents: 30_000 });
    const bPurchaser2 = await b.person('purchaser');
    if (!pending.ok) throw new Error(pending.error);
    await cart.addToB2bCart(db, bBuyer, { productId: b.product.id, quantity: 1 });
    const second = await placing.placeB2bOrder(db, bBuyer, { idempotencyKey: randomUUID(), deliveryAddressId: b.deliveryAddressId, expectedNetCents: 30_000 });
    if (!second.ok) throw new Error(second.error);
    expect((await approvals.approveOrder(db, bPurchaser2, { orderId: second.value.orderId, contentVersion: 1 })).ok).toBe(true);
    const world: World = {
      db,
      a,
      b,
      aRequester: await a.person('requester'),
      aPurchaser: await a.person('purchaser'),
      bPendingOrderId: pending.value.orderId,
      bPlacedOrderId: second.value.orderId,
    };
    for (const [name, probe] of Object.entries(PROBES)) {
      if (probe === 'internal') continue;
      try {
        await probe(world);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
    // B's pending order is untouched by all of it.
    expect(await ordersService.getCompanyOrder(db, bPurchaser2, pending.value.orderId)).toMatchObject({ ok: true, value: { order: { status: 'pending_approval' } } });
  });
});
