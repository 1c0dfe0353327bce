import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { isResetTokenUsable } from '@/lib/auth/account-service';
import { t } from '@/lib/i18n';
import { ResetForm } from './reset-form';

export const metadata: Metadata = { title: t.auth.resetTitle, referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = token.length <= 200 && (await isResetTokenUsable(await getDb(), token));
  return (
    <>
      <h1 className="text-xl font-semibold">{t.auth.resetTitle}</h1>
      {usable ? (
        <>
          <p className="mt-1 mb-6 text-sm text-neutral-600">{t.auth.resetIntro}</p>
          <ResetForm token={token} />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 text-sm text-red-800">
            {t.auth.resetInvalid}
          </p>
          <Link href="/forgot-password" className="mt-4 inline-block text-sm text-accent-700 hover:underline">
            {t.auth.requestNewLink}
          </Link>
        </>
      )}
    </>
  );
}
