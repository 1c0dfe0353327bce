import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import type { Database } from '@/db/client';
import { persons, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { openCountingDb } from '@/test/statements';
import { addToCart, resolveCart, setCartQuantity } from './cart-service';

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

/** A consumer of its own, so that these tests never touch the demo customer's cart. */
async function makeCustomer(db: Database): Promise<Actor> {
  const [person] = await db.insert(persons).values({ firstName: 'Jeanne', lastName: unique('Panier') }).returning({ id: persons.id });
  const [user] = await db.insert(users).values({ personId: person!.id, email: `${unique('panier')}@example.test`, kind: 'customer' }).returning({ id: users.id });
  return (await loadActor(db, user!.id))!;
}

async function productId(db: Database, sku: string): Promise<string> {
  const [p] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return p!.id;
}

describe.each(backends())('the current cart and its count on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('finds a visitor cart with its units, and no cart for a malformed or foreign cookie', async () => {
    const guest = await addToCart(db(), null, null, { productId: await productId(db(), 'CAF-MOU-250'), quantity: 2 });
    if (!guest.ok) throw new Error(guest.error);
    await addToCart(db(), null, guest.value.cartId, { productId: await productId(db(), 'BUR-STY-BLEU'), quantity: 3 });
    expect(await resolveCart(db(), null, guest.value.cartId)).toEqual({ cartId: guest.value.cartId, itemCount: 5 });
    expect(await resolveCart(db(), null, undefined)).toEqual({ cartId: null, itemCount: 0 });
    expect(await resolveCart(db(), null, 'not-a-uuid')).toEqual({ cartId: null, itemCount: 0 });
    expect(await resolveCart(db(), null, '00000000-0000-4000-8000-000000000000')).toEqual({ cartId: null, itemCount: 0 });
    // The shop cart is not a business login's, even with a visitor cookie.
    expect(await resolveCart(db(), await actorOf(db(), 'acheteur@atelier-lumiere.test'), guest.value.cartId)).toEqual({ cartId: null, itemCount: 0 });
    // An emptied cart still exists, with 0 units.
    await setCartQuantity(db(), null, guest.value.cartId, { productId: await productId(db(), 'CAF-MOU-250'), quantity: 0 });
    await setCartQuantity(db(), null, guest.value.cartId, { productId: await productId(db(), 'BUR-STY-BLEU'), quantity: 0 });
    expect(await resolveCart(db(), null, guest.value.cartId)).toEqual({ cartId: guest.value.cartId, itemCount: 0 });
  });

  it('merges a visitor cart into the customer cart once, then counts the customer cart', async () => {
    const customer = await makeCustomer(db());
    const coffee = await productId(db(), 'CAF-MOU-250');
    expect(await resolveCart(db(), customer, undefined)).toEqual({ cartId: null, itemCount: 0 });
    const own = await addToCart(db(), customer, null, { productId: coffee, quantity: 2 });
    if (!own.ok) throw new Error(own.error);
    const before = await resolveCart(db(), customer, undefined);
    expect(before).toEqual({ cartId: own.value.cartId, itemCount: 2 });
    const guest = await addToCart(db(), null, null, { productId: coffee, quantity: 1 });
    if (!guest.ok) throw new Error(guest.error);
    const merged = await resolveCart(db(), customer, guest.value.cartId);
    expect(merged).toEqual({ cartId: own.value.cartId, itemCount: 3 });
    // The stale cookie finds nothing more to merge.
    expect(await resolveCart(db(), customer, guest.value.cartId)).toEqual(merged);
    expect(await resolveCart(db(), customer, undefined)).toEqual(merged);

    // Without a cart of its own, the customer takes the visitor's cart over.
    const newcomer = await makeCustomer(db());
    const other = await addToCart(db(), null, null, { productId: coffee, quantity: 4 });
    if (!other.ok) throw new Error(other.error);
    expect(await resolveCart(db(), newcomer, other.value.cartId)).toEqual({ cartId: other.value.cartId, itemCount: 4 });
    expect(await resolveCart(db(), null, other.value.cartId)).toEqual({ cartId: null, itemCount: 0 });
  });
});

describe.runIf(inject('postgresUrl'))('statements of the shop header cart count', () => {
  it('costs nothing without a cart cookie or for a business login, and one statement otherwise', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const customer = await makeCustomer(db);
      await addToCart(db, customer, null, { productId: await productId(db, 'CAF-MOU-250'), quantity: 1 });
      const buyer = await actorOf(db, 'acheteur@atelier-lumiere.test');
      const guest = await addToCart(db, null, null, { productId: await productId(db, 'BUR-STY-NOIR'), quantity: 1 });
      if (!guest.ok) throw new Error(guest.error);
      const count = async (actor: Actor | null, cookie: string | undefined) => (await counting.record(() => resolveCart(db, actor, cookie))).statements.length;
      expect(await count(null, undefined)).toBe(0);
      expect(await count(null, 'garbage')).toBe(0);
      expect(await count(buyer, guest.value.cartId)).toBe(0);
      expect(await count(null, guest.value.cartId)).toBe(1);
      expect(await count(customer, undefined)).toBe(1);
      // Sign-in with a visitor cart: the one request that merges it pays for the transaction…
      expect(await count(customer, guest.value.cartId)).toBeGreaterThan(1);
      // …and the cookie left behind costs nothing more.
      expect(await count(customer, guest.value.cartId)).toBe(1);
    } finally {
      await counting.close();
    }
  });
});
