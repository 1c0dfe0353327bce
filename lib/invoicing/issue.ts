import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, invoiceAdjustments, invoiceLines, invoicePayments, invoices, orderAdjustments, orderLines, orderPayments, orders, sellerProfile } from '@/db/schema';
import { sellerParty } from '@/lib/documents/seller-party';
import type { DocumentParty } from '@/lib/documents/types';
import { parisDate } from '@/lib/purchasing/periods';
import { takeDocumentNumber } from './numbering';
import { B2B_LEGAL_NOTES, dueDateOf, natureOf, paymentTermsText } from './terms';

/** Orders that can be invoiced: placed and after, never cancelled nor waiting. */
export const INVOICEABLE_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered'] as const;

/** Whether an order in this status may be invoiced now. */
export function isInvoiceableStatus(status: string): boolean {
  return (INVOICEABLE_STATUSES as readonly string[]).includes(status);
}

export class InvoiceRefusal extends Error {}

/**
 * Issues the invoice of an order in the caller's transaction (the order's status change, or a
 * staff action): number taken from the series counter, then every printed fact copied from the
 * order as placed — lines, charges, VAT breakdown, totals, treatment, mentions — and from today's
 * seller and buyer identity. The order's payments already received (card capture, transfer) are
 * carried over as the invoice's payments. Returns the existing invoice if the order has one.
 */
export async function issueInvoiceInTx(tx: Tx, orderId: string, actorUserId: string | null, opts: { deliveryDate?: string | null } = {}): Promise<{ invoiceId: string; number: string; created: boolean }> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw new InvoiceRefusal('Commande introuvable.');
  const [existing] = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.orderId, orderId));
  if (existing) return { invoiceId: existing.id, number: existing.number, created: false };
  if (!(INVOICEABLE_STATUSES as readonly string[]).includes(order.status)) {
    throw new InvoiceRefusal('Seule une commande enregistrée (ni en attente, ni annulée) peut être facturée.');
  }
  const [seller] = await tx.select().from(sellerProfile).limit(1);
  if (!seller) throw new InvoiceRefusal('Renseignez d’abord l’identité de la société (vendeur).');
  const [account] = order.accountId ? await tx.select().from(accounts).where(eq(accounts.id, order.accountId)) : [];
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position));
  const adjustments = await tx.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, order.id)).orderBy(asc(orderAdjustments.kind), asc(orderAdjustments.itemIndex));

  const today = parisDate();
  const year = Number(today.slice(0, 4));
  const b2b = order.channel === 'b2b';
  const buyer: DocumentParty = {
    name: b2b ? (account?.legalName ?? order.customerName) : order.customerName,
    address: {
      line1: order.billingAddress.line1,
      line2: order.billingAddress.line2 ?? null,
      postalCode: order.billingAddress.postalCode,
      city: order.billingAddress.city,
      country: order.billingAddress.country,
    },
    siren: b2b ? (account?.siren ?? null) : null,
    vatNumber: b2b ? (account?.vatNumber ?? null) : null,
    email: order.email,
  };
  const termDays = b2b ? (account?.paymentTermDays ?? 30) : 0;
  const endOfMonth = b2b ? (account?.paymentEndOfMonth ?? false) : false;
  const { number, sequence } = await takeDocumentNumber(tx, 'F', year);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      number,
      series: 'F',
      year,
      sequence,
      orderId: order.id,
      accountId: order.accountId,
      channel: order.channel,
      priceMode: order.priceMode,
      treatment: order.treatment,
      nature: natureOf(lines),
      issueDate: today,
      // The clock at numbering time (not the transaction's start): numbers and instants agree.
      issuedAt: sql`clock_timestamp()`,
      issuedByUserId: actorUserId,
      dueDate: dueDateOf(today, termDays, endOfMonth),
      // A mandatory mention (and BR-IC-11 for intra-EU supplies): the planned date when issued early.
      deliveryDate: opts.deliveryDate ?? order.requestedDeliveryDate ?? today,
      seller: sellerParty(seller),
      buyer,
      buyerEmail: order.email,
      deliveryAddress: order.deliveryAddress,
      orderNumber: order.number,
      purchaseOrderRef: order.purchaseOrderRef,
      totalNetCents: order.totalNetCents,
      totalVatCents: order.totalVatCents,
      totalGrossCents: order.totalGrossCents,
      vatBreakdown: order.vatBreakdown,
      mentions: order.mentions,
      legalNotes: b2b ? [...B2B_LEGAL_NOTES] : [],
      paymentTerms: b2b ? paymentTermsText(termDays, endOfMonth, seller.iban) : order.paymentMethod === 'card' ? 'Payé par carte à la commande.' : 'Payé par virement.',
    })
    .returning({ id: invoices.id });
  const invoiceId = invoice!.id;
  await tx.insert(invoiceLines).values(
    lines.map((l) => ({
      invoiceId,
      position: l.position,
      productId: l.productId,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      baseQuantity: l.baseQuantity,
      discountBp: l.discountBp,
      vatRateBp: l.vatRateBp,
      vatCategory: l.vatCategory,
      lineTotalCents: l.lineTotalCents,
      netCents: l.netCents,
    })),
  );
  if (adjustments.length) {
    await tx.insert(invoiceAdjustments).values(
      adjustments.map((a, i) => ({
        invoiceId,
        position: i + 1,
        kind: a.kind,
        reason: a.reason ?? (a.kind === 'charge' ? 'Frais de livraison' : 'Remise'),
        vatRateBp: a.vatRateBp,
        vatCategory: a.vatCategory,
        amountCents: a.amountCents,
        netCents: a.netCents,
      })),
    );
  }
  const received = await tx
    .select({ kind: orderPayments.kind, method: orderPayments.method, amount: orderPayments.amountCents, at: orderPayments.createdAt, ref: orderPayments.providerRef })
    .from(orderPayments)
    .where(and(eq(orderPayments.orderId, order.id)));
  const refunded = received.filter((p) => p.kind === 'refund').reduce((s, p) => s + p.amount, 0);
  // Net of refunds and never beyond the invoice's total.
  let toCarry = Math.min(received.filter((p) => p.kind !== 'refund').reduce((s, p) => s + p.amount, 0) - refunded, order.totalGrossCents);
  for (const p of received.filter((r) => r.kind !== 'refund')) {
    const amount = Math.min(p.amount, toCarry);
    if (amount <= 0) break;
    toCarry -= amount;
    await tx.insert(invoicePayments).values({
      invoiceId,
      amountCents: amount,
      paidOn: parisDate(p.at),
      method: p.method === 'card' ? 'card' : 'bank_transfer',
      reference: p.ref ?? `Commande ${order.number}`,
      recordedByUserId: actorUserId,
    });
  }
  return { invoiceId, number, created: true };
}
