import { StatusBadge, type StatusTone } from '@/app/_components/status-badge';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import type { InvoicePaymentState } from '@/lib/invoicing/terms';

/** The tone families of StatusBadge: waiting for money (warning), overdue (danger), settled (success). */
const tones: Record<InvoicePaymentState, StatusTone> = {
  unpaid: 'warning',
  partially_paid: 'info',
  paid: 'success',
  overdue: 'danger',
};

export function InvoiceStateBadge({ state }: { state: InvoicePaymentState }) {
  return <StatusBadge label={m.states[state]} tone={tones[state]} />;
}
