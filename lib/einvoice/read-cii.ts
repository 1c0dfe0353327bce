/**
 * readCii: the EN 16931 business terms of a CII invoice, read from its XML — the data `checkCii`
 * checks, also useful to compare an export with the document it came from.
 *
 * Values are kept as written (`text`) and, for numbers, as exact decimals (`value`, null when the
 * text is not a decimal). Absent elements are `null` (or empty lists), so the checker can tell
 * "missing" from "wrong".
 */
import { NS } from './cii-constants';
import { parseDecimal, type Decimal } from './decimal';
import { child, children, parseXml, XmlSyntaxError, type XmlElement } from './xml-reader';

/** A number as written and as an exact decimal (null when the text is not an xs:decimal). */
export interface CiiNumber {
  readonly text: string;
  readonly value: Decimal | null;
}

/** A date as written (`text`) with its `format` attribute. */
export interface CiiDate {
  readonly text: string;
  readonly format: string | null;
}

/** VAT category and rate of a line, allowance or charge (BT-151/152, BT-95/96, BT-102/103). */
export interface CiiTax {
  readonly typeCode: string | null;
  readonly category: string | null;
  readonly rate: CiiNumber | null;
}

/** An allowance (charge = false) or charge, at document or line level. */
export interface CiiAllowanceCharge {
  readonly charge: boolean | null;
  readonly amount: CiiNumber | null;
  readonly percent: CiiNumber | null;
  readonly baseAmount: CiiNumber | null;
  readonly reason: string | null;
  readonly reasonCode: string | null;
  /** Document level only. */
  readonly tax: CiiTax | null;
}

/** BG-25. */
export interface CiiLine {
  readonly id: string | null;
  readonly name: string | null;
  readonly sellerId: string | null;
  readonly netPrice: CiiNumber | null;
  readonly baseQuantity: CiiNumber | null;
  readonly baseQuantityUnit: string | null;
  readonly quantity: CiiNumber | null;
  readonly unitCode: string | null;
  readonly tax: CiiTax | null;
  readonly allowances: readonly CiiAllowanceCharge[];
  readonly charges: readonly CiiAllowanceCharge[];
  /** Line allowances and charges whose ChargeIndicator is missing or not a boolean. */
  readonly unknownAllowanceCharges: number;
  readonly netAmount: CiiNumber | null;
}

/** BG-23. */
export interface CiiBreakdown {
  readonly typeCode: string | null;
  readonly basis: CiiNumber | null;
  readonly vat: CiiNumber | null;
  readonly category: string | null;
  readonly rate: CiiNumber | null;
  readonly exemptionReason: string | null;
  readonly exemptionReasonCode: string | null;
}

/** BG-4 / BG-7. */
export interface CiiParty {
  readonly name: string | null;
  readonly ids: readonly { id: string; scheme: string | null }[];
  readonly legalId: { id: string; scheme: string | null } | null;
  readonly vatId: string | null;
  /** BT-32 (scheme FC). */
  readonly taxRegistrationId: string | null;
  readonly hasAddress: boolean;
  readonly country: string | null;
  readonly electronicAddress: { uri: string; scheme: string | null } | null;
}

/** BG-22, amounts as written. */
export interface CiiTotals {
  readonly lineTotal: CiiNumber | null;
  readonly chargeTotal: CiiNumber | null;
  readonly allowanceTotal: CiiNumber | null;
  readonly taxBasisTotal: CiiNumber | null;
  /** Every BT-110/BT-111 with its currencyID. */
  readonly taxTotals: readonly { amount: CiiNumber; currency: string | null }[];
  readonly grandTotal: CiiNumber | null;
  readonly prepaid: CiiNumber | null;
  readonly rounding: CiiNumber | null;
  readonly duePayable: CiiNumber | null;
}

