import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLegalNote } from '@/lib/einvoice';
import {
  B2B_LEGAL_NOTES,
  dueDateOf,
  LATE_PENALTY_NOTE,
  natureOf,
  NO_EARLY_DISCOUNT_NOTE,
  paymentStateOf,
  paymentTermsText,
  RECOVERY_INDEMNITY_NOTE,
  type InvoicePaymentState,
} from './terms';

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
const isLastDayOfMonth = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + DAY).getUTCDate() === 1;
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('dueDateOf', () => {
  it.each([
    // issue date, days, end of month, due date
    ['2026-01-15', 30, false, '2026-02-14'],
    ['2026-01-15', 30, true, '2026-02-28'],
    ['2026-01-31', 30, false, '2026-03-02'],
    ['2026-01-31', 30, true, '2026-03-31'],
    ['2028-01-30', 30, false, '2028-02-29'], // leap year
    ['2028-01-30', 30, true, '2028-02-29'],
    ['2026-12-15', 45, true, '2027-01-31'], // over the year end
    ['2026-12-15', 45, false, '2027-01-29'],
    ['2026-11-17', 45, true, '2027-01-31'], // the LME reading: +45 days, then end of month
    ['2026-02-10', 0, false, '2026-02-10'], // at reception
    ['2026-02-10', 0, true, '2026-02-28'],
    ['2026-03-31', 60, false, '2026-05-30'],
    ['2026-05-31', 120, false, '2026-09-28'],
  ] as const)('%s + %i days (end of month: %s) is due %s', (issue, days, eom, due) => {
    expect(dueDateOf(issue, days, eom)).toBe(due);
  });

  it.each([-1, 121, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a payment term of %s days', (days) => {
    expect(() => dueDateOf('2026-01-01', days, false)).toThrow(RangeError);
  });

  it('is never before the issue date; plain terms add exactly N days; end of month lands on the last day of that month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 120 }), (issue, days) => {
        const plain = dueDateOf(issue, days, false);
        expect(daysBetween(issue, plain)).toBe(days);
        const eom = dueDateOf(issue, days, true);
        expect(eom >= plain).toBe(true);
        expect(eom.slice(0, 7)).toBe(plain.slice(0, 7));
        expect(isLastDayOfMonth(eom)).toBe(true);
      }),
    );
  });
});

describe('paymentTermsText', () => {
  it.each([
    [30, false, null, 'Paiement à 30 jours date de facture, par virement.'],
    [45, true, null, 'Paiement à 45 jours fin de mois date de facture, par virement.'],
    [0, false, null, 'Paiement à réception de facture, par virement.'],
    [30, false, 'FR76 3000 6000 0112 3456 7890 189', 'Paiement à 30 jours date de facture, par virement (IBAN FR76 3000 6000 0112 3456 7890 189).'],
  ] as const)('%i days, end of month %s, IBAN %s', (days, eom, iban, text) => {
    expect(paymentTermsText(days, eom, iban)).toBe(text);
  });
});

describe('natureOf', () => {
  it.each([
    [[{ productId: 'p1' }, { productId: 'p2' }], 'goods'],
    [[{ productId: null }], 'services'],
    [[{ productId: 'p1' }, { productId: null }], 'both'],
  ] as const)('%j covers %s', (lines, nature) => {
    expect(natureOf(lines)).toBe(nature);
  });
});

describe('B2B legal notes', () => {
  it('are the three French payment mentions, each filed under its EN 16931 subject exactly once', () => {
    expect(B2B_LEGAL_NOTES).toEqual([LATE_PENALTY_NOTE, RECOVERY_INDEMNITY_NOTE, NO_EARLY_DISCOUNT_NOTE]);
    expect(B2B_LEGAL_NOTES.map(classifyLegalNote)).toEqual([['PMD'], ['PMT'], ['AAB']]);
    expect(RECOVERY_INDEMNITY_NOTE).toContain('40 €');
    expect(NO_EARLY_DISCOUNT_NOTE).toMatch(/^Pas d.escompte pour paiement anticipé\.$/);
  });
});

describe('paymentStateOf', () => {
  const due = '2026-05-31';
  it.each([
    // gross, credited, paid, today, state, remaining
    [12_000, 0, 0, '2026-05-01', 'unpaid', 12_000],
    [12_000, 0, 0, due, 'unpaid', 12_000], // due today is not late
    [12_000, 0, 0, '2026-06-01', 'overdue', 12_000],
    [12_000, 0, 4_000, '2026-05-01', 'partially_paid', 8_000],
    [12_000, 0, 4_000, '2026-06-01', 'overdue', 8_000],
    [12_000, 0, 12_000, '2026-05-01', 'paid', 0],
    [12_000, 0, 12_000, '2027-01-01', 'paid', 0], // paid is never overdue
    [12_000, 12_000, 0, '2027-01-01', 'paid', 0], // fully credited
    [12_000, 3_000, 9_000, '2026-05-01', 'paid', 0],
    [12_000, 3_000, 0, '2026-05-01', 'unpaid', 9_000], // a credit note is not a payment
    [12_000, 3_000, 1, '2026-05-01', 'partially_paid', 8_999],
    [12_000, 0, 15_000, '2026-05-01', 'paid', 0], // never a negative remainder
  ] as const)('gross %i, credited %i, paid %i on %s → %s, %i left', (gross, credited, paid, today, state, remaining) => {
    expect(paymentStateOf({ grossCents: gross, creditedCents: credited, paidCents: paid, dueDate: due, today })).toEqual({ state, remainingCents: remaining });
  });

  it('derives the state from the amounts and the dates only', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        isoDate,
        isoDate,
        (gross, credited, paid, dueDate, today) => {
          const r = paymentStateOf({ grossCents: gross, creditedCents: credited, paidCents: paid, dueDate, today });
          expect(r.remainingCents).toBe(Math.max(0, gross - credited - paid));
          const expected: InvoicePaymentState = r.remainingCents === 0 ? 'paid' : today > dueDate ? 'overdue' : paid > 0 ? 'partially_paid' : 'unpaid';
          expect(r.state).toBe(expected);
        },
      ),
    );
  });
});
