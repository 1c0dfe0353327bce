import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/app/_components/button';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/empty-state';
import { AddressCard } from '@/app/_components/address-card';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getCustomerProfile } from '@/lib/customers/service';
import { listCustomerOrders } from '@/lib/orders/queries';
import { CustomerOrders } from './customer-orders';
import { t } from '@/lib/i18n';
import { frInvoicesClient } from '@/lib/i18n/fr-invoices-client';

export const metadata: Metadata = { title: t.shop.accountTitle };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('shop', '/account');
  const db = await getDb();
  const [profile, orders] = await Promise.all([
    getCustomerProfile(db, actor),
    listCustomerOrders(db, actor, Number((await searchParams).page) || 1),
  ]);
  if (!profile.ok || !orders.ok) forbidden();
  const { name, email, addresses } = profile.value;
  return (
    <>
      <PageHeader
        title={t.shop.accountTitle}
        actions={
          <Link href="/account/invoices" className={buttonClass('secondary')}>
            {frInvoicesClient.account.title}
          </Link>
        }
      />
      <section aria-labelledby="profil" className="mb-8 rounded-xl border border-neutral-200 bg-white p-5">
        <h2 id="profil" className="mb-2 font-semibold">
          {t.shop.profile}
        </h2>
        <p>{name}</p>
        <p className="text-sm text-neutral-600">{email}</p>
      </section>
      <CustomerOrders page={orders.value} />
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
