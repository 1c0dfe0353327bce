import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '@/lib/i18n';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: t.auth.registerTitle };

export default function RegisterPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">{t.auth.registerTitle}</h1>
      <p className="mt-1 mb-6 text-sm text-neutral-600">{t.auth.registerIntro}</p>
      <RegisterForm />
      <p className="mt-6 text-sm">
        {t.auth.haveAccount}{' '}
        <Link href="/login" className="text-accent-700 hover:underline">
          {t.nav.signIn}
        </Link>
      </p>
    </>
  );
}
