import Link from 'next/link';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import type { OpportunityDetail } from '@/lib/crm/pipeline-service';
import { frCrmQuotes as m } from '@/lib/i18n/fr-crm-quotes';
import { formatDay } from '../../pipeline/format-day';
import { QuoteStatusBadge, RequestStatusBadge } from '@/app/_components/document-status-badges';

const link = 'font-medium text-accent-700 hover:underline';

/** The opportunity's request(s) for quote, its quotes (latest sent version, HT amount, validity) and the order it resulted in. */
export function LinkedQuotes({ requests, quotes, order }: Pick<OpportunityDetail, 'requests' | 'quotes' | 'order'>) {
  if (requests.length === 0 && quotes.length === 0 && !order) return <EmptyState title={m.linkedEmpty} />;
  return (
    <div className="space-y-4 text-sm">
      {requests.length ? (
        <div>
          <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{m.linkedRequests}</h3>
          <ul className="divide-y divide-neutral-100">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  <Link className={link} href={`/admin/quotes/requests/${r.id}`}>
                    {m.request(r.number)}
                  </Link>{' '}
                  <span className="text-neutral-600">— {r.title}</span>
                </span>
                <RequestStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{m.linkedQuotes}</h3>
        {quotes.length === 0 ? (
          <p className="text-neutral-600">{m.noQuotes}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{m.linkedQuotes}</caption>
              <thead className="text-left text-xs text-neutral-500">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">{m.colNumber}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{m.colStatus}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{m.colVersion}</th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">{m.colAmount}</th>
                  <th scope="col" className="py-1 font-medium">{m.colValidUntil}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {quotes.map((q) => (
                  <tr key={q.id}>
                    <td className="py-1.5 pr-2">
                      <Link className={`${link} whitespace-nowrap`} href={`/admin/quotes/${q.id}`}>
                        {q.number}
                      </Link>
                      <span className="block text-xs text-neutral-600">{q.title}</span>
                    </td>
                    <td className="py-1.5 pr-2">
                      <QuoteStatusBadge status={q.status} />
                    </td>
                    <td className="tabular py-1.5 pr-2">{q.latestSentVersion ?? m.notSent}</td>
                    <td className="whitespace-nowrap py-1.5 pr-2 text-right">{q.totalNetCents === null ? '—' : <Money cents={q.totalNetCents} suffix="HT" />}</td>
                    <td className="whitespace-nowrap py-1.5">{q.validUntil ? formatDay(q.validUntil) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {order ? (
        <p>
          <span className="text-neutral-500">{m.resultingOrder} : </span>
          <Link className={link} href={`/admin/orders/${order.id}`}>
            {order.number}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
