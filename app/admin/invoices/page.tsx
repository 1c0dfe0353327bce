import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { Button } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import { INVOICE_STATES, listInvoices } from '@/lib/invoicing/queries';
import { CalendarDate, InvoiceStateBadge } from './invoice-ui';

export const metadata: Metadata = { title: m.title };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Unknown values fall back to "no filter" rather than an error page: URLs get edited by hand. */
const filtersSchema = z.object({
  state: z.enum(INVOICE_STATES).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('orders.manage', '/admin/invoices');
  const raw = await searchParams;
  const filters = filtersSchema.parse({ state: first(raw.state), q: first(raw.q), page: first(raw.page) ?? 1 });
  const result = await listInvoices(await getDb(), actor, filters);
  if (!result.ok) forbidden();
  const { rows, total, page, pageCount, dueCents, overdueCents } = result.value;
  const filtered = Boolean(filters.state || filters.q);
  const th = 'whitespace-nowrap px-3 py-2 font-medium';

  return (
    <>
      <PageHeader title={m.title} intro={m.intro} crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]} />

      <section aria-label={m.summaryLabel} className="mb-4 grid grid-cols-2 gap-3 sm:max-w-md">
        <div className="rounded-lg border border-neutral-200 bg-white px-4 py-3">
          <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.due}</p>
          <p className="mt-1 text-xl font-semibold text-neutral-900">
            <Money cents={dueCents} />
          </p>
        </div>
        <div className={`rounded-lg border px-4 py-3 ${overdueCents > 0 ? 'border-red-200 bg-red-50' : 'border-neutral-200 bg-white'}`}>
          <p className={`text-xs font-medium uppercase tracking-wide ${overdueCents > 0 ? 'text-red-800' : 'text-neutral-500'}`}>{m.overdue}</p>
          <p className={`mt-1 text-xl font-semibold ${overdueCents > 0 ? 'text-red-800' : 'text-neutral-900'}`}>
            <Money cents={overdueCents} />
          </p>
        </div>
      </section>

      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_minmax(11rem,1fr)_auto]">
        <Input label={m.search} name="q" type="search" defaultValue={filters.q ?? ''} placeholder={m.searchPlaceholder} maxLength={100} />
        <Select label={m.state} name="state" defaultValue={filters.state ?? ''}>
          <option value="">{m.allStates}</option>
          {INVOICE_STATES.map((s) => (
            <option key={s} value={s}>
              {m.states[s]}
            </option>
          ))}
        </Select>
        <div className="flex items-end gap-2">
          <Button type="submit">{m.filter}</Button>
          {filtered ? (
            <Link href="/admin/invoices" className="whitespace-nowrap px-1 py-2 text-sm text-neutral-600 underline-offset-2 hover:underline">
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>

      {total > 0 ? (
        <p className="mb-2 text-sm text-neutral-600">
          {m.resultCount(total)}
        </p>
      ) : null}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title={m.noMatch}>
            <p>{m.noMatchText}</p>
          </EmptyState>
        ) : (
          <EmptyState title={m.noInvoices}>
            <p>{m.noInvoicesText}</p>
          </EmptyState>
        )
      ) : (
        <>
          {/* Small screens: one card per invoice (nine columns do not fit). */}
          <ul aria-label={m.title} className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white md:hidden">
            {rows.map((r) => (
              <li key={r.id} className="px-3 py-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/admin/invoices/${r.id}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
                    {r.number}
                  </Link>
                  <InvoiceStateBadge state={r.state} />
                </div>
                <div className="mt-1 flex items-baseline justify-between gap-2">
                  <span className="min-w-0 truncate text-neutral-900">{r.buyerName}</span>
                  <Money cents={r.totalGrossCents} suffix="TTC" className="font-medium" />
                </div>
                <div className="mt-0.5 flex items-baseline justify-between gap-2 text-xs text-neutral-500">
                  <span>
                    <CalendarDate value={r.issueDate} /> · {r.orderNumber}
                  </span>
                  <span>
                    {m.remaining} <Money cents={r.remainingCents} className="font-medium text-neutral-800" />
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white md:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.title}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.number}</th>
                  <th scope="col" className={th}>{m.date}</th>
                  <th scope="col" className={th}>{m.buyer}</th>
                  <th scope="col" className={`${th} hidden lg:table-cell`}>{m.order}</th>
                  <th scope="col" className={`${th} text-right`}>{m.totalTtc}</th>
                  <th scope="col" className={`${th} hidden text-right lg:table-cell`}>{m.credited}</th>
                  <th scope="col" className={`${th} hidden text-right lg:table-cell`}>{m.paid}</th>
                  <th scope="col" className={`${th} text-right`}>{m.remaining}</th>
                  <th scope="col" className={th}>{m.state}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((r) => (
                  <tr key={r.id} className="hover:bg-neutral-50">
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                      <Link href={`/admin/invoices/${r.id}`} className="text-accent-700 underline-offset-2 hover:underline">
                        {r.number}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <CalendarDate value={r.issueDate} />
                    </td>
                    <td className="px-3 py-2">
                      <div className="max-w-[16rem] truncate font-medium text-neutral-900">{r.buyerName}</div>
                      <div className="text-xs text-neutral-500 lg:hidden">{r.orderNumber}</div>
                    </td>
                    <td className="hidden whitespace-nowrap px-3 py-2 text-neutral-700 lg:table-cell">{r.orderNumber}</td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={r.totalGrossCents} />
                    </td>
                    <td className="hidden px-3 py-2 text-right text-neutral-600 lg:table-cell">{r.creditedCents > 0 ? <Money cents={r.creditedCents} /> : m.none}</td>
                    <td className="hidden px-3 py-2 text-right text-neutral-600 lg:table-cell">{r.paidCents > 0 ? <Money cents={r.paidCents} /> : m.none}</td>
                    <td className="px-3 py-2 text-right font-medium">
                      <Money cents={r.remainingCents} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <InvoiceStateBadge state={r.state} />
                      {r.state !== 'paid' ? (
                        <span className={`block text-xs ${r.state === 'overdue' ? 'text-red-800' : 'text-neutral-500'}`}>
                          {m.dueDate} <CalendarDate value={r.dueDate} />
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/invoices" params={{ state: filters.state, q: filters.q }} />
    </>
  );
}
