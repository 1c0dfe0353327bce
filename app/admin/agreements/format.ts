const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** A calendar date (`2026-12-31`, no time zone) as `31/12/2026`. */
export function formatDay(isoDate: string): string {
  return day.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A share as a French percentage without decimals: 0.8123 → `81 %`. */
export function formatPercent(ratio: number): string {
  return `${Math.floor(ratio * 100).toLocaleString('fr-FR')}\u00A0%`;
}
