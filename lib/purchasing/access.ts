import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { B2B_ROLES } from '@/lib/auth/roles';

/** A portal actor with its company (the only source of the company id in every portal service). */
export type PortalActor = Actor & { accountId: string; role: 'requester' | 'purchaser' | 'company_admin' };

/** The refusal for a non-portal caller, or null. */
export function portalRefusal(actor: Actor | null): string | null {
  if (!actor) return NOT_SIGNED_IN;
  if (!(B2B_ROLES as readonly string[]).includes(actor.role) || !actor.accountId) return NOT_ALLOWED;
  return null;
}

export function isPortalActor(actor: Actor | null): actor is PortalActor {
  return portalRefusal(actor) === null;
}

/** Purchasers and company admins approve and see the whole company's orders. */
export function canPurchase(actor: PortalActor): boolean {
  return actor.role === 'purchaser' || actor.role === 'company_admin';
}

export const NOT_FOUND = 'Introuvable.';
