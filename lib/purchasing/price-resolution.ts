/** A negotiated line of the company's active agreement, with what was already ordered on it. */
export interface AgreementOffer {
  agreementId: string;
  unitPriceHtCents: number;
  /** Quantity tiers: from `minQuantity` units, `unitPriceHtCents` applies. Any order. */
  tiers: readonly { minQuantity: number; unitPriceHtCents: number }[];
  maxQuantity: number | null;
  orderedQuantity: number;
}

export interface ResolvedPrice {
  unitPriceHtCents: number;
  source: 'agreement' | 'list';
  agreementId: string | null;
  /** The tier that applied (its minimum quantity), null for the base negotiated price or the list price. */
  tierMinQuantity: number | null;
  /** The agreement covers the product but this quantity would pass its maximum: list price, off contract. */
  exceedsMaxQuantity: boolean;
}

/**
 * The unit price HT of a product for a B2B quantity (spec/b2b.md): the active agreement's price for
 * the quantity's tier, else the product's B2B list price HT. The result says which source won.
 * Pure; the B2B list price is never derived from the consumer price.
 */
export function resolveB2bPrice(input: { quantity: number; listPriceHtCents: number; offer: AgreementOffer | null }): ResolvedPrice {
  const { quantity, listPriceHtCents, offer } = input;
  const list: ResolvedPrice = { unitPriceHtCents: listPriceHtCents, source: 'list', agreementId: null, tierMinQuantity: null, exceedsMaxQuantity: false };
  if (!offer) return list;
  if (offer.maxQuantity !== null && offer.orderedQuantity + quantity > offer.maxQuantity) return { ...list, exceedsMaxQuantity: true };
  let best: { minQuantity: number; unitPriceHtCents: number } | null = null;
  for (const tier of offer.tiers) {
    if (tier.minQuantity <= quantity && (best === null || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return {
    unitPriceHtCents: best ? best.unitPriceHtCents : offer.unitPriceHtCents,
    source: 'agreement',
    agreementId: offer.agreementId,
    tierMinQuantity: best ? best.minQuantity : null,
    exceedsMaxQuantity: false,
  };
}
