import 'server-only';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { countCartItems, resolveCartId } from './cart-service';
import { readCartCookie } from './cart-cookie';

/** The cart of the current request (after merging a visitor's cart into a customer's). */
export async function currentCartId(): Promise<string | null> {
  return resolveCartId(await getDb(), await getActor(), await readCartCookie());
}

/** Units in the current cart, for the shop header. */
export async function currentCartCount(): Promise<number> {
  return countCartItems(await getDb(), await currentCartId());
}