/** The business terms the check uses. */
export interface CiiInvoice {
  readonly guideline: string | null;
  readonly number: string | null;
  readonly typeCode: string | null;
  readonly issueDate: CiiDate | null;
  readonly notes: readonly { content: string; subjectCode: string | null }[];
  readonly currency: string | null;
  readonly seller: CiiParty | null;
  readonly buyer: CiiParty | null;
  readonly taxRepresentativeVatId: string | null;
  readonly shipTo: { name: string | null; hasAddress: boolean; country: string | null } | null;
  readonly deliveryDate: CiiDate | null;
  readonly hasInvoicingPeriod: boolean;
  readonly paymentMeans: readonly { typeCode: string | null; iban: string | null }[];
  readonly paymentTerms: { description: string | null; dueDate: CiiDate | null } | null;
  readonly lines: readonly CiiLine[];
  readonly allowances: readonly CiiAllowanceCharge[];
  readonly charges: readonly CiiAllowanceCharge[];
  /** Document-level allowances and charges whose ChargeIndicator is missing or not a boolean. */
  readonly unknownAllowanceCharges: number;
  readonly breakdown: readonly CiiBreakdown[];
  readonly totals: CiiTotals | null;
  readonly precedingInvoices: readonly { id: string | null; issueDate: CiiDate | null }[];
}

/** The result of readCii: the invoice, or why the text is not a CII invoice. */
export type ReadCiiResult = { ok: true; invoice: CiiInvoice } | { ok: false; error: string };

const ram = (parent: XmlElement | undefined, local: string) => child(parent, NS.ram, local);
const rams = (parent: XmlElement | undefined, local: string) => children(parent, NS.ram, local);

/** The text of an element, or null when the element is absent. */
const textOf = (e: XmlElement | undefined): string | null => (e === undefined ? null : e.text);

function numberOf(e: XmlElement | undefined): CiiNumber | null {
  return e === undefined ? null : { text: e.text, value: parseDecimal(e.text) };
}

function dateOf(container: XmlElement | undefined, ns: string = NS.udt): CiiDate | null {
  const e = child(container, ns, 'DateTimeString');
  return e === undefined ? null : { text: e.text.trim(), format: e.attrs.get('format') ?? null };
}

