import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { fiscalYearLabel } from '@/lib/purchasing/budget-schemas';

const monthFmt = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayFmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** A budget's period as people say it: `Exercice 2026`, `septembre 2026`. */
export function periodLabel(kind: 'fiscal_year' | 'month', start: string, end: string): string {
  if (kind === 'month') return monthFmt.format(new Date(`${start}T00:00:00Z`));
  return m.budgets.fiscalYear(fiscalYearLabel(start, end));
}

/** The period's first and last day: `01/01/2026 – 31/12/2026`. */
export function periodDates(start: string, end: string): string {
  return `${dayFmt.format(new Date(`${start}T00:00:00Z`))} – ${dayFmt.format(new Date(`${end}T00:00:00Z`))}`;
}
