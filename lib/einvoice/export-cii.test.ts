/**
 * exportCii on documents computed by the real engine: every export passes checkCii with no
 * violation, and the amounts read back are the document's, to the cent.
 */
import { describe, expect, it } from 'vitest';
import type { CommercialDocument } from '@/lib/documents/types';
import { checkCii, CiiExportError, exportCii, readCii, type CiiInvoice } from './index';
import { buildDocument, ciiAmounts, documentAmounts, DOMESTIC, FRENCH_BUYER } from './test-documents';

function read(xml: string): CiiInvoice {
  const result = readCii(xml);
  if (!result.ok) throw new Error(result.error);
  return result.invoice;
}

/** Exports, checks (no violation), and compares every amount with the document. */
function exportAndVerify(doc: CommercialDocument): { xml: string; invoice: CiiInvoice } {
  const xml = exportCii(doc);
  expect(checkCii(xml)).toEqual({ ok: true, violations: [] });
  const invoice = read(xml);
  expect(ciiAmounts(invoice)).toEqual(documentAmounts(doc));
  return { xml, invoice };
}


describe('exportCii — scenarios', () => {
  it('domestic invoice at 20 %, 10 % and 5,5 % with a line discount, shipping split pro rata and a document allowance', () => {
    const doc = buildDocument(DOMESTIC);
    const { xml, invoice } = exportAndVerify(doc);
    expect(invoice.typeCode).toBe('380');
    expect(invoice.guideline).toBe('urn:cen.eu:en16931:2017');
    expect(invoice.issueDate).toEqual({ text: '20260315', format: '102' });
    expect(invoice.breakdown.map((b) => [b.category, b.rate?.text, b.basis?.text, b.vat?.text])).toEqual([
      ['S', '20.00', '51.50', '10.30'],
      ['S', '10.00', '61.10', '6.11'],
      ['S', '5.50', '18.11', '1.00'],
    ]);
    // 12 × 4,90 = 58,80, 5 % off = 55,86: the line allowance makes BT-131 the stored net.
    const first = invoice.lines[0]!;
    expect([first.netPrice?.text, first.quantity?.text, first.allowances[0]?.amount?.text, first.allowances[0]?.percent?.text, first.netAmount?.text]).toEqual(
      ['4.90', '12', '2.94', '5.00', '55.86'],
    );
    // Shipping without a rate is split over the three rates, each part with its own category and rate.
    expect(invoice.charges.map((c) => [c.amount?.text, c.tax?.rate?.text, c.reason])).toEqual([
      ['5.64', '20.00', 'Frais de port'],
      ['5.60', '10.00', 'Frais de port'],
      ['1.66', '5.50', 'Frais de port'],
    ]);
    expect(invoice.notes.map((n) => n.subjectCode)).toEqual(['PMD', 'PMT', 'AAB', 'AAI']);
    expect(invoice.seller?.legalId).toEqual({ id: '732829320', scheme: '0002' });
    expect(invoice.seller?.vatId).toBe('FR44732829320');
    expect(invoice.buyer?.legalId).toEqual({ id: '542065479', scheme: '0002' });
    expect(invoice.seller?.electronicAddress).toEqual({ uri: 'facturation@comptoir.example', scheme: 'EM' });
    expect(invoice.paymentMeans).toEqual([{ typeCode: '58', iban: 'FR7630006000011234567890189' }]);
    expect(invoice.paymentTerms?.dueDate).toEqual({ text: '20260414', format: '102' });
    expect(invoice.shipTo?.country).toBe('FR');
    expect(invoice.deliveryDate?.text).toBe('20260312');
    // Escaping: the purchase order reference holds < > & and quotes.
    expect(xml).toContain('<ram:IssuerAssignedID>PO &lt;4711&gt; &amp; "urgent"</ram:IssuerAssignedID>');
    expect(xml).toContain('<ram:TaxTotalAmount currencyID="EUR">17.41</ram:TaxTotalAmount>');
  });

  it('intra-EU supply of goods (K): rate 0, VATEX-EU-IC and the article 262 ter I mention, both VAT numbers, delivery', () => {
    const doc = buildDocument({ ...DOMESTIC, treatment: 'intra_eu_goods' });
    const { invoice } = exportAndVerify(doc);
    expect(invoice.breakdown).toHaveLength(1);
    const [k] = invoice.breakdown;
    expect([k!.category, k!.rate?.text, k!.vat?.text, k!.exemptionReasonCode, k!.exemptionReason]).toEqual([
      'K',
      '0.00',
      '0.00',
      'VATEX-EU-IC',
      'Exonération de TVA, article 262 ter I du CGI',
    ]);
    expect(invoice.lines.every((l) => l.tax?.category === 'K' && l.tax.rate?.text === '0.00')).toBe(true);
    expect(invoice.notes.find((n) => n.subjectCode === 'TXD')?.content).toBe('Exonération de TVA, article 262 ter I du CGI');
    expect([invoice.seller?.vatId, invoice.buyer?.vatId, invoice.shipTo?.country]).toEqual(['FR44732829320', 'DE123456789', 'DE']);
  });

  it('reverse charge (AE): VATEX-EU-AE and "Autoliquidation"', () => {
    const doc = buildDocument({
      treatment: 'reverse_charge',
      lines: [{ description: 'Installation et paramétrage (jour)', quantity: 2.5, unitPriceCents: 65000, vatRateBp: 2000 }],
    });
    const { invoice } = exportAndVerify(doc);
    expect(invoice.breakdown.map((b) => [b.category, b.basis?.text, b.vat?.text, b.exemptionReasonCode, b.exemptionReason])).toEqual([
      ['AE', '1625.00', '0.00', 'VATEX-EU-AE', 'Autoliquidation'],
    ]);
  });

  it('export outside the EU (G): VATEX-EU-G, article 262 I', () => {
    const doc = buildDocument({ ...DOMESTIC, treatment: 'export' });
    const { invoice } = exportAndVerify(doc);
    expect(invoice.breakdown.map((b) => [b.category, b.exemptionReasonCode, b.exemptionReason])).toEqual([
      ['G', 'VATEX-EU-G', 'Exonération de TVA, article 262 I du CGI'],
    ]);
    expect(invoice.buyer?.vatId).toBeNull();
  });

  it('a zero-rated line (Z) beside a standard one: its own breakdown, no exemption reason', () => {
    const doc = buildDocument({
      lines: [
        { description: 'Ramettes A4', quantity: 10, unitPriceCents: 529, vatRateBp: 2000 },
        { description: 'Livraison à bord (taux zéro)', quantity: 1, unitPriceCents: 4000, vatRateBp: 0 },
      ],
      charges: [{ amountCents: 990, reason: 'Frais de port' }],
    });
    const { invoice } = exportAndVerify(doc);
    expect(invoice.breakdown.map((b) => [b.category, b.rate?.text, b.vat?.text, b.exemptionReasonCode, b.exemptionReason])).toEqual([
      ['S', '20.00', expect.any(String), null, null],
      ['Z', '0.00', '0.00', null, null],
    ]);
  });

  it('credit note (381) referencing the invoice it corrects (BT-25, BT-26)', () => {
    const doc = buildDocument({
      ...DOMESTIC,
      kind: 'credit_note',
      references: { invoiceNumber: 'F-2026-000123', invoiceIssueDate: '2026-03-15' },
    });
    const { invoice } = exportAndVerify(doc);
    expect(invoice.typeCode).toBe('381');
    expect(invoice.number).toBe('AV-2026-000004');
    expect(invoice.precedingInvoices).toEqual([{ id: 'F-2026-000123', issueDate: { text: '20260315', format: '102' } }]);
  });

  it('quantity 2.125 of an article priced per 10 units: BT-146 is the price of BT-149 = 10 units', () => {
    // 2,125 × 12,34 € ÷ 10 = 2,62225 € → 2,62 €; with 3 % off: 2,543… → 2,54 €, allowance 0,08 €.
    const doc = buildDocument({
      lines: [
        { description: 'Vis inox 4×40 (prix par 10)', quantity: 2.125, unitPriceCents: 1234, baseQuantity: 10, vatRateBp: 2000 },
        { description: 'Chevilles (prix par 10)', quantity: 2.125, unitPriceCents: 1234, baseQuantity: 10, discountBp: 300, vatRateBp: 2000 },
      ],
    });
    expect(doc.lines.map((l) => l.netCents)).toEqual([262, 254]);
    const { invoice } = exportAndVerify(doc);
    expect(
      invoice.lines.map((l) => [l.quantity?.text, l.netPrice?.text, l.baseQuantity?.text, l.baseQuantityUnit, l.allowances[0]?.amount?.text ?? null, l.netAmount?.text]),
    ).toEqual([
      ['2.125', '12.34', '10', 'C62', null, '2.62'],
      ['2.125', '12.34', '10', 'C62', '0.08', '2.54'],
    ]);
  });

  it('prepaid amount: BT-113 and BT-115 = gross − prepaid', () => {
    const doc = buildDocument({ ...DOMESTIC, prepaidCents: 5000 });
    const { invoice } = exportAndVerify(doc);
    expect([invoice.totals?.prepaid?.text, invoice.totals?.duePayable?.text]).toEqual(['50.00', '98.12']);
  });

  it('options: explicit payment notes, H87 and payment means 30', () => {
    const doc = buildDocument({ ...DOMESTIC, legalNotes: ['TVA acquittée sur les débits.'] });
    const xml = exportCii(doc, {
      notes: { pmd: 'Pénalités : 3 × taux légal', pmt: 'Indemnité forfaitaire : 40 €', aab: "Pas d'escompte" },
      unitCode: 'H87',
      paymentMeansCode: '30',
    });
    expect(checkCii(xml)).toEqual({ ok: true, violations: [] });
    const invoice = read(xml);
    expect(invoice.notes.map((n) => [n.subjectCode, n.content])).toEqual([
      ['PMD', 'Pénalités : 3 × taux légal'],
      ['PMT', 'Indemnité forfaitaire : 40 €'],
      ['AAB', "Pas d'escompte"],
      ['REG', 'TVA acquittée sur les débits.'],
      ['AAI', 'Merci de votre confiance.'],
    ]);
    expect(invoice.lines.every((l) => l.unitCode === 'H87' && l.baseQuantityUnit === 'H87')).toBe(true);
    expect(invoice.paymentMeans[0]?.typeCode).toBe('30');
  });

  it('a buyer without SIREN gets no legal organisation; a seller without IBAN no payment means', () => {
    const doc = buildDocument({ ...DOMESTIC, buyer: { siren: null } });
    const xml = exportCii({ ...doc, seller: { ...doc.seller, iban: null } });
    expect(checkCii(xml).violations).toEqual([]);
    const invoice = read(xml);
    expect(invoice.buyer?.legalId).toBeNull();
    expect(invoice.paymentMeans).toEqual([]);
  });
});

