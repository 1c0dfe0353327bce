/**
 * The French payment terms of an invoice (spec/tax.md, "Invoices"): due date from the account's
 * terms, and the mandatory notes — late-payment penalties (PMD), the fixed 40 € recovery indemnity
 * (PMT) and the early-payment discount (AAB). Pure.
 */

export const LATE_PENALTY_NOTE = 'Pénalités de retard : trois fois le taux d’intérêt légal, exigibles dès le lendemain de la date d’échéance.';
export const RECOVERY_INDEMNITY_NOTE = 'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.';
export const NO_EARLY_DISCOUNT_NOTE = 'Pas d’escompte pour paiement anticipé.';

/** PMD, PMT, AAB: lib/einvoice recognises each by its wording and files it under its subject code. */
export const B2B_LEGAL_NOTES: readonly string[] = [LATE_PENALTY_NOTE, RECOVERY_INDEMNITY_NOTE, NO_EARLY_DISCOUNT_NOTE];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function endOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The due date: issue date + N days, or, "fin de mois", the end of the month that date falls in
 * (the LME reading "45 jours fin de mois" = +45 days then end of month). 0 days = at issue.
 */
export function dueDateOf(issueDate: string, termDays: number, endOfMonthTerms: boolean): string {
  if (!Number.isInteger(termDays) || termDays < 0 || termDays > 120) throw new RangeError(`payment term of ${termDays} days`);
  const plain = addDays(issueDate, termDays);
  return endOfMonthTerms ? endOfMonth(plain) : plain;
}

export function paymentTermsText(termDays: number, endOfMonthTerms: boolean, iban: string | null): string {
  const when = termDays === 0 ? 'à réception de facture' : `à ${termDays} jours${endOfMonthTerms ? ' fin de mois' : ''} date de facture`;
  return `Paiement ${when}, par virement${iban ? ` (IBAN ${iban})` : ''}.`;
}

/** What the invoice covers: catalogue products are goods, free lines (installation, days) services. */
export function natureOf(lines: readonly { productId: string | null }[]): 'goods' | 'services' | 'both' {
  const goods = lines.some((l) => l.productId);
  const services = lines.some((l) => !l.productId);
  return goods && services ? 'both' : goods ? 'goods' : 'services';
}

/** Derived payment state: never stored on the invoice. */
export type InvoicePaymentState = 'unpaid' | 'partially_paid' | 'paid' | 'overdue';

export function paymentStateOf(input: { grossCents: number; creditedCents: number; paidCents: number; dueDate: string; today: string }): {
  state: InvoicePaymentState;
  remainingCents: number;
} {
  const remaining = Math.max(0, input.grossCents - input.creditedCents - input.paidCents);
  if (remaining === 0) return { state: 'paid', remainingCents: 0 };
  if (input.today > input.dueDate) return { state: 'overdue', remainingCents: remaining };
  return { state: input.paidCents > 0 ? 'partially_paid' : 'unpaid', remainingCents: remaining };
}
