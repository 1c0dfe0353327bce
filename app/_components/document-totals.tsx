import type { ReactNode } from 'react';
import { formatRateBp } from '@/lib/money';
import { Money } from './money';

const labels = {
  vatBreakdown: 'Récapitulatif de la TVA',
  vatRate: 'TVA',
  base: 'Base HT',
  vatAmount: 'TVA',
  totals: 'Totaux',
  totalNet: 'Total HT',
  totalVat: 'Total TVA',
  totalGross: 'Total TTC',
};

export interface DocumentTotalsProps {
  breakdown: readonly { vatRateBp: number; category: string; taxableCents: number; vatCents: number }[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  /** A short note after a rate (e.g. the category of a zero rate). */
  rateNote?: (category: string) => ReactNode;
}

/**
 * The VAT breakdown per rate and the HT / TVA / TTC totals of a stored document (quote version,
 * invoice), printed as stored — never recomputed.
 */
export function DocumentTotals({ breakdown, totalNetCents, totalVatCents, totalGrossCents, rateNote }: DocumentTotalsProps) {
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <table className="self-start text-sm">
        <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">{labels.vatBreakdown}</caption>
        <thead className="text-left text-xs text-neutral-500">
          <tr>
            <th scope="col" className="pr-4 font-normal">{labels.vatRate}</th>
            <th scope="col" className="pr-4 text-right font-normal">{labels.base}</th>
            <th scope="col" className="text-right font-normal">{labels.vatAmount}</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.map((b) => (
            <tr key={`${b.category}-${b.vatRateBp}`}>
              <th scope="row" className="pr-4 text-left font-normal">
                {formatRateBp(b.vatRateBp)}
                {rateNote?.(b.category) ? <span className="ml-1 text-xs text-neutral-500">({rateNote(b.category)})</span> : null}
              </th>
              <td className="pr-4 text-right">
                <Money cents={b.taxableCents} />
              </td>
              <td className="text-right">
                <Money cents={b.vatCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl aria-label={labels.totals} className="w-full max-w-xs space-y-1 text-sm sm:justify-self-end">
        <div className="flex justify-between gap-8">
          <dt className="text-neutral-600">{labels.totalNet}</dt>
          <dd>
            <Money cents={totalNetCents} />
          </dd>
        </div>
        <div className="flex justify-between gap-8">
          <dt className="text-neutral-600">{labels.totalVat}</dt>
          <dd>
            <Money cents={totalVatCents} />
          </dd>
        </div>
        <div className="flex justify-between gap-8 border-t border-neutral-200 pt-1 text-base font-semibold">
          <dt>{labels.totalGross}</dt>
          <dd>
            <Money cents={totalGrossCents} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