function booleanOf(e: XmlElement | undefined): boolean | null {
  const text = e?.text.trim();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

function taxOf(e: XmlElement | undefined): CiiTax | null {
  if (e === undefined) return null;
  return {
    typeCode: textOf(ram(e, 'TypeCode'))?.trim() ?? null,
    category: textOf(ram(e, 'CategoryCode'))?.trim() ?? null,
    rate: numberOf(ram(e, 'RateApplicablePercent')),
  };
}

function allowanceChargeOf(e: XmlElement): CiiAllowanceCharge {
  return {
    charge: booleanOf(child(ram(e, 'ChargeIndicator'), NS.udt, 'Indicator')),
    amount: numberOf(ram(e, 'ActualAmount')),
    percent: numberOf(ram(e, 'CalculationPercent')),
    baseAmount: numberOf(ram(e, 'BasisAmount')),
    reason: textOf(ram(e, 'Reason')),
    reasonCode: textOf(ram(e, 'ReasonCode')),
    tax: taxOf(ram(e, 'CategoryTradeTax')),
  };
}

function partyOf(e: XmlElement | undefined): CiiParty | null {
  if (e === undefined) return null;
  const registrations = rams(e, 'SpecifiedTaxRegistration').map((r) => ram(r, 'ID')).filter((x) => x !== undefined);
  const byScheme = (scheme: string) => {
    const id = registrations.find((r) => r.attrs.get('schemeID') === scheme);
    return id === undefined || id.text.trim() === '' ? null : id.text.trim();
  };
  const legal = ram(ram(e, 'SpecifiedLegalOrganization'), 'ID');
  const address = ram(e, 'PostalTradeAddress');
  const uri = ram(ram(e, 'URIUniversalCommunication'), 'URIID');
  return {
    name: textOf(ram(e, 'Name')),
    ids: [...rams(e, 'ID'), ...rams(e, 'GlobalID')].map((x) => ({ id: x.text, scheme: x.attrs.get('schemeID') ?? null })),
    legalId: legal === undefined ? null : { id: legal.text, scheme: legal.attrs.get('schemeID') ?? null },
    vatId: byScheme('VA'),
    taxRegistrationId: byScheme('FC'),
    hasAddress: address !== undefined,
    country: textOf(ram(address, 'CountryID'))?.trim() || null,
    electronicAddress: uri === undefined ? null : { uri: uri.text, scheme: uri.attrs.get('schemeID') ?? null },
  };
}

function lineOf(e: XmlElement): CiiLine {
  const product = ram(e, 'SpecifiedTradeProduct');
  const netPrice = ram(ram(e, 'SpecifiedLineTradeAgreement'), 'NetPriceProductTradePrice');
  const base = ram(netPrice, 'BasisQuantity');
  const billed = ram(ram(e, 'SpecifiedLineTradeDelivery'), 'BilledQuantity');
  const settlement = ram(e, 'SpecifiedLineTradeSettlement');
  const adjustments = rams(settlement, 'SpecifiedTradeAllowanceCharge').map(allowanceChargeOf);
  return {
    id: textOf(ram(ram(e, 'AssociatedDocumentLineDocument'), 'LineID')),
    name: textOf(ram(product, 'Name')),
    sellerId: textOf(ram(product, 'SellerAssignedID')),
    netPrice: numberOf(ram(netPrice, 'ChargeAmount')),
    baseQuantity: numberOf(base),
    baseQuantityUnit: base?.attrs.get('unitCode') ?? null,
    quantity: numberOf(billed),
    unitCode: billed?.attrs.get('unitCode') ?? null,
    tax: taxOf(ram(settlement, 'ApplicableTradeTax')),
    allowances: adjustments.filter((a) => a.charge === false),
    charges: adjustments.filter((a) => a.charge === true),
    unknownAllowanceCharges: adjustments.filter((a) => a.charge === null).length,
    netAmount: numberOf(ram(ram(settlement, 'SpecifiedTradeSettlementLineMonetarySummation'), 'LineTotalAmount')),
  };
}

function breakdownOf(e: XmlElement): CiiBreakdown {
  return {
    typeCode: textOf(ram(e, 'TypeCode'))?.trim() ?? null,
    basis: numberOf(ram(e, 'BasisAmount')),
    vat: numberOf(ram(e, 'CalculatedAmount')),
    category: textOf(ram(e, 'CategoryCode'))?.trim() ?? null,
    rate: numberOf(ram(e, 'RateApplicablePercent')),
    exemptionReason: textOf(ram(e, 'ExemptionReason')),
    exemptionReasonCode: textOf(ram(e, 'ExemptionReasonCode'))?.trim() ?? null,
  };
}

function totalsOf(e: XmlElement | undefined): CiiTotals | null {
  if (e === undefined) return null;
  return {
    lineTotal: numberOf(ram(e, 'LineTotalAmount')),
    chargeTotal: numberOf(ram(e, 'ChargeTotalAmount')),
    allowanceTotal: numberOf(ram(e, 'AllowanceTotalAmount')),
    taxBasisTotal: numberOf(ram(e, 'TaxBasisTotalAmount')),
    taxTotals: rams(e, 'TaxTotalAmount').map((t) => ({ amount: numberOf(t)!, currency: t.attrs.get('currencyID') ?? null })),
    grandTotal: numberOf(ram(e, 'GrandTotalAmount')),
    prepaid: numberOf(ram(e, 'TotalPrepaidAmount')),
    rounding: numberOf(ram(e, 'RoundingAmount')),
    duePayable: numberOf(ram(e, 'DuePayableAmount')),
  };
}

/** Reads a CII invoice. Never throws: a text that is not well-formed XML or not a CII invoice gives `ok: false`. */
export function readCii(xml: string): ReadCiiResult {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, error: `not well-formed XML: ${error.message}` };
    throw error;
  }
  if (root.ns !== NS.rsm || root.local !== 'CrossIndustryInvoice') {
    return { ok: false, error: `the root element is {${root.ns}}${root.local}, not rsm:CrossIndustryInvoice` };
  }
  const context = child(root, NS.rsm, 'ExchangedDocumentContext');
  const header = child(root, NS.rsm, 'ExchangedDocument');
  const transaction = child(root, NS.rsm, 'SupplyChainTradeTransaction');
  const agreement = ram(transaction, 'ApplicableHeaderTradeAgreement');
  const delivery = ram(transaction, 'ApplicableHeaderTradeDelivery');
  const settlement = ram(transaction, 'ApplicableHeaderTradeSettlement');
  const shipTo = ram(delivery, 'ShipToTradeParty');
  const shipToAddress = ram(shipTo, 'PostalTradeAddress');
  const terms = ram(settlement, 'SpecifiedTradePaymentTerms');
  const documentAdjustments = rams(settlement, 'SpecifiedTradeAllowanceCharge').map(allowanceChargeOf);

  const invoice: CiiInvoice = {
    guideline: textOf(ram(ram(context, 'GuidelineSpecifiedDocumentContextParameter'), 'ID'))?.trim() ?? null,
    number: textOf(ram(header, 'ID')),
    typeCode: textOf(ram(header, 'TypeCode'))?.trim() ?? null,
    issueDate: dateOf(ram(header, 'IssueDateTime')),
    notes: rams(header, 'IncludedNote').map((n) => ({
      content: textOf(ram(n, 'Content')) ?? '',
      subjectCode: textOf(ram(n, 'SubjectCode'))?.trim() ?? null,
    })),
    currency: textOf(ram(settlement, 'InvoiceCurrencyCode'))?.trim() ?? null,
    seller: partyOf(ram(agreement, 'SellerTradeParty')),
    buyer: partyOf(ram(agreement, 'BuyerTradeParty')),
    taxRepresentativeVatId: partyOf(ram(agreement, 'SellerTaxRepresentativeTradeParty'))?.vatId ?? null,
    shipTo:
      shipTo === undefined
        ? null
        : {
            name: textOf(ram(shipTo, 'Name')),
            hasAddress: shipToAddress !== undefined,
            country: textOf(ram(shipToAddress, 'CountryID'))?.trim() || null,
          },
    deliveryDate: dateOf(ram(ram(delivery, 'ActualDeliverySupplyChainEvent'), 'OccurrenceDateTime')),
    hasInvoicingPeriod: ram(settlement, 'BillingSpecifiedPeriod') !== undefined,
    paymentMeans: rams(settlement, 'SpecifiedTradeSettlementPaymentMeans').map((m) => ({
      typeCode: textOf(ram(m, 'TypeCode'))?.trim() ?? null,
      iban: textOf(ram(ram(m, 'PayeePartyCreditorFinancialAccount'), 'IBANID'))?.trim() || null,
    })),
    paymentTerms:
      terms === undefined ? null : { description: textOf(ram(terms, 'Description')), dueDate: dateOf(ram(terms, 'DueDateDateTime')) },
    lines: rams(transaction, 'IncludedSupplyChainTradeLineItem').map(lineOf),
    allowances: documentAdjustments.filter((a) => a.charge === false),
    charges: documentAdjustments.filter((a) => a.charge === true),
    unknownAllowanceCharges: documentAdjustments.filter((a) => a.charge === null).length,
    breakdown: rams(settlement, 'ApplicableTradeTax').map(breakdownOf),
    totals: totalsOf(ram(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation')),
    precedingInvoices: rams(settlement, 'InvoiceReferencedDocument').map((r) => ({
      id: textOf(ram(r, 'IssuerAssignedID')),
      issueDate: dateOf(ram(r, 'FormattedIssueDateTime'), NS.qdt),
    })),
  };
  return { ok: true, invoice };
}
