import Link from 'next/link';
import { t } from '@/lib/i18n';

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-neutral-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-3 text-neutral-600">{t.errors.notFoundText}</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-accent-700 hover:underline">
        {t.errors.backHome}
      </Link>
    </main>
  );
}
