import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { listCompanyQuotes } from '@/lib/quotes/portal-queries';
import { CalendarDate, QuoteStatusBadge } from './quote-ui';

const m = frQuotesPortal.quotes;

export const metadata: Metadata = { title: m.title };

export default async function QuotesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/quotes');
  const sp = await searchParams;
  const result = await listCompanyQuotes(await getDb(), actor, { page: Number(sp.page) || 1 });
  if (!result.ok) forbidden();
  const list = result.value;
  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      {list.rows.length === 0 ? (
        <EmptyState title={m.empty}>
          <p>{m.emptyHint}</p>
          <p className="mt-4">
            <Link href="/b2b/requests/new" className={buttonClass('primary')}>
              {m.emptyCta}
            </Link>
          </p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{frQuotesPortal.common.number}</th>
                <th scope="col" className="px-3 py-2">{frQuotesPortal.common.title}</th>
                <th scope="col" className="px-3 py-2">{frQuotesPortal.common.status}</th>
                <th scope="col" className="px-3 py-2">{m.version}</th>
                <th scope="col" className="px-3 py-2">{m.validUntil}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.totalNet}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {list.rows.map((q) => (
                <tr key={q.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/b2b/quotes/${q.id}`} aria-label={m.open(q.number)} className="font-medium text-accent-700 hover:underline">
                      {q.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{q.title}</td>
                  <td className="px-3 py-2">
                    <QuoteStatusBadge status={q.status} />
                  </td>
                  <td className="tabular px-3 py-2">{q.latestSentVersion ? frQuotesPortal.common.version(q.latestSentVersion) : frQuotesPortal.common.none}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <CalendarDate value={q.validUntil} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Money cents={q.totalNetCents} suffix="HT" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/quotes" />
    </>
  );
}
