const dateFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD) in French, e.g. « 15 mars 2026 ». */
export function formatDay(iso: string): string {
  return dateFmt.format(new Date(`${iso}T00:00:00Z`));
}
