import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { buttonClass } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { OrderDocument } from '@/app/_components/order-document';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { getCompanyOrder } from '@/lib/purchasing/orders-service';
import { CREDIT_HOLD_MESSAGE } from '@/lib/invoicing/messages';
import { frInvoicesClient } from '@/lib/i18n/fr-invoices-client';
import { getSellerProfile } from '@/lib/seller/service';
import { OrderActions } from '../order-actions';
import { OrderFacts } from '../order-facts';

export const metadata: Metadata = { title: m.orders.title };

export default async function B2bOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ nouvelle?: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/orders/${id}`);
  const { nouvelle } = await searchParams;
  const db = await getDb();
  // Two statements: the order with everything it shows (invoice link included), and the seller.
  const [result, seller] = await Promise.all([getCompanyOrder(db, actor, id), getSellerProfile(db)]);
  if (!result.ok) notFound();
  const d = result.value;
  const o = d.order;
  const invoice = d.invoice;
  let message: string | undefined;
  if (nouvelle) {
    message =
      o.status === 'pending_approval'
        ? m.orders.pendingMessage(o.number, d.approvalReasons.join(' ; '))
        : o.status === 'credit_hold'
          ? `${o.number} — ${CREDIT_HOLD_MESSAGE}`
          : m.orders.placedMessage(o.number);
  }
  return (
    <>
      <PageHeader
        title={m.orders.detailTitle(o.number)}
        crumbs={[{ label: m.orders.title, href: '/b2b/orders' }, { label: o.number }]}
        actions={
          invoice ? (
            <Link href={`/b2b/invoices/${invoice.id}`} className={buttonClass('secondary')}>
              {frInvoicesClient.order.invoiceLink(invoice.number)}
            </Link>
          ) : undefined
        }
      />
      {message && (o.status === 'pending_approval' || o.status === 'credit_hold') ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {message}
        </p>
      ) : message ? (
        <div className="mb-4">
          <FormMessage message={message} />
        </div>
      ) : null}
      <div className="space-y-6">
        <OrderActions orderId={o.id} canWithdraw={d.placedByMe && o.status === 'pending_approval'} />
        <OrderDocument order={o} seller={seller} />
        {o.mentions.length ? (
          <ul className="text-xs text-neutral-600">
            {o.mentions.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : null}
        <OrderFacts detail={d} />
      </div>
    </>
  );
}
