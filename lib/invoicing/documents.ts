import type { creditNoteLines, creditNotes, invoiceAdjustments, invoiceLines, invoices } from '@/db/schema';
import type { CommercialDocument, DocumentAdjustment, DocumentLine } from '@/lib/documents/types';

type Invoice = typeof invoices.$inferSelect;
type InvoiceLine = typeof invoiceLines.$inferSelect;
type InvoiceAdjustment = typeof invoiceAdjustments.$inferSelect;
type CreditNote = typeof creditNotes.$inferSelect;
type CreditNoteLine = typeof creditNoteLines.$inferSelect;

function docLine(l: InvoiceLine | CreditNoteLine): DocumentLine {
  return {
    position: l.position,
    sku: l.sku,
    description: l.description,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    baseQuantity: l.baseQuantity,
    discountBp: l.discountBp,
    vatRateBp: l.vatRateBp,
    category: l.vatCategory,
    lineTotalCents: l.lineTotalCents,
    netCents: l.netCents,
  };
}

function docAdjustment(a: InvoiceAdjustment): DocumentAdjustment {
  return { kind: a.kind, reason: a.reason, vatRateBp: a.vatRateBp, category: a.vatCategory, amountCents: a.amountCents, netCents: a.netCents };
}

/**
 * An issued invoice as a document — exactly its stored content. `prepaidCents` (B2C: paid at order)
 * is printed as « Déjà réglé »; B2B invoices are due in full (BT-113 = 0).
 */
export function invoiceDocument(inv: Invoice, lines: readonly InvoiceLine[], adjustments: readonly InvoiceAdjustment[], prepaidCents = 0): CommercialDocument {
  return {
    kind: 'invoice',
    number: inv.number,
    issueDate: inv.issueDate,
    mode: inv.priceMode,
    treatment: inv.treatment,
    currency: 'EUR',
    seller: inv.seller,
    buyer: inv.buyer,
    deliveryAddress: inv.deliveryAddress,
    deliveryDate: inv.deliveryDate,
    nature: inv.nature,
    lines: lines.map(docLine),
    adjustments: adjustments.map(docAdjustment),
    breakdown: inv.vatBreakdown,
    totalNetCents: inv.totalNetCents,
    totalVatCents: inv.totalVatCents,
    totalGrossCents: inv.totalGrossCents,
    prepaidCents: inv.channel === 'b2c' ? Math.min(prepaidCents, inv.totalGrossCents) : 0,
    mentions: inv.mentions,
    dueDate: inv.dueDate,
    paymentTerms: inv.paymentTerms,
    legalNotes: inv.legalNotes,
    references: { orderNumber: inv.orderNumber, purchaseOrderRef: inv.purchaseOrderRef },
  };
}

/** A credit note as a document; a full one carries the invoice's charges and allowances too. */
export function creditNoteDocument(
  cn: CreditNote,
  lines: readonly CreditNoteLine[],
  invoice: Invoice,
  invoiceAdjustmentsIfFull: readonly InvoiceAdjustment[],
): CommercialDocument {
  return {
    kind: 'credit_note',
    number: cn.number,
    issueDate: cn.issueDate,
    mode: cn.priceMode,
    treatment: cn.treatment,
    currency: 'EUR',
    seller: cn.seller,
    buyer: cn.buyer,
    deliveryAddress: invoice.deliveryAddress,
    deliveryDate: invoice.deliveryDate,
    nature: cn.nature,
    lines: lines.map(docLine),
    adjustments: cn.kind === 'full' ? invoiceAdjustmentsIfFull.map(docAdjustment) : [],
    breakdown: cn.vatBreakdown,
    totalNetCents: cn.totalNetCents,
    totalVatCents: cn.totalVatCents,
    totalGrossCents: cn.totalGrossCents,
    prepaidCents: 0,
    mentions: cn.mentions,
    dueDate: null,
    paymentTerms: `Avoir à imputer sur la facture ${invoice.number} ; le solde éventuel est remboursé par virement.`,
    legalNotes: [],
    notes: [`Motif : ${cn.reason}`],
    references: { invoiceNumber: invoice.number, invoiceIssueDate: invoice.issueDate, orderNumber: invoice.orderNumber },
  };
}
