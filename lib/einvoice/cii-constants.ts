/**
 * Constants of the UN/CEFACT CII D16B syntax as Factur-X / ZUGFeRD use it (EN 16931 profile).
 */
import type { VatCategory } from '@/lib/tax';

/** The four namespaces of a CII invoice. */
export const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
} as const;

/** BT-24: the specification identifier of the EN 16931 profile (Factur-X "EN 16931 (Comfort)"). */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

/** BT-3 (UNTDID 1001): commercial invoice and credit note. */
export const TYPE_CODE = { invoice: '380', credit_note: '381' } as const;

/** BT-121: the VATEX code of each exempt category (Z carries none, S never). */
export const EXEMPTION_CODE: Readonly<Partial<Record<VatCategory, string>>> = {
  K: 'VATEX-EU-IC',
  AE: 'VATEX-EU-AE',
  G: 'VATEX-EU-G',
};

/**
 * BT-120 when the document carries no mention of its own: the French legal wording (spec/tax.md),
 * which is the "equivalent standard text" BR-IC-10, BR-AE-10 and BR-G-10 accept.
 */
export const EXEMPTION_TEXT: Readonly<Partial<Record<VatCategory, string>>> = {
  K: 'Exonération de TVA, article 262 ter I du CGI',
  AE: 'Autoliquidation',
  G: 'Exonération de TVA, article 262 I du CGI',
};

/** BT-22 subject codes (UNTDID 4451) used by the export. */
export const NOTE_SUBJECT = {
  /** Late-payment penalty terms (French mandatory mention). */
  latePaymentPenalty: 'PMD',
  /** The fixed 40 € recovery indemnity (French mandatory mention). */
  recoveryIndemnity: 'PMT',
  /** Early-payment discount terms, or "Pas d'escompte" (French mandatory mention). */
  earlyPaymentDiscount: 'AAB',
  /** Other regulatory information (legal notes that are none of the above). */
  regulatory: 'REG',
  /** VAT mentions of the treatment ("Autoliquidation", "Exonération de TVA, article …"). */
  vat: 'TXD',
  /** Free notes for the client. */
  general: 'AAI',
} as const;

/** BT-1 in France: at most 35 characters among letters, digits and `+ - _ /`. */
export const FRENCH_INVOICE_NUMBER = /^[A-Za-z0-9+\-_/]{1,35}$/;
