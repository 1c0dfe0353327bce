import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/app/_components/date-time';
import { FormMessage } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frQuotesPortal as m } from '@/lib/i18n/fr-quotes-portal';
import { getCompanyRequest } from '@/lib/quotes/portal-queries';
import { CalendarDate, EventList, formatQuantity, QuoteStatusBadge, RequestStatusBadge } from '../../quotes/quote-ui';
import { CancelRequest } from './cancel-request';

export const metadata: Metadata = { title: m.requests.title };

export default async function QuoteRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ nouvelle?: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/requests/${id}`);
  const { nouvelle } = await searchParams;
  const result = await getCompanyRequest(await getDb(), actor, id);
  if (!result.ok) notFound();
  const { request: r, canCancel } = result.value;
  return (
    <>
      <PageHeader
        title={m.requests.detailTitle(r.number)}
        intro={r.title}
        crumbs={[{ label: m.requests.title, href: '/b2b/requests' }, { label: r.number }]}
      />
      <div className="space-y-6">
        {nouvelle && r.status === 'submitted' ? <FormMessage message={m.requests.submitted(r.number)} /> : null}
        {r.status === 'cancelled' ? (
          <p role="status" className="rounded-md border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm text-neutral-800">
            {m.requests.cancelled}
          </p>
        ) : null}
        {r.status === 'declined' ? (
          <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {m.requests.declined}
            {r.declineReason ? ` ${m.requests.declineReason} : ${r.declineReason}` : ''}
          </p>
        ) : null}
        <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
          <div className="space-y-6">
            <section aria-labelledby="facts-title" className="rounded-xl border border-neutral-200 bg-white p-5">
              <h2 id="facts-title" className="mb-3 font-semibold">
                {m.requests.facts}
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
                <dt className="text-neutral-500">{m.common.status}</dt>
                <dd>
                  <RequestStatusBadge status={r.status} />
                </dd>
                {r.status === 'declined' && r.declineReason ? (
                  <>
                    <dt className="text-neutral-500">{m.requests.declineReason}</dt>
                    <dd className="font-medium text-red-800">{r.declineReason}</dd>
                  </>
                ) : null}
                <dt className="text-neutral-500">{m.common.title}</dt>
                <dd>{r.title}</dd>
                <dt className="text-neutral-500">{m.requests.requestedBy}</dt>
                <dd>{r.requestedBy ?? m.common.none}</dd>
                <dt className="text-neutral-500">{m.requests.createdAt}</dt>
                <dd>
                  <DateTime value={r.createdAt} />
                </dd>
                <dt className="text-neutral-500">{m.requests.desiredDate}</dt>
                <dd>
                  <CalendarDate value={r.desiredDate} />
                </dd>
                <dt className="text-neutral-500">{m.requests.budget}</dt>
                <dd>{r.budgetHintHtCents === null ? m.common.none : <Money cents={r.budgetHintHtCents} suffix="HT" />}</dd>
              </dl>
              <h3 className="mb-1 mt-4 text-sm font-medium text-neutral-500">{m.requests.description}</h3>
              <p className="whitespace-pre-line text-sm text-neutral-900">{r.description}</p>
            </section>

            <section aria-labelledby="lines-title" className="rounded-xl border border-neutral-200 bg-white p-5">
              <h2 id="lines-title" className="mb-3 font-semibold">
                {m.requests.lines}
              </h2>
              {r.lines.length === 0 ? (
                <p className="text-sm text-neutral-600">{m.requests.noLines}</p>
              ) : (
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.requests.linesCaption}</caption>
                  <thead className="border-b border-neutral-200 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className="py-2 pr-3">{m.requests.article}</th>
                      <th scope="col" className="py-2 text-right">{m.requests.quantity}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {r.lines.map((l) => (
                      <tr key={l.position}>
                        <td className="py-2 pr-3">
                          {l.description}
                          <span className="block text-xs text-neutral-500">{l.sku ?? m.requests.freeText}</span>
                        </td>
                        <td className="tabular py-2 text-right">{formatQuantity(l.quantity)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>

          <div className="space-y-6">
            {canCancel ? <CancelRequest requestId={r.id} /> : null}
            <section aria-labelledby="quotes-title" className="rounded-xl border border-neutral-200 bg-white p-5">
              <h2 id="quotes-title" className="mb-3 font-semibold">
                {m.requests.quotes}
              </h2>
              {r.quotes.length === 0 ? (
                <p className="text-sm text-neutral-600">{m.requests.noQuotes}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {r.quotes.map((q) => (
                    <li key={q.id} className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/b2b/quotes/${q.id}`} className="font-medium text-accent-700 hover:underline">
                        {m.requests.quoteLink(q.number, q.latestSentVersion)}
                      </Link>
                      <QuoteStatusBadge status={q.status} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="history-title" className="rounded-xl border border-neutral-200 bg-white p-5">
              <h2 id="history-title" className="mb-3 font-semibold">
                {m.common.history}
              </h2>
              <EventList events={r.events} />
            </section>
          </div>
        </div>
      </div>
    </>
  );
}
