/**
 * exportCii: a B2B invoice or credit note as UN/CEFACT CII XML, Factur-X / ZUGFeRD EN 16931 profile.
 *
 * Pure: no I/O. Every amount is the stored one (lib/tax computed it when the document was issued),
 * printed from integer cents by string manipulation; nothing is recomputed except the one thing the
 * syntax needs and the document does not store: each line's amount before its discount, so that
 * BT-131 (line net) = round(BT-129 × BT-146 ÷ BT-149) − BT-136 holds to the cent with BT-131 equal
 * to the stored `netCents`:
 *
 * - BT-146 (net price) is the stored unit price, which is the price of BT-149 (base quantity) units;
 * - BT-136 (line allowance) = round(quantity × unit price ÷ base quantity) − netCents, and
 *   BT-138 its percentage (the line discount). The engine rounds once per line
 *   (round(q × p × (1 − d) ÷ b)), so BT-136 can differ by a cent from BT-138 × the undiscounted
 *   amount; BT-137 (its base) is therefore not written, and BT-136 is what makes BT-131 exact.
 */
import type {
  CommercialDocument,
  DocumentAddress,
  DocumentAdjustment,
  DocumentBreakdown,
  DocumentLine,
  DocumentParty,
} from '@/lib/documents/types';
import type { VatCategory } from '@/lib/tax';
import { EN16931_GUIDELINE, EXEMPTION_CODE, EXEMPTION_TEXT, NOTE_SUBJECT, NS, TYPE_CODE } from './cii-constants';
import { divRoundHalfAway, formatCents, formatQuantity, formatRateBp, quantityToMilli } from './decimal';
import { resolveLegalNotes, type CiiNote, type PaymentNotes } from './legal-notes';
import { el, leaf, optionalLeaf, renderDocument, type XmlNode } from './xml-writer';

/** BT-130 / BT-150: UN/ECE Recommendation 20 unit code of the quantities. */
export type CiiUnitCode = 'C62' | 'H87';

/** BT-81: 30 credit transfer, 58 SEPA credit transfer. */
export type CiiPaymentMeansCode = '30' | '58';

/** Options of `exportCii`. */
export interface ExportCiiOptions {
  /**
   * Explicit texts for the payment notes PMD (late-payment penalty), PMT (40 € indemnity) and AAB
   * (early-payment discount). A subject not given here is recognised in `doc.legalNotes`
   * (see legal-notes.ts for the convention).
   */
  notes?: PaymentNotes;
  /** Unit code of every line's quantity and base quantity. Default 'C62' (one). */
  unitCode?: CiiUnitCode;
  /** Payment means when the seller has an IBAN. Default '58' (SEPA credit transfer). */
  paymentMeansCode?: CiiPaymentMeansCode;
}

/** Thrown when a document cannot be exported: wrong kind or mode, or inconsistent stored amounts (a bug). */
export class CiiExportError extends Error {
  readonly code: 'not_exportable' | 'invalid_document';
  constructor(code: 'not_exportable' | 'invalid_document', message: string) {
    super(message);
    this.name = 'CiiExportError';
    this.code = code;
  }
}

const ram = (name: string): string => `ram:${name}`;

