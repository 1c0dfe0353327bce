import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '@/lib/i18n';
import { safeCallbackPath } from '../safe-redirect';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: t.auth.loginTitle };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const params = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">{t.auth.loginTitle}</h1>
      <p className="mt-1 mb-6 text-sm text-neutral-600">{t.auth.loginIntro}</p>
      {params.reset ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t.auth.resetDone}
        </p>
      ) : null}
      <LoginForm callbackPath={safeCallbackPath(params.callbackUrl)} />
      <div className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/forgot-password" className="text-accent-700 hover:underline">
          {t.auth.forgotLink}
        </Link>
        <span>
          {t.auth.noAccount}{' '}
          <Link href="/register" className="text-accent-700 hover:underline">
            {t.nav.register}
          </Link>
        </span>
      </div>
    </>
  );
}
