/**
 * Every word the commercial-document PDF prints, in French (the one place to translate it).
 * Amounts, rates and dates arrive already formatted.
 */
import type { DocumentKind } from '@/lib/documents/types';
import type { VatCategory } from '@/lib/tax';

const KINDS = { quote: 'Devis', invoice: 'Facture', credit_note: 'Avoir' } satisfies Record<DocumentKind, string>;

export const frPdf = {
  kinds: KINDS,
  version: (n: number) => `version ${n}`,
  number: (number: string) => `N° ${number}`,
  issuedOn: (date: string) => `Date : ${date}`,
  validUntil: (date: string) => `Valable jusqu’au ${date}`,
  creditNoteOf: (invoiceNumber: string, issueDate: string | null) =>
    issueDate === null ? `Avoir sur la facture ${invoiceNumber}` : `Avoir sur la facture ${invoiceNumber} du ${issueDate}`,
  continued: (title: string, number: string) => `${title} ${number} (suite)`,

  capital: (legalForm: string | null, shareCapital: string | null) =>
    [legalForm, shareCapital === null ? null : `au capital de ${shareCapital}`].filter((p) => p !== null).join(' '),
  siren: (siren: string) => `SIREN ${siren}`,
  siret: (siret: string) => `SIRET ${siret}`,
  vatNumber: (vat: string) => `N° TVA intracommunautaire : ${vat}`,
  email: (email: string) => `Courriel : ${email}`,
  phone: (phone: string) => `Tél. : ${phone}`,

  buyer: 'Client',
  delivery: 'Adresse de livraison',
  deliveryDate: (date: string) => `Date de livraison : ${date}`,
  references: {
    orderNumber: (v: string) => `Commande : ${v}`,
    purchaseOrderRef: (v: string) => `Votre bon de commande : ${v}`,
    quoteNumber: (v: string) => `Devis : ${v}`,
  },
  nature: {
    label: 'Nature',
    goods: 'Livraison de biens',
    services: 'Prestation de services',
    both: 'Biens et services',
  },

  columns: {
    sku: 'Réf.',
    description: 'Désignation',
    quantity: 'Qté',
    unitPrice: (inclusive: boolean) => (inclusive ? 'P.U. TTC' : 'P.U. HT'),
    discount: 'Remise',
    vat: 'TVA',
    total: (inclusive: boolean) => (inclusive ? 'Total TTC' : 'Total HT'),
  },
  adjustments: {
    title: 'Frais et remises',
    charge: 'Frais',
    allowance: 'Remise',
  },
  breakdown: {
    title: 'Récapitulatif de la TVA',
    rate: 'Taux',
    base: 'Base HT',
    vat: 'TVA',
  },
  /** Printed after the rate for the categories that are not plain standard-rated. */
  categories: {
    S: null,
    Z: 'taux zéro',
    K: 'exonérée, intra-UE',
    AE: 'autoliquidation',
    G: 'exonérée, export',
  } satisfies Record<VatCategory, string | null>,
  totals: {
    net: 'Total HT',
    vat: 'TVA',
    gross: 'Total TTC',
    prepaid: 'Déjà réglé',
    due: 'Net à payer',
  },
  paymentTerms: (v: string) => `Conditions de paiement : ${v}`,
  dueDate: (date: string) => `Date d’échéance : ${date}`,
  deliveryTerms: (v: string) => `Conditions de livraison : ${v}`,
  notes: 'Notes',
  bank: (iban: string, bic: string | null) => (bic === null ? `IBAN ${iban}` : `IBAN ${iban} — BIC ${bic}`),
  page: (page: number, count: number) => `Page ${page} / ${count}`,
  defaultTitle: (kind: DocumentKind, number: string) => `${KINDS[kind]} ${number}`,
};
