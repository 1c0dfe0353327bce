/**
 * checkCii against tampered exports: one amount moved by one cent, one element removed or changed,
 * and the exact rule ids that must be reported (no more, no fewer).
 */
import { describe, expect, it } from 'vitest';
import type { CommercialDocument } from '@/lib/documents/types';
import { checkCii, exportCii } from './index';
import { formatCents, parseDecimal } from './decimal';
import { buildDocument, DOMESTIC, GERMAN_BUYER } from './test-documents';

/** The distinct rule ids reported, sorted. */
function rules(xml: string): string[] {
  return [...new Set(checkCii(xml).violations.map((v) => v.rule))].sort();
}

/**
 * Moves the amount of the `occurrence`-th `<ram:name>` (negative: from the end) by `deltaCents`.
 * Fails the test when the element is not found, so a tamper can never silently do nothing.
 */
function tamper(xml: string, name: string, occurrence: number, deltaCents: number): string {
  const pattern = new RegExp(`(<ram:${name}(?: [^>]*)?>)([^<]*)(</ram:${name}>)`, 'g');
  const matches = [...xml.matchAll(pattern)];
  const match = matches.at(occurrence);
  if (match === undefined) throw new Error(`no occurrence ${occurrence} of ram:${name}`);
  const value = parseDecimal(match[2]!);
  if (value === null || value.scale !== 2) throw new Error(`ram:${name} holds ${match[2]}, not an amount`);
  const replaced = `${match[1]}${formatCents(value.units + BigInt(deltaCents))}${match[3]}`;
  return xml.slice(0, match.index) + replaced + xml.slice(match.index! + match[0].length);
}

/** Sets the text of the `occurrence`-th `<ram:name>`; fails when there is no such element. */
function setText(xml: string, name: string, occurrence: number, text: string): string {
  const pattern = new RegExp(`(<ram:${name}(?: [^>]*)?>)([^<]*)(</ram:${name}>)`, 'g');
  const match = [...xml.matchAll(pattern)].at(occurrence);
  if (match === undefined) throw new Error(`no occurrence ${occurrence} of ram:${name}`);
  return xml.slice(0, match.index) + `${match[1]}${text}${match[3]}` + xml.slice(match.index! + match[0].length);
}

/** Removes every element `<ram:name>…</ram:name>` (leaf elements only); fails when there is none. */
function remove(xml: string, name: string): string {
  const pattern = new RegExp(`\\s*<ram:${name}(?: [^>]*)?>[^<]*</ram:${name}>`, 'g');
  if (!pattern.test(xml)) throw new Error(`no ram:${name} to remove`);
  return xml.replace(pattern, '');
}

/** Replaces the text of every leaf `<ram:name>`; fails when there is none. */
function replaceText(xml: string, name: string, text: string): string {
  const pattern = new RegExp(`(<ram:${name}(?: [^>]*)?>)[^<]*(</ram:${name}>)`, 'g');
  if (!pattern.test(xml)) throw new Error(`no ram:${name}`);
  return xml.replace(pattern, `$1${text}$2`);
}

const domestic = exportCii(buildDocument(DOMESTIC));
// Breakdown order: 20 % (51,50 → 10,30), 10 % (61,10 → 6,11), 5,5 % (18,11 → 1,00); totals 130,71 + 17,41 = 148,12.

describe('checkCii — the untouched export passes', () => {
  it('has no violation', () => {
    expect(checkCii(domestic)).toEqual({ ok: true, violations: [] });
  });
});

