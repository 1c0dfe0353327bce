import { createHmac, timingSafeEqual } from 'node:crypto';

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error('NEXTAUTH_SECRET is not set');
  return s;
}

/**
 * The capability a guest gets to open their own order (confirmation link, e-mail). Derived from the
 * order id with the app secret, so a repeated checkout submit can hand it out again without storing it.
 */
export function orderAccessToken(orderId: string): string {
  return createHmac('sha256', secret()).update(`order:${orderId}`).digest('base64url').slice(0, 32);
}

export function isValidOrderAccessToken(orderId: string, token: string): boolean {
  const expected = Buffer.from(orderAccessToken(orderId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
