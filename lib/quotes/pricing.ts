import { computeTaxes, type TaxResult, type Treatment } from '@/lib/tax';

export interface QuoteLineAmounts {
  quantity: number;
  unitPriceHtCents: number;
  discountBp: number;
  vatRateBp: number;
}

export type QuoteTotals = Pick<TaxResult, 'lines' | 'adjustments' | 'breakdown' | 'totalNetCents' | 'totalVatCents' | 'totalGrossCents' | 'mentions'>;

const EMPTY: QuoteTotals = { lines: [], adjustments: [], breakdown: [], totalNetCents: 0, totalVatCents: 0, totalGrossCents: 0, mentions: [] };

/**
 * A quote is a B2B document: prices HT, line discounts, VAT computed from HT per rate by lib/tax
 * with the buyer's treatment — the same engine, so the order created on acceptance carries exactly
 * these figures. Delivery costs (HT) are a charge split over the lines' rates, pro rata, as lib/tax
 * does for any charge without its own rate. An empty draft totals zero.
 */
export function priceQuote(lines: readonly QuoteLineAmounts[], treatment: Treatment, shippingHtCents = 0): QuoteTotals {
  if (lines.length === 0) return EMPTY;
  return computeTaxes({
    mode: 'tax_exclusive',
    treatment,
    charges: shippingHtCents > 0 ? [{ amountCents: shippingHtCents, reason: 'Frais de livraison' }] : [],
    lines: lines.map((l) => ({ quantity: l.quantity, unitPriceCents: l.unitPriceHtCents, discountBp: l.discountBp, vatRateBp: l.vatRateBp })),
  });
}
