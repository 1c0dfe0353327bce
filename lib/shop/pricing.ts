import { computeTaxes, type TaxResult } from '@/lib/tax';
import { shippingChargeCents, type ShippingMethod } from './shipping';

export interface PricedItem {
  productId: string;
  quantity: number;
  unitPriceTtcCents: number;
  vatRateBp: number;
}

export interface ShopTotals {
  goodsTtcCents: number;
  shippingTtcCents: number;
  tax: TaxResult;
}

/**
 * Prices a consumer basket: lines TTC, the shipping charge split over the goods' rates pro rata
 * (spec/tax.md), all through lib/tax in tax-inclusive mode. The cart page and checkout both call
 * this, so the total shown is the total charged.
 */
export function priceShopBasket(items: readonly PricedItem[], method: ShippingMethod): ShopTotals {
  const lines = items.map((i) => ({ quantity: i.quantity, unitPriceCents: i.unitPriceTtcCents, vatRateBp: i.vatRateBp }));
  const goods = computeTaxes({ mode: 'tax_inclusive', lines });
  const goodsTtcCents = goods.totalGrossCents;
  const shippingTtcCents = shippingChargeCents(method, goodsTtcCents);
  const tax =
    shippingTtcCents > 0
      ? computeTaxes({ mode: 'tax_inclusive', lines, charges: [{ amountCents: shippingTtcCents, reason: 'Livraison' }] })
      : goods;
  return { goodsTtcCents, shippingTtcCents, tax };
}
