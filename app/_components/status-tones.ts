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
