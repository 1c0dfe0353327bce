import type { StatusTone } from '@/app/_components/status-badge';

/** The badge colour of a company status. */
export function companyStatusTone(status: 'prospect' | 'active' | 'suspended'): StatusTone {
  return status === 'active' ? 'success' : status === 'suspended' ? 'danger' : 'neutral';
}

/** The badge colour of an agreement status. */
export function agreementStatusTone(status: 'draft' | 'active' | 'suspended' | 'ended'): StatusTone {
  return status === 'active' ? 'success' : status === 'suspended' ? 'warning' : 'neutral';
}
