import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cartLines, carts, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { addToCart, getCartView, resolveCartId, setCartQuantity } from './cart-service';

describe.each(backends())('shop cart on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  async function productBySku(sku: string) {
    const [p] = await db().select().from(products).where(eq(products.sku, sku));
    return p!;
  }

  it('keeps a visitor cart, prices it through lib/tax, and merges it into the customer cart at sign-in', async () => {
    const coffee = await productBySku('CAF-MOU-250');
    const pen = await productBySku('BUR-STY-BLEU');
    const guest = await addToCart(db(), null, null, { productId: coffee.id, quantity: 2 });
    if (!guest.ok) throw new Error(guest.error);
    await addToCart(db(), null, guest.value.cartId, { productId: pen.id, quantity: 1 });
    expect(await resolveCartId(db(), null, guest.value.cartId)).toBe(guest.value.cartId);

    const view = await getCartView(db(), guest.value.cartId, 'standard');
    expect(view.itemCount).toBe(3);
    expect(view.totals!.goodsTtcCents).toBe(2 * coffee.b2cPriceTtcCents + pen.b2cPriceTtcCents);
    expect(view.totals!.tax.totalGrossCents).toBe(view.totals!.goodsTtcCents + view.totals!.shippingTtcCents);

    const customer = await actorOf('client@particulier.test');
    const own = await addToCart(db(), customer, await resolveCartId(db(), customer, undefined), { productId: coffee.id, quantity: 1 });
    if (!own.ok) throw new Error(own.error);
    const merged = await resolveCartId(db(), customer, guest.value.cartId);
    expect(merged).toBe(own.value.cartId);
    const lines = await db().select().from(cartLines).where(eq(cartLines.cartId, merged!));
    expect(Object.fromEntries(lines.map((l) => [l.productId, l.quantity]))).toEqual({ [coffee.id]: 3, [pen.id]: 1 });
    expect(await db().select().from(carts).where(eq(carts.id, guest.value.cartId))).toHaveLength(0);
    // The visitor's cookie no longer finds a cart; another customer never gets this one.
    expect(await resolveCartId(db(), null, guest.value.cartId)).toBeNull();

    expect(await setCartQuantity(db(), customer, merged, { productId: pen.id, quantity: 0 })).toMatchObject({ ok: true });
    expect((await getCartView(db(), merged, 'standard')).lines.map((l) => l.productId)).toEqual([coffee.id]);
    await setCartQuantity(db(), customer, merged, { productId: coffee.id, quantity: 0 });
  });

  it('refuses business and staff logins, inactive and out-of-stock products', async () => {
    const pen = await productBySku('BUR-STY-NOIR');
    expect(await addToCart(db(), await actorOf('acheteur@atelier-lumiere.test'), null, { productId: pen.id, quantity: 1 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('portail entreprise'),
    });
    expect(await addToCart(db(), await actorOf('admin@comptoir.test'), null, { productId: pen.id, quantity: 1 })).toMatchObject({ ok: false });
    const [gone] = await db()
      .insert(products)
      .values({ sku: 'TEST-INACTIF', slug: 'test-inactif', name: 'Inactif', vatRateBp: 2000, b2cPriceTtcCents: 100, b2bListPriceHtCents: 50, stockOnHand: 5, isActive: false })
      .returning();
    expect(await addToCart(db(), null, null, { productId: gone!.id, quantity: 1 })).toMatchObject({ ok: false });
    const [empty] = await db()
      .insert(products)
      .values({ sku: 'TEST-VIDE', slug: 'test-vide', name: 'Vide', vatRateBp: 2000, b2cPriceTtcCents: 100, b2bListPriceHtCents: 50, stockOnHand: 0 })
      .returning();
    expect(await addToCart(db(), null, null, { productId: empty!.id, quantity: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('rupture') });
  });

  it('refuses more than the stock, and reports lines the stock can no longer cover', async () => {
    const chair = await productBySku('MOB-ARM-HT');
    expect(await addToCart(db(), null, null, { productId: chair.id, quantity: chair.stockOnHand + 1 })).toMatchObject({
      ok: false,
      error: `Il ne reste que ${chair.stockOnHand} « ${chair.name} ».`,
    });
    const added = await addToCart(db(), null, null, { productId: chair.id, quantity: chair.stockOnHand });
    if (!added.ok) throw new Error(added.error);
    await db().update(products).set({ stockOnHand: chair.stockOnHand - 1 }).where(eq(products.id, chair.id));
    const view = await getCartView(db(), added.value.cartId, 'standard');
    expect(view.problems).toEqual([`Il ne reste que ${chair.stockOnHand - 1} « ${chair.name} » : réduisez la quantité.`]);
    expect(view.lines[0]!.available).toBe(false);
  });
});
