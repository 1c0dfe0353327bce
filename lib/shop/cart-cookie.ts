import 'server-only';
import { cookies } from 'next/headers';

export const CART_COOKIE = 'comptoir_cart';

/** The visitor's cart id from its cookie (an unguessable random UUID), if any. */
export async function readCartCookie(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value;
}

/** Only server actions and route handlers may set cookies. */
export async function writeCartCookie(cartId: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, cartId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    path: '/',
    maxAge: 60 * 60 * 24 * 60,
  });
}
