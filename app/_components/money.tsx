import { formatMoney } from '@/lib/money';

/** Cents formatted for France (`1 234,56 €`), with an optional HT/TTC suffix. */
export function Money({ cents, suffix, className = '' }: { cents: number; suffix?: 'HT' | 'TTC'; className?: string }) {
  return (
    <span className={`tabular whitespace-nowrap ${className}`}>
      {formatMoney(cents)}
      {suffix ? <span className="ml-1 text-xs font-normal text-neutral-500">{suffix}</span> : null}
    </span>
  );
}
