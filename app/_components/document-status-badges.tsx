import { frInvoicesClient } from '@/lib/i18n/fr-invoices-client';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import type { InvoicePaymentState } from '@/lib/invoicing/terms';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';
import { StatusBadge } from './status-badge';
import { invoiceStateTone, quoteStatusTone, requestStatusTone } from './status-tones';

/** The state badges of quotes, requests and invoices, the same in the portal, back office and CRM. */
export function QuoteStatusBadge({ status }: { status: QuoteState }) {
  return <StatusBadge label={frQuotes.quoteStatus[status]} tone={quoteStatusTone[status]} />;
}

export function RequestStatusBadge({ status }: { status: RequestState }) {
  return <StatusBadge label={frQuotes.requestStatus[status]} tone={requestStatusTone[status]} />;
}

export function InvoiceStateBadge({ state }: { state: InvoicePaymentState }) {
  return <StatusBadge label={frInvoicesClient.states[state]} tone={invoiceStateTone[state]} />;
}
