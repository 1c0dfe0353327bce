'use client';

import { signIn } from 'next-auth/react';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { registerAction } from '../actions';

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, null);
  // React resets the form after the action; keep what was typed to sign in once the account exists.
  const submitted = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state?.ok || !submitted.current) return;
    void signIn('credentials', { ...submitted.current, redirect: false }).then(() => window.location.assign('/account'));
  }, [state]);

  const fe = state?.fieldErrors;
  const v = state?.values;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const data = new FormData(e.currentTarget);
        submitted.current = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage error={state?.ok ? undefined : state?.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={t.auth.firstName} name="firstName" autoComplete="given-name" required errors={fe?.firstName} defaultValue={v?.firstName} />
        <Input label={t.auth.lastName} name="lastName" autoComplete="family-name" required errors={fe?.lastName} defaultValue={v?.lastName} />
      </div>
      <Input label={t.auth.email} name="email" type="email" autoComplete="email" required errors={fe?.email} defaultValue={v?.email} />
      <Input
        label={t.auth.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t.auth.passwordHint}
        errors={fe?.password}
      />
      <Input
        label={t.auth.passwordConfirm}
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        errors={fe?.passwordConfirm}
      />
      <Button type="submit" className="w-full" pending={pending || Boolean(state?.ok)} pendingLabel={t.auth.submittingRegister}>
        {t.auth.submitRegister}
      </Button>
    </form>
  );
}
