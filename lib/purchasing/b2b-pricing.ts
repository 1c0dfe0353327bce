import { computeTaxes, type TaxResult, type Treatment } from '@/lib/tax';
import { type AgreementOffer, type ResolvedPrice, resolveB2bPrice } from './price-resolution';

export interface B2bItem {
  productId: string;
  quantity: number;
  listPriceHtCents: number;
  vatRateBp: number;
}

export interface PricedB2bBasket {
  prices: ResolvedPrice[];
  tax: TaxResult;
  hasOffContractLines: boolean;
}

/**
 * Prices a business basket: each line at its resolved price HT, VAT computed from HT per rate by
 * lib/tax (tax-exclusive) with the order's treatment. The catalogue, cart, checkout and approval
 * pages all call this, so they show the same number for the same quantity.
 */
export function priceB2bBasket(items: readonly B2bItem[], offers: Map<string, AgreementOffer>, treatment: Treatment): PricedB2bBasket {
  const prices = items.map((i) => resolveB2bPrice({ quantity: i.quantity, listPriceHtCents: i.listPriceHtCents, offer: offers.get(i.productId) ?? null }));
  const tax = computeTaxes({
    mode: 'tax_exclusive',
    treatment,
    lines: items.map((i, k) => ({ quantity: i.quantity, unitPriceCents: prices[k]!.unitPriceHtCents, vatRateBp: i.vatRateBp })),
  });
  return { prices, tax, hasOffContractLines: prices.some((p) => p.source === 'list') };
}
