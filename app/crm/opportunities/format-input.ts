/** Cents as the text an amount field shows and parseMoney reads back: `1234,56`. */
export function formatCentsForInput(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
