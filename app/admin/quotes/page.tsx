import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { QUOTE_STATES } from '@/lib/quotes/rules';
import { listQuotableCompanies, listQuotesForStaff } from '@/lib/quotes/staff-queries';
import { NewQuoteDialog } from './new-quote-dialog';
import { CalendarDate, QuotesTabs, QuoteStatusBadge } from './quote-ui';

export const metadata: Metadata = { title: m.title };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminQuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('orders.manage', '/admin/quotes');
  const raw = await searchParams;
  const statusParam = first(raw.status) ?? '';
  const status = (QUOTE_STATES as readonly string[]).includes(statusParam) ? statusParam : undefined;
  const q = (first(raw.q) ?? '').trim().slice(0, 100) || undefined;
  const requestedPage = Math.max(1, Math.trunc(Number(first(raw.page))) || 1);
  const db = await getDb();
  const [result, companies] = await Promise.all([listQuotesForStaff(db, actor, { page: requestedPage, status, q }), listQuotableCompanies(db, actor)]);
  if (!result.ok || !companies.ok) forbidden();
  const { rows, total, page, pageCount } = result.value;
  const filtered = Boolean(status || q);
  const th = 'px-3 py-2 font-medium';

  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]}
        actions={<NewQuoteDialog companies={companies.value} />}
      />
      <QuotesTabs current="quotes" />

      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-[minmax(14rem,2fr)_minmax(11rem,1fr)_auto]">
        <Input label={m.search} name="q" type="search" defaultValue={q ?? ''} placeholder={m.searchPlaceholder} maxLength={100} />
        <Select label={m.status} name="status" defaultValue={status ?? ''}>
          <option value="">{m.allStatuses}</option>
          {QUOTE_STATES.map((s) => (
            <option key={s} value={s}>
              {frQuotes.quoteStatus[s]}
            </option>
          ))}
        </Select>
        <div className="flex items-end gap-2">
          <Button type="submit">{m.filter}</Button>
          {filtered ? (
            <Link href="/admin/quotes" className="whitespace-nowrap px-1 py-2 text-sm text-neutral-600 underline-offset-2 hover:underline">
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>

      {total > 0 ? <p className="mb-2 text-sm text-neutral-600">{m.resultCount(total)}</p> : null}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title={m.noMatch}>
            <p>{m.noMatchText}</p>
          </EmptyState>
        ) : (
          <EmptyState title={m.noQuotes}>
            <p>{m.noQuotesText}</p>
          </EmptyState>
        )
      ) : (
        <>
          {/* Small screens: one card per quote. */}
          <ul aria-label={m.title} className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white sm:hidden">
            {rows.map((r) => (
              <li key={r.id} className="px-3 py-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/admin/quotes/${r.id}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
                    {r.number}
                  </Link>
                  <QuoteStatusBadge status={r.status} />
                </div>
                <p className="mt-1 truncate text-neutral-900">{r.title}</p>
                <div className="mt-0.5 flex items-baseline justify-between gap-2 text-xs text-neutral-600">
                  <span className="min-w-0 truncate">{r.accountName}</span>
                  <Money cents={r.totalNetCents} suffix="HT" className="text-sm font-medium text-neutral-900" />
                </div>
                <p className="mt-0.5 text-xs text-neutral-500">
                  {r.latestSentVersion ? m.versionShort(r.latestSentVersion) : m.noVersionSent}
                  {r.validUntil ? (
                    <>
                      {' · '}
                      {m.col.validUntil} <CalendarDate value={r.validUntil} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white sm:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.title}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.col.number}</th>
                  <th scope="col" className={th}>{m.col.company}</th>
                  <th scope="col" className={th}>{m.col.title}</th>
                  <th scope="col" className={th}>{m.col.status}</th>
                  <th scope="col" className={th}>{m.col.version}</th>
                  <th scope="col" className={th}>{m.col.validUntil}</th>
                  <th scope="col" className={`${th} text-right`}>{m.col.totalHt}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((r) => (
                  <tr key={r.id} className="hover:bg-neutral-50">
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                      <Link href={`/admin/quotes/${r.id}`} className="text-accent-700 underline-offset-2 hover:underline">
                        {r.number}
                      </Link>
                    </th>
                    <td className="px-3 py-2">
                      <div className="max-w-[14rem] truncate">{r.accountName}</div>
                    </td>
                    <td className="px-3 py-2">
                      <div className="max-w-[18rem] truncate">{r.title}</div>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <QuoteStatusBadge status={r.status} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">{r.latestSentVersion ? m.versionShort(r.latestSentVersion) : <span className="text-neutral-500">{m.noVersionSent}</span>}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <CalendarDate value={r.validUntil} />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={r.totalNetCents} />
                      {r.latestSentVersion === null ? <span className="block text-xs text-neutral-500">{m.draftAmount}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/quotes" params={{ status, q }} />
    </>
  );
}
