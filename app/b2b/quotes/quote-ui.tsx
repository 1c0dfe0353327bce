import { DateTime } from '@/app/_components/date-time';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { frQuotesPortal as m } from '@/lib/i18n/fr-quotes-portal';
import type { QuoteState, RequestState } from '@/lib/quotes/rules';
import type { QuoteEventView } from '@/lib/quotes/views';

export { QuoteStatusBadge, RequestStatusBadge } from '@/app/_components/document-status-badges';

const calendarDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar date (`2026-05-31`, no time of day) as `31 mai 2026`. */
export function formatCalendarDate(isoDate: string): string {
  return calendarDate.format(new Date(`${isoDate}T00:00:00Z`));
}

export function CalendarDate({ value }: { value: string | null }) {
  if (!value) return <>{m.common.none}</>;
  return <time dateTime={value}>{formatCalendarDate(value)}</time>;
}

/** A quantity in French (`2,5`, `1 200`), thousandths kept. */
export function formatQuantity(q: number): string {
  return q.toLocaleString('fr-FR', { maximumFractionDigits: 3 });
}

function eventTitle(e: QuoteEventView): string {
  if (e.kind === 'comment') return m.quotes.comments.comment;
  if (e.kind === 'request_status') return m.requests.event(e.toState ? (frQuotes.requestStatus[e.toState as RequestState] ?? e.toState) : '');
  return m.quotes.comments.statusChange(e.toState ? (frQuotes.quoteStatus[e.toState as QuoteState] ?? e.toState) : '');
}

/** The history of a request or a quote: state changes and comments, oldest first, with who and when. */
export function EventList({ events }: { events: QuoteEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-neutral-600">{m.common.noHistory}</p>;
  return (
    <ol className="space-y-3 text-sm">
      {events.map((e) => (
        <li key={e.id} className={`border-l-2 pl-3 ${e.kind === 'comment' ? 'border-accent-600' : 'border-neutral-200'}`}>
          <p>
            <span className="font-medium">{eventTitle(e)}</span>
            {e.version ? <span className="text-neutral-600"> · {m.quotes.comments.onVersion(e.version)}</span> : null}
          </p>
          <p className="text-xs text-neutral-600">
            {e.actorName ?? m.common.system}
            {e.byStaff && e.actorName ? ` (${m.common.staffSuffix})` : ''} · <DateTime value={e.at} />
          </p>
          {e.note ? <p className="mt-1 whitespace-pre-line text-neutral-800">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
