'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { resetPasswordAction } from '../../actions';

export function ResetForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage message={state.message} />
        <Link href="/login" className="text-sm text-accent-700 hover:underline">
          {t.nav.signIn}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state?.error} />
      <Input
        label={t.auth.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t.auth.passwordHint}
        errors={state?.fieldErrors?.password}
      />
      <Input
        label={t.auth.passwordConfirm}
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        errors={state?.fieldErrors?.passwordConfirm}
      />
      <Button type="submit" className="w-full" pending={pending} pendingLabel={t.auth.submittingReset}>
        {t.auth.submitReset}
      </Button>
    </form>
  );
}