/** YYYY-MM-DD → YYYYMMDD (format 102), checked. */
function date102(value: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) throw new CiiExportError('invalid_document', `${what} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const [, y, mo, d] = m;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) {
    throw new CiiExportError('invalid_document', `${what} is not a calendar date: ${value}`);
  }
  return `${y}${mo}${d}`;
}

function dateTime(name: string, value: string, what: string, type: 'udt' | 'qdt' = 'udt'): XmlNode {
  return el(ram(name), [leaf(`${type}:DateTimeString`, date102(value, what), { format: '102' })]);
}

function cents(value: number, what: string): string {
  if (!Number.isSafeInteger(value)) {
    throw new CiiExportError('invalid_document', `${what} must be an integer number of cents, got ${value}`);
  }
  return formatCents(value);
}

function address(a: DocumentAddress): XmlNode {
  return el(ram('PostalTradeAddress'), [
    optionalLeaf(ram('PostcodeCode'), a.postalCode),
    optionalLeaf(ram('LineOne'), a.line1),
    optionalLeaf(ram('LineTwo'), a.line2),
    optionalLeaf(ram('CityName'), a.city),
    leaf(ram('CountryID'), a.country.toUpperCase()),
  ]);
}

/** BT-33: the seller's additional legal information (legal form, share capital, RCS). */
function legalInformation(p: DocumentParty): string | null {
  const parts = [
    p.legalForm?.trim() || null,
    p.shareCapital?.trim() ? `au capital de ${p.shareCapital.trim()}` : null,
    p.rcs?.trim() ? (/^RCS\b/i.test(p.rcs.trim()) ? p.rcs.trim() : `RCS ${p.rcs.trim()}`) : null,
  ].filter((x): x is string => x !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

const compact = (id: string): string => id.replace(/[\s.\-]/g, '').toUpperCase();

/** A text that is given and not blank. */
const present = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';

/**
 * A trade party: SIRET as BT-29 (scheme 0009), SIREN as BT-30 (scheme 0002), VAT number as
 * BT-31/BT-48 (scheme VA), e-mail as BT-34/BT-49 (scheme EM).
 */
function party(name: 'SellerTradeParty' | 'BuyerTradeParty', p: DocumentParty, withLegalInfo: boolean): XmlNode {
  const siret = present(p.siret) ? compact(p.siret) : null;
  const siren = present(p.siren) ? compact(p.siren) : null;
  return el(ram(name), [
    siret !== null && leaf(ram('GlobalID'), siret, { schemeID: '0009' }),
    leaf(ram('Name'), p.name),
    withLegalInfo && optionalLeaf(ram('Description'), legalInformation(p)),
    siren !== null && el(ram('SpecifiedLegalOrganization'), [leaf(ram('ID'), siren, { schemeID: '0002' })]),
    present(p.phone) &&
      el(ram('DefinedTradeContact'), [
        el(ram('TelephoneUniversalCommunication'), [leaf(ram('CompleteNumber'), p.phone.trim())]),
      ]),
    address(p.address),
    present(p.email) && el(ram('URIUniversalCommunication'), [leaf(ram('URIID'), p.email.trim(), { schemeID: 'EM' })]),
    present(p.vatNumber) &&
      el(ram('SpecifiedTaxRegistration'), [leaf(ram('ID'), compact(p.vatNumber), { schemeID: 'VA' })]),
  ]);
}

function tradeTax(name: string, category: VatCategory, rateBp: number): XmlNode {
  return el(ram(name), [
    leaf(ram('TypeCode'), 'VAT'),
    leaf(ram('CategoryCode'), category),
    leaf(ram('RateApplicablePercent'), formatRateBp(rateBp)),
  ]);
}

/** The amount of a line before its discount: round(quantity × unit price ÷ base quantity). */
function undiscountedCents(line: DocumentLine, index: number): bigint {
  const milli = quantityToMilli(line.quantity);
  if (milli === null || milli <= 0n) {
    throw new CiiExportError('invalid_document', `lines[${index}].quantity must be positive with at most 3 decimals, got ${line.quantity}`);
  }
  if (!Number.isSafeInteger(line.baseQuantity) || line.baseQuantity < 1) {
    throw new CiiExportError('invalid_document', `lines[${index}].baseQuantity must be a positive integer, got ${line.baseQuantity}`);
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
    throw new CiiExportError('invalid_document', `lines[${index}].unitPriceCents must be a non-negative integer, got ${line.unitPriceCents}`);
  }
  return divRoundHalfAway(milli * BigInt(line.unitPriceCents), 1000n * BigInt(line.baseQuantity));
}

function lineItem(line: DocumentLine, index: number, unitCode: CiiUnitCode): XmlNode {
  const netText = cents(line.netCents, `lines[${index}].netCents`);
  if (!Number.isInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10000) {
    throw new CiiExportError('invalid_document', `lines[${index}].discountBp must be an integer in 0–10000, got ${line.discountBp}`);
  }
  // BT-136 = the undiscounted amount − the stored net: BT-131 is then the stored net, exactly.
  const allowance = undiscountedCents(line, index) - BigInt(line.netCents);
  if (allowance < 0n || (line.discountBp === 0 && allowance !== 0n)) {
    throw new CiiExportError(
      'invalid_document',
      `lines[${index}]: netCents ${line.netCents} does not follow from quantity ${line.quantity} × ${line.unitPriceCents} ÷ ${line.baseQuantity} with a discount of ${line.discountBp} bp`,
    );
  }
  return el(ram('IncludedSupplyChainTradeLineItem'), [
    el(ram('AssociatedDocumentLineDocument'), [leaf(ram('LineID'), String(line.position))]),
    el(ram('SpecifiedTradeProduct'), [optionalLeaf(ram('SellerAssignedID'), line.sku), leaf(ram('Name'), line.description)]),
    el(ram('SpecifiedLineTradeAgreement'), [
      el(ram('NetPriceProductTradePrice'), [
        leaf(ram('ChargeAmount'), formatCents(line.unitPriceCents)),
        leaf(ram('BasisQuantity'), String(line.baseQuantity), { unitCode }),
      ]),
    ]),
    el(ram('SpecifiedLineTradeDelivery'), [leaf(ram('BilledQuantity'), formatQuantity(line.quantity), { unitCode })]),
    el(ram('SpecifiedLineTradeSettlement'), [
      tradeTax('ApplicableTradeTax', line.category, line.vatRateBp),
      line.discountBp > 0 &&
        el(ram('SpecifiedTradeAllowanceCharge'), [
          el(ram('ChargeIndicator'), [leaf('udt:Indicator', 'false')]),
          leaf(ram('CalculationPercent'), formatRateBp(line.discountBp)),
          leaf(ram('ActualAmount'), formatCents(allowance)),
          leaf(ram('ReasonCode'), '95'),
          leaf(ram('Reason'), 'Remise'),
        ]),
      el(ram('SpecifiedTradeSettlementLineMonetarySummation'), [leaf(ram('LineTotalAmount'), netText)]),
    ]),
  ]);
}

function adjustment(a: DocumentAdjustment, index: number): XmlNode {
  const charge = a.kind === 'charge';
  const reason = a.reason.trim() !== '' ? a.reason : charge ? 'Frais' : 'Remise';
  return el(ram('SpecifiedTradeAllowanceCharge'), [
    el(ram('ChargeIndicator'), [leaf('udt:Indicator', charge ? 'true' : 'false')]),
    leaf(ram('ActualAmount'), cents(a.netCents, `adjustments[${index}].netCents`)),
    leaf(ram('Reason'), reason),
    tradeTax('CategoryTradeTax', a.category, a.vatRateBp),
  ]);
}

function breakdownEntry(b: DocumentBreakdown, index: number, doc: CommercialDocument): XmlNode {
  const code = EXEMPTION_CODE[b.category];
  // BT-120: the document's own mention (as printed on the PDF) when the treatment gave it this
  // category, else the standard French wording.
  const own = doc.mentions.filter((m) => m.trim() !== '');
  const text = code === undefined ? null : own.length > 0 ? own.join(' ; ') : (EXEMPTION_TEXT[b.category] ?? null);
  return el(ram('ApplicableTradeTax'), [
    leaf(ram('CalculatedAmount'), cents(b.vatCents, `breakdown[${index}].vatCents`)),
    leaf(ram('TypeCode'), 'VAT'),
    optionalLeaf(ram('ExemptionReason'), text),
    leaf(ram('BasisAmount'), cents(b.taxableCents, `breakdown[${index}].taxableCents`)),
    leaf(ram('CategoryCode'), b.category),
    optionalLeaf(ram('ExemptionReasonCode'), code),
    leaf(ram('RateApplicablePercent'), formatRateBp(b.vatRateBp)),
  ]);
}

/** BT-21/BT-22 in order: payment notes (PMD, PMT, AAB), other legal notes (REG), VAT mentions (TXD), free notes (AAI). */
function documentNotes(doc: CommercialDocument, explicit: PaymentNotes | undefined): CiiNote[] {
  return [
    ...resolveLegalNotes(doc.legalNotes ?? [], explicit),
    ...doc.mentions.filter((m) => m.trim() !== '').map((content) => ({ content, subjectCode: NOTE_SUBJECT.vat })),
    ...(doc.notes ?? []).filter((n) => n.trim() !== '').map((content) => ({ content, subjectCode: NOTE_SUBJECT.general })),
  ];
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/**
 * The document as CII XML (UTF-8 text with its declaration), Factur-X / ZUGFeRD EN 16931 profile.
 *
 * Only B2B documents are exported: `kind` 'invoice' (type 380) or 'credit_note' (381, with its
 * preceding invoice as BT-25/BT-26) in `tax_exclusive` mode. Amounts are the stored ones; totals
 * BT-106/107/108 are the sums of the stored lines, allowances and charges; BT-109/110/112 the stored
 * totals; BT-113 `prepaidCents` (0 when absent) and BT-115 = gross − prepaid. `checkCii` proves the
 * result consistent to the cent.
 *
 * @throws CiiExportError for a quote, a tax-inclusive (B2C) document, another currency, or stored
 *   values that are malformed or contradict each other (a line net that does not follow from its
 *   quantity, price and discount).
 */
export function exportCii(doc: CommercialDocument, opts: ExportCiiOptions = {}): string {
  if (doc.kind !== 'invoice' && doc.kind !== 'credit_note') {
    throw new CiiExportError('not_exportable', `only invoices and credit notes are exported as EN 16931, not a ${doc.kind}`);
  }
  if (doc.mode !== 'tax_exclusive') {
    throw new CiiExportError(
      'not_exportable',
      'only B2B (tax-exclusive) documents are exported as EN 16931: B2C documents are computed from TTC prices',
    );
  }
  if (doc.currency !== 'EUR') throw new CiiExportError('not_exportable', `the currency must be EUR, got ${String(doc.currency)}`);
  if (doc.lines.length === 0) throw new CiiExportError('invalid_document', 'a document has at least one line');

  const unitCode = opts.unitCode ?? 'C62';
  const prepaid = doc.prepaidCents ?? 0;
  const lineTotal = sum(doc.lines.map((l) => l.netCents));
  const allowanceTotal = sum(doc.adjustments.filter((a) => a.kind === 'allowance').map((a) => a.netCents));
  const chargeTotal = sum(doc.adjustments.filter((a) => a.kind === 'charge').map((a) => a.netCents));
  const iban = present(doc.seller.iban) ? compact(doc.seller.iban) : null;
  const bic = present(doc.seller.bic) ? compact(doc.seller.bic) : null;
  const refs = doc.references ?? {};
  const delivery = doc.deliveryAddress ?? null;

  const root = el(
    'rsm:CrossIndustryInvoice',
    [
      el('rsm:ExchangedDocumentContext', [
        el(ram('GuidelineSpecifiedDocumentContextParameter'), [leaf(ram('ID'), EN16931_GUIDELINE)]),
      ]),
      el('rsm:ExchangedDocument', [
        leaf(ram('ID'), doc.number),
        leaf(ram('TypeCode'), TYPE_CODE[doc.kind]),
        dateTime('IssueDateTime', doc.issueDate, 'issueDate'),
        ...documentNotes(doc, opts.notes).map((n) =>
          el(ram('IncludedNote'), [leaf(ram('Content'), n.content), leaf(ram('SubjectCode'), n.subjectCode)]),
        ),
      ]),
      el('rsm:SupplyChainTradeTransaction', [
        ...doc.lines.map((line, i) => lineItem(line, i, unitCode)),
        el(ram('ApplicableHeaderTradeAgreement'), [
          party('SellerTradeParty', doc.seller, true),
          party('BuyerTradeParty', doc.buyer, false),
          present(refs.orderNumber) && el(ram('SellerOrderReferencedDocument'), [leaf(ram('IssuerAssignedID'), refs.orderNumber)]),
          present(refs.purchaseOrderRef) &&
            el(ram('BuyerOrderReferencedDocument'), [leaf(ram('IssuerAssignedID'), refs.purchaseOrderRef)]),
        ]),
        el(ram('ApplicableHeaderTradeDelivery'), [
          delivery !== null &&
            el(ram('ShipToTradeParty'), [leaf(ram('Name'), delivery.name?.trim() || doc.buyer.name), address(delivery)]),
          present(doc.deliveryDate) &&
            el(ram('ActualDeliverySupplyChainEvent'), [dateTime('OccurrenceDateTime', doc.deliveryDate, 'deliveryDate')]),
        ]),
        el(ram('ApplicableHeaderTradeSettlement'), [
          leaf(ram('PaymentReference'), doc.number),
          leaf(ram('InvoiceCurrencyCode'), 'EUR'),
          iban !== null &&
            el(ram('SpecifiedTradeSettlementPaymentMeans'), [
              leaf(ram('TypeCode'), opts.paymentMeansCode ?? '58'),
              el(ram('PayeePartyCreditorFinancialAccount'), [leaf(ram('IBANID'), iban)]),
              bic !== null && el(ram('PayeeSpecifiedCreditorFinancialInstitution'), [leaf(ram('BICID'), bic)]),
            ]),
          ...doc.breakdown.map((b, i) => breakdownEntry(b, i, doc)),
          ...doc.adjustments.map(adjustment),
          (present(doc.paymentTerms) || present(doc.dueDate)) &&
            el(ram('SpecifiedTradePaymentTerms'), [
              optionalLeaf(ram('Description'), doc.paymentTerms),
              present(doc.dueDate) && dateTime('DueDateDateTime', doc.dueDate, 'dueDate'),
            ]),
          el(ram('SpecifiedTradeSettlementHeaderMonetarySummation'), [
            leaf(ram('LineTotalAmount'), cents(lineTotal, 'the sum of the line nets')),
            leaf(ram('ChargeTotalAmount'), cents(chargeTotal, 'the sum of the charges')),
            leaf(ram('AllowanceTotalAmount'), cents(allowanceTotal, 'the sum of the allowances')),
            leaf(ram('TaxBasisTotalAmount'), cents(doc.totalNetCents, 'totalNetCents')),
            leaf(ram('TaxTotalAmount'), cents(doc.totalVatCents, 'totalVatCents'), { currencyID: 'EUR' }),
            leaf(ram('GrandTotalAmount'), cents(doc.totalGrossCents, 'totalGrossCents')),
            leaf(ram('TotalPrepaidAmount'), cents(prepaid, 'prepaidCents')),
            leaf(ram('DuePayableAmount'), cents(doc.totalGrossCents - prepaid, 'the amount due')),
          ]),
          doc.kind === 'credit_note' &&
            present(refs.invoiceNumber) &&
            el(ram('InvoiceReferencedDocument'), [
              leaf(ram('IssuerAssignedID'), refs.invoiceNumber),
              present(refs.invoiceIssueDate) && dateTime('FormattedIssueDateTime', refs.invoiceIssueDate, 'references.invoiceIssueDate', 'qdt'),
            ]),
        ]),
      ]),
    ],
    { 'xmlns:rsm': NS.rsm, 'xmlns:qdt': NS.qdt, 'xmlns:ram': NS.ram, 'xmlns:udt': NS.udt },
  );
  return renderDocument(root);
}
