import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '@/lib/i18n';
import { ForgotForm } from './forgot-form';

export const metadata: Metadata = { title: t.auth.forgotTitle };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">{t.auth.forgotTitle}</h1>
      <p className="mt-1 mb-6 text-sm text-neutral-600">{t.auth.forgotIntro}</p>
      <ForgotForm />
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-accent-700 hover:underline">
          {t.auth.backToLogin}
        </Link>
      </p>
    </>
  );
}
