import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { orderStatusLabels, orderStatusTones } from '@/lib/orders/order-status-labels';
import { ORDER_STATUSES, type OrderStatus } from '@/lib/orders/rules';
import { listCompanyOrders } from '@/lib/purchasing/orders-service';

export const metadata: Metadata = { title: m.orders.title };

const PORTAL_STATUSES = ORDER_STATUSES.filter((s) => s !== 'awaiting_payment');

export default async function B2bOrdersPage({ searchParams }: { searchParams: Promise<{ page?: string; statut?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/orders');
  const sp = await searchParams;
  const status = (ORDER_STATUSES as readonly string[]).includes(sp.statut ?? '') ? (sp.statut as OrderStatus) : undefined;
  const result = await listCompanyOrders(await getDb(), actor, { page: Number(sp.page) || 1, status });
  if (!result.ok) forbidden();
  const list = result.value;
  return (
    <>
      <PageHeader title={m.orders.title} intro={actor.role === 'requester' ? m.orders.introRequester : m.orders.intro} />
      <form action="/b2b/orders" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="orders-status" className="mb-1 block text-sm font-medium text-neutral-800">
            {m.orders.filter}
          </label>
          <select
            id="orders-status"
            name="statut"
            defaultValue={status ?? ''}
            className="rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
          >
            <option value="">{m.orders.allStatuses}</option>
            {PORTAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {orderStatusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {m.orders.filterButton}
        </button>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState title={m.orders.empty}>{m.orders.emptyHint}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.orders.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.orders.number}</th>
                <th scope="col" className="px-3 py-2">{m.common.date}</th>
                <th scope="col" className="px-3 py-2">{m.orders.placedBy}</th>
                <th scope="col" className="px-3 py-2">{m.orders.poRef}</th>
                <th scope="col" className="px-3 py-2">{m.common.status}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.common.totalNet}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.common.totalGross}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {list.rows.map((o) => (
                <tr key={o.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/b2b/orders/${o.id}`} className="font-medium text-accent-700 hover:underline">
                      {o.number}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <DateTime value={o.createdAt} />
                  </td>
                  <td className="px-3 py-2">{o.placedByName ?? '—'}</td>
                  <td className="px-3 py-2">{o.purchaseOrderRef ?? '—'}</td>
                  <td className="px-3 py-2">
                    <StatusBadge label={orderStatusLabels[o.status]} tone={orderStatusTones[o.status]} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Money cents={o.totalNetCents} suffix="HT" />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Money cents={o.totalGrossCents} suffix="TTC" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/orders" params={{ statut: status }} />
    </>
  );
}
