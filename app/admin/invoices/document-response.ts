import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { roleCan } from '@/lib/auth/roles';
import { getActor } from '@/lib/auth/session';

/*
 * Shared by the back office's invoice and credit-note downloads. The document queries scope by
 * actor and would let a client read its own invoices, so these routes first require staff
 * (`orders.manage`): signed out is a 401, another role a 403, an unknown document a 404.
 */

export const plainText = (body: string, status: number) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function staffOrRefusal(): Promise<{ actor: Actor } | { refusal: Response }> {
  const actor = await getActor();
  if (!actor) return { refusal: plainText(NOT_SIGNED_IN, 401) };
  if (!roleCan(actor.role, 'orders.manage')) return { refusal: plainText(NOT_ALLOWED, 403) };
  return { actor };
}

/** A file to save: document numbers match `^[A-Za-z0-9+_/-]{1,35}$` (a CHECK), `/` is replaced. */
export function attachment(body: Uint8Array | string, contentType: string, filename: string): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(bytes as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9+_.-]/g, '_')}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