describe('exportCii — refusals', () => {
  const doc = buildDocument(DOMESTIC);

  it('refuses quotes and B2C (tax-inclusive) documents', () => {
    expect(() => exportCii({ ...doc, kind: 'quote' })).toThrow(CiiExportError);
    expect(() => exportCii({ ...doc, mode: 'tax_inclusive' })).toThrow(/B2B/);
  });

  it('refuses a line whose stored net does not follow from its quantity, price and discount', () => {
    const lines = doc.lines.map((l, i) => (i === 1 ? { ...l, netCents: l.netCents + 1 } : l));
    expect(() => exportCii({ ...doc, lines })).toThrow(/lines\[1\]/);
  });

  it('refuses malformed dates and quantities', () => {
    expect(() => exportCii({ ...doc, issueDate: '2026-02-30' })).toThrow(/calendar/);
    expect(() => exportCii({ ...doc, lines: [{ ...doc.lines[0]!, quantity: 0.1 + 0.2 }] })).toThrow(/3 decimals/);
  });

  it('exports what is stored and lets the check find an inconsistent total', () => {
    const xml = exportCii({ ...doc, totalGrossCents: doc.totalGrossCents + 1 });
    expect(checkCii(xml).violations.map((v) => v.rule).sort()).toEqual(['BR-CO-15']);
  });

  it('keeps the buyer data it is given verbatim', () => {
    expect(FRENCH_BUYER.name).toBe('Atelier Lumière & Fils SARL');
    expect(read(exportCii(doc)).buyer?.name).toBe('Atelier Lumière & Fils SARL');
  });
});
