import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { creditNotes, invoices } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';
import { INVOICEABLE_STATUSES } from './issue';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Whether an order in this status may be invoiced now (placed and after, never waiting or cancelled). */
export function isInvoiceableStatus(status: string): boolean {
  return (INVOICEABLE_STATUSES as readonly string[]).includes(status);
}

/** The invoice of an order (one at most), for staff: its id and number, or null when none was issued. */
export async function getInvoiceOfOrder(db: Database, actor: Actor | null, orderId: string): Promise<Result<{ id: string; number: string } | null>> {
  const refused = refuseUnless<{ id: string; number: string } | null>(actor, 'orders.manage');
  if (refused) return refused;
  if (!isUuid(orderId)) return ok(null);
  const [row] = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.orderId, orderId));
  return ok(row ?? null);
}

/**
 * What the credit notes of an invoice already took, per VAT rate: HT and TTC. The credit-note form
 * shows what remains per rate from it (the service re-checks under a lock).
 */
export async function getCreditedByRate(db: Database, actor: Actor | null, invoiceId: string): Promise<Result<Record<number, { netCents: number; grossCents: number }>>> {
  const refused = refuseUnless<Record<number, { netCents: number; grossCents: number }>>(actor, 'orders.manage');
  if (refused) return refused;
  if (!isUuid(invoiceId)) return ok({});
  const notes = await db.select({ breakdown: creditNotes.vatBreakdown }).from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
  const byRate: Record<number, { netCents: number; grossCents: number }> = {};
  for (const n of notes) {
    for (const b of n.breakdown) {
      const cur = byRate[b.vatRateBp] ?? { netCents: 0, grossCents: 0 };
      byRate[b.vatRateBp] = { netCents: cur.netCents + b.taxableCents, grossCents: cur.grossCents + b.taxableCents + b.vatCents };
    }
  }
  return ok(byRate);
}
