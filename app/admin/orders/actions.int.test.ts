import { randomUUID } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, cartLines, carts, orderPayments, orders, orderStatusHistory, outbox, products, stockMovements, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { getOrderForStaff } from '@/lib/orders/queries';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { checkoutSchema } from '@/lib/shop/schemas';
import { backends, unique, useTestDb } from '@/test/db';

// The action reads the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { changeOrderStatusAction } = await import('./actions');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('back-office order actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function makeProduct(stock: number, ttc = 2400) {
    const sku = unique('ADM').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    const [p] = await db()
      .insert(products)
      .values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: ttc, b2bListPriceHtCents: ttc / 2, stockOnHand: stock })
      .returning({ id: products.id });
    return p!.id;
  }

  async function stockOf(productId: string): Promise<number> {
    const [p] = await db().select({ s: products.stockOnHand }).from(products).where(eq(products.id, productId));
    return p!.s;
  }

  /** A guest B2C order placed through the real checkout service (card by default, or bank transfer). */
  async function placeOrder(productId: string, quantity: number, paymentMethod: 'card' | 'bank_transfer' = 'card') {
    const [cart] = await (db() as Database).insert(carts).values({ userId: null }).returning({ id: carts.id });
    await db().insert(cartLines).values({ cartId: cart!.id, productId, quantity });
    const [p] = await db().select({ ttc: products.b2cPriceTtcCents }).from(products).where(eq(products.id, productId));
    const goods = p!.ttc * quantity;
    const input = checkoutSchema.parse({
      idempotencyKey: randomUUID(),
      expectedTotalCents: String(goods + (goods >= 6000 ? 0 : 490)),
      email: `${unique('acheteur')}@example.test`,
      firstName: 'Paul',
      lastName: 'Client',
      line1: '5 place Bellecour',
      postalCode: '69002',
      city: 'Lyon',
      shippingMethod: 'standard',
      paymentMethod,
      cardNumber: paymentMethod === 'card' ? '4242 4242 4242 4242' : '',
      cardExpiry: '12/30',
      cardCvc: '123',
      acceptTerms: 'on',
    });
    const placed = await placeShopOrder(db(), null, cart!.id, input, testPaymentProvider);
    if (!placed.ok) throw new Error(placed.error);
    return placed.value.orderId;
  }

  async function snapshot(orderId: string) {
    const [o] = await db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    const [h] = await db().select({ n: count() }).from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
    const [p] = await db().select({ n: count() }).from(orderPayments).where(eq(orderPayments.orderId, orderId));
    const [s] = await db().select({ n: count() }).from(stockMovements).where(eq(stockMovements.orderId, orderId));
    const [a] = await db().select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, orderId));
    return { status: o!.status, history: h!.n, payments: p!.n, stock: s!.n, audit: a!.n };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a B2B requester', 'demandeur@atelier-lumiere.test'],
    ['a B2B company admin', 'admin@atelier-lumiere.test'],
  ])('refuses every status change for %s and changes nothing', async (_label, email) => {
    const productId = await makeProduct(10);
    const orderId = await placeOrder(productId, 2);
    session.actor = email ? await actorOf(email) : null;
    const before = await snapshot(orderId);
    for (const to of ['confirmed', 'cancelled']) {
      const result = await changeOrderStatusAction(null, form({ orderId, to, note: 'tentative' }));
      expect(result).toMatchObject({ ok: false, error: expect.any(String) });
    }
    expect(await snapshot(orderId)).toEqual(before);
    expect(await stockOf(productId)).toBe(8);
  });

  it('lets a sales rep move an order placed → confirmed → shipped → delivered, each step in the history with who and the note', async () => {
    const orderId = await placeOrder(await makeProduct(10), 1);
    const rep = await actorOf('commercial@comptoir.test');
    session.actor = rep;
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'confirmed', note: '  Stock vérifié  ' }))).toEqual({
      ok: true,
      message: 'Statut mis à jour : Confirmée.',
    });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'shipped', note: 'Colissimo 6A123' }))).toMatchObject({ ok: true });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'delivered', note: '' }))).toMatchObject({ ok: true });

    const history = await db()
      .select({ from: orderStatusHistory.fromStatus, to: orderStatusHistory.toStatus, actor: orderStatusHistory.actorUserId, note: orderStatusHistory.note })
      .from(orderStatusHistory)
      .where(eq(orderStatusHistory.orderId, orderId))
      .orderBy(asc(orderStatusHistory.id));
    expect(history).toEqual([
      { from: null, to: 'placed', actor: null, note: null },
      { from: 'placed', to: 'confirmed', actor: rep.userId, note: 'Stock vérifié' },
      { from: 'confirmed', to: 'shipped', actor: rep.userId, note: 'Colissimo 6A123' },
      { from: 'shipped', to: 'delivered', actor: rep.userId, note: null },
    ]);
    const detail = await getOrderForStaff(db(), rep, orderId);
    expect(detail.ok && detail.value.order.status).toBe('delivered');
    expect(detail.ok && detail.value.history.at(-1)).toMatchObject({ toStatus: 'delivered', actorName: 'Antoine Girard' });
    const trail = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, orderId));
    expect(trail.filter((r) => r.action === 'order.status')).toHaveLength(3);

    // Delivered is final: nothing more, not even a cancellation.
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'cancelled' }))).toMatchObject({ ok: false, error: expect.stringContaining('livrée') });
  });

  it('refuses illegal transitions and malformed input with a message, changing nothing', async () => {
    const productId = await makeProduct(10);
    const orderId = await placeOrder(productId, 1);
    session.actor = await actorOf('admin@comptoir.test');
    const before = await snapshot(orderId);

    expect(await changeOrderStatusAction(null, form({ orderId, to: 'shipped' }))).toMatchObject({
      ok: false,
      error: 'Une commande enregistrée ne peut pas passer à « expédiée ».',
    });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'delivered' }))).toMatchObject({ ok: false });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'placed' }))).toMatchObject({ ok: false });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'archived' }))).toMatchObject({ ok: false, error: 'Ce changement de statut n’est pas valide.' });
    expect(await changeOrderStatusAction(null, form({ orderId: 'not-a-uuid', to: 'confirmed' }))).toMatchObject({ ok: false });
    expect(await changeOrderStatusAction(null, form({ to: 'confirmed' }))).toMatchObject({ ok: false });
    const long = await changeOrderStatusAction(null, form({ orderId, to: 'confirmed', note: 'x'.repeat(501) }));
    expect(long).toMatchObject({ ok: false, fieldErrors: { note: ['La note ne peut pas dépasser 500 caractères.'] } });
    // What was typed comes back, so the note is not lost.
    expect(long?.values?.note).toHaveLength(500);
    expect(await changeOrderStatusAction(null, form({ orderId: randomUUID(), to: 'confirmed' }))).toMatchObject({ ok: false, error: 'Commande introuvable.' });

    expect(await snapshot(orderId)).toEqual(before);
    // A note of exactly 500 characters is accepted.
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'confirmed', note: 'y'.repeat(500) }))).toMatchObject({ ok: true });
  });

  it('cancelling a card order releases its stock and refunds the card; a second cancel is refused', async () => {
    const productId = await makeProduct(5);
    const orderId = await placeOrder(productId, 3);
    expect(await stockOf(productId)).toBe(2);
    session.actor = await actorOf('commercial@comptoir.test');
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'confirmed' }))).toMatchObject({ ok: true });
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'cancelled', note: 'Client injoignable' }))).toEqual({
      ok: true,
      message: 'Statut mis à jour : Annulée.',
    });
    expect(await stockOf(productId)).toBe(5);
    const moves = await db().select({ kind: stockMovements.kind, delta: stockMovements.quantityDelta }).from(stockMovements).where(eq(stockMovements.orderId, orderId));
    expect(moves.map((x) => `${x.kind}:${x.delta}`).sort()).toEqual(['cancel:3', 'order:-3']);
    const pays = await db().select({ kind: orderPayments.kind, amount: orderPayments.amountCents }).from(orderPayments).where(eq(orderPayments.orderId, orderId));
    expect(pays.map((x) => x.kind).sort()).toEqual(['capture', 'refund']);
    expect(new Set(pays.map((x) => x.amount)).size).toBe(1);
    const [o] = await db().select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
    const mails = await db().select({ body: outbox.bodyText }).from(outbox).where(eq(outbox.subject, `Votre commande ${o!.number} est annulée`));
    expect(mails).toHaveLength(1);

    expect(await changeOrderStatusAction(null, form({ orderId, to: 'cancelled' }))).toMatchObject({ ok: false });
    expect(await stockOf(productId)).toBe(5);
  });

  it('“Virement reçu” records the transfer and places the order; cancelling it later releases the stock without a refund', async () => {
    const productId = await makeProduct(4, 3000);
    const orderId = await placeOrder(productId, 2, 'bank_transfer');
    expect((await snapshot(orderId)).status).toBe('awaiting_payment');
    expect(await stockOf(productId)).toBe(2);
    const admin = await actorOf('admin@comptoir.test');
    session.actor = admin;
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'placed', note: 'Virement du 12/03' }))).toMatchObject({ ok: true });
    const [o] = await db().select({ status: orders.status, placedAt: orders.placedAt, total: orders.totalGrossCents }).from(orders).where(eq(orders.id, orderId));
    expect(o).toMatchObject({ status: 'placed', placedAt: expect.any(Date) });
    expect(await db().select({ kind: orderPayments.kind, amount: orderPayments.amountCents, by: orderPayments.recordedByUserId }).from(orderPayments).where(eq(orderPayments.orderId, orderId))).toEqual([
      { kind: 'transfer_received', amount: o!.total, by: admin.userId },
    ]);
    expect(await changeOrderStatusAction(null, form({ orderId, to: 'cancelled' }))).toMatchObject({ ok: true });
    expect(await stockOf(productId)).toBe(4);
    const kinds = await db().select({ kind: orderPayments.kind }).from(orderPayments).where(eq(orderPayments.orderId, orderId));
    expect(kinds.map((k) => k.kind)).toEqual(['transfer_received']);
  });

  it('five simultaneous cancellations of one order release its stock once', async () => {
    const productId = await makeProduct(6);
    const orderId = await placeOrder(productId, 4);
    session.actor = await actorOf('commercial@comptoir.test');
    const results = await Promise.all(Array.from({ length: 5 }, () => changeOrderStatusAction(null, form({ orderId, to: 'cancelled' }))));
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(await stockOf(productId)).toBe(6);
    const refunds = await db().select({ n: count() }).from(orderPayments).where(eq(orderPayments.orderId, orderId));
    expect(refunds[0]!.n).toBe(2);
  });
});