describe('checkCii — one amount moved by 0,01', () => {
  it.each([
    // BT-131 of line 1: the line sum, the 20 % basis and the line's own arithmetic no longer hold.
    ['a line net amount (BT-131)', 'LineTotalAmount', 0, ['BR-CO-10', 'BR-S-08', 'CPT-LINE-NET']],
    ['a line allowance (BT-136)', 'ActualAmount', 0, ['CPT-LINE-NET']],
    // BT-117 at 20 %: basis × rate, the category rule and the VAT total.
    ['a VAT amount (BT-117)', 'CalculatedAmount', 0, ['BR-CO-14', 'BR-CO-17', 'BR-S-09']],
    // BT-116 at 20 %: 51,51 × 20 % still rounds to 10,30, so only the basis rule catches it.
    ['a VAT basis (BT-116)', 'BasisAmount', 0, ['BR-S-08']],
    ['a document charge (BT-99)', 'ActualAmount', 1, ['BR-CO-12', 'BR-S-08']],
    ['a document allowance (BT-92)', 'ActualAmount', 4, ['BR-CO-11', 'BR-S-08']],
    ['the sum of line nets (BT-106)', 'LineTotalAmount', -1, ['BR-CO-10', 'BR-CO-13']],
    ['the sum of charges (BT-108)', 'ChargeTotalAmount', 0, ['BR-CO-12', 'BR-CO-13']],
    ['the sum of allowances (BT-107)', 'AllowanceTotalAmount', 0, ['BR-CO-11', 'BR-CO-13']],
    ['the total without VAT (BT-109)', 'TaxBasisTotalAmount', 0, ['BR-CO-13', 'BR-CO-15']],
    ['the total VAT (BT-110)', 'TaxTotalAmount', 0, ['BR-CO-14', 'BR-CO-15']],
    ['the grand total (BT-112)', 'GrandTotalAmount', 0, ['BR-CO-15', 'BR-CO-16']],
    ['the prepaid amount (BT-113)', 'TotalPrepaidAmount', 0, ['BR-CO-16']],
    ['the amount due (BT-115)', 'DuePayableAmount', 0, ['BR-CO-16']],
  ])('%s → %j', (_, element, occurrence, expected) => {
    for (const delta of [1, -1]) {
      expect(rules(tamper(domestic, element as string, occurrence as number, delta))).toEqual(expected);
    }
  });

  it('a VAT amount one cent off with every total made consistent is still caught (the official check allows 1,00)', () => {
    let xml = tamper(domestic, 'CalculatedAmount', 2, 1); // 5,5 %: 18,11 × 5,5 % = 0,99605 → 1,00, written 1,01
    for (const total of ['TaxTotalAmount', 'GrandTotalAmount', 'DuePayableAmount']) xml = tamper(xml, total, 0, 1);
    const result = checkCii(xml);
    expect(result.violations.map((v) => v.rule).sort()).toEqual(['BR-CO-17', 'BR-S-09']);
    expect(result.violations[0]!.message).toContain('18.11 × 5.5 % = 1.00');
  });

  it('a line net one cent off with the rest made consistent is still caught by the line arithmetic', () => {
    let xml = tamper(domestic, 'LineTotalAmount', 0, 1);
    xml = tamper(xml, 'LineTotalAmount', -1, 1);
    xml = tamper(xml, 'BasisAmount', 0, 1); // 51,51 × 20 % = 10,302 → 10,30: VAT unchanged
    xml = tamper(xml, 'TaxBasisTotalAmount', 0, 1);
    xml = tamper(xml, 'GrandTotalAmount', 0, 1);
    xml = tamper(xml, 'DuePayableAmount', 0, 1);
    expect(rules(xml)).toEqual(['CPT-LINE-NET']);
  });

  it('an amount written with 3 decimals is a BR-DEC violation even when its value is right', () => {
    const xml = domestic.replace('<ram:LineTotalAmount>55.86</ram:LineTotalAmount>', '<ram:LineTotalAmount>55.860</ram:LineTotalAmount>');
    expect(xml).not.toBe(domestic);
    expect(rules(xml)).toEqual(['BR-DEC-23']);
  });
});

