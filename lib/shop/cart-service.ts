import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { cartLines, carts, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { priceShopBasket, type ShopTotals } from './pricing';
import type { ShippingMethod } from './shipping';

export const MAX_LINE_QUANTITY = 999;
export const B2B_USE_PORTAL = 'Les comptes entreprise commandent sur le portail entreprise, aux prix négociés HT.';

/** The shop's cart is for visitors and consumers; business and staff logins are sent elsewhere. */
export function shopRefusal(actor: Actor | null): string | null {
  if (!actor || actor.role === 'customer') return null;
  return actor.role === 'sales' || actor.role === 'admin' ? 'Le panier de la boutique est réservé aux clients particuliers.' : B2B_USE_PORTAL;
}

/** A visitor's cart id from its cookie, when it looks like one (an unguessable random UUID). */
function guestIdOf(cookieCartId: string | undefined): string | undefined {
  return cookieCartId && /^[0-9a-f-]{36}$/i.test(cookieCartId) ? cookieCartId : undefined;
}

/** The cart of a request and its number of units. */
export interface CurrentCart {
  cartId: string | null;
  itemCount: number;
}

const NO_CART: CurrentCart = { cartId: null, itemCount: 0 };

/**
 * Finds the cart of this request with its number of units: a customer's own cart (a visitor's cart
 * from the cookie is merged into it at the first request after sign-in), or the visitor's cookie
 * cart. Every page of the shop shows the count, so this is one statement — none for a visitor
 * without a cart cookie, or for a business or staff login (the shop cart is not theirs) — except
 * the one request that merges a visitor's cart.
 */
export async function resolveCart(db: Database, actor: Actor | null, cookieCartId: string | undefined): Promise<CurrentCart> {
  const guestId = guestIdOf(cookieCartId);
  if (!actor) {
    if (!guestId) return NO_CART;
    const [row] = rowsOf<{ id: string; n: number | string }>(
      await db.execute(sql`
        select c.id, (select coalesce(sum(l.quantity), 0) from ${cartLines} l where l.cart_id = c.id) as n
        from ${carts} c
        where c.id = ${guestId} and c.user_id is null and c.channel = 'b2c'`),
    );
    return row ? { cartId: row.id, itemCount: Number(row.n) } : NO_CART;
  }
  if (actor.role !== 'customer') return NO_CART;
  const [found] = rowsOf<{ own_id: string | null; n: number | string; guest_id: string | null }>(
    await db.execute(sql`
      select own.id as own_id,
             (select coalesce(sum(l.quantity), 0) from ${cartLines} l where l.cart_id = own.id) as n,
             ${guestId ? sql`(select g.id from ${carts} g where g.id = ${guestId} and g.user_id is null and g.channel = 'b2c')` : sql`null::uuid`} as guest_id
      from (select 1) as one
      left join lateral (
        select c.id from ${carts} c where c.user_id = ${actor.userId} and c.channel = 'b2c' order by c.created_at limit 1
      ) as own on true`),
  );
  if (!found?.guest_id) return found?.own_id ? { cartId: found.own_id, itemCount: Number(found.n) } : NO_CART;
  const cartId = await mergeGuestCart(db, actor, found.guest_id);
  return { cartId, itemCount: cartId ? await countCartItems(db, cartId) : 0 };
}

/** The cart of this request (see resolveCart), or null when none exists. */
export async function resolveCartId(db: Database, actor: Actor | null, cookieCartId: string | undefined): Promise<string | null> {
  return (await resolveCart(db, actor, cookieCartId)).cartId;
}

/** Takes a visitor's cart over at sign-in: it becomes the customer's cart, or is merged into it. */
async function mergeGuestCart(db: Database, actor: Actor, guestId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.userId, actor.userId), eq(carts.channel, 'b2c')))
      .orderBy(asc(carts.createdAt))
      .limit(1);
    const [guest] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guestId), isNull(carts.userId), eq(carts.channel, 'b2c')))
      .for('update')
      .limit(1);
    if (!guest) return own?.id ?? null;
    if (!own) {
      await tx.update(carts).set({ userId: actor.userId, updatedAt: sql`now()` }).where(eq(carts.id, guest.id));
      return guest.id;
    }
    await mergeLines(tx, guest.id, own.id);
    await tx.delete(carts).where(eq(carts.id, guest.id));
    return own.id;
  });
}

async function mergeLines(tx: Executor, fromCartId: string, intoCartId: string): Promise<void> {
  await tx.execute(sql`
    insert into cart_lines (cart_id, product_id, quantity)
    select ${intoCartId}, product_id, quantity from cart_lines where cart_id = ${fromCartId}
    on conflict (cart_id, product_id)
    do update set quantity = least(${MAX_LINE_QUANTITY}, cart_lines.quantity + excluded.quantity)`);
  await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, intoCartId));
}

