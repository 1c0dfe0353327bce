import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/empty-state';
import { AddressCard } from '@/app/_components/address-card';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getCustomerProfile } from '@/lib/customers/service';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t.shop.accountTitle };

export default async function AccountPage() {
  const actor = await requireAudience('shop', '/account');
  const profile = await getCustomerProfile(await getDb(), actor);
  if (!profile.ok) forbidden();
  const { name, email, addresses } = profile.value;
  return (
    <>
      <PageHeader title={t.shop.accountTitle} />
      <section aria-labelledby="profil" className="mb-8 rounded-xl border border-neutral-200 bg-white p-5">
        <h2 id="profil" className="mb-2 font-semibold">
          {t.shop.profile}
        </h2>
        <p>{name}</p>
        <p className="text-sm text-neutral-600">{email}</p>
      </section>
      <section aria-labelledby="adresses">
        <h2 id="adresses" className="mb-3 font-semibold">
          {t.shop.addresses}
        </h2>
        {addresses.length === 0 ? (
          <EmptyState title={t.shop.noAddress} />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {addresses.map((a) => (
              <li key={a.id}>
                <AddressCard address={a} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
