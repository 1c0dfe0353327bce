import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rowsOf } from '@/lib/sql-helpers';

export type Series = 'F' | 'AV';

/**
 * Takes the next number of a series for a year, in the caller's transaction: the counter row stays
 * locked until commit, so parallel issues queue in order, and a rolled-back issue gives its number
 * back — numbers are exactly 1..N with no gap and no duplicate. `F-2026-000123`.
 */
export async function takeDocumentNumber(tx: Tx, series: Series, year: number): Promise<{ number: string; sequence: number }> {
  await tx.execute(sql`insert into document_counters (series, year, last_number) values (${series}, ${year}, 0) on conflict do nothing`);
  const [row] = await tx
    .execute(sql`update document_counters set last_number = last_number + 1 where series = ${series} and year = ${year} returning last_number`)
    .then(rowsOf<{ last_number: number }>);
  const sequence = Number(row!.last_number);
  return { sequence, number: formatDocumentNumber(series, year, sequence) };
}

export function formatDocumentNumber(series: Series, year: number, sequence: number): string {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}
