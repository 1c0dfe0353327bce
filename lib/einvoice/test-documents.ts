/**
 * Test helper (imported by the *.test.ts files of this folder only): B2B documents built with the
 * real VAT engine, the way the invoicing service freezes them — computeTaxes's lines, adjustments,
 * breakdown, totals and mentions copied onto a CommercialDocument with realistic French parties.
 */
import type { CommercialDocument, DocumentLine, DocumentParty } from '@/lib/documents/types';
import { computeTaxes, type TaxAdjustmentInput, type Treatment } from '@/lib/tax';
import type { CiiAllowanceCharge, CiiInvoice, CiiNumber } from './read-cii';

/** A line of a test basket. */
export interface BasketLine {
  sku?: string;
  description?: string;
  quantity: number;
  unitPriceCents: number;
  baseQuantity?: number;
  discountBp?: number;
  vatRateBp: number;
}

/** A test basket and the few document fields the tests vary. */
export interface Basket {
  lines: BasketLine[];
  charges?: TaxAdjustmentInput[];
  allowances?: TaxAdjustmentInput[];
  treatment?: Treatment;
  kind?: 'invoice' | 'credit_note';
  number?: string;
  prepaidCents?: number;
  buyer?: Partial<DocumentParty>;
  deliveryCountry?: string;
  legalNotes?: string[];
  references?: CommercialDocument['references'];
}

