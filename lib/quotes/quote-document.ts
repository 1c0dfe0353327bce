import { sellerParty } from '@/lib/documents/seller-party';
import type { CommercialDocument } from '@/lib/documents/types';
import { parisDate } from '@/lib/purchasing/periods';
import type { SellerProfile } from '@/lib/seller/service';
import type { QuoteDetail, QuoteVersionView } from './views';

/** A sent quote version as a printable document: its frozen figures, never recomputed. */
export function quoteVersionDocument(quote: Pick<QuoteDetail, 'number' | 'accountName'>, v: QuoteVersionView, seller: SellerProfile): CommercialDocument {
  const buyerAddress = v.buyer?.address ?? v.deliveryAddress;
  const hasProducts = v.lines.some((l) => l.productId);
  const hasFree = v.lines.some((l) => !l.productId);
  return {
    kind: 'quote',
    number: quote.number,
    version: v.version,
    issueDate: parisDate(v.sentAt ?? new Date()),
    mode: 'tax_exclusive',
    treatment: v.treatment,
    currency: 'EUR',
    seller: sellerParty(seller),
    buyer: {
      name: v.buyer?.name ?? quote.accountName,
      address: buyerAddress
        ? { line1: buyerAddress.line1, line2: buyerAddress.line2, postalCode: buyerAddress.postalCode, city: buyerAddress.city, country: buyerAddress.country }
        : { line1: '', postalCode: '', city: '', country: 'FR' },
      siren: v.buyer?.siren ?? null,
      vatNumber: v.buyer?.vatNumber ?? null,
    },
    deliveryAddress: v.deliveryAddress,
    nature: hasProducts && hasFree ? 'both' : hasProducts ? 'goods' : 'services',
    lines: v.lines.map((l) => ({
      position: l.position,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceHtCents,
      baseQuantity: 1,
      discountBp: l.discountBp,
      vatRateBp: l.vatRateBp,
      category: l.vatCategory,
      lineTotalCents: l.lineTotalCents,
      netCents: l.netCents,
    })),
    adjustments: v.adjustments.map((a) => ({ kind: a.kind, reason: a.reason ?? 'Frais de livraison', vatRateBp: a.vatRateBp, category: a.category, amountCents: a.amountCents, netCents: a.netCents })),
    breakdown: v.vatBreakdown,
    totalNetCents: v.totalNetCents,
    totalVatCents: v.totalVatCents,
    totalGrossCents: v.totalGrossCents,
    mentions: v.mentions,
    validUntil: v.validUntil,
    paymentTerms: v.paymentTerms || null,
    deliveryTerms: v.deliveryTerms || null,
    notes: v.clientNote ? [v.clientNote] : [],
  };
}
