/** Shipping methods of the shop. Charges are TTC (the shop's mode) and follow the goods' VAT rates. */
export const SHIPPING_METHODS = {
  standard: { label: 'Livraison standard (3 à 5 jours ouvrés)', chargeTtcCents: 490, freeFromGoodsTtcCents: 6000 },
  express: { label: 'Livraison express (24 h)', chargeTtcCents: 1290, freeFromGoodsTtcCents: null },
  pickup: { label: 'Retrait à l’entrepôt de Lyon', chargeTtcCents: 0, freeFromGoodsTtcCents: null },
} as const satisfies Record<string, { label: string; chargeTtcCents: number; freeFromGoodsTtcCents: number | null }>;

export type ShippingMethod = keyof typeof SHIPPING_METHODS;
export const SHIPPING_METHOD_IDS = Object.keys(SHIPPING_METHODS) as ShippingMethod[];

/** The TTC charge of a method for a basket whose goods total `goodsTtcCents`. */
export function shippingChargeCents(method: ShippingMethod, goodsTtcCents: number): number {
  const m = SHIPPING_METHODS[method];
  if (m.freeFromGoodsTtcCents !== null && goodsTtcCents >= m.freeFromGoodsTtcCents) return 0;
  return m.chargeTtcCents;
}
