'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { t } from '@/lib/i18n';

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation so every server component sees the new session cookie.
        window.location.assign(callbackPath);
        return;
      }
      setError(result?.error === 'throttled' ? t.auth.throttled : t.auth.invalidCredentials);
    } catch {
      setError(t.auth.genericError);
    }
    setPending(false);
  }

  return (
    // method="post": a submit before hydration must never put the password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage error={error} />
      <Input label={t.auth.email} name="email" type="email" autoComplete="username" required />
      <Input label={t.auth.password} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" pending={pending} pendingLabel={t.auth.submittingLogin}>
        {t.auth.submitLogin}
      </Button>
    </form>
  );
}
