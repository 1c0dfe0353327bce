import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { Money } from '@/app/_components/money';
import { OrderDocument } from '@/app/_components/order-document';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frInvoicesClient } from '@/lib/i18n/fr-invoices-client';
import { getInvoiceOfOrder } from '@/lib/invoicing/client-extra-queries';
import { getShopOrder } from '@/lib/orders/queries';
import { getSellerProfile } from '@/lib/seller/service';
import { PrintButton } from './print-button';

export const metadata: Metadata = { title: t.checkout.receipt, referrer: 'no-referrer', robots: { index: false } };

export default async function ShopOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string; merci?: string }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const actor = await getActor();
  const result = await getShopOrder(db, actor, id, query.t);
  if (!result.ok) notFound();
  const order = result.value;
  const [seller, invoice] = await Promise.all([getSellerProfile(db), actor?.role === 'customer' ? getInvoiceOfOrder(db, actor, order.id) : null]);
  return (
    <>
      <PageHeader
        title={query.merci ? t.checkout.thanks : `${t.checkout.orderNumber} ${order.number}`}
        crumbs={actor?.role === 'customer' ? [{ label: t.checkout.myOrders, href: '/account' }, { label: order.number }] : undefined}
        actions={
          <>
            {invoice ? (
              <a href={`/account/invoices/${invoice.id}/pdf`} download className={`${buttonClass('secondary')} print:hidden`}>
                {frInvoicesClient.account.orderInvoice}
              </a>
            ) : null}
            <PrintButton label={t.checkout.print} />
          </>
        }
      />
      <div role="status" className="mb-6 rounded-xl border border-green-200 bg-green-50 p-4 text-sm text-green-900 print:hidden">
        {order.paymentMethod === 'card' ? (
          <p>{t.checkout.paidByCard}</p>
        ) : order.status === 'awaiting_payment' && seller ? (
          <div>
            <p className="font-medium">{t.checkout.awaitingTransfer}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt>{t.checkout.amount}</dt>
              <dd>
                <Money cents={order.totalGrossCents} />
              </dd>
              <dt>IBAN</dt>
              <dd className="tabular">{seller.iban}</dd>
              <dt>BIC</dt>
              <dd className="tabular">{seller.bic}</dd>
              <dt>{t.checkout.transferReference}</dt>
              <dd className="font-medium">{order.number}</dd>
            </dl>
          </div>
        ) : null}
      </div>
      <OrderDocument order={order} seller={seller} />
      <p className="mt-6 text-xs text-neutral-600">{t.checkout.withdrawal}</p>
      {!actor ? (
        <p className="mt-4 text-sm print:hidden">
          <Link href="/" className="text-accent-700 hover:underline">
            {t.checkout.continueShopping}
          </Link>
        </p>
      ) : null}
    </>
  );
}
