import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { REQUEST_STATES } from '@/lib/quotes/rules';
import { listRequestsForStaff } from '@/lib/quotes/staff-queries';
import { CalendarDate, QuotesTabs, RequestStatusBadge } from '../quote-ui';

export const metadata: Metadata = { title: m.requestsTitle };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminQuoteRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('orders.manage', '/admin/quotes/requests');
  const raw = await searchParams;
  const statusParam = first(raw.status) ?? '';
  const status = (REQUEST_STATES as readonly string[]).includes(statusParam) ? statusParam : undefined;
  const requestedPage = Math.max(1, Math.trunc(Number(first(raw.page))) || 1);
  const result = await listRequestsForStaff(await getDb(), actor, { page: requestedPage, status });
  if (!result.ok) forbidden();
  const { rows, total, page, pageCount } = result.value;
  const th = 'px-3 py-2 font-medium';

  return (
    <>
      <PageHeader
        title={m.requestsTitle}
        intro={m.requestsIntro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/quotes' }, { label: m.requestsTitle }]}
      />
      <QuotesTabs current="requests" />

      <form role="search" aria-label={m.requestsFilterLabel} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-3">
        <div className="min-w-[14rem]">
          <Select label={m.status} name="status" defaultValue={status ?? ''}>
            <option value="">{m.allStatuses}</option>
            {REQUEST_STATES.map((s) => (
              <option key={s} value={s}>
                {frQuotes.requestStatus[s]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{m.filter}</Button>
        {status ? (
          <Link href="/admin/quotes/requests" className="px-1 py-2 text-sm text-neutral-600 underline-offset-2 hover:underline">
            {m.resetFilters}
          </Link>
        ) : null}
      </form>

      {total > 0 ? <p className="mb-2 text-sm text-neutral-600">{m.requestCount(total)}</p> : null}

      {rows.length === 0 ? (
        status ? (
          <EmptyState title={m.noRequestMatch} />
        ) : (
          <EmptyState title={m.noRequests}>
            <p>{m.noRequestsText}</p>
          </EmptyState>
        )
      ) : (
        <>
          <ul aria-label={m.requestsTitle} className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white sm:hidden">
            {rows.map((r) => (
              <li key={r.id} className="px-3 py-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/admin/quotes/requests/${r.id}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
                    {r.number}
                  </Link>
                  <RequestStatusBadge status={r.status} />
                </div>
                <p className="mt-1 truncate text-neutral-900">{r.title}</p>
                <p className="mt-0.5 truncate text-xs text-neutral-600">
                  {r.accountName}
                  {r.requestedBy ? ` · ${r.requestedBy}` : ''}
                </p>
                <p className="mt-0.5 text-xs text-neutral-500">
                  <DateTime value={r.createdAt} />
                  {r.desiredDate ? (
                    <>
                      {' · '}
                      {m.reqCol.desiredDate} <CalendarDate value={r.desiredDate} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white sm:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.requestsTitle}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.reqCol.number}</th>
                  <th scope="col" className={th}>{m.reqCol.createdAt}</th>
                  <th scope="col" className={th}>{m.reqCol.company}</th>
                  <th scope="col" className={th}>{m.reqCol.title}</th>
                  <th scope="col" className={th}>{m.reqCol.status}</th>
                  <th scope="col" className={th}>{m.reqCol.desiredDate}</th>
                  <th scope="col" className={`${th} text-right`}>{m.reqCol.budget}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((r) => (
                  <tr key={r.id} className="hover:bg-neutral-50">
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                      <Link href={`/admin/quotes/requests/${r.id}`} className="text-accent-700 underline-offset-2 hover:underline">
                        {r.number}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <DateTime value={r.createdAt} />
                    </td>
                    <td className="px-3 py-2">
                      <div className="max-w-[14rem] truncate">{r.accountName}</div>
                      {r.requestedBy ? <div className="max-w-[14rem] truncate text-xs text-neutral-500">{r.requestedBy}</div> : null}
                    </td>
                    <td className="px-3 py-2">
                      <div className="max-w-[18rem] truncate">{r.title}</div>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <RequestStatusBadge status={r.status} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <CalendarDate value={r.desiredDate} />
                    </td>
                    <td className="px-3 py-2 text-right">{r.budgetHintHtCents !== null ? <Money cents={r.budgetHintHtCents} /> : <span className="text-neutral-500">{m.none}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/quotes/requests" params={{ status }} />
    </>
  );
}
