import { orderStatusTones } from '@/lib/orders/order-status-labels';
import type { OrderStatus } from '@/lib/orders/rules';
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
