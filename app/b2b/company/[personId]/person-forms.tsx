'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { PORTAL_ROLES, type PortalRole } from '@/lib/companies/people-schemas';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { centsToInput } from '@/lib/catalog/admin-schemas';
import { changePersonLimitsAction, changePersonRoleAction, setPersonLoginStatusAction } from '../actions';

export function RoleForm({ personId, role, name }: { personId: string; role: PortalRole; name: string }) {
  const [state, action, pending] = useActionState(changePersonRoleAction, null);
  return (
    <form action={action} noValidate aria-label={`${m.person.changeRole} — ${name}`} className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <Select label={m.people.role} name="role" id="person-role" defaultValue={state?.values?.role ?? role} errors={state?.fieldErrors?.role}>
        {PORTAL_ROLES.map((r) => (
          <option key={r} value={r}>
            {m.roles[r]}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.person.saving}>
        {m.person.changeRole}
      </Button>
    </form>
  );
}

export function LimitsForm({
  personId,
  orderLimitHtCents,
  monthlyLimitHtCents,
}: {
  personId: string;
  orderLimitHtCents: number | null;
  monthlyLimitHtCents: number | null;
}) {
  const [state, action, pending] = useActionState(changePersonLimitsAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-label={m.person.limitsTitle} className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <Input
        label={m.people.orderLimit}
        name="orderLimit"
        id="person-orderLimit"
        inputMode="decimal"
        autoComplete="off"
        hint={m.invite.limitHint}
        errors={fe?.orderLimit}
        // key: after a save the field shows the stored value again
        key={`o-${orderLimitHtCents}`}
        defaultValue={v?.orderLimit ?? (orderLimitHtCents === null ? '' : centsToInput(orderLimitHtCents))}
      />
      <Input
        label={m.people.monthlyLimit}
        name="monthlyLimit"
        id="person-monthlyLimit"
        inputMode="decimal"
        autoComplete="off"
        errors={fe?.monthlyLimit}
        key={`m-${monthlyLimitHtCents}`}
        defaultValue={v?.monthlyLimit ?? (monthlyLimitHtCents === null ? '' : centsToInput(monthlyLimitHtCents))}
      />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.person.saving}>
        {m.person.saveLimits}
      </Button>
    </form>
  );
}

export function LoginStatusForm({ personId, active, name }: { personId: string; active: boolean; name: string }) {
  const [state, action, pending] = useActionState(setPersonLoginStatusAction, null);
  const label = active ? m.person.deactivate : m.person.reactivate;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="status" value={active ? 'deactivated' : 'active'} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <Button type="submit" variant={active ? 'danger' : 'secondary'} pending={pending} pendingLabel={m.person.saving} aria-label={`${label} — ${name}`}>
        {label}
      </Button>
    </form>
  );
}