export const SELLER: DocumentParty = {
  name: 'Comptoir des Fournitures SAS',
  legalForm: 'SAS',
  shareCapital: '50 000 €',
  rcs: 'Lyon B 732 829 320',
  address: { line1: '12 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '732829320',
  siret: '73282932000074',
  vatNumber: 'FR44732829320',
  email: 'facturation@comptoir.example',
  phone: '+33 4 72 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
};

export const FRENCH_BUYER: DocumentParty = {
  name: 'Atelier Lumière & Fils SARL',
  address: { line1: '4 place Bellecour', line2: 'Bâtiment B', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '542065479',
  vatNumber: 'FR82542065479',
  email: 'compta@atelier-lumiere.example',
};

export const GERMAN_BUYER: DocumentParty = {
  name: 'Büromarkt Schmidt GmbH',
  address: { line1: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin', country: 'DE' },
  vatNumber: 'DE123456789',
  email: 'rechnung@bueromarkt.example',
};

export const SWISS_BUYER: DocumentParty = {
  name: 'Papeterie Léman SA',
  address: { line1: 'Rue du Rhône 10', postalCode: '1204', city: 'Genève', country: 'CH' },
  email: 'factures@leman.example',
};

/** The three French payment notes as an invoice prints them (one sentence each). */
export const FRENCH_LEGAL_NOTES = [
  "Pénalités de retard : trois fois le taux d'intérêt légal, exigibles dès le lendemain de l'échéance.",
  'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.',
  "Pas d'escompte pour paiement anticipé.",
];

/** A domestic basket at 20 %, 10 % and 5,5 %: a line discount, shipping split pro rata, a document allowance. */
export const DOMESTIC: Basket = {
  lines: [
    { sku: 'STY-BIC-12', description: 'Stylos bille bleus (boîte de 12)', quantity: 12, unitPriceCents: 490, discountBp: 500, vatRateBp: 2000 },
    { sku: 'LIV-CPT', description: 'Livres de comptes', quantity: 3, unitPriceCents: 1850, vatRateBp: 1000 },
    { sku: 'CAF-1KG', description: 'Café en grains 1 kg', quantity: 7, unitPriceCents: 235, vatRateBp: 550 },
  ],
  charges: [{ amountCents: 1290, reason: 'Frais de port' }],
  allowances: [{ amountCents: 1000, vatRateBp: 2000, reason: 'Remise commerciale' }],
};

/** A frozen B2B document computed by lib/tax from the basket. */
export function buildDocument(basket: Basket): CommercialDocument {
  const treatment = basket.treatment ?? 'domestic';
  const result = computeTaxes({
    mode: 'tax_exclusive',
    treatment,
    lines: basket.lines,
    charges: basket.charges,
    allowances: basket.allowances,
  });
  const lines: DocumentLine[] = basket.lines.map((l, i) => ({
    position: i + 1,
    sku: l.sku ?? `SKU-${i + 1}`,
    description: l.description ?? `Article ${i + 1}`,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    baseQuantity: l.baseQuantity ?? 1,
    discountBp: l.discountBp ?? 0,
    vatRateBp: result.lines[i]!.vatRateBp,
    category: result.lines[i]!.category,
    lineTotalCents: result.lines[i]!.lineTotalCents,
    netCents: result.lines[i]!.netCents,
  }));
  const defaultBuyer =
    treatment === 'intra_eu_goods' || treatment === 'reverse_charge' ? GERMAN_BUYER : treatment === 'export' ? SWISS_BUYER : FRENCH_BUYER;
  const buyer: DocumentParty = { ...defaultBuyer, ...basket.buyer };
  const kind = basket.kind ?? 'invoice';
  return {
    kind,
    number: basket.number ?? (kind === 'invoice' ? 'F-2026-000123' : 'AV-2026-000004'),
    issueDate: '2026-03-15',
    mode: 'tax_exclusive',
    treatment,
    currency: 'EUR',
    seller: SELLER,
    buyer,
    deliveryAddress: { ...buyer.address, country: basket.deliveryCountry ?? buyer.address.country, name: buyer.name },
    deliveryDate: '2026-03-12',
    nature: 'goods',
    lines,
    adjustments: result.adjustments.map((a) => ({
      kind: a.kind,
      reason: a.reason ?? '',
      vatRateBp: a.vatRateBp,
      category: a.category,
      amountCents: a.amountCents,
      netCents: a.netCents,
    })),
    breakdown: result.breakdown.map((b) => ({ ...b })),
    totalNetCents: result.totalNetCents,
    totalVatCents: result.totalVatCents,
    totalGrossCents: result.totalGrossCents,
    prepaidCents: basket.prepaidCents,
    mentions: result.mentions,
    dueDate: '2026-04-14',
    paymentTerms: 'Paiement à 30 jours par virement',
    legalNotes: basket.legalNotes ?? FRENCH_LEGAL_NOTES,
    notes: ['Merci de votre confiance.'],
    references: basket.references ?? { orderNumber: 'CMD-2026-000457', purchaseOrderRef: 'PO <4711> & "urgent"' },
  };
}

/** The amounts of a document, as the export must carry them (cents; rates in basis points). */
export interface AmountsSummary {
  lineNets: number[];
  allowances: { vatRateBp: number; category: string; cents: number }[];
  charges: { vatRateBp: number; category: string; cents: number }[];
  breakdown: { vatRateBp: number; category: string; taxableCents: number; vatCents: number }[];
  lineTotal: number;
  allowanceTotal: number;
  chargeTotal: number;
  taxBasis: number;
  taxTotal: number;
  grandTotal: number;
  prepaid: number;
  due: number;
}

/** What the document says. */
export function documentAmounts(doc: CommercialDocument): AmountsSummary {
  const adjustments = (kind: 'charge' | 'allowance') =>
    doc.adjustments.filter((a) => a.kind === kind).map((a) => ({ vatRateBp: a.vatRateBp, category: a.category, cents: a.netCents }));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    lineNets: doc.lines.map((l) => l.netCents),
    allowances: adjustments('allowance'),
    charges: adjustments('charge'),
    breakdown: doc.breakdown.map((b) => ({ ...b })),
    lineTotal: sum(doc.lines.map((l) => l.netCents)),
    allowanceTotal: sum(adjustments('allowance').map((a) => a.cents)),
    chargeTotal: sum(adjustments('charge').map((a) => a.cents)),
    taxBasis: doc.totalNetCents,
    taxTotal: doc.totalVatCents,
    grandTotal: doc.totalGrossCents,
    prepaid: doc.prepaidCents ?? 0,
    due: doc.totalGrossCents - (doc.prepaidCents ?? 0),
  };
}

/** Exact cents of a CII number written with at most 2 decimals (throws otherwise: the test fails). */
function centsOf(n: CiiNumber | null | undefined): number {
  if (!n || n.value === null || n.value.scale > 2) throw new Error(`not an amount in cents: ${n?.text}`);
  return Number(n.value.units * 10n ** BigInt(2 - n.value.scale));
}

/** What the XML says, read back with readCii. */
export function ciiAmounts(invoice: CiiInvoice): AmountsSummary {
  const t = invoice.totals!;
  const adjustments = (list: readonly CiiAllowanceCharge[]) =>
    list.map((a) => ({ vatRateBp: centsOf(a.tax!.rate), category: a.tax!.category!, cents: centsOf(a.amount) }));
  return {
    lineNets: invoice.lines.map((l) => centsOf(l.netAmount)),
    allowances: adjustments(invoice.allowances),
    charges: adjustments(invoice.charges),
    breakdown: invoice.breakdown.map((b) => ({
      vatRateBp: centsOf(b.rate),
      category: b.category!,
      taxableCents: centsOf(b.basis),
      vatCents: centsOf(b.vat),
    })),
    lineTotal: centsOf(t.lineTotal),
    allowanceTotal: centsOf(t.allowanceTotal),
    chargeTotal: centsOf(t.chargeTotal),
    taxBasis: centsOf(t.taxBasisTotal),
    taxTotal: centsOf(t.taxTotals.find((x) => x.currency === 'EUR')?.amount),
    grandTotal: centsOf(t.grandTotal),
    prepaid: centsOf(t.prepaid),
    due: centsOf(t.duePayable),
  };
}
