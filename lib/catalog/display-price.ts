import { computeTaxes } from '@/lib/tax';

export interface DisplayPrice {
  grossCents: number;
  netCents: number;
  vatCents: number;
  vatRateBp: number;
}

/**
 * A product's unit price as the shop shows it: the stored TTC price, with the VAT it contains,
 * computed by lib/tax in tax-inclusive mode (never by multiplying here).
 */
export function consumerUnitPrice(priceTtcCents: number, vatRateBp: number): DisplayPrice {
  const r = computeTaxes({ mode: 'tax_inclusive', lines: [{ quantity: 1, unitPriceCents: priceTtcCents, vatRateBp }] });
  return { grossCents: r.totalGrossCents, netCents: r.totalNetCents, vatCents: r.totalVatCents, vatRateBp };
}

/** A business unit price: HT as negotiated or listed, with the TTC lib/tax computes from it. */
export function businessUnitPrice(priceHtCents: number, vatRateBp: number): DisplayPrice {
  const r = computeTaxes({ mode: 'tax_exclusive', lines: [{ quantity: 1, unitPriceCents: priceHtCents, vatRateBp }] });
  return { grossCents: r.totalGrossCents, netCents: r.totalNetCents, vatCents: r.totalVatCents, vatRateBp };
}
