import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import { listClientInvoices } from '@/lib/invoicing/client-extra-queries';
import { INVOICE_STATES } from '@/lib/invoicing/queries';
import { InvoicesTable } from './_components/invoices-table';

export const metadata: Metadata = { title: m.list.title };

export default async function B2bInvoicesPage({ searchParams }: { searchParams: Promise<{ page?: string; etat?: string; q?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/invoices');
  const sp = await searchParams;
  const state = (INVOICE_STATES as readonly string[]).includes(sp.etat ?? '') ? sp.etat : undefined;
  const q = sp.q?.trim().slice(0, 100) || undefined;
  const result = await listClientInvoices(await getDb(), actor, { page: Number(sp.page) || 1, state, q });
  if (!result.ok) forbidden();
  const list = result.value;
  const filtered = Boolean(state || q);
  return (
    <>
      <PageHeader title={m.list.title} intro={actor.role === 'requester' ? m.list.introRequester : m.list.intro} />

      <section aria-labelledby="invoices-summary" className="mb-6 rounded-xl border border-neutral-200 bg-white p-4">
        <h2 id="invoices-summary" className="sr-only">
          {m.list.summaryLabel}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.list.due}</dt>
            <dd className="mt-1 text-2xl font-semibold text-neutral-900" data-testid="invoices-due">
              <Money cents={list.scopeDueCents} suffix="TTC" />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.list.overdue}</dt>
            <dd className={`mt-1 text-2xl font-semibold ${list.scopeOverdueCents > 0 ? 'text-red-700' : 'text-neutral-900'}`} data-testid="invoices-overdue">
              <Money cents={list.scopeOverdueCents} suffix="TTC" />
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-neutral-500">{m.list.summaryHint}</p>
      </section>

      <form action="/b2b/invoices" role="search" aria-label={m.list.title} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-48">
          <Select label={m.list.filterState} name="etat" id="invoices-state" defaultValue={state ?? ''}>
            <option value="">{m.list.allStates}</option>
            {INVOICE_STATES.map((s) => (
              <option key={s} value={s}>
                {m.states[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-full sm:w-64">
          <Input label={m.list.search} name="q" id="invoices-q" type="search" defaultValue={q ?? ''} />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {m.list.filterButton}
        </button>
        {filtered ? (
          <Link href="/b2b/invoices" className="py-2 text-sm text-accent-700 hover:underline">
            {m.list.reset}
          </Link>
        ) : null}
      </form>

      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? m.list.emptyFiltered : m.list.empty}>{filtered ? null : m.list.emptyHint}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-neutral-600" aria-live="polite">
            {m.list.count(list.total)}
          </p>
          <InvoicesTable
            rows={list.rows}
            caption={m.list.tableCaption}
            invoiceHref={(id) => `/b2b/invoices/${id}`}
            orderHref={(id) => `/b2b/orders/${id}`}
            pdfHref={(id) => `/b2b/invoices/${id}/pdf`}
          />
        </>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/invoices" params={{ etat: state, q }} />
    </>
  );
}
