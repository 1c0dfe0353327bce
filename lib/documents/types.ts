/**
 * A commercial document as stored when it was frozen (a sent quote version, an issued invoice or
 * credit note, a B2C receipt): what the PDF prints and what the EN 16931 export carries. Amounts
 * are integer cents exactly as lib/tax computed them; nothing here is recomputed from today's data.
 */
import type { TaxMode, Treatment, VatCategory } from '@/lib/tax';

export type DocumentKind = 'quote' | 'invoice' | 'credit_note';

export interface DocumentAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface DocumentParty {
  name: string;
  legalForm?: string | null;
  shareCapital?: string | null;
  address: DocumentAddress;
  siren?: string | null;
  siret?: string | null;
  vatNumber?: string | null;
  rcs?: string | null;
  email?: string | null;
  phone?: string | null;
  iban?: string | null;
  bic?: string | null;
}

export interface DocumentLine {
  position: number;
  sku?: string | null;
  description: string;
  /** Positive, at most 3 decimals (services). Negative never: credit notes are positive documents. */
  quantity: number;
  /** Price of `baseQuantity` units in the document's mode (HT for tax_exclusive, TTC otherwise). */
  unitPriceCents: number;
  baseQuantity: number;
  discountBp: number;
  vatRateBp: number;
  category: VatCategory;
  /** The line total in the document's mode. */
  lineTotalCents: number;
  /** The line's HT amount. */
  netCents: number;
}

export interface DocumentAdjustment {
  kind: 'charge' | 'allowance';
  reason: string;
  vatRateBp: number;
  category: VatCategory;
  /** Positive, in the document's mode; `kind` gives the sign. */
  amountCents: number;
  /** Positive HT part. */
  netCents: number;
}

export interface DocumentBreakdown {
  vatRateBp: number;
  category: VatCategory;
  taxableCents: number;
  vatCents: number;
}

export interface CommercialDocument {
  kind: DocumentKind;
  /** `DEV-2026-000012 v2`, `F-2026-000123`, `AV-2026-000004`. */
  number: string;
  /** Quote version (quotes only). */
  version?: number;
  /** YYYY-MM-DD, Europe/Paris. */
  issueDate: string;
  mode: TaxMode;
  treatment: Treatment;
  currency: 'EUR';
  seller: DocumentParty;
  buyer: DocumentParty;
  deliveryAddress?: (DocumentAddress & { name?: string | null }) | null;
  /** YYYY-MM-DD: actual or planned delivery (invoices). */
  deliveryDate?: string | null;
  /** What the document covers (a French mandatory mention on invoices). */
  nature: 'goods' | 'services' | 'both';
  lines: DocumentLine[];
  adjustments: DocumentAdjustment[];
  /** One entry per (category, rate), highest rate first, as lib/tax returned it. */
  breakdown: DocumentBreakdown[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  /** Already paid (invoices paid by card at order); amount due = gross − prepaid. */
  prepaidCents?: number;
  /** The treatment's legal mentions (lib/tax), printed verbatim. */
  mentions: string[];
  /** YYYY-MM-DD: payment due date (invoices). */
  dueDate?: string | null;
  /** YYYY-MM-DD: "valable jusqu'au" (quotes), to the end of that day, Europe/Paris. */
  validUntil?: string | null;
  paymentTerms?: string | null;
  deliveryTerms?: string | null;
  /** Late-payment penalty, early-payment discount, 40 € indemnity… (invoices). */
  legalNotes?: string[];
  /** Free notes the client sees (never the staff's internal notes). */
  notes?: string[];
  references?: {
    orderNumber?: string | null;
    purchaseOrderRef?: string | null;
    /** The invoice a credit note corrects. */
    invoiceNumber?: string | null;
    invoiceIssueDate?: string | null;
    quoteNumber?: string | null;
  };
}
