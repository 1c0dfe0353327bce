import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts, orders } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { rowsOf } from '@/lib/sql-helpers';
import { canPurchase, isPortalActor } from './access';

export interface PortalBadges {
  /** Lines in the person's portal cart. */
  cartLines: number;
  /** Orders of the company waiting for a purchaser's decision (0 for a requester, who cannot decide). */
  pendingApprovals: number;
}

/**
 * The counts of the portal's navigation, in one statement: every portal page shows them, so they
 * must not price the cart or list orders. An approval past its expiry is not counted although the
 * lazy expiry has not run yet: the badge says what the purchaser can still decide.
 */
export async function portalBadges(db: Database, actor: Actor | null): Promise<PortalBadges> {
  if (!isPortalActor(actor)) return { cartLines: 0, pendingApprovals: 0 };
  const pending = canPurchase(actor)
    ? sql`(select count(*) from ${orders} o
        where o.account_id = ${actor.accountId} and o.channel = 'b2b' and o.status = 'pending_approval'
          and (o.approval_expires_at is null or o.approval_expires_at >= now()))`
    : sql`0`;
  const [row] = rowsOf<{ cart_lines: number | string; pending: number | string }>(
    await db.execute(sql`
      select
        (select count(*) from ${cartLines} l where l.cart_id = (
          select c.id from ${carts} c where c.user_id = ${actor.userId} and c.channel = 'b2b' order by c.created_at limit 1)) as cart_lines,
        ${pending} as pending`),
  );
  return { cartLines: Number(row?.cart_lines ?? 0), pendingApprovals: Number(row?.pending ?? 0) };
}
