import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { getActor, requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { parisDate } from '@/lib/purchasing/periods';
import { canMoveQuote, isFinalQuote } from '@/lib/quotes/rules';
import { getQuoteForStaff } from '@/lib/quotes/staff-queries';
import type { QuoteVersionView } from '@/lib/quotes/views';
import { addressIdFor, centsToText, discountToText, quantityToText } from '../form-lines';
import { CalendarDate, EventList, QuoteStatusBadge } from '../quote-ui';
import { CommentForm } from './comment-form';
import { type BuilderValues, QuoteBuilder } from './quote-builder';
import { VersionView } from './version-view';
import { WithdrawQuote } from './withdraw-quote';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One read per request, shared by the page and its metadata; the service checks permission. */
const fetchQuote = cache(async (id: string) => {
  const actor = await getActor();
  if (!actor) return null;
  const result = await getQuoteForStaff(await getDb(), actor, id);
  return result.ok ? result.value : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const q = await fetchQuote(id);
  return { title: q ? m.quoteTitle(q.quote.number) : m.title };
}

function Section({ id, title, children, className = '' }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-neutral-200 bg-white ${className}`}>
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

/** What the editor starts from: the draft, else the latest sent version (its date kept only while still valid). */
function builderValues(source: QuoteVersionView | null, title: string, internalNotes: string, addresses: { id: string; label: string }[], today: string): BuilderValues {
  return {
    title,
    lines: (source?.lines ?? []).map((l) => ({
      key: `p${l.position}`,
      productId: l.productId ?? '',
      sku: l.sku,
      description: l.description,
      quantity: quantityToText(l.quantity),
      unitPrice: centsToText(l.unitPriceHtCents),
      discount: discountToText(l.discountBp),
      vatRateBp: String(l.vatRateBp),
    })),
    validUntil: source?.validUntil && (!source.sent || source.validUntil >= today) ? source.validUntil : '',
    shipping: source?.shippingHtCents ? centsToText(source.shippingHtCents) : '',
    deliveryTerms: source?.deliveryTerms ?? '',
    paymentTerms: source?.paymentTerms ?? '',
    clientNote: source?.clientNote ?? '',
    internalNotes,
    deliveryAddressId: addressIdFor(addresses, source?.deliveryAddress ?? null),
  };
}

export default async function AdminQuotePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  await requirePermission('orders.manage', `/admin/quotes/${id}`);
  const data = await fetchQuote(id);
  if (!data) notFound();
  const { quote, internalNotes, addresses } = data;
  const sp = await searchParams;
  const created = sp.created === '1';
  const today = parisDate();
  const link = 'text-accent-700 underline-offset-2 hover:underline';

  const draft = quote.versions.find((v) => !v.sent) ?? null;
  const sent = quote.versions.filter((v) => v.sent);
  const latestSent = sent.find((v) => v.version === quote.latestSentVersion) ?? sent[0] ?? null;
  const editable = !isFinalQuote(quote.status);
  const requestedVersion = Number(Array.isArray(sp.version) ? sp.version[0] : sp.version);
  const shown = sent.find((v) => v.version === requestedVersion) ?? latestSent;

  return (
    <>
      <PageHeader
        title={`${m.quoteTitle(quote.number)} — ${quote.title}`}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/quotes' }, { label: quote.number }]}
        actions={<QuoteStatusBadge status={quote.status} />}
      />
      {created ? (
        <div className="mb-4">
          <FormMessage message={m.created} />
        </div>
      ) : null}

      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <Meta label={m.company}>
          <Link href={`/crm/accounts/${quote.accountId}`} className={link}>
            {quote.accountName}
          </Link>
        </Meta>
        <Meta label={m.status}>
          <QuoteStatusBadge status={quote.status} />
        </Meta>
        <Meta label={m.request}>
          {quote.requestId ? (
            <Link href={`/admin/quotes/requests/${quote.requestId}`} className={link}>
              {quote.requestNumber}
            </Link>
          ) : (
            <span className="text-neutral-600">{m.noRequest}</span>
          )}
        </Meta>
        <Meta label={m.opportunity}>
          {quote.opportunityId ? (
            <Link href={`/crm/opportunities/${quote.opportunityId}`} className={link}>
              {m.openOpportunity}
            </Link>
          ) : (
            m.none
          )}
        </Meta>
        <Meta label={m.latestSent}>{quote.latestSentVersion ? m.versionTab(quote.latestSentVersion) : m.noneYet}</Meta>
        <Meta label={m.validUntil}>
          <CalendarDate value={quote.validUntil} />
        </Meta>
        {quote.orderId ? (
          <Meta label={m.order}>
            <Link href={`/admin/orders/${quote.orderId}`} className={`font-medium ${link}`}>
              {quote.orderNumber}
            </Link>
          </Meta>
        ) : null}
        {quote.decisionReason ? (
          <div className="col-span-2 sm:col-span-3 lg:col-span-6">
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.decisionReason}</dt>
            <dd className="mt-0.5 whitespace-pre-line text-sm text-neutral-900">{quote.decisionReason}</dd>
          </div>
        ) : null}
      </dl>

      <div className="space-y-6">
        {editable ? (
          <QuoteBuilder
            quoteId={quote.id}
            accountId={quote.accountId}
            status={quote.status}
            baseVersion={draft ? draft.version : (quote.latestSentVersion ?? 1)}
            editingVersion={draft ? draft.version : (quote.latestSentVersion ?? 0) + 1}
            latestSentVersion={quote.latestSentVersion}
            hasDraft={draft !== null}
            treatment={(draft ?? latestSent)?.treatment ?? 'domestic'}
            addresses={addresses}
            today={today}
            initial={builderValues(draft ?? latestSent, quote.title, internalNotes, addresses, today)}
          />
        ) : (
          <p className="rounded-lg border border-neutral-200 bg-neutral-50 px-4 py-3 text-sm text-neutral-700">{m.finalNotice}</p>
        )}

        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <Section id="versions" title={m.versions} className="min-w-0 self-start">
            {shown ? (
              <>
                {sent.length > 1 ? (
                  <nav aria-label={m.versionsNav} className="border-b border-neutral-100 px-4 py-2">
                    <ul className="flex flex-wrap gap-1">
                      {sent.map((v) => {
                        const current = v.version === shown.version;
                        return (
                          <li key={v.version}>
                            <Link
                              href={`/admin/quotes/${quote.id}?version=${v.version}#versions`}
                              aria-current={current ? 'page' : undefined}
                              className={`inline-block rounded-md px-2.5 py-1 text-sm ${current ? 'bg-accent-50 font-medium text-accent-800 ring-1 ring-inset ring-accent-100' : 'text-neutral-700 hover:bg-neutral-100'}`}
                            >
                              {m.versionTab(v.version)}
                              {v.version === quote.latestSentVersion ? <span className="ml-1 text-xs text-neutral-500">({m.latestTag})</span> : null}
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  </nav>
                ) : null}
                <VersionView
                  version={shown}
                  acceptable={quote.status === 'sent' && shown.version === quote.latestSentVersion}
                  pdfHref={`/admin/quotes/${quote.id}/v/${shown.version}/pdf`}
                />
              </>
            ) : (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noSentVersion}</p>
            )}
          </Section>

          <div className="min-w-0 space-y-6">
            <Section id="history" title={m.history}>
              <EventList events={quote.events} />
              <CommentForm quoteId={quote.id} />
            </Section>
            {canMoveQuote(quote.status, 'withdrawn', 'staff') ? <WithdrawQuote quoteId={quote.id} number={quote.number} /> : null}
          </div>
        </div>
      </div>
    </>
  );
}
