import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { listCompanyOrders } from '@/lib/purchasing/orders-service';

export const metadata: Metadata = { title: m.approvals.title };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/approvals');
  if (actor.role !== 'purchaser' && actor.role !== 'company_admin') forbidden();
  const sp = await searchParams;
  const result = await listCompanyOrders(await getDb(), actor, { page: Number(sp.page) || 1, status: 'pending_approval' });
  if (!result.ok) forbidden();
  const list = result.value;
  return (
    <>
      <PageHeader title={m.approvals.title} intro={m.approvals.intro} />
      {list.rows.length === 0 ? (
        <EmptyState title={m.approvals.empty}>{m.approvals.emptyHint}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.approvals.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.orders.number}</th>
                <th scope="col" className="px-3 py-2">{m.common.date}</th>
                <th scope="col" className="px-3 py-2">{m.approvals.requester}</th>
                <th scope="col" className="px-3 py-2">{m.orders.poRef}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.common.totalNet}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.common.totalGross}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {list.rows.map((o) => (
                <tr key={o.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/b2b/approvals/${o.id}`} aria-label={m.approvals.open(o.number)} className="font-medium text-accent-700 hover:underline">
                      {o.number}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <DateTime value={o.createdAt} />
                  </td>
                  <td className="px-3 py-2">{o.placedByName ?? '—'}</td>
                  <td className="px-3 py-2">{o.purchaseOrderRef ?? '—'}</td>
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
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/approvals" />
    </>
  );
}
