/**
 * Public types of the VAT engine (see spec/tax.md).
 * Amounts are integer cents, rates integer basis points (2000 = 20 %).
 */

/** EN 16931 VAT category code: S standard, Z zero rated, K intra-EU goods, AE reverse charge, G export. */
export type VatCategory = 'S' | 'Z' | 'K' | 'AE' | 'G';

/** B2C documents are priced tax-inclusive (TTC), B2B documents tax-exclusive (HT). */
export type TaxMode = 'tax_inclusive' | 'tax_exclusive';

/** The VAT treatment of a document, decided by the ordering service (never by the customer). */
export type Treatment = 'domestic' | 'intra_eu_goods' | 'reverse_charge' | 'export';

/** One document line. */
export interface TaxLineInput {
  /** Positive, at most 3 decimals. */
  quantity: number;
  /** Price of `baseQuantity` units, in cents, in the document's mode (TTC or HT). */
  unitPriceCents: number;
  /** The price is per N units (positive integer, default 1). */
  baseQuantity?: number;
  /** Line discount in basis points (500 = 5 %), 0–10000, default 0. */
  discountBp?: number;
  /** VAT rate in basis points, 0–10000. */
  vatRateBp: number;
}

/** A document-level charge (shipping…) or allowance (discount), in the document's mode. */
export interface TaxAdjustmentInput {
  amountCents: number;
  /** Omitted: split pro rata over the lines' rates. */
  vatRateBp?: number;
  reason?: string;
}

/** Input of `computeTaxes`. */
export interface TaxInput {
  mode: TaxMode;
  /** At least one line. */
  lines: readonly TaxLineInput[];
  charges?: readonly TaxAdjustmentInput[];
  allowances?: readonly TaxAdjustmentInput[];
  /** Default 'domestic'. Other treatments require tax-exclusive mode. */
  treatment?: Treatment;
}

/** A computed line, in input order. */
export interface TaxLineResult {
  /** The line total in the document's mode (TTC or HT). */
  lineTotalCents: number;
  /** The line's HT amount (= lineTotalCents in tax-exclusive mode). */
  netCents: number;
  vatRateBp: number;
  category: VatCategory;
}

/** One part of a charge or allowance: one entry per (input item, rate it landed on). */
export interface TaxAdjustmentResult {
  kind: 'charge' | 'allowance';
  /** Position of the item in its input array (`charges` or `allowances`). */
  index: number;
  vatRateBp: number;
  category: VatCategory;
  /** Positive; `kind` gives the sign. In the document's mode. */
  amountCents: number;
  /** The HT part, positive; `kind` gives the sign. */
  netCents: number;
  reason?: string;
}

/** The VAT of one (category, rate). */
export interface TaxBreakdownEntry {
  vatRateBp: number;
  category: VatCategory;
  taxableCents: number;
  vatCents: number;
}

/** Output of `computeTaxes`. */
export interface TaxResult {
  lines: TaxLineResult[];
  /** Charges first, then allowances; each by input index, then by rate descending. */
  adjustments: TaxAdjustmentResult[];
  /** One entry per (category, rate), highest rate first. */
  breakdown: TaxBreakdownEntry[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  /** Legal mentions the treatment requires on the invoice. */
  mentions: string[];
}