export interface CartLineView {
  productId: string;
  sku: string;
  slug: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceTtcCents: number;
  vatRateBp: number;
  lineTotalCents: number;
  stockOnHand: number;
  available: boolean;
}

export interface CartView {
  cartId: string | null;
  lines: CartLineView[];
  /** Lines that cannot be ordered as they are (inactive product, not enough stock). */
  problems: string[];
  totals: ShopTotals | null;
  itemCount: number;
}

const EMPTY: CartView = { cartId: null, lines: [], problems: [], totals: null, itemCount: 0 };

/** The cart with current catalogue prices and its totals from lib/tax (what checkout will charge). */
export async function getCartView(db: Executor, cartId: string | null, method: ShippingMethod): Promise<CartView> {
  if (!cartId) return EMPTY;
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      slug: products.slug,
      name: products.name,
      unit: products.unit,
      quantity: cartLines.quantity,
      unitPriceTtcCents: products.b2cPriceTtcCents,
      vatRateBp: products.vatRateBp,
      stockOnHand: products.stockOnHand,
      isActive: products.isActive,
    })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.addedAt), asc(products.name));
  if (rows.length === 0) return { ...EMPTY, cartId };
  const problems: string[] = [];
  for (const r of rows) {
    if (!r.isActive) problems.push(`« ${r.name} » n’est plus vendu : retirez-le du panier.`);
    else if (r.quantity > r.stockOnHand) {
      problems.push(
        r.stockOnHand === 0
          ? `« ${r.name} » est en rupture de stock.`
          : `Il ne reste que ${r.stockOnHand} « ${r.name} » : réduisez la quantité.`,
      );
    }
  }
  const totals = priceShopBasket(rows, method);
  const lines = rows.map((r, i) => ({
    productId: r.productId,
    sku: r.sku,
    slug: r.slug,
    name: r.name,
    unit: r.unit,
    quantity: r.quantity,
    unitPriceTtcCents: r.unitPriceTtcCents,
    vatRateBp: r.vatRateBp,
    lineTotalCents: totals.tax.lines[i]!.lineTotalCents,
    stockOnHand: r.stockOnHand,
    available: r.isActive && r.quantity <= r.stockOnHand,
  }));
  return { cartId, lines, problems, totals, itemCount: rows.reduce((s, r) => s + r.quantity, 0) };
}

/** Adds units of a product; creates the cart when there is none (the caller sets the cookie). */
export async function addToCart(
  db: Database,
  actor: Actor | null,
  cartId: string | null,
  input: { productId: string; quantity: number },
): Promise<Result<{ cartId: string }>> {
  const refusal = shopRefusal(actor);
  if (refusal) return fail(refusal);
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, name: products.name, stock: products.stockOnHand, active: products.isActive })
      .from(products)
      .where(eq(products.id, input.productId))
      .limit(1);
    if (!product || !product.active) return fail<{ cartId: string }>('Ce produit n’est pas disponible.');
    if (product.stock <= 0) return fail<{ cartId: string }>(`« ${product.name} » est en rupture de stock.`);
    const [already] = cartId
      ? await tx
          .select({ quantity: cartLines.quantity })
          .from(cartLines)
          .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, product.id)))
      : [];
    if ((already?.quantity ?? 0) + input.quantity > product.stock) {
      return fail<{ cartId: string }>(
        `Il ne reste que ${product.stock} « ${product.name} »${already ? ` (dont ${already.quantity} déjà dans votre panier)` : ''}.`,
      );
    }
    let id = cartId;
    if (!id) {
      const [created] = await tx
        .insert(carts)
        .values({ userId: actor?.role === 'customer' ? actor.userId : null })
        .returning({ id: carts.id });
      id = created!.id;
    }
    await tx
      .insert(cartLines)
      .values({ cartId: id, productId: product.id, quantity: Math.min(input.quantity, MAX_LINE_QUANTITY) })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.productId],
        set: { quantity: sql`least(${MAX_LINE_QUANTITY}, ${cartLines.quantity} + excluded.quantity)` },
      });
    await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, id));
    return ok({ cartId: id });
  });
}

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(
  db: Database,
  actor: Actor | null,
  cartId: string | null,
  input: { productId: string; quantity: number },
): Promise<Result<null>> {
  const refusal = shopRefusal(actor);
  if (refusal) return fail(refusal);
  if (!cartId) return fail('Votre panier est vide.');
  if (input.quantity === 0) {
    await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, input.productId)));
  } else {
    await db
      .update(cartLines)
      .set({ quantity: Math.min(input.quantity, MAX_LINE_QUANTITY) })
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, input.productId)));
  }
  return ok(null);
}

/** Number of units in a cart, for the header badge. */
export async function countCartItems(db: Database, cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)`.mapWith(Number) })
    .from(cartLines)
    .where(inArray(cartLines.cartId, [cartId]));
  return row?.n ?? 0;
}
