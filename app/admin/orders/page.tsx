import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { orderStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { orderListFiltersSchema } from '@/lib/orders/admin-schemas';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import { listOrdersForStaff } from '@/lib/orders/staff-order-list';
import { ORDER_STATUSES } from '@/lib/orders/rules';
import { OrderListPagination } from './order-list-pagination';

export const metadata: Metadata = { title: t.adminOrders.title };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('orders.manage', '/admin/orders');
  const raw = await searchParams;
  const filters = orderListFiltersSchema.parse({
    status: first(raw.status),
    channel: first(raw.channel),
    q: first(raw.q),
    after: first(raw.after),
    before: first(raw.before),
    page: first(raw.page),
  });
  const result = await listOrdersForStaff(await getDb(), actor, filters);
  if (!result.ok) forbidden();
  const { rows, count, previous, next } = result.value;
  const filtered = Boolean(filters.status || filters.channel || filters.q);
  const m = t.adminOrders;
  const th = 'px-3 py-2 font-medium';

  return (
    <>
      <PageHeader title={m.title} intro={m.intro} crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]} />

      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_minmax(11rem,1fr)_minmax(9rem,1fr)_auto]">
        <Input label={m.search} name="q" type="search" defaultValue={filters.q ?? ''} placeholder={m.searchPlaceholder} maxLength={100} />
        <Select label={m.status} name="status" defaultValue={filters.status ?? ''}>
          <option value="">{m.allStatuses}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {orderStatusLabels[s]}
            </option>
          ))}
        </Select>
        <Select label={m.channel} name="channel" defaultValue={filters.channel ?? ''}>
          <option value="">{m.allChannels}</option>
          <option value="b2c">{m.channelsLong.b2c}</option>
          <option value="b2b">{m.channelsLong.b2b}</option>
        </Select>
        <div className="flex items-end gap-2">
          <Button type="submit">{m.filter}</Button>
          {filtered ? (
            <Link href="/admin/orders" className="whitespace-nowrap px-1 py-2 text-sm text-neutral-600 underline-offset-2 hover:underline">
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>

      {rows.length > 0 ? (
        <p className="mb-2 text-sm text-neutral-600">
          {count.kind === 'exact' ? m.resultCount(count.value) : count.kind === 'estimate' ? m.resultAbout(count.value) : m.resultAtLeast(count.value)}
        </p>
      ) : null}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title={m.noMatch}>
            <p>{m.noMatchText}</p>
          </EmptyState>
        ) : (
          <EmptyState title={m.noOrders}>
            <p>{m.noOrdersText}</p>
          </EmptyState>
        )
      ) : (
        <>
          {/* Small screens: one card per order (the table's seven columns do not fit). */}
          <ul aria-label={m.title} className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white sm:hidden">
            {rows.map((o) => (
              <li key={o.id} className="px-3 py-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/admin/orders/${o.id}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
                    {o.number}
                  </Link>
                  <StatusBadge label={orderStatusLabels[o.status]} tone={orderStatusTone[o.status]} />
                </div>
                <div className="mt-1 flex items-baseline justify-between gap-2">
                  <span className="min-w-0 truncate text-neutral-900">{o.customerName}</span>
                  <Money cents={o.totalGrossCents} suffix="TTC" className="font-medium" />
                </div>
                <div className="mt-0.5 flex items-baseline justify-between gap-2 text-xs text-neutral-500">
                  <span>
                    <DateTime value={o.createdAt} /> · {m.channels[o.channel]}
                  </span>
                  <Money cents={o.totalNetCents} suffix="HT" />
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white sm:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.title}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.number}</th>
                  <th scope="col" className={th}>{m.date}</th>
                  <th scope="col" className={th}>{m.channel}</th>
                  <th scope="col" className={th}>{m.customer}</th>
                  <th scope="col" className={th}>{m.status}</th>
                  <th scope="col" className={`${th} text-right`}>{m.totalTtc}</th>
                  <th scope="col" className={`${th} text-right`}>{m.totalHt}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((o) => (
                  <tr key={o.id} className="hover:bg-neutral-50">
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                      <Link href={`/admin/orders/${o.id}`} className="text-accent-700 underline-offset-2 hover:underline">
                        {o.number}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <DateTime value={o.createdAt} />
                    </td>
                    <td className="px-3 py-2">
                      <abbr title={m.channelsLong[o.channel]} className="no-underline">
                        {m.channels[o.channel]}
                      </abbr>
                    </td>
                    <td className="px-3 py-2">
                      <div className="max-w-[16rem] truncate font-medium text-neutral-900">{o.customerName}</div>
                      <div className="max-w-[16rem] truncate text-xs text-neutral-500">{o.email}</div>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <StatusBadge label={orderStatusLabels[o.status]} tone={orderStatusTone[o.status]} />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={o.totalGrossCents} />
                    </td>
                    <td className="px-3 py-2 text-right text-neutral-600">
                      <Money cents={o.totalNetCents} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <OrderListPagination filters={{ status: filters.status, channel: filters.channel, q: filters.q }} previous={previous} next={next} />
    </>
  );
}
