import { formatPercent } from './format';

/** A thin bar of consumed / limit, amber from 80 %, red beyond 100 %; the text carries the meaning. */
export function ConsumptionBar({ ratio, label }: { ratio: number; label: string }) {
  const width = Math.min(100, Math.max(0, ratio * 100));
  const tone = ratio > 1 ? 'bg-red-600' : ratio >= 0.8 ? 'bg-amber-500' : 'bg-accent-600';
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-20 overflow-hidden rounded-full bg-neutral-200" role="presentation">
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
      <span className="tabular text-xs text-neutral-700" aria-label={label}>
        {formatPercent(ratio)}
      </span>
    </div>
  );
}
