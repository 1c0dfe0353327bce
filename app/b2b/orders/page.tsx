import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { CompanyOrdersTable } from '../_components/company-orders-table';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
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
        <CompanyOrdersTable
          rows={list.rows}
          caption={m.orders.tableCaption}
          personHeader={m.orders.placedBy}
          href={(id) => `/b2b/orders/${id}`}
          showStatus
        />
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/orders" params={{ statut: status }} />
    </>
  );
}
