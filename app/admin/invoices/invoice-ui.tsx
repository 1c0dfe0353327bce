import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';

export type InvoiceState = 'unpaid' | 'partially_paid' | 'paid' | 'overdue';

export { InvoiceStateBadge } from '@/app/_components/document-status-badges';

const calendarDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date (`YYYY-MM-DD`, no time zone) in French, e.g. `12 mars 2026`. */
export function CalendarDate({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-neutral-500">{m.none}</span>;
  return <time dateTime={value}>{calendarDate.format(new Date(`${value}T00:00:00Z`))}</time>;
}

/** The same date as text (for messages and hints). */
export const formatCalendarDate = (value: string) => calendarDate.format(new Date(`${value}T00:00:00Z`));

const quantityFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
/** A quantity in French (`2,5`, `1 200`), thousandths kept. */
export const formatQuantity = (q: number) => quantityFormat.format(q);

/** Cents as the text a money input starts with (`1234,56`), which lib/money parses back exactly. */
export function centsToInput(cents: number): string {
  const abs = Math.abs(Math.trunc(cents));
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
