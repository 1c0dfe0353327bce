import { StatusBadge, type StatusTone } from '@/app/_components/status-badge';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';

/**
 * Tones by family, as for orders: waiting on someone (warning), in progress (info), done (success),
 * refused (danger), ended without effect (neutral).
 */
const quoteTone: Record<QuoteState, StatusTone> = {
  in_preparation: 'info',
  sent: 'warning',
  changes_requested: 'warning',
  accepted: 'success',
  declined: 'danger',
  expired: 'neutral',
  withdrawn: 'neutral',
};

const requestTone: Record<RequestState, StatusTone> = {
  submitted: 'warning',
  in_progress: 'info',
  quoted: 'success',
  cancelled: 'neutral',
  declined: 'danger',
};

export function QuoteStatusBadge({ status }: { status: QuoteState }) {
  return <StatusBadge label={frQuotes.quoteStatus[status]} tone={quoteTone[status]} />;
}

export function RequestStatusBadge({ status }: { status: RequestState }) {
  return <StatusBadge label={frQuotes.requestStatus[status]} tone={requestTone[status]} />;
}
