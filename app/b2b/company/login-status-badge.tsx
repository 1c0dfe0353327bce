import { StatusBadge, type StatusTone } from '@/app/_components/status-badge';
import type { LoginStatus } from '@/lib/companies/people-service';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';

const tone: Record<LoginStatus, StatusTone> = { active: 'success', invited: 'warning', deactivated: 'neutral', none: 'neutral' };

/** A portal login's state, in the colours the back office uses for users. */
export function LoginStatusBadge({ status }: { status: LoginStatus }) {
  return <StatusBadge label={m.people.loginStatus[status]} tone={tone[status]} />;
}
