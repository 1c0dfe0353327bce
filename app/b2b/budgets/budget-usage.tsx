import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';

/**
 * How much of a budget is used: committed (solid) then held (lighter), out of the amount. A real
 * <progress>-like meter for assistive technology, with the percentage as text beside it.
 */
export function BudgetUsage({ label, amount, held, committed }: { label: string; amount: number; held: number; committed: number }) {
  const used = held + committed;
  const pct = amount > 0 ? Math.min(100, (used / amount) * 100) : 0;
  const committedPct = amount > 0 ? Math.min(100, (committed / amount) * 100) : 0;
  const heldPct = Math.max(0, pct - committedPct);
  const bar = pct >= 90 ? 'bg-red-600' : pct >= 75 ? 'bg-amber-500' : 'bg-accent-600';
  const text = `${Math.round(pct).toLocaleString('fr-FR')}\u00A0%`;
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div
        role="meter"
        aria-label={m.budgets.usageOf(label)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={text}
        className="flex h-2 w-full overflow-hidden rounded-full bg-neutral-200"
      >
        <div className={`h-full ${bar}`} style={{ width: `${committedPct}%` }} />
        <div className={`h-full ${bar} opacity-50`} style={{ width: `${heldPct}%` }} />
      </div>
      <span className="tabular w-10 shrink-0 text-right text-xs text-neutral-600">{text}</span>
    </div>
  );
}
