import type { SellerProfile } from '@/lib/seller/service';
import type { DocumentParty } from './types';

/** Our identity as printed on every document (copied onto invoices when issued). */
export function sellerParty(s: SellerProfile): DocumentParty {
  return {
    name: s.legalName,
    legalForm: s.legalForm,
    shareCapital: s.shareCapital,
    address: { line1: s.addressLine1, line2: s.addressLine2, postalCode: s.postalCode, city: s.city, country: s.country },
    siren: s.siren,
    siret: s.siret,
    vatNumber: s.vatNumber,
    rcs: s.rcs,
    email: s.email,
    phone: s.phone,
    iban: s.iban,
    bic: s.bic,
  };
}
