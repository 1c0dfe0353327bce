import 'server-only';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { resolveCart } from './cart-service';
import { readCartCookie } from './cart-cookie';

/** The cart of the current request (after merging a visitor's cart into a customer's). */
export async function currentCartId(): Promise<string | null> {
  return (await resolveCart(await getDb(), await getActor(), await readCartCookie())).cartId;
}

/**
 * Units in the current cart, for the shop header: no statement for a visitor without a cart cookie,
 * one otherwise (the cart is found and counted together).
 */
export async function currentCartCount(): Promise<number> {
  return (await resolveCart(await getDb(), await getActor(), await readCartCookie())).itemCount;
}
