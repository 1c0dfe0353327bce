import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { budgetEntries, orderLines, orders, products, spendingBudgets } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { deactivate, makeCompany } from '@/test/fixtures/b2b-company';
import { approveOrder, cancelPendingOrder, rejectOrder } from './approval-service';
import { addToB2bCart, getB2bCart } from './b2b-cart-service';
import { listNegotiatedCatalogue } from './catalogue-service';
import { getCompanyOrder, listCompanyOrders } from './orders-service';
import { placeB2bOrder } from './place-b2b-order';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { loadActor } from '@/lib/auth/actor';
import { users } from '@/db/schema';

async function order(db: Database, actor: Actor, productId: string, quantity: number, deliveryAddressId: string) {
  const added = await addToB2bCart(db, actor, { productId, quantity });
  if (!added.ok) throw new Error(added.error);
  const cart = await getB2bCart(db, actor, deliveryAddressId);
  if (!cart.ok || !cart.value.priced) throw new Error('no cart');
  return placeB2bOrder(db, actor, {
    idempotencyKey: randomUUID(),
    deliveryAddressId,
    expectedNetCents: cart.value.priced.tax.totalNetCents,
  });
}

async function budget(db: Database, id: string) {
  const [b] = await db.select().from(spendingBudgets).where(eq(spendingBudgets.id, id));
  return b!;
}

