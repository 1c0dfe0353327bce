import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { cartLines, carts, orders } from '@/db/schema';
import { backends, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { openCountingDb } from '@/test/statements';
import { addToB2bCart, getB2bCart, quickOrder } from './b2b-cart-service';
import { placeB2bOrder } from './place-b2b-order';
import { portalBadges } from './portal-badges';

describe.each(backends())('the portal cart and its badges on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('quick order adds every valid line to one cart, summing a reference given twice, and nothing when a line is wrong', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester');
    const bad = await quickOrder(db(), requester, `${co.product.sku} 2\nNOPE-404 1`);
    expect(bad).toMatchObject({ ok: false, lineErrors: [{ line: 2, error: 'Référence inconnue : NOPE-404.' }] });
    expect(await db().select().from(carts).where(eq(carts.userId, requester.userId))).toEqual([]);

    const offContract = await quickOrder(db(), requester, `${co.offContract.sku} 1`);
    expect(offContract).toMatchObject({ ok: false, lineErrors: [{ line: 1, error: `${co.offContract.sku} n’est pas dans votre contrat.` }] });

    expect(await quickOrder(db(), requester, `${co.product.sku.toLowerCase()} 2\n${co.product.sku};3`)).toEqual({ ok: true, value: { added: 2 } });
    expect(await quickOrder(db(), requester, `${co.product.sku} 99999`)).toMatchObject({ ok: true });
    const own = await db().select({ id: carts.id }).from(carts).where(and(eq(carts.userId, requester.userId), eq(carts.channel, 'b2b')));
    expect(own).toHaveLength(1);
    // 2 + 3, then capped at the largest quantity a line may hold.
    expect(await db().select({ q: cartLines.quantity }).from(cartLines).where(eq(cartLines.cartId, own[0]!.id))).toEqual([{ q: 99_999 }]);
  });

  it('adds to the cart only what the company may order', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester');
    expect(await addToB2bCart(db(), requester, { productId: co.offContract.id, quantity: 1 })).toMatchObject({ ok: false, error: 'Ce produit n’est pas dans le contrat de votre entreprise.' });
    expect(await addToB2bCart(db(), requester, { productId: randomUUID(), quantity: 1 })).toMatchObject({ ok: false, error: 'Ce produit n’est pas disponible.' });
    expect(await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 4 })).toEqual({ ok: true, value: null });
    expect(await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 1 })).toEqual({ ok: true, value: null });
    const view = await getB2bCart(db(), requester);
    expect(view.ok && view.value.lines.map((l) => [l.productId, l.quantity])).toEqual([[co.product.id, 5]]);
    expect(view.ok && view.value.deliveryAddresses).toEqual([
      expect.objectContaining({ id: co.deliveryAddressId, label: 'Siège', line1: '1 rue du Test', postalCode: '69001', city: 'Ville', isDefault: true }),
    ]);

    const allowing = await makeCompany(db(), { budgetHtCents: null, allowOffContract: true });
    const buyer = await allowing.person('requester');
    expect(await addToB2bCart(db(), buyer, { productId: allowing.offContract.id, quantity: 1 })).toEqual({ ok: true, value: null });
  });

  it('counts the cart lines, and for a purchaser the approvals still open to decision', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester', { order: 1 });
    const purchaser = await co.person('purchaser');
    expect(await portalBadges(db(), requester)).toEqual({ cartLines: 0, pendingApprovals: 0 });
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 1 });
    expect(await portalBadges(db(), requester)).toEqual({ cartLines: 1, pendingApprovals: 0 });

    const placed = await placeB2bOrder(db(), requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 30_000 });
    expect(placed).toMatchObject({ ok: true, value: { status: 'pending_approval' } });
    if (!placed.ok) return;
    // A requester cannot decide: no count; the purchaser sees it.
    expect(await portalBadges(db(), requester)).toEqual({ cartLines: 0, pendingApprovals: 0 });
    expect(await portalBadges(db(), purchaser)).toEqual({ cartLines: 0, pendingApprovals: 1 });
    // Past its expiry, it is no longer counted even before the lazy expiry runs.
    await db().update(orders).set({ approvalExpiresAt: sql`now() - interval '1 minute'` }).where(eq(orders.id, placed.value.orderId));
    expect(await portalBadges(db(), purchaser)).toEqual({ cartLines: 0, pendingApprovals: 0 });
    expect(await portalBadges(db(), null)).toEqual({ cartLines: 0, pendingApprovals: 0 });
  });
});

describe.runIf(inject('postgresUrl'))('statements of the portal cart', () => {
  it('quick order: one read, one write; the badges: one read', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: null });
      const requester = await co.person('requester');
      const added = await counting.record(() => quickOrder(db, requester, `${co.product.sku} 2`));
      expect(added.value).toEqual({ ok: true, value: { added: 1 } });
      expect(added.statements).toHaveLength(2);
      const again = await counting.record(() => addToB2bCart(db, requester, { productId: co.product.id, quantity: 1 }));
      expect(again.value.ok).toBe(true);
      expect(again.statements).toHaveLength(2);
      const badges = await counting.record(() => portalBadges(db, requester));
      expect(badges.value.cartLines).toBe(1);
      expect(badges.statements).toHaveLength(1);
    } finally {
      await counting.close();
    }
  });
});
