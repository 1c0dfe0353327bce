import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { CalendarDate } from '@/app/crm/account-value';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getMonthlyRevenue, getTopAccounts } from '@/lib/crm/dashboard-service';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';
import { RevenueChart } from './revenue-chart';

export const metadata: Metadata = { title: m.dashboard.title };

export default async function CrmDashboardPage() {
  const actor = await requirePermission('crm.use', '/crm/dashboard');
  const db = await getDb();
  const [months, top] = await Promise.all([getMonthlyRevenue(db, actor), getTopAccounts(db, actor)]);
  if (!months.ok || !top.ok) forbidden();
  return (
    <>
      <PageHeader title={m.dashboard.title} intro={m.dashboard.intro} crumbs={[{ label: m.dashboard.crumbCrm, href: '/crm' }, { label: m.dashboard.title }]} />
      <RevenueChart months={months.value} />
      <section aria-labelledby="top-accounts" className="mt-8">
        <h2 id="top-accounts" className="mb-3 text-lg font-semibold text-neutral-900">
          {m.dashboard.topTitle}
        </h2>
        {top.value.length === 0 ? (
          <EmptyState title={m.dashboard.noTop}>{m.dashboard.noTopHint}</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.dashboard.topCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className="px-3 py-2">{m.dashboard.col.account}</th>
                  <th scope="col" className="px-3 py-2 text-right">{m.dashboard.col.revenue12m}</th>
                  <th scope="col" className="hidden px-3 py-2 text-right sm:table-cell">{m.dashboard.col.orders12m}</th>
                  <th scope="col" className="hidden px-3 py-2 text-right md:table-cell">{m.dashboard.col.basket}</th>
                  <th scope="col" className="px-3 py-2">{m.dashboard.col.lastOrder}</th>
                  <th scope="col" className="px-3 py-2">{m.dashboard.col.rhythm}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {top.value.map((a) => (
                  <tr key={a.accountId}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {a.accountKind === 'company' ? (
                        <Link href={`/crm/accounts/${a.accountId}`} className="text-accent-700 hover:underline">
                          {a.accountName}
                        </Link>
                      ) : (
                        a.accountName
                      )}
                      <span className="ml-2 text-xs font-normal text-neutral-500">
                        {a.accountKind === 'company' ? m.dashboard.company : m.dashboard.individual}
                      </span>
                    </th>
                    <td className="px-3 py-2 text-right">
                      <Money cents={a.revenue12mHtCents} suffix="HT" />
                    </td>
                    <td className="tabular hidden px-3 py-2 text-right sm:table-cell">{a.orders12m}</td>
                    <td className="hidden px-3 py-2 text-right md:table-cell">
                      {a.averageBasketHtCents === null ? m.value.none : <Money cents={a.averageBasketHtCents} suffix="HT" />}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <CalendarDate value={a.lastOrderOn} />
                    </td>
                    <td className="px-3 py-2">
                      {a.overdue ? <StatusBadge label={m.value.overdue} tone="warning" /> : a.orderCount >= 2 ? <StatusBadge label={m.value.onTrack} tone="success" /> : m.value.none}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
