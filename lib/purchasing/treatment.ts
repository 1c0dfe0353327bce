import { EU_VAT_COUNTRIES, validateVatNumber, type Treatment } from '@/lib/tax';

/**
 * The VAT treatment of a business order, decided by the ordering service (spec/tax.md), never by
 * the customer: delivered in France → domestic whatever the buyer's country; in another EU state to
 * a business with a valid EU VAT number → intra-EU supply of goods; outside the EU → export.
 * An EU delivery without a valid VAT number stays domestic (French VAT applies).
 */
export function decideTreatment(buyer: { vatNumber: string | null }, deliveryCountry: string): Treatment {
  const country = deliveryCountry.toUpperCase();
  if (country === 'FR' || country === 'MC') return 'domestic';
  const euDelivery = (EU_VAT_COUNTRIES as readonly string[]).includes(country === 'GR' ? 'EL' : country);
  if (!euDelivery) return 'export';
  const vat = buyer.vatNumber ? validateVatNumber(buyer.vatNumber) : null;
  return vat?.valid && vat.country !== 'FR' ? 'intra_eu_goods' : 'domestic';
}
