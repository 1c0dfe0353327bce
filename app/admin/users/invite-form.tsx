'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { createStaffUserAction } from './actions';

export function InviteForm() {
  const [state, action, pending] = useActionState(createStaffUserAction, null);
  const fe = state?.fieldErrors;
  const v = state?.values;
  return (
    <form action={action} className="space-y-4 rounded-xl border border-neutral-200 bg-white p-5" noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" className="font-semibold">
        {t.admin.newUser}
      </h2>
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={t.auth.firstName} name="firstName" required errors={fe?.firstName} defaultValue={v?.firstName} />
        <Input label={t.auth.lastName} name="lastName" required errors={fe?.lastName} defaultValue={v?.lastName} />
      </div>
      <Input label={t.auth.email} name="email" type="email" required errors={fe?.email} defaultValue={v?.email} />
      <Select label={t.admin.role} name="role" defaultValue={v?.role ?? 'sales'} errors={fe?.role}>
        <option value="sales">{t.roles.sales}</option>
        <option value="admin">{t.roles.admin}</option>
      </Select>
      <Button type="submit" pending={pending} pendingLabel={t.admin.inviting}>
        {t.admin.invite}
      </Button>
    </form>
  );
}
