/**
 * Property: for every valid B2B basket and every treatment, computeTaxes → document → exportCii
 * → checkCii reports no violation, and the XML carries the document's amounts to the cent.
 * And its converse on the checker: moving any one line net by a cent is always caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaxInputError, type TaxAdjustmentInput, type Treatment } from '@/lib/tax';
import { checkCii, exportCii, readCii } from './index';
import { formatCents } from './decimal';
import { buildDocument, ciiAmounts, documentAmounts, type Basket, type BasketLine } from './test-documents';

const RATES = [2000, 1000, 550, 210, 0] as const;

const line: fc.Arbitrary<BasketLine> = fc.record({
  // Thousandths, as stored quantities are (services by the hour, goods by the kilo).
  quantity: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2_000_000 }).map((m) => m / 1000)),
  unitPriceCents: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 5_000_000 })),
  baseQuantity: fc.constantFrom(1, 1, 1, 10, 100, 1000),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  vatRateBp: fc.constantFrom(...RATES),
});

const adjustment: fc.Arbitrary<TaxAdjustmentInput> = fc.record(
  {
    amountCents: fc.integer({ min: 0, max: 20_000 }),
    vatRateBp: fc.constantFrom(...RATES),
    reason: fc.constantFrom('Frais de port', 'Remise fidélité', 'Emballage', ''),
  },
  { requiredKeys: ['amountCents'] },
);

const basket: fc.Arbitrary<Basket> = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  charges: fc.array(adjustment, { maxLength: 2 }),
  allowances: fc.array(adjustment, { maxLength: 2 }),
  treatment: fc.constantFrom<Treatment>('domestic', 'intra_eu_goods', 'reverse_charge', 'export'),
  kind: fc.constantFrom('invoice' as const, 'credit_note' as const),
});

/** The document, or null when the engine refuses the basket (allowances above their rate's amount). */
function documentOf(b: Basket, prepaidPermille: number) {
  try {
    const doc = buildDocument({ ...b, references: { invoiceNumber: 'F-2026-000001', invoiceIssueDate: '2026-01-31' } });
    return { ...doc, prepaidCents: Math.floor((doc.totalGrossCents * prepaidPermille) / 1000) };
  } catch (error) {
    if (error instanceof TaxInputError && error.code === 'allowances_exceed_amount') return null;
    throw error;
  }
}

describe('exportCii → checkCii, for random baskets', () => {
  it('never reports a violation, and the XML holds the document amounts exactly', () => {
    fc.assert(
      fc.property(basket, fc.integer({ min: 0, max: 1000 }), (b, prepaidPermille) => {
        const doc = documentOf(b, prepaidPermille);
        fc.pre(doc !== null);
        const xml = exportCii(doc!);
        expect(checkCii(xml).violations).toEqual([]);
        const read = readCii(xml);
        if (!read.ok) throw new Error(read.error);
        expect(ciiAmounts(read.invoice)).toEqual(documentAmounts(doc!));
      }),
      { numRuns: 400 },
    );
  }, 60_000); // hundreds of generated documents: slow on a loaded CI machine, not a timing assertion

  it('catches any line net moved by one cent', () => {
    fc.assert(
      fc.property(basket, fc.nat(), fc.constantFrom(1, -1), (b, pick, delta) => {
        const doc = documentOf(b, 0);
        fc.pre(doc !== null);
        const target = doc!.lines[pick % doc!.lines.length]!;
        fc.pre(target.netCents + delta >= 0);
        const xml = exportCii(doc!);
        const lines = xml.split('<ram:IncludedSupplyChainTradeLineItem>');
        const i = (pick % doc!.lines.length) + 1;
        lines[i] = lines[i]!.replace(
          `<ram:LineTotalAmount>${formatCents(target.netCents)}</ram:LineTotalAmount>`,
          `<ram:LineTotalAmount>${formatCents(target.netCents + delta)}</ram:LineTotalAmount>`,
        );
        const rules = checkCii(lines.join('<ram:IncludedSupplyChainTradeLineItem>')).violations.map((v) => v.rule);
        expect(rules).toContain('BR-CO-10');
        expect(rules).toContain('CPT-LINE-NET');
      }),
      { numRuns: 200 },
    );
  }, 60_000); // hundreds of generated documents: slow on a loaded CI machine, not a timing assertion
});
