/** Calendar dates as 'YYYY-MM-DD' strings (Europe/Paris days), compared as text. */
export type IsoDate = string;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Built once: a formatter with a time zone costs far more to create than to use, and several
// services ask for today's date on every request.
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/Paris (an order counts against the budget of its Paris date). */
export function parisDate(at: Date = new Date()): IsoDate {
  return parisDay.format(at);
}

/**
 * The fiscal year containing `date` for a company whose year ends with month `endMonth` (1–12):
 * e.g. endMonth 3 and 2026-11-28 → 2026-04-01 … 2027-03-31.
 */
export function fiscalYearOf(date: IsoDate, endMonth: number): { start: IsoDate; end: IsoDate } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const endYear = m > endMonth ? y + 1 : y;
  const startMonth = (endMonth % 12) + 1;
  const startYear = endMonth === 12 ? endYear : endYear - 1;
  return {
    start: `${startYear}-${pad(startMonth)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(lastDayOfMonth(endYear, endMonth))}`,
  };
}

/** The calendar month containing `date`. */
export function monthOf(date: IsoDate): { start: IsoDate; end: IsoDate } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` };
}
