import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { cartLines, carts, orderLines, orderPayments, orders, outbox, products, stockMovements, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { backends, unique, useTestDb } from '@/test/db';
import { getShopOrder } from './queries';
import { placeShopOrder } from './place-shop-order';
import { changeOrderStatus } from './staff-service';

async function makeProduct(db: Database, opts: { stock: number; ttc: number; vat: number }) {
  const sku = unique('T').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
  const [p] = await db
    .insert(products)
    .values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: opts.vat, b2cPriceTtcCents: opts.ttc, b2bListPriceHtCents: Math.round(opts.ttc / 2), stockOnHand: opts.stock })
    .returning();
  return p!;
}

async function makeCart(db: Database, items: { productId: string; quantity: number }[], userId: string | null = null) {
  const [c] = await db.insert(carts).values({ userId }).returning({ id: carts.id });
  await db.insert(cartLines).values(items.map((i) => ({ cartId: c!.id, ...i })));
  return c!.id;
}

function checkout(expectedTotalCents: number, extra: Record<string, unknown> = {}) {
  return checkoutSchema.parse({
    idempotencyKey: randomUUID(),
    expectedTotalCents: String(expectedTotalCents),
    email: 'Guest@Example.test',
    firstName: 'Invité',
    lastName: 'Test',
    line1: '1 rue de la Paix',
    postalCode: '75002',
    city: 'Paris',
    shippingMethod: 'standard',
    paymentMethod: 'card',
    cardNumber: '4242 4242 4242 4242',
    cardExpiry: '12/30',
    cardCvc: '123',
    acceptTerms: 'on',
    ...extra,
  });
}

