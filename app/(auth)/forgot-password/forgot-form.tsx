'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { forgotPasswordAction } from '../actions';

export function ForgotForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.message} />
      <Input label={t.auth.email} name="email" type="email" autoComplete="email" required errors={state?.fieldErrors?.email} defaultValue={state?.values?.email} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel={t.auth.submittingForgot}>
        {t.auth.submitForgot}
      </Button>
    </form>
  );
}
