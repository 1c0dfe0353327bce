import Link from 'next/link';
import type { Actor } from '@/lib/auth/actor';
import { audienceOf } from '@/lib/auth/roles';
import { t } from '@/lib/i18n';

/** What a business or staff login sees instead of the consumer cart and checkout. */
export function ShopPointer({ actor }: { actor: Actor }) {
  const b2b = audienceOf(actor.role) === 'b2b';
  return (
    <div role="status" className="mx-auto max-w-xl rounded-xl border border-accent-100 bg-accent-50 p-6 text-center">
      <p className="text-accent-800">{b2b ? t.checkout.b2bPointer : t.checkout.staffPointer}</p>
      {b2b ? (
        <Link href="/b2b" className="mt-3 inline-block font-medium text-accent-700 underline">
          {t.checkout.b2bPointerLink}
        </Link>
      ) : null}
    </div>
  );
}
