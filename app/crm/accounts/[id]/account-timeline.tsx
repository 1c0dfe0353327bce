import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import type { QuoteTimelineEntry, TimelineEntry } from '@/lib/crm/timeline';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { frCrmQuotes as q } from '@/lib/i18n/fr-crm-quotes';
import { formatDay } from '../format';

const link = 'font-medium text-accent-700 hover:underline';

/** A step of a request or quote: its number (linked to the back office), what happened, who, and the text they wrote. */
function QuoteStepEntry({ entry }: { entry: QuoteTimelineEntry }) {
  const href = entry.quoteId ? `/admin/quotes/${entry.quoteId}` : `/admin/quotes/requests/${entry.requestId}`;
  const label = entry.quoteId ? q.quote(entry.number) : q.request(entry.number);
  const noteLabel = q.noteLabel[entry.step];
  return (
    <>
      <p>
        <Link className={link} href={href}>
          {label}
        </Link>
        {entry.title ? <span className="text-neutral-600"> « {entry.title} »</span> : null} — {q.steps[entry.step](entry.version, entry.validUntil ? formatDay(entry.validUntil) : null)}
        {entry.orderId && entry.orderNumber ? (
          <>
            {' — '}
            <Link className={link} href={`/admin/orders/${entry.orderId}`}>
              {q.order(entry.orderNumber)}
            </Link>
          </>
        ) : null}
        {entry.step === 'quote_expired' ? null : <span className="text-neutral-500"> · {q.by(entry.actorName, entry.byStaff)}</span>}
      </p>
      {entry.note ? (
        <p className="mt-0.5 whitespace-pre-line text-neutral-700">
          {noteLabel ? <span className="text-neutral-500">{noteLabel} : </span> : null}
          {entry.note}
        </p>
      ) : null}
    </>
  );
}

/** The account's timeline, newest first (lib/crm/timeline.ts reads and merges the sources). */
export function AccountTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <EmptyState title={m.timelineEmpty} />;
  return (
    <ol className="space-y-2 text-sm">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="border-l-2 border-neutral-200 pl-3">
          <p className="text-xs text-neutral-500">{entry.kind === 'job' ? formatDay(entry.at.toISOString().slice(0, 10)) : <DateTime value={entry.at} />}</p>
          {entry.kind === 'activity' ? (
            <p>
              <span className="font-medium">{m.activityKind[entry.activityKind]}</span> — {entry.subject}
              {entry.personName ? <span className="text-neutral-500"> · {entry.personName}</span> : null}
              {entry.activityKind === 'task' ? <span className="text-neutral-500"> · {entry.done ? m.done : `${m.dueOn} ${formatDay(entry.dueOn)}`}</span> : null}
            </p>
          ) : entry.kind === 'order' ? (
            <p>
              <Link className={link} href={`/admin/orders/${entry.id}`}>
                {m.timelineOrder(entry.number)}
              </Link>{' '}
              — <Money cents={entry.totalNetCents} suffix="HT" />
            </p>
          ) : entry.kind === 'stage' ? (
            <p>{m.timelineStage(entry.title, entry.fromStage ? (m.stages[entry.fromStage] ?? entry.fromStage) : null, m.stages[entry.toStage] ?? entry.toStage)}</p>
          ) : entry.kind === 'quote' ? (
            <QuoteStepEntry entry={entry} />
          ) : (
            <p>
              <Link className="text-accent-700 hover:underline" href={`/crm/people/${entry.personId}`}>
                {entry.event === 'started' ? m.timelineStarted(entry.personName, entry.title ?? m.noTitle) : m.timelineEnded(entry.personName, entry.title ?? m.noTitle)}
              </Link>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
