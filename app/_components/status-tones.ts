import { orderStatusTones } from '@/lib/orders/order-status-labels';
import type { OrderStatus } from '@/lib/orders/rules';
import type { InvoicePaymentState } from '@/lib/invoicing/terms';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';
import type { StatusTone } from './status-badge';

export const accountStatusTone: Record<'prospect' | 'active' | 'suspended', StatusTone> = {
  prospect: 'info',
  active: 'success',
  suspended: 'danger',
};

export const userStatusTone: Record<'active' | 'deactivated', StatusTone> = {
  active: 'success',
  deactivated: 'neutral',
};

export const outboxStatusTone: Record<'pending' | 'sent' | 'failed', StatusTone> = {
  pending: 'warning',
  sent: 'success',
  failed: 'danger',
};

/** Order states (lib/orders/order-status-labels.ts holds the map so non-UI code can share it). */
export const orderStatusTone: Record<OrderStatus, StatusTone> = orderStatusTones;

/**
 * Quote and request states, by family: waiting on the client (warning), with us (info), done
 * (success), refused (danger), ended without effect (neutral).
 */
export const quoteStatusTone: Record<QuoteState, StatusTone> = {
  in_preparation: 'info',
  sent: 'warning',
  changes_requested: 'info',
  accepted: 'success',
  declined: 'danger',
  expired: 'neutral',
  withdrawn: 'neutral',
};

export const requestStatusTone: Record<RequestState, StatusTone> = {
  submitted: 'warning',
  in_progress: 'info',
  quoted: 'success',
  cancelled: 'neutral',
  declined: 'danger',
};

/** Invoice payment states: money awaited (warning), partly there (info), settled, overdue. */
export const invoiceStateTone: Record<InvoicePaymentState, StatusTone> = {
  unpaid: 'warning',
  partially_paid: 'info',
  paid: 'success',
  overdue: 'danger',
};