describe.each(backends())('B2C checkout on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  it('places a guest card order at catalogue prices, reserves stock, records everything and empties the cart', async () => {
    const a = await makeProduct(db(), { stock: 10, ttc: 1999, vat: 2000 });
    const b = await makeProduct(db(), { stock: 10, ttc: 499, vat: 550 });
    const cartId = await makeCart(db(), [
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 3 },
    ]);
    const expected = priceShopBasket(
      [
        { productId: a.id, quantity: 2, unitPriceTtcCents: 1999, vatRateBp: 2000 },
        { productId: b.id, quantity: 3, unitPriceTtcCents: 499, vatRateBp: 550 },
      ],
      'standard',
    );
    expect(expected.tax.totalGrossCents).toBe(2 * 1999 + 3 * 499 + 490);
    const result = await placeShopOrder(db(), null, cartId, checkout(expected.tax.totalGrossCents), testPaymentProvider);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [o] = await db().select().from(orders).where(eq(orders.id, result.value.orderId));
    expect(o).toMatchObject({
      status: 'placed',
      channel: 'b2c',
      priceMode: 'tax_inclusive',
      accountId: null,
      email: 'guest@example.test',
      totalGrossCents: expected.tax.totalGrossCents,
      totalNetCents: expected.tax.totalNetCents,
      totalVatCents: expected.tax.totalVatCents,
    });
    expect(o!.vatBreakdown).toEqual(expected.tax.breakdown);
    const [pa] = await db().select({ s: products.stockOnHand }).from(products).where(eq(products.id, a.id));
    expect(pa!.s).toBe(8);
    expect(await db().select().from(stockMovements).where(eq(stockMovements.orderId, o!.id))).toHaveLength(2);
    expect(await db().select().from(cartLines).where(eq(cartLines.cartId, cartId))).toHaveLength(0);
    expect(await db().select().from(orderPayments).where(eq(orderPayments.orderId, o!.id))).toMatchObject([
      { kind: 'capture', amountCents: expected.tax.totalGrossCents },
    ]);
    expect((await db().select().from(outbox).where(eq(outbox.subject, `Votre commande ${o!.number}`))).length).toBe(1);
    // The guest can open it with the token, nobody else.
    expect((await getShopOrder(db(), null, o!.id, result.value.accessToken)).ok).toBe(true);
    expect((await getShopOrder(db(), null, o!.id, 'x'.repeat(32))).ok).toBe(false);
    expect((await getShopOrder(db(), await actorOf('client@particulier.test'), o!.id, undefined)).ok).toBe(false);
  });

  it('a declined card leaves no order, the stock and the cart as they were', async () => {
    const p = await makeProduct(db(), { stock: 5, ttc: 1200, vat: 2000 });
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 2 }]);
    const [before] = await db().select({ n: count() }).from(orders);
    const result = await placeShopOrder(db(), null, cartId, checkout(2400 + 490, { cardNumber: '4000 0000 0000 0002' }), testPaymentProvider);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('refusé') });
    const [after] = await db().select({ n: count() }).from(orders);
    expect(after!.n).toBe(before!.n);
    expect((await db().select().from(products).where(eq(products.id, p.id)))[0]!.stockOnHand).toBe(5);
    expect(await db().select().from(cartLines).where(eq(cartLines.cartId, cartId))).toHaveLength(1);
  });

  it('refuses when the price changed since the customer saw the total, keeping the cart', async () => {
    const p = await makeProduct(db(), { stock: 5, ttc: 1000, vat: 2000 });
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 1 }]);
    await db().update(products).set({ b2cPriceTtcCents: 1100 }).where(eq(products.id, p.id));
    const result = await placeShopOrder(db(), null, cartId, checkout(1000 + 490), testPaymentProvider);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('a changé') });
    expect(await db().select().from(cartLines).where(eq(cartLines.cartId, cartId))).toHaveLength(1);
  });

  it('ignores prices, rates and a company sent by the client: the catalogue decides', async () => {
    const p = await makeProduct(db(), { stock: 5, ttc: 2500, vat: 2000 });
    const [company] = await db().select({ id: users.id }).from(users).limit(1);
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 1 }]);
    const input = checkout(2500 + 490, { unitPriceCents: 1, vatRateBp: 0, companyId: company!.id, accountId: company!.id, totalGrossCents: 1 });
    expect(input).not.toHaveProperty('unitPriceCents');
    const result = await placeShopOrder(db(), null, cartId, input, testPaymentProvider);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [line] = await db().select().from(orderLines).where(eq(orderLines.orderId, result.value.orderId));
    expect(line).toMatchObject({ unitPriceCents: 2500, vatRateBp: 2000, lineTotalCents: 2500 });
    const [o] = await db().select().from(orders).where(eq(orders.id, result.value.orderId));
    expect(o).toMatchObject({ accountId: null, totalGrossCents: 2990 });
  });

  it('a bank transfer order awaits payment; staff record it, then a cancellation releases stock and refunds cards', async () => {
    const p = await makeProduct(db(), { stock: 4, ttc: 3000, vat: 2000 });
    const customer = await actorOf('client@particulier.test');
    const staff = await actorOf('commercial@comptoir.test');
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 3 }], customer.userId);
    const result = await placeShopOrder(db(), customer, cartId, checkout(9000, { paymentMethod: 'bank_transfer', cardNumber: '' }), testPaymentProvider);
    expect(result).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
    if (!result.ok) return;
    expect((await getShopOrder(db(), customer, result.value.orderId, undefined)).ok).toBe(true);
    expect((await db().select().from(products).where(eq(products.id, p.id)))[0]!.stockOnHand).toBe(1);

    expect(await changeOrderStatus(db(), customer, { orderId: result.value.orderId, to: 'placed' }, testPaymentProvider)).toMatchObject({ ok: false });
    expect(await changeOrderStatus(db(), staff, { orderId: result.value.orderId, to: 'shipped' }, testPaymentProvider)).toMatchObject({ ok: false });
    expect(await changeOrderStatus(db(), staff, { orderId: result.value.orderId, to: 'placed' }, testPaymentProvider)).toMatchObject({ ok: true });
    expect(await changeOrderStatus(db(), staff, { orderId: result.value.orderId, to: 'cancelled', note: 'Demande client' }, testPaymentProvider)).toMatchObject({ ok: true });
    expect((await db().select().from(products).where(eq(products.id, p.id)))[0]!.stockOnHand).toBe(4);
    const pays = await db().select({ kind: orderPayments.kind }).from(orderPayments).where(eq(orderPayments.orderId, result.value.orderId));
    expect(pays.map((x) => x.kind)).toEqual(['transfer_received']);

    const card = await makeCart(db(), [{ productId: p.id, quantity: 1 }]);
    const paid = await placeShopOrder(db(), null, card, checkout(3000 + 490), testPaymentProvider);
    if (!paid.ok) throw new Error(paid.error);
    expect(await changeOrderStatus(db(), staff, { orderId: paid.value.orderId, to: 'cancelled' }, testPaymentProvider)).toMatchObject({ ok: true });
    const kinds = await db().select({ kind: orderPayments.kind }).from(orderPayments).where(eq(orderPayments.orderId, paid.value.orderId));
    expect(kinds.map((x) => x.kind).sort()).toEqual(['capture', 'refund']);
  });

  it('points business and staff logins to their own areas', async () => {
    const p = await makeProduct(db(), { stock: 5, ttc: 1000, vat: 2000 });
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 1 }]);
    const requester = await actorOf('demandeur@atelier-lumiere.test');
    expect(await placeShopOrder(db(), requester, cartId, checkout(1490), testPaymentProvider)).toMatchObject({
      ok: false,
      error: expect.stringContaining('portail entreprise'),
    });
  });

  it('20 parallel checkouts for the last 3 units sell exactly 3', async () => {
    const p = await makeProduct(db(), { stock: 3, ttc: 1500, vat: 2000 });
    const cartIds = await Promise.all(Array.from({ length: 20 }, () => makeCart(db(), [{ productId: p.id, quantity: 1 }])));
    const results = await Promise.all(cartIds.map((id) => placeShopOrder(db(), null, id, checkout(1500 + 490), testPaymentProvider)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: expect.stringContaining('Rupture de stock') });
    expect((await db().select().from(products).where(eq(products.id, p.id)))[0]!.stockOnHand).toBe(0);
    const moves = await db().select().from(stockMovements).where(eq(stockMovements.productId, p.id));
    expect(moves.reduce((s, m) => s + m.quantityDelta, 0)).toBe(-3);
  });

  it('10 parallel submits with one idempotency key create one order and charge once', async () => {
    const p = await makeProduct(db(), { stock: 50, ttc: 2000, vat: 2000 });
    const cartId = await makeCart(db(), [{ productId: p.id, quantity: 2 }]);
    const input = checkout(4000 + 490);
    const results = await Promise.all(Array.from({ length: 10 }, () => placeShopOrder(db(), null, cartId, input, testPaymentProvider)));
    const ids = new Set(results.map((r) => (r.ok ? r.value.orderId : r.error)));
    expect(ids.size).toBe(1);
    expect(results.every((r) => r.ok)).toBe(true);
    const [{ n } = { n: 0 }] = await db().select({ n: count() }).from(orders).where(eq(orders.idempotencyKey, input.idempotencyKey));
    expect(n).toBe(1);
    expect((await db().select().from(products).where(eq(products.id, p.id)))[0]!.stockOnHand).toBe(48);
    const orderId = [...ids][0]!;
    expect(await db().select().from(orderPayments).where(eq(orderPayments.orderId, orderId))).toHaveLength(1);
  });
});
