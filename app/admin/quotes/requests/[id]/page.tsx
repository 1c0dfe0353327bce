import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { getActor, requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { canMoveRequest } from '@/lib/quotes/rules';
import { getRequestForStaff } from '@/lib/quotes/staff-queries';
import { CalendarDate, EventList, formatQuantity, QuoteStatusBadge, RequestStatusBadge } from '../../quote-ui';
import { RequestActions } from './request-actions';

type Params = Promise<{ id: string }>;

/** One read per request, shared by the page and its metadata; the service checks permission. */
const fetchRequest = cache(async (id: string) => {
  const actor = await getActor();
  if (!actor) return null;
  const result = await getRequestForStaff(await getDb(), actor, id);
  return result.ok ? result.value : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const r = await fetchRequest(id);
  return { title: r ? m.requestTitle(r.number) : m.requestsTitle };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-neutral-200 bg-white">
      <h2 id={id} className="border-b border-neutral-100 px-4 py-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-neutral-900">{children}</dd>
    </div>
  );
}

export default async function AdminQuoteRequestPage({ params }: { params: Params }) {
  const { id } = await params;
  await requirePermission('orders.manage', `/admin/quotes/requests/${id}`);
  const r = await fetchRequest(id);
  if (!r) notFound();
  const link = 'text-accent-700 underline-offset-2 hover:underline';
  const th = 'whitespace-nowrap px-3 py-2 font-medium';
  const closed = r.status === 'cancelled' || r.status === 'declined';

  return (
    <>
      <PageHeader
        title={`${m.requestTitle(r.number)} — ${r.title}`}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/quotes' }, { label: m.requestsTitle, href: '/admin/quotes/requests' }, { label: r.number }]}
        actions={<RequestStatusBadge status={r.status} />}
      />

      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <Meta label={m.company}>
          <Link href={`/crm/accounts/${r.accountId}`} className={link}>
            {r.accountName}
          </Link>
        </Meta>
        <Meta label={m.requester}>{r.requestedBy ?? m.none}</Meta>
        <Meta label={m.receivedAt}>
          <DateTime value={r.createdAt} />
        </Meta>
        <Meta label={m.desiredDate}>
          <CalendarDate value={r.desiredDate} />
        </Meta>
        <Meta label={m.budgetHint}>{r.budgetHintHtCents !== null ? <Money cents={r.budgetHintHtCents} suffix="HT" /> : m.none}</Meta>
        <Meta label={m.opportunity}>
          {r.opportunityId ? (
            <Link href={`/crm/opportunities/${r.opportunityId}`} className={link}>
              {m.openOpportunity}
            </Link>
          ) : (
            m.none
          )}
        </Meta>
      </dl>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Section id="request-description" title={m.description}>
            <p className="whitespace-pre-line px-4 py-3 text-sm text-neutral-800">{r.description}</p>
            {r.declineReason ? (
              <div className="border-t border-neutral-100 px-4 py-3 text-sm">
                <p className="font-medium text-neutral-700">{m.declineReasonLabel}</p>
                <p className="whitespace-pre-line text-neutral-800">{r.declineReason}</p>
              </div>
            ) : null}
          </Section>

          <Section id="request-lines" title={m.requestLines}>
            {r.lines.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noRequestLines}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.requestLines}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className={th}>{m.sku}</th>
                      <th scope="col" className={th}>{m.lineDescription}</th>
                      <th scope="col" className={`${th} text-right`}>{m.quantity}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {r.lines.map((l) => (
                      <tr key={l.position}>
                        <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700">{l.sku ?? <span className="font-sans text-neutral-500">{m.freeLine}</span>}</td>
                        <td className="px-3 py-2">{l.description}</td>
                        <td className="tabular px-3 py-2 text-right">{formatQuantity(l.quantity)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="request-history" title={m.requestHistory}>
            <EventList events={r.events} />
          </Section>
        </div>

        <div className="order-first space-y-6 xl:order-none">
          <RequestActions requestId={r.id} number={r.number} canCreate={!closed} canDecline={canMoveRequest(r.status, 'declined', 'staff')} hasQuotes={r.quotes.length > 0} />

          <Section id="request-quotes" title={m.quotesFromRequest}>
            {r.quotes.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noQuotesFromRequest}</p>
            ) : (
              <ul className="divide-y divide-neutral-100">
                {r.quotes.map((q) => (
                  <li key={q.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                    <Link href={`/admin/quotes/${q.id}`} className={`font-medium ${link}`}>
                      {q.number}
                    </Link>
                    <span className="flex items-center gap-2">
                      <span className="text-xs text-neutral-500">{q.latestSentVersion ? m.versionShort(q.latestSentVersion) : m.noVersionSent}</span>
                      <QuoteStatusBadge status={q.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
