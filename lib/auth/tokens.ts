import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token; only its hash is stored, so a database leak gives no working link. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const RESET_LINK_TTL_MINUTES = 60;
export const INVITATION_TTL_HOURS = 72;

export function appUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  return `${base}${path}`;
}