describe('checkCii — exemption reasons and VAT identifiers', () => {
  const intraEu = exportCii(buildDocument({ ...DOMESTIC, treatment: 'intra_eu_goods' }));
  const reverseCharge = exportCii(buildDocument({ ...DOMESTIC, treatment: 'reverse_charge' }));
  const exportOutsideEu = exportCii(buildDocument({ ...DOMESTIC, treatment: 'export' }));

  it.each([
    ['K', intraEu, 'BR-IC-10'],
    ['AE', reverseCharge, 'BR-AE-10'],
    ['G', exportOutsideEu, 'BR-G-10'],
  ])('%s without exemption reason (neither code nor text) → %s', (_, xml, rule) => {
    expect(checkCii(xml).ok).toBe(true);
    expect(rules(remove(remove(xml, 'ExemptionReasonCode'), 'ExemptionReason'))).toEqual([rule]);
  });

  it.each([
    ['K', intraEu],
    ['AE', reverseCharge],
    ['G', exportOutsideEu],
  ])('%s keeps a valid reason with the code alone or the text alone', (_, xml) => {
    expect(rules(remove(xml, 'ExemptionReasonCode'))).toEqual([]);
    expect(rules(remove(xml, 'ExemptionReason'))).toEqual([]);
  });

  it("a reverse charge with another category's code → BR-AE-10", () => {
    expect(rules(replaceText(reverseCharge, 'ExemptionReasonCode', 'VATEX-EU-IC'))).toEqual(['BR-AE-10']);
  });

  it('a standard-rated breakdown with an exemption reason → BR-S-10', () => {
    const xml = domestic.replace(
      '<ram:BasisAmount>51.50</ram:BasisAmount>',
      '<ram:ExemptionReason>Exonéré</ram:ExemptionReason>\n<ram:BasisAmount>51.50</ram:BasisAmount>',
    );
    expect(rules(xml)).toEqual(['BR-S-10']);
  });

  it('an intra-EU supply without the buyer VAT number → BR-IC-02 (lines) and BR-IC-04 (its shipping)', () => {
    const doc = buildDocument({ ...DOMESTIC, treatment: 'intra_eu_goods', buyer: { vatNumber: null }, allowances: [] });
    expect(rules(exportCii(doc))).toEqual(['BR-IC-02', 'BR-IC-04']);
  });

  it('a reverse charge without buyer VAT number but with a legal registration id passes BR-AE-02', () => {
    const doc = buildDocument({ treatment: 'reverse_charge', lines: DOMESTIC.lines, buyer: { ...GERMAN_BUYER, vatNumber: null, siren: '542065479' } });
    expect(rules(exportCii(doc))).toEqual([]);
    expect(rules(exportCii({ ...doc, buyer: { ...doc.buyer, siren: null } }))).toEqual(['BR-AE-02']);
  });

  it('a seller without VAT number → BR-S-02, -03, -04; for an export BR-G-02', () => {
    const doc = buildDocument(DOMESTIC);
    const noVat = (d: CommercialDocument) => exportCii({ ...d, seller: { ...d.seller, vatNumber: null } });
    expect(rules(noVat(doc))).toEqual(['BR-S-02', 'BR-S-03', 'BR-S-04']);
    expect(rules(noVat(buildDocument({ treatment: 'export', lines: DOMESTIC.lines })))).toEqual(['BR-G-02']);
  });

  it('an intra-EU supply without delivery date → BR-IC-11, without delivery address → BR-IC-12', () => {
    const doc = buildDocument({ ...DOMESTIC, treatment: 'intra_eu_goods' });
    expect(rules(exportCii({ ...doc, deliveryDate: null }))).toEqual(['BR-IC-11']);
    expect(rules(exportCii({ ...doc, deliveryAddress: null }))).toEqual(['BR-IC-12']);
  });

  it('a K line with a rate above 0 → BR-IC-05; a K breakdown with a rate above 0 → BR-IC-09 and BR-CO-17', () => {
    // RateApplicablePercent occurrences: the 3 lines, then the breakdown, then the 4 allowances and charges.
    expect(rules(setText(intraEu, 'RateApplicablePercent', 0, '20.00'))).toEqual(['BR-IC-05']);
    expect(rules(setText(intraEu, 'RateApplicablePercent', 3, '20.00'))).toEqual(['BR-CO-17', 'BR-IC-09']);
    expect(rules(replaceText(intraEu, 'RateApplicablePercent', '0'))).toEqual([]); // 0 = 0.00
  });
});

