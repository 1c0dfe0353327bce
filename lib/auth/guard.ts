import { fail, type Result } from '@/lib/result';
import type { Actor } from './actor';
import { type Permission, roleCan } from './roles';

export const NOT_SIGNED_IN = 'Votre session a expiré : reconnectez-vous.';
export const NOT_ALLOWED = 'Vous n’avez pas le droit de faire cette action.';

/** Null when the actor may act; otherwise the refusal to return as is. */
export function refuseUnless<T>(actor: Actor | null, permission: Permission): Result<T> | null {
  if (!actor) return fail(NOT_SIGNED_IN);
  if (!roleCan(actor.role, permission)) return fail(NOT_ALLOWED);
  return null;
}
