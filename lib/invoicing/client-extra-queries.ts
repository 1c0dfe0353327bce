import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { invoices } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ok, type Result } from '@/lib/result';
import { getInvoice, listInvoices, type InvoiceList, type InvoiceListRow } from './queries';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export interface ClientInvoiceList extends InvoiceList {
  rows: (InvoiceListRow & { orderId: string | null })[];
  /** What is still due over the actor's whole scope, whatever the filters (the summary box). */
  scopeDueCents: number;
  scopeOverdueCents: number;
}

/**
 * The client's invoices (listInvoices, same scope) with each row's order id, so a list can link to
 * the order, and the scope's due amounts regardless of the filters.
 */
export async function listClientInvoices(
  db: Database,
  actor: Actor | null,
  opts: { page: number; state?: string; q?: string },
): Promise<Result<ClientInvoiceList>> {
  const filtered = Boolean(opts.state || opts.q?.trim());
  const [list, whole] = await Promise.all([listInvoices(db, actor, opts), filtered ? listInvoices(db, actor, { page: 1 }) : null]);
  if (!list.ok) return list;
  const ids = list.value.rows.map((r) => r.id);
  // The ids come from the scoped list; the account filter is a second fence.
  const links =
    ids.length && actor?.accountId
      ? await db
          .select({ id: invoices.id, orderId: invoices.orderId })
          .from(invoices)
          .where(and(inArray(invoices.id, ids), eq(invoices.accountId, actor.accountId)))
      : [];
  const orderOf = new Map(links.map((l) => [l.id, l.orderId]));
  const totals = whole?.ok ? whole.value : list.value;
  return ok({
    ...list.value,
    rows: list.value.rows.map((r) => ({ ...r, orderId: orderOf.get(r.id) ?? null })),
    scopeDueCents: totals.dueCents,
    scopeOverdueCents: totals.overdueCents,
  });
}

export { getInvoiceOfOrder } from './queries';
