import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { formatMoney, formatRateBp } from '@/lib/money';
import { getCompanyQuote, getCompanyRequest } from '@/lib/quotes/portal-queries';
import type { QuoteDetail, QuoteVersionView } from '@/lib/quotes/views';
import { formatCalendarDate, formatQuantity, EventList, QuoteStatusBadge } from '../quote-ui';
import { CommentForm } from './comment-form';
import { DecisionPanel } from './decision-panel';

const m = frQuotesPortal.quotes;

export const metadata: Metadata = { title: m.title };

export default async function QuotePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/quotes/${id}`);
  const sp = await searchParams;
  const db = await getDb();
  const result = await getCompanyQuote(db, actor, id);
  if (!result.ok) notFound();
  const { quote: q, canDecide } = result.value;
  const latest = q.latestSentVersion;
  const wanted = sp.version === undefined ? latest : Number(sp.version);
  const shown = q.versions.find((v) => v.version === wanted);
  if (!shown) notFound();
  const isLatest = shown.version === latest;
  // The request is linked only for those who may open it (a requester sees their own requests).
  const requestVisible = q.requestId ? (await getCompanyRequest(db, actor, q.requestId)).ok : false;
  const pdfHref = `/b2b/quotes/${q.id}/v/${shown.version}/pdf`;

  return (
    <>
      <PageHeader
        title={m.detailTitle(q.number, q.title)}
        crumbs={[{ label: m.title, href: '/b2b/quotes' }, { label: q.number }]}
        actions={
          <a href={pdfHref} download aria-label={m.pdfLabel(q.number, shown.version)} className={buttonClass('secondary')}>
            {m.pdf}
          </a>
        }
      />
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="sr-only">{frQuotesPortal.common.status} :</span>
          <QuoteStatusBadge status={q.status} />
          {q.requestNumber ? (
            <span className="text-neutral-600">
              {m.fromRequest} :{' '}
              {requestVisible ? (
                <Link href={`/b2b/requests/${q.requestId}`} className="text-accent-700 hover:underline">
                  {q.requestNumber}
                </Link>
              ) : (
                q.requestNumber
              )}
            </span>
          ) : null}
        </div>
        <StatusNotice quote={q} />
        {q.versions.length > 1 ? <VersionSwitcher quote={q} shown={shown.version} /> : null}
        {!isLatest && latest !== null ? (
          <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p className="font-semibold">{m.superseded}</p>
            <Link href={`/b2b/quotes/${q.id}`} className="text-amber-950 underline">
              {m.seeLatest(latest)}
            </Link>
          </div>
        ) : null}
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <QuoteVersionDocument version={shown} superseded={!isLatest} />
          <div className="space-y-6">
            {isLatest && q.status === 'sent' ? (
              canDecide ? (
                <DecisionPanel quoteId={q.id} version={shown.version} totalLabel={formatMoney(shown.totalNetCents)} />
              ) : (
                <p role="note" className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-sm text-neutral-700">
                  {m.decision.requesterNote}
                </p>
              )
            ) : null}
            <section aria-labelledby="thread-title" className="rounded-xl border border-neutral-200 bg-white p-5">
              <h2 id="thread-title" className="mb-3 font-semibold">
                {m.comments.title}
              </h2>
              <div className="space-y-5">
                <EventList events={q.events} />
                <div className="border-t border-neutral-200 pt-4">
                  <CommentForm quoteId={q.id} />
                </div>
              </div>
            </section>
          </div>
        </div>
      </div>
    </>
  );
}

/** What the quote's state means for the client, with the order once accepted. */
function StatusNotice({ quote: q }: { quote: QuoteDetail }) {
  const box = (tone: 'success' | 'warning' | 'neutral' | 'danger', children: ReactNode) => {
    const cls = {
      success: 'border-green-200 bg-green-50 text-green-900',
      warning: 'border-amber-300 bg-amber-50 text-amber-950',
      neutral: 'border-neutral-200 bg-neutral-50 text-neutral-800',
      danger: 'border-red-200 bg-red-50 text-red-900',
    }[tone];
    return (
      <div role="status" className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
        {children}
      </div>
    );
  };
  const reason = q.decisionReason ? (
    <p>
      {m.status.reason} : {q.decisionReason}
    </p>
  ) : null;
  switch (q.status) {
    case 'accepted':
      return box(
        'success',
        <>
          <p>{m.status.accepted}</p>
          {q.orderId && q.orderNumber ? (
            <Link href={`/b2b/orders/${q.orderId}`} className="font-medium underline">
              {m.status.orderLink(q.orderNumber)}
            </Link>
          ) : null}
        </>,
      );
    case 'declined':
      return box('danger', <><p>{m.status.declined}</p>{reason}</>);
    case 'changes_requested':
      return box('neutral', <p>{m.status.changesRequested}</p>);
    case 'in_preparation':
      return box('neutral', <p>{m.status.inPreparation}</p>);
    case 'expired':
      return box('warning', <p>{m.status.expired}</p>);
    case 'withdrawn':
      return box('neutral', <><p>{m.status.withdrawn}</p>{reason}</>);
    default:
      return null;
  }
}

/** Links to every sent version, newest first; the one shown carries aria-current. */
function VersionSwitcher({ quote: q, shown }: { quote: QuoteDetail; shown: number }) {
  return (
    <nav aria-label={m.versions}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {q.versions.map((v) => {
          const current = v.version === shown;
          const inForce = v.version === q.latestSentVersion;
          return (
            <li key={v.version}>
              <Link
                href={inForce ? `/b2b/quotes/${q.id}` : `/b2b/quotes/${q.id}?version=${v.version}`}
                aria-current={current ? 'page' : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 ${current ? 'border-accent-600 bg-accent-50 font-medium text-accent-800' : 'border-neutral-300 bg-white text-neutral-700 hover:bg-neutral-100'}`}
              >
                {m.versionItem(v.version)}{' '}
                <span className="text-xs text-neutral-500">
                  ({inForce ? m.current : m.replaced}
                  {v.sentAt ? (
                    <>
                      , {m.sentOn} <DateTime value={v.sentAt} withTime={false} />
                    </>
                  ) : null}
                  )
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** One sent version as the client received it: its frozen lines, VAT breakdown, totals and terms. */
function QuoteVersionDocument({ version: v, superseded }: { version: QuoteVersionView; superseded: boolean }) {
  return (
    <article aria-labelledby="version-title" className={`rounded-xl border bg-white p-6 ${superseded ? 'border-amber-300' : 'border-neutral-200'}`}>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="version-title" className="text-lg font-semibold">
            {m.document(v.version)}
            {superseded ? <span className="ml-2 align-middle text-sm font-medium text-amber-900">— {m.superseded}</span> : null}
          </h2>
          {v.sentAt ? (
            <p className="text-sm text-neutral-600">
              {m.sentAt} <DateTime value={v.sentAt} />
            </p>
          ) : null}
        </div>
        {v.validUntil ? (
          <p className="rounded-md bg-neutral-100 px-3 py-1.5 text-sm font-medium text-neutral-800" data-testid="quote-validity">
            <time dateTime={v.validUntil}>{m.validity(formatCalendarDate(v.validUntil))}</time>
          </p>
        ) : null}
      </header>

      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{m.linesCaption}</caption>
          <thead className="border-b border-neutral-200 text-left text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th scope="col" className="py-2 pr-3">{m.designation}</th>
              <th scope="col" className="py-2 pr-3 text-right">{m.quantity}</th>
              <th scope="col" className="py-2 pr-3 text-right">{m.unitPrice}</th>
              <th scope="col" className="py-2 pr-3 text-right">{m.discount}</th>
              <th scope="col" className="py-2 pr-3 text-right">{m.vatRate}</th>
              <th scope="col" className="py-2 text-right">{m.lineTotal}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {v.lines.map((l) => (
              <tr key={l.position}>
                <td className="py-2 pr-3">
                  {l.description}
                  {l.sku ? <span className="block text-xs text-neutral-500">{l.sku}</span> : null}
                </td>
                <td className="tabular py-2 pr-3 text-right">{formatQuantity(l.quantity)}</td>
                <td className="py-2 pr-3 text-right">
                  <Money cents={l.unitPriceHtCents} />
                </td>
                <td className="tabular py-2 pr-3 text-right">{l.discountBp ? formatRateBp(l.discountBp) : frQuotesPortal.common.none}</td>
                <td className="tabular py-2 pr-3 text-right">{formatRateBp(l.vatRateBp)}</td>
                <td className="py-2 text-right">
                  <Money cents={l.lineTotalCents} />
                </td>
              </tr>
            ))}
            {v.shippingHtCents > 0 ? (
              <tr>
                <td className="py-2 pr-3" colSpan={5}>
                  {m.shipping}
                </td>
                <td className="py-2 text-right">
                  <Money cents={v.shippingHtCents} />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <table className="text-sm">
          <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">{m.vatBreakdown}</caption>
          <thead className="text-left text-xs text-neutral-500">
            <tr>
              <th scope="col" className="pr-4 font-normal">{m.vatRate}</th>
              <th scope="col" className="pr-4 text-right font-normal">{m.base}</th>
              <th scope="col" className="text-right font-normal">{m.vatAmount}</th>
            </tr>
          </thead>
          <tbody>
            {v.vatBreakdown.map((b) => (
              <tr key={`${b.category}-${b.vatRateBp}`}>
                <td className="pr-4">{formatRateBp(b.vatRateBp)}</td>
                <td className="pr-4 text-right">
                  <Money cents={b.taxableCents} />
                </td>
                <td className="text-right">
                  <Money cents={b.vatCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="space-y-1 text-sm sm:justify-self-end" aria-label={m.totals}>
          <div className="flex justify-between gap-8">
            <dt>{m.totalHt}</dt>
            <dd data-testid="quote-total-ht">
              <Money cents={v.totalNetCents} />
            </dd>
          </div>
          <div className="flex justify-between gap-8">
            <dt>{m.totalVat}</dt>
            <dd>
              <Money cents={v.totalVatCents} />
            </dd>
          </div>
          <div className="flex justify-between gap-8 border-t border-neutral-200 pt-1 text-base font-semibold">
            <dt>{m.totalTtc}</dt>
            <dd data-testid="quote-total-ttc">
              <Money cents={v.totalGrossCents} />
            </dd>
          </div>
        </dl>
      </div>

      {v.mentions.length ? (
        <ul className="mt-4 text-xs text-neutral-600">
          {v.mentions.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}

      <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-2">
        <Term label={m.deliveryTerms} text={v.deliveryTerms} />
        <Term label={m.paymentTerms} text={v.paymentTerms} />
        {v.deliveryAddress ? (
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.deliveryAddress}</dt>
            <dd>
              <address className="not-italic">
                {v.deliveryAddress.name}
                <br />
                {v.deliveryAddress.line1}
                {v.deliveryAddress.line2 ? (
                  <>
                    <br />
                    {v.deliveryAddress.line2}
                  </>
                ) : null}
                <br />
                {v.deliveryAddress.postalCode} {v.deliveryAddress.city}
              </address>
            </dd>
          </div>
        ) : null}
        {v.clientNote ? <Term label={m.clientNote} text={v.clientNote} /> : null}
      </dl>
    </article>
  );
}

function Term({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="whitespace-pre-line">{text || frQuotesPortal.common.none}</dd>
    </div>
  );
}
