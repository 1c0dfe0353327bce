/** State families share a colour everywhere (orders, approvals, quotes, invoices, accounts, users). */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const tones: Record<StatusTone, string> = {
  neutral: 'bg-neutral-100 text-neutral-700 ring-neutral-300',
  info: 'bg-accent-50 text-accent-800 ring-accent-100',
  success: 'bg-green-50 text-green-800 ring-green-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-200',
  danger: 'bg-red-50 text-red-800 ring-red-200',
};

export function StatusBadge({ label, tone }: { label: string; tone: StatusTone }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {label}
    </span>
  );
}
