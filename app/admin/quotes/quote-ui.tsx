import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';
import type { QuoteEventView } from '@/lib/quotes/views';

/* Small pieces shared by the back office's quote and request pages. */
export { QuoteStatusBadge, RequestStatusBadge } from '@/app/_components/document-status-badges';

const calendarDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** A calendar date (`2026-05-31`, no time of day) as `31/05/2026`; a dash when there is none. */
export function CalendarDate({ value }: { value: string | null }) {
  if (!value) return <span className="text-neutral-500">{m.none}</span>;
  return <time dateTime={value}>{calendarDate.format(new Date(`${value}T00:00:00Z`))}</time>;
}

const quantityFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
/** A quantity in French (`2,5`, `1 200`), thousandths kept. */
export const formatQuantity = (q: number) => quantityFormat.format(q);

/** The two lists of the quotes area, as tabs (links; the current one marked aria-current). */
export function QuotesTabs({ current }: { current: 'quotes' | 'requests' }) {
  const tab = (active: boolean) =>
    `-mb-px inline-block border-b-2 px-3 py-2 text-sm ${active ? 'border-accent-600 font-medium text-accent-800' : 'border-transparent text-neutral-600 hover:text-neutral-900'}`;
  return (
    <nav aria-label={m.tabsLabel} className="mb-4 border-b border-neutral-200">
      <ul className="flex gap-2">
        <li>
          <Link href="/admin/quotes" aria-current={current === 'quotes' ? 'page' : undefined} className={tab(current === 'quotes')}>
            {m.tabQuotes}
          </Link>
        </li>
        <li>
          <Link href="/admin/quotes/requests" aria-current={current === 'requests' ? 'page' : undefined} className={tab(current === 'requests')}>
            {m.tabRequests}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function eventLabel(e: QuoteEventView): string {
  if (e.kind === 'comment') return m.historyComment;
  const labels: Record<string, string> = e.kind === 'request_status' ? frQuotes.requestStatus : frQuotes.quoteStatus;
  const to = e.toState ? (labels[e.toState] ?? e.toState) : '';
  const from = e.fromState ? (labels[e.fromState] ?? e.fromState) : null;
  const what = e.kind === 'request_status' ? m.historyRequest : m.historyQuote;
  return from ? `${what} : ${from} → ${to}` : `${what} : ${to}`;
}

/** The history of a request or a quote: state changes and comments, oldest first, with who and when. */
export function EventList({ events }: { events: QuoteEventView[] }) {
  if (events.length === 0) return <p className="px-4 py-3 text-sm text-neutral-600">{m.noHistory}</p>;
  return (
    <ol className="divide-y divide-neutral-100">
      {events.map((e) => (
        <li key={e.id} className={`px-4 py-2.5 text-sm ${e.kind === 'comment' ? 'border-l-2 border-accent-600' : 'border-l-2 border-transparent'}`}>
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium text-neutral-900">{eventLabel(e)}</span>
            {e.version ? <span className="text-neutral-600">· {m.historyVersion(e.version)}</span> : null}
          </p>
          <p className="text-xs text-neutral-600">
            <DateTime value={e.at} /> · {m.by} {e.actorName ?? m.bySystem}
            {e.actorName ? <span className="ml-1 rounded bg-neutral-100 px-1 py-px text-[0.7rem] text-neutral-700">{e.byStaff ? m.staffTag : m.clientTag}</span> : null}
          </p>
          {e.note ? <p className="mt-1 whitespace-pre-line rounded bg-neutral-50 px-2 py-1 text-neutral-800">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
