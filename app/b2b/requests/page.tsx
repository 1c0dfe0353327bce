import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frQuotesPortal as m } from '@/lib/i18n/fr-quotes-portal';
import { listCompanyRequests } from '@/lib/quotes/portal-queries';
import { CalendarDate, RequestStatusBadge } from '../quotes/quote-ui';

export const metadata: Metadata = { title: m.requests.title };

export default async function QuoteRequestsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/requests');
  const sp = await searchParams;
  const result = await listCompanyRequests(await getDb(), actor, { page: Number(sp.page) || 1 });
  if (!result.ok) forbidden();
  const list = result.value;
  const companyWide = actor.role === 'purchaser' || actor.role === 'company_admin';
  return (
    <>
      <PageHeader
        title={m.requests.title}
        intro={companyWide ? m.requests.introPurchaser : m.requests.intro}
        actions={
          <Link href="/b2b/requests/new" className={buttonClass('primary')}>
            {m.requests.newButton}
          </Link>
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState title={m.requests.empty}>
          <p>{m.requests.emptyHint}</p>
          <p className="mt-4">
            <Link href="/b2b/requests/new" className={buttonClass('primary')}>
              {m.requests.emptyCta}
            </Link>
          </p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.requests.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.common.number}</th>
                <th scope="col" className="px-3 py-2">{m.common.title}</th>
                {companyWide ? <th scope="col" className="px-3 py-2">{m.requests.requestedBy}</th> : null}
                <th scope="col" className="px-3 py-2">{m.common.status}</th>
                <th scope="col" className="px-3 py-2">{m.requests.desiredDate}</th>
                <th scope="col" className="px-3 py-2">{m.requests.createdAt}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/b2b/requests/${r.id}`} aria-label={m.requests.open(r.number)} className="font-medium text-accent-700 hover:underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{r.title}</td>
                  {companyWide ? <td className="px-3 py-2">{r.requestedBy ?? m.common.none}</td> : null}
                  <td className="px-3 py-2">
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <CalendarDate value={r.desiredDate} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <DateTime value={r.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/requests" />
    </>
  );
}
