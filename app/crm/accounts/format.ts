/** 'YYYY-MM-DD' → '03/04/2026' (calendar dates have no time zone). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** 'YYYY-MM-DD' → '04/2026'. */
export function formatMonth(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Cents → the text a money input accepts ('1234,56'). */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  return (cents / 100).toFixed(2).replace('.', ',');
}
