import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, auditLog, cartLines, carts, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, useTestDb } from '@/test/db';
import { addToB2bCart, getB2bCart, setB2bCartQuantity } from './b2b-cart-service';
import { addListToCart, createListFromCart, deleteShoppingList, getShoppingList, listShoppingLists } from './shopping-lists-service';

describe.each(backends())('shopping lists on %s', (backend) => {
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
  async function emptyCart(actor: Actor) {
    const [cart] = await db().select({ id: carts.id }).from(carts).where(and(eq(carts.userId, actor.userId), eq(carts.channel, 'b2b')));
    if (cart) await db().delete(cartLines).where(eq(cartLines.cartId, cart.id));
  }

  it('saves the cart as a company list, shares it, adds it back at contract prices, and lets only its creator or an admin delete it', async () => {
    const requester = await actorOf('demandeur@atelier-lumiere.test');
    const purchaser = await actorOf('acheteur@atelier-lumiere.test');
    const admin = await actorOf('admin@atelier-lumiere.test');
    const paper = await productBySku('BUR-RAM-A4');
    const caps = await productBySku('CAF-CAP-50');
    await emptyCart(requester);
    expect(await createListFromCart(db(), requester, { name: 'Vide' })).toMatchObject({ ok: false });

    await addToB2bCart(db(), requester, { productId: paper.id, quantity: 60 });
    await addToB2bCart(db(), requester, { productId: caps.id, quantity: 2 });
    expect(await createListFromCart(db(), requester, { name: '  ' })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(Array) } });
    const created = await createListFromCart(db(), requester, { name: 'Fournitures du mois' });
    if (!created.ok) throw new Error(created.error);
    const listId = created.value.listId;
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, listId), eq(auditLog.action, 'shopping_list.create')))).toHaveLength(1);

    // Shared within the company: the purchaser sees it, cannot delete it; the creator can.
    const seen = await listShoppingLists(db(), purchaser);
    if (!seen.ok) throw new Error(seen.error);
    expect(seen.value.find((l) => l.id === listId)).toMatchObject({ name: 'Fournitures du mois', lineCount: 2, createdByName: expect.any(String), canDelete: false });
    const mine = await listShoppingLists(db(), requester);
    expect(mine.ok && mine.value.find((l) => l.id === listId)?.canDelete).toBe(true);
    const detail = await getShoppingList(db(), purchaser, listId);
    if (!detail.ok) throw new Error(detail.error);
    expect(Object.fromEntries(detail.value.lines.map((l) => [l.sku, l.quantity]))).toEqual({ 'BUR-RAM-A4': 60, 'CAF-CAP-50': 2 });

    // Added to the purchaser's own cart at the company's negotiated prices (tier 50 → 3,19 € HT).
    await emptyCart(purchaser);
    expect(await addListToCart(db(), purchaser, listId)).toMatchObject({ ok: true, value: { added: 2 } });
    const cart = await getB2bCart(db(), purchaser);
    if (!cart.ok) throw new Error(cart.error);
    const paperLine = cart.value.lines.find((l) => l.sku === 'BUR-RAM-A4')!;
    expect(paperLine).toMatchObject({ quantity: 60, price: { source: 'agreement', unitPriceHtCents: 319, tierMinQuantity: 50 } });
    expect(cart.value.lines.find((l) => l.sku === 'CAF-CAP-50')!.price).toMatchObject({ source: 'agreement', unitPriceHtCents: 1090 });
    // Adding again sums quantities, like the catalogue's "Ajouter".
    await addListToCart(db(), purchaser, listId);
    const again = await getB2bCart(db(), purchaser);
    expect(again.ok && again.value.lines.find((l) => l.sku === 'BUR-RAM-A4')!.quantity).toBe(120);
    await setB2bCartQuantity(db(), purchaser, { productId: paper.id, quantity: 0 });
    await setB2bCartQuantity(db(), purchaser, { productId: caps.id, quantity: 0 });

    expect(await deleteShoppingList(db(), purchaser, listId)).toMatchObject({ ok: false, error: expect.stringContaining('auteur') });
    expect(await deleteShoppingList(db(), admin, listId)).toMatchObject({ ok: true });
    expect(await getShoppingList(db(), requester, listId)).toMatchObject({ ok: false, error: 'Introuvable.' });
    await emptyCart(requester);
  });

  it('keeps lists inside their company: another company gets "not found" everywhere', async () => {
    const requester = await actorOf('demandeur@atelier-lumiere.test');
    const other = await actorOf('acheteur@transports-morel.test');
    await emptyCart(requester);
    await addToB2bCart(db(), requester, { productId: (await productBySku('BUR-CLA-DOS')).id, quantity: 3 });
    const created = await createListFromCart(db(), requester, { name: 'Classeurs' });
    if (!created.ok) throw new Error(created.error);
    const listId = created.value.listId;

    const theirs = await listShoppingLists(db(), other);
    expect(theirs.ok && theirs.value.some((l) => l.id === listId)).toBe(false);
    expect(await getShoppingList(db(), other, listId)).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await addListToCart(db(), other, listId)).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await deleteShoppingList(db(), other, listId)).toMatchObject({ ok: false, error: 'Introuvable.' });
    expect(await getShoppingList(db(), other, 'not-a-uuid')).toMatchObject({ ok: false });
    expect(await listShoppingLists(db(), null)).toMatchObject({ ok: false });
    expect(await listShoppingLists(db(), await actorOf('admin@comptoir.test'))).toMatchObject({ ok: false });
    expect(await getShoppingList(db(), requester, listId)).toMatchObject({ ok: true });
    await deleteShoppingList(db(), requester, listId);
    await emptyCart(requester);
  });

  it('applies contract rules when a list goes back to the cart: nothing is added when a line is refused', async () => {
    const requester = await actorOf('demandeur@atelier-lumiere.test');
    const [atl] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.id, requester.accountId!));
    await emptyCart(requester);
    // An off-contract product while the company allows it, then the company stops allowing it.
    const [offContract] = await db()
      .insert(products)
      .values({ sku: `TEST-HC-${backend}`.toUpperCase(), slug: `test-hc-${backend}-${Date.now()}`, name: 'Hors contrat', vatRateBp: 2000, b2cPriceTtcCents: 600, b2bListPriceHtCents: 450, stockOnHand: 50 })
      .returning();
    await addToB2bCart(db(), requester, { productId: offContract!.id, quantity: 2 });
    await addToB2bCart(db(), requester, { productId: (await productBySku('BUR-RAM-A4')).id, quantity: 5 });
    const created = await createListFromCart(db(), requester, { name: 'Mixte' });
    if (!created.ok) throw new Error(created.error);
    await emptyCart(requester);
    await db().update(accounts).set({ allowOffContract: false }).where(eq(accounts.id, atl!.id));
    try {
      const refused = await addListToCart(db(), requester, created.value.listId);
      expect(refused).toMatchObject({ ok: false, lineErrors: [{ error: expect.stringContaining('pas dans votre contrat') }] });
      const cart = await getB2bCart(db(), requester);
      expect(cart.ok && cart.value.lines).toEqual([]);
    } finally {
      await db().update(accounts).set({ allowOffContract: true }).where(eq(accounts.id, atl!.id));
    }
    expect(await addListToCart(db(), requester, created.value.listId)).toMatchObject({ ok: true, value: { added: 2 } });
    await deleteShoppingList(db(), requester, created.value.listId);
    await emptyCart(requester);
  });
});
