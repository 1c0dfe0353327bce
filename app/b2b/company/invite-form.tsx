'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { formError } from '@/app/b2b/company/form-error';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { PORTAL_ROLES } from '@/lib/companies/people-schemas';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { invitePersonAction } from './actions';

/** Invites a person into the company: a login without password and a link that sets one. */
export function InviteForm() {
  const [state, action, pending] = useActionState(invitePersonAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form
      action={action}
      noValidate
      aria-labelledby="invite-title"
      className="h-fit max-w-2xl space-y-4 rounded-xl border border-neutral-200 bg-white p-5"
    >
      <div>
        <h2 id="invite-title" className="font-semibold">
          {m.invite.title}
        </h2>
        <p className="mt-1 text-xs text-neutral-500">{m.invite.intro}</p>
      </div>
      <FormMessage error={formError(state)} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={m.invite.firstName} name="firstName" id="invite-firstName" autoComplete="off" required errors={fe?.firstName} defaultValue={v?.firstName ?? ''} />
        <Input label={m.invite.lastName} name="lastName" id="invite-lastName" autoComplete="off" required errors={fe?.lastName} defaultValue={v?.lastName ?? ''} />
      </div>
      <Input label={m.invite.email} name="email" id="invite-email" type="email" autoComplete="off" required errors={fe?.email} defaultValue={v?.email ?? ''} />
      <Select label={m.invite.role} name="role" id="invite-role" hint={m.invite.roleHint} errors={fe?.role} defaultValue={v?.role ?? 'requester'}>
        {PORTAL_ROLES.map((r) => (
          <option key={r} value={r}>
            {m.roles[r]}
          </option>
        ))}
      </Select>
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label={m.invite.orderLimit}
          name="orderLimit"
          id="invite-orderLimit"
          inputMode="decimal"
          autoComplete="off"
          hint={m.invite.limitHint}
          errors={fe?.orderLimit}
          defaultValue={v?.orderLimit ?? ''}
        />
        <Input
          label={m.invite.monthlyLimit}
          name="monthlyLimit"
          id="invite-monthlyLimit"
          inputMode="decimal"
          autoComplete="off"
          errors={fe?.monthlyLimit}
          defaultValue={v?.monthlyLimit ?? ''}
        />
      </div>
      <Button type="submit" pending={pending} pendingLabel={m.invite.pending}>
        {m.invite.submit}
      </Button>
    </form>
  );
}
