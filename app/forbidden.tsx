import Link from 'next/link';
import { t } from '@/lib/i18n';

export default function Forbidden() {
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t.errors.forbiddenTitle}</h1>
      <p className="mt-3 text-neutral-600">{t.errors.forbiddenText}</p>
      <div className="mt-6 flex justify-center gap-4 text-sm">
        <Link href="/home" className="font-medium text-accent-700 hover:underline">
          {t.errors.myArea}
        </Link>
        <Link href="/" className="text-neutral-600 hover:underline">
          {t.errors.backHome}
        </Link>
      </div>
    </main>
  );
}