describe.each(backends())('B2B ordering and approval on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('places an order within every limit at the negotiated price: stock reserved, budget committed, VAT from HT', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const requester = await co.person('requester', { order: 200_000 });
    const placed = await order(db(), requester, co.product.id, 3, co.deliveryAddressId);
    expect(placed).toMatchObject({ ok: true, value: { status: 'placed' } });
    if (!placed.ok) return;
    const [o] = await db().select().from(orders).where(eq(orders.id, placed.value.orderId));
    expect(o).toMatchObject({ channel: 'b2b', priceMode: 'tax_exclusive', treatment: 'domestic', totalNetCents: 90_000, totalVatCents: 18_000, totalGrossCents: 108_000 });
    const [line] = await db().select().from(orderLines).where(eq(orderLines.orderId, o!.id));
    expect(line).toMatchObject({ unitPriceCents: 30_000, priceSource: 'agreement', agreementId: co.agreementId });
    expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(997);
    expect(await budget(db(), co.budgetId!)).toMatchObject({ committedHtCents: 90_000, heldHtCents: 0 });
    // The tier applies from 10 units: same number in the cart and on the order.
    const tiered = await order(db(), requester, co.product.id, 10, co.deliveryAddressId);
    if (!tiered.ok) throw new Error(tiered.error);
    const [tl] = await db().select().from(orderLines).where(eq(orderLines.orderId, tiered.value.orderId));
    expect(tl!.unitPriceCents).toBe(29_000);
  });

  it('shows the same unit price in the catalogue, the cart, the order and the approval', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, allowOffContract: true });
    const requester = await co.person('requester', { order: 1 });
    const purchaser = await co.person('purchaser');
    const page = await listNegotiatedCatalogue(db(), requester, { page: 1, scope: 'all' });
    if (!page.ok) throw new Error(page.error);
    const shown = page.value.rows.find((r) => r.productId === co.product.id)!;
    expect(shown).toMatchObject({ onContract: true, price: { unitPriceHtCents: 30_000, source: 'agreement' }, tiers: [{ minQuantity: 10, unitPriceHtCents: 29_000 }] });
    const found = await listNegotiatedCatalogue(db(), requester, { page: 1, scope: 'all', q: co.offContract.sku });
    expect(found.ok && found.value.rows.find((r) => r.productId === co.offContract.id)).toMatchObject({ onContract: false, price: { source: 'list', unitPriceHtCents: 800 } });
    const contractOnly = await listNegotiatedCatalogue(db(), requester, { page: 1, scope: 'contract', q: co.offContract.sku });
    expect(contractOnly.ok && contractOnly.value.rows).toEqual([]);
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 1 });
    const cartView = await getB2bCart(db(), requester);
    expect(cartView.ok && cartView.value.lines[0]!.price.unitPriceHtCents).toBe(shown.price.unitPriceHtCents);
    const placed = await placeB2bOrder(db(), requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    if (!placed.ok) throw new Error(placed.error);
    const detail = await getCompanyOrder(db(), purchaser, placed.value.orderId);
    expect(detail.ok && detail.value.order.lines[0]!.unitPriceCents).toBe(shown.price.unitPriceHtCents);
    expect(detail.ok && detail.value.canDecide).toBe(true);
    // The requester sees their own company's catalogue only through their actor: a catalogue without one is refused.
    expect(await listNegotiatedCatalogue(db(), null, { page: 1 })).toMatchObject({ ok: false });
  });

  it('sends an order over the limit to approval with a hold; the purchaser approves; nobody approves their own', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const requester = await co.person('requester', { order: 50_000 });
    const purchaser = await co.person('purchaser');
    const pending = await order(db(), requester, co.product.id, 2, co.deliveryAddressId);
    expect(pending).toMatchObject({ ok: true, value: { status: 'pending_approval', reasons: ['dépasse votre plafond par commande'] } });
    if (!pending.ok) return;
    expect(await budget(db(), co.budgetId!)).toMatchObject({ heldHtCents: 60_000, committedHtCents: 0 });
    expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(1000);

    expect(await approveOrder(db(), requester, { orderId: pending.value.orderId, contentVersion: 1 })).toMatchObject({ ok: false });
    expect(await approveOrder(db(), purchaser, { orderId: pending.value.orderId, contentVersion: 2 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('modifiée'),
    });
    expect(await approveOrder(db(), purchaser, { orderId: pending.value.orderId, contentVersion: 1 })).toMatchObject({ ok: true });
    expect(await budget(db(), co.budgetId!)).toMatchObject({ heldHtCents: 0, committedHtCents: 60_000 });
    expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(998);
    const seen = await getCompanyOrder(db(), requester, pending.value.orderId);
    expect(seen).toMatchObject({ ok: true, value: { order: { status: 'placed' } } });
    expect(await approveOrder(db(), purchaser, { orderId: pending.value.orderId, contentVersion: 1 })).toMatchObject({ ok: false });

    // A purchaser's own order over the company threshold waits for someone else.
    const co2 = await makeCompany(db(), { budgetHtCents: null, threshold: 10_000 });
    const p1 = await co2.person('purchaser');
    const own = await order(db(), p1, co2.product.id, 1, co2.deliveryAddressId);
    if (!own.ok) throw new Error(own.error);
    expect(own.value.status).toBe('pending_approval');
    expect(await approveOrder(db(), p1, { orderId: own.value.orderId, contentVersion: 1 })).toMatchObject({
      ok: false,
      error: 'Vous ne pouvez pas approuver votre propre commande.',
    });
  });

  it('the monthly limit counts the orders of this Paris month, from its first instant', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester', { monthly: 100_000 });
    const first = await order(db(), requester, co.product.id, 3, co.deliveryAddressId);
    if (!first.ok) throw new Error(first.error);
    expect(first.value.status).toBe('placed');
    const monthStart = sql`(date_trunc('month', now() at time zone 'Europe/Paris') at time zone 'Europe/Paris')`;
    const moveFirst = (at: ReturnType<typeof sql>) => db().update(orders).set({ createdAt: sql`${at}` }).where(eq(orders.id, first.value.orderId));

    // One second before midnight in Paris on the last day of the previous month: not this month.
    await moveFirst(sql`${monthStart} - interval '1 second'`);
    const second = await order(db(), requester, co.product.id, 3, co.deliveryAddressId);
    expect(second).toMatchObject({ ok: true, value: { status: 'placed' } });
    if (!second.ok) return;
    await cancelPlaced(second.value.orderId);

    // At midnight in Paris on the 1st: this month, so 900 € + 900 € exceeds the 1 000 € limit.
    await moveFirst(monthStart);
    const third = await order(db(), requester, co.product.id, 3, co.deliveryAddressId);
    expect(third).toMatchObject({ ok: true, value: { status: 'pending_approval', reasons: ['dépasse votre plafond mensuel'] } });
  });

  async function cancelPlaced(orderId: string) {
    await db().update(orders).set({ status: 'cancelled' }).where(eq(orders.id, orderId));
  }

  it('rejection shows the reason and releases the hold; withdrawal too; a deactivated purchaser cannot decide', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const requester = await co.person('requester', { order: 10_000 });
    const purchaser = await co.person('purchaser');
    const a = await order(db(), requester, co.product.id, 1, co.deliveryAddressId);
    if (!a.ok) throw new Error(a.error);
    expect(await rejectOrder(db(), purchaser, { orderId: a.value.orderId, reason: '' })).toMatchObject({ ok: false });
    expect(await rejectOrder(db(), purchaser, { orderId: a.value.orderId, reason: 'Pas prévu au budget' })).toMatchObject({ ok: true });
    expect(await getCompanyOrder(db(), requester, a.value.orderId)).toMatchObject({
      ok: true,
      value: { order: { status: 'rejected' }, decisionReason: 'Pas prévu au budget' },
    });
    expect(await budget(db(), co.budgetId!)).toMatchObject({ heldHtCents: 0, committedHtCents: 0 });

    const b = await order(db(), requester, co.product.id, 1, co.deliveryAddressId);
    if (!b.ok) throw new Error(b.error);
    expect(await cancelPendingOrder(db(), purchaser, { orderId: b.value.orderId })).toMatchObject({ ok: false });
    expect(await cancelPendingOrder(db(), requester, { orderId: b.value.orderId })).toMatchObject({ ok: true });
    expect(await budget(db(), co.budgetId!)).toMatchObject({ heldHtCents: 0 });

    const c = await order(db(), requester, co.product.id, 1, co.deliveryAddressId);
    if (!c.ok) throw new Error(c.error);
    await deactivate(db(), purchaser);
    expect(await approveOrder(db(), purchaser, { orderId: c.value.orderId, contentVersion: 1 })).toMatchObject({ ok: false });
    const entries = await db().select().from(budgetEntries).where(eq(budgetEntries.budgetId, co.budgetId!));
    expect(entries.map((e) => e.kind)).toEqual(['hold', 'release', 'hold', 'release', 'hold']);
  });

  it('staff cancelling a placed B2B order gives back its stock and budget commitment', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const requester = await co.person('requester');
    const placed = await order(db(), requester, co.product.id, 2, co.deliveryAddressId);
    if (!placed.ok) throw new Error(placed.error);
    const [staffUser] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'commercial@comptoir.test'));
    const staff = (await loadActor(db(), staffUser!.id))!;
    expect(await changeOrderStatus(db(), staff, { orderId: placed.value.orderId, to: 'cancelled' }, testPaymentProvider)).toMatchObject({ ok: true });
    expect(await budget(db(), co.budgetId!)).toMatchObject({ committedHtCents: 0, heldHtCents: 0 });
    expect((await db().select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(1000);
  });

  it('expires a pending approval lazily and releases its hold', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 1_000_000 });
    const requester = await co.person('requester', { order: 10_000 });
    const purchaser = await co.person('purchaser');
    const a = await order(db(), requester, co.product.id, 1, co.deliveryAddressId);
    if (!a.ok) throw new Error(a.error);
    await db().update(orders).set({ approvalExpiresAt: sql`now() - interval '1 minute'` }).where(eq(orders.id, a.value.orderId));
    const list = await listCompanyOrders(db(), purchaser, { page: 1 });
    expect(list).toMatchObject({ ok: true, value: { rows: [{ status: 'expired' }] } });
    expect(await budget(db(), co.budgetId!)).toMatchObject({ heldHtCents: 0 });
    expect(await approveOrder(db(), purchaser, { orderId: a.value.orderId, contentVersion: 1 })).toMatchObject({ ok: false });
  });

  it('decides the VAT treatment from the buyer and the delivery country', async () => {
    const be = await makeCompany(db(), { budgetHtCents: null, country: 'BE', vatNumber: 'BE0456789133' });
    const r = await be.person('purchaser');
    const placed = await order(db(), r, be.product.id, 1, be.deliveryAddressId);
    if (!placed.ok) throw new Error(placed.error);
    const [o] = await db().select().from(orders).where(eq(orders.id, placed.value.orderId));
    expect(o).toMatchObject({ treatment: 'intra_eu_goods', totalVatCents: 0, totalGrossCents: 30_000 });
    expect(o!.vatBreakdown).toEqual([{ vatRateBp: 0, category: 'K', taxableCents: 30_000, vatCents: 0 }]);
    expect(o!.mentions).toEqual(['Exonération de TVA, article 262 ter I du CGI']);

    const ch = await makeCompany(db(), { budgetHtCents: null, country: 'CH', vatNumber: 'CHE-116.281.710 TVA' });
    const s = await ch.person('purchaser');
    const exported = await order(db(), s, ch.product.id, 1, ch.deliveryAddressId);
    if (!exported.ok) throw new Error(exported.error);
    expect((await db().select().from(orders).where(eq(orders.id, exported.value.orderId)))[0]).toMatchObject({ treatment: 'export', totalVatCents: 0 });
  });

  it('refuses off-contract products unless the company allows them, and then asks for approval', async () => {
    const strict = await makeCompany(db(), { budgetHtCents: null });
    const r1 = await strict.person('requester');
    expect(await addToB2bCart(db(), r1, { productId: strict.offContract.id, quantity: 1 })).toMatchObject({ ok: false });
    const open = await makeCompany(db(), { budgetHtCents: null, allowOffContract: true });
    const r2 = await open.person('requester');
    const placed = await order(db(), r2, open.offContract.id, 1, open.deliveryAddressId);
    expect(placed).toMatchObject({ ok: true, value: { status: 'pending_approval', reasons: ['contient des articles hors contrat'] } });
  });

  it('10 parallel orders of 300 € HT against a 1 000 € budget: 3 placed, 7 waiting without a hold, none approvable', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 100_000 });
    const requesters = await Promise.all(Array.from({ length: 10 }, () => co.person('requester', { order: 50_000 })));
    const purchaser = await co.person('purchaser');
    for (const r of requesters) {
      const added = await addToB2bCart(db(), r, { productId: co.product.id, quantity: 1 });
      if (!added.ok) throw new Error(added.error);
    }
    const results = await Promise.all(
      requesters.map((r) => placeB2bOrder(db(), r, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 })),
    );
    const statuses = results.map((r) => (r.ok ? r.value.status : r.error));
    expect(statuses.filter((s) => s === 'placed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'pending_approval')).toHaveLength(7);
    const b = await budget(db(), co.budgetId!);
    expect(b).toMatchObject({ committedHtCents: 90_000, heldHtCents: 0 });
    const pending = results.filter((r) => r.ok && r.value.status === 'pending_approval');
    const approvals = await Promise.all(
      pending.map((p) => approveOrder(db(), purchaser, { orderId: p.ok ? p.value.orderId : '', contentVersion: 1 })),
    );
    for (const a of approvals) expect(a).toMatchObject({ ok: false, error: expect.stringContaining('insuffisant') });
    const after = await budget(db(), co.budgetId!);
    expect(after.committedHtCents + after.heldHtCents).toBeLessThanOrEqual(after.amountHtCents);
  });

  it('a cost centre typed by a company that does not use them cannot dodge its budget at approval', async () => {
    const co = await makeCompany(db(), { budgetHtCents: 20_000 });
    const requester = await co.person('requester');
    const purchaser = await co.person('purchaser');
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 1 });
    const placed = await placeB2bOrder(db(), requester, {
      idempotencyKey: randomUUID(),
      deliveryAddressId: co.deliveryAddressId,
      expectedNetCents: 30_000,
      costCentre: 'Ailleurs',
    });
    expect(placed).toMatchObject({ ok: true, value: { status: 'pending_approval', reasons: ['le budget restant ne couvre pas la commande'] } });
    if (!placed.ok) return;
    expect((await db().select().from(orders).where(eq(orders.id, placed.value.orderId)))[0]!.costCentre).toBeNull();
    expect(await approveOrder(db(), purchaser, { orderId: placed.value.orderId, contentVersion: 1 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('insuffisant'),
    });
  });

  it('a double submit with one idempotency key places one order', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const r = await co.person('requester');
    await addToB2bCart(db(), r, { productId: co.product.id, quantity: 1 });
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => placeB2bOrder(db(), r, { idempotencyKey: key, deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 })),
    );
    expect(new Set(results.map((x) => (x.ok ? x.value.orderId : x.error))).size).toBe(1);
    expect(new Set(results.map((x) => JSON.stringify(x.ok ? x.value : null))).size).toBe(1);
  });
});