describe('checkCii — document rules', () => {
  it.each([
    ['a number with a space', 'F 2026 000123'],
    ['a number with an accent', 'F-2026-é'],
    ['a number of 36 characters', 'F-2026-'.padEnd(36, '0')],
  ])('%s → CPT-NUMBER', (_, number) => {
    expect(rules(exportCii({ ...buildDocument(DOMESTIC), number }))).toEqual(['CPT-NUMBER']);
  });

  it('a number of 35 letters, digits and + - _ / passes', () => {
    expect(rules(exportCii({ ...buildDocument(DOMESTIC), number: 'F+2026_A/B-'.padEnd(35, '9') }))).toEqual([]);
  });

  it('another currency → CPT-CURRENCY', () => {
    expect(rules(replaceText(domestic, 'InvoiceCurrencyCode', 'USD'))).toEqual(['CPT-CURRENCY']);
    expect(rules(domestic.replace('currencyID="EUR"', 'currencyID="USD"'))).toEqual(['CPT-CURRENCY']);
  });

  it('an invoice without its late-payment penalty note → CPT-FR-NOTES', () => {
    const doc = buildDocument({ ...DOMESTIC, legalNotes: ["Pas d'escompte pour paiement anticipé.", 'Indemnité forfaitaire de 40 €.'] });
    const result = checkCii(exportCii(doc));
    expect(result.violations).toEqual([{ rule: 'CPT-FR-NOTES', message: expect.stringContaining('PMD') }]);
  });

  it('a credit note without the invoice it corrects → CPT-PRECEDING-INVOICE', () => {
    const doc = buildDocument({ ...DOMESTIC, kind: 'credit_note', references: {} });
    expect(rules(exportCii(doc))).toEqual(['CPT-PRECEDING-INVOICE']);
  });

  it('an invalid date → CPT-DATE; a missing issue date → BR-03', () => {
    expect(rules(domestic.replace('>20260414<', '>20260431<'))).toEqual(['CPT-DATE']);
    expect(rules(domestic.replace(/<ram:IssueDateTime>[\s\S]*?<\/ram:IssueDateTime>/, ''))).toEqual(['BR-03']);
  });

  it('a line without net price or quantity → BR-26 / BR-22 (and no arithmetic on missing values)', () => {
    expect(rules(domestic.replace(/<ram:NetPriceProductTradePrice>[\s\S]*?<\/ram:NetPriceProductTradePrice>/, ''))).toEqual(['BR-26']);
    expect(rules(domestic.replace(/<ram:BilledQuantity[^>]*>12<\/ram:BilledQuantity>/, ''))).toEqual(['BR-22']);
  });

  it('a number that is not a decimal → CPT-SYNTAX', () => {
    expect(rules(domestic.replace('<ram:GrandTotalAmount>148.12<', '<ram:GrandTotalAmount>148,12<'))).toEqual(['CPT-SYNTAX']);
  });

  it('a missing breakdown for a rate → CPT-VAT-BREAKDOWN; a duplicated one too', () => {
    const tenPercent = /<ram:ApplicableTradeTax>\s*<ram:CalculatedAmount>6\.11[\s\S]*?<\/ram:ApplicableTradeTax>/;
    const block = domestic.match(tenPercent)![0];
    expect(rules(domestic.replace(tenPercent, ''))).toEqual(['BR-CO-14', 'CPT-VAT-BREAKDOWN']);
    expect(rules(domestic.replace(tenPercent, `${block}${block}`))).toEqual(['BR-CO-14', 'CPT-VAT-BREAKDOWN']);
  });

  it('any namespace prefixes are read the same', () => {
    const renamed = domestic.replaceAll('ram:', 'r:').replace('xmlns:ram=', 'xmlns:r=');
    expect(checkCii(renamed)).toEqual({ ok: true, violations: [] });
  });

  it.each([
    ['not XML', 'this is not XML'],
    ['a DOCTYPE', `<!DOCTYPE x>${domestic.slice(domestic.indexOf('<rsm:'))}`],
    ['another root element', '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'],
  ])('%s → CPT-XML only', (_, xml) => {
    expect(rules(xml)).toEqual(['CPT-XML']);
  });
});
