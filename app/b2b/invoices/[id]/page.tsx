import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import { getInvoice } from '@/lib/invoicing/queries';
import { InvoiceDocument } from '../_components/invoice-document';
import { InvoiceStateBadge } from '@/app/_components/document-status-badges';

export const metadata: Metadata = { title: m.list.title };

const d = m.detail;

export default async function B2bInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/invoices/${id}`);
  const db = await getDb();
  const result = await getInvoice(db, actor, id);
  if (!result.ok) notFound();
  const detail = result.value;
  const inv = detail.invoice;
  const exportable = inv.priceMode === 'tax_exclusive';
  return (
    <>
      <PageHeader
        title={d.title(inv.number)}
        crumbs={[{ label: m.list.title, href: '/b2b/invoices' }, { label: inv.number }]}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/b2b/invoices/${inv.id}/pdf`} download className={buttonClass('primary')}>
              {d.downloadPdf}
            </a>
            {exportable ? (
              <a href={`/b2b/invoices/${inv.id}/xml`} download className={buttonClass('secondary')}>
                {d.downloadXml}
              </a>
            ) : null}
          </div>
        }
      />
      {exportable ? <p className="-mt-4 mb-4 text-xs text-neutral-500">{d.xmlHint}</p> : null}

      <section aria-labelledby="invoice-summary" className="mb-6 rounded-xl border border-neutral-200 bg-white p-4">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h2 id="invoice-summary" className="font-semibold">
            {d.summary}
          </h2>
          <InvoiceStateBadge state={detail.state} />
        </div>
        <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-5">
          <div>
            <dt className="text-xs text-neutral-500">{m.common.totalGross}</dt>
            <dd className="font-medium">
              <Money cents={inv.totalGrossCents} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">{d.credited}</dt>
            <dd className="font-medium">
              <Money cents={detail.creditedCents} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">{d.paid}</dt>
            <dd className="font-medium">
              <Money cents={detail.paidCents} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">{m.common.remaining}</dt>
            <dd className={`text-lg font-semibold ${detail.state === 'overdue' ? 'text-red-700' : ''}`} data-testid="invoice-remaining">
              <Money cents={detail.remainingCents} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-neutral-500">{m.common.dueDate}</dt>
            <dd className={`font-medium ${detail.state === 'overdue' ? 'text-red-700' : ''}`}>
              <DateTime value={inv.dueDate} withTime={false} />
            </dd>
          </div>
        </dl>
      </section>

      <div className="space-y-6">
        <InvoiceDocument
          detail={detail}
          orderLink={
            // Whoever sees the invoice sees its order: purchasers the company's, requesters their own.
            <Link href={`/b2b/orders/${inv.orderId}`} className="text-accent-700 hover:underline">
              {inv.orderNumber}
            </Link>
          }
        />

        <section aria-labelledby="invoice-payments">
          <h2 id="invoice-payments" className="mb-2 font-semibold">
            {d.payments}
          </h2>
          {detail.payments.length === 0 ? (
            <p className="rounded-lg border border-dashed border-neutral-300 bg-white px-4 py-3 text-sm text-neutral-600">{d.noPayments}</p>
          ) : (
            <div className="relative overflow-x-auto rounded-xl border border-neutral-200 bg-white">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{d.paymentsCaption}</caption>
                <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className="px-3 py-2">{d.paidOn}</th>
                    <th scope="col" className="px-3 py-2">{d.method}</th>
                    <th scope="col" className="px-3 py-2">{d.reference}</th>
                    <th scope="col" className="px-3 py-2 text-right">{d.amount}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {detail.payments.map((p) => (
                    <tr key={p.id}>
                      <td className="whitespace-nowrap px-3 py-2">
                        <DateTime value={p.paidOn} withTime={false} />
                      </td>
                      <td className="px-3 py-2">{m.methods[p.method as keyof typeof m.methods] ?? p.method}</td>
                      <td className="px-3 py-2">{p.reference ?? m.common.none}</td>
                      <td className="px-3 py-2 text-right">
                        <Money cents={p.amountCents} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="invoice-credit-notes">
          <h2 id="invoice-credit-notes" className="mb-2 font-semibold">
            {d.creditNotes}
          </h2>
          {detail.creditNotes.length === 0 ? (
            <p className="rounded-lg border border-dashed border-neutral-300 bg-white px-4 py-3 text-sm text-neutral-600">{d.noCreditNotes}</p>
          ) : (
            <div className="relative overflow-x-auto rounded-xl border border-neutral-200 bg-white">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{d.creditNotesCaption}</caption>
                <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className="px-3 py-2">{d.creditNumber}</th>
                    <th scope="col" className="px-3 py-2">{m.common.date}</th>
                    <th scope="col" className="px-3 py-2">{d.kind}</th>
                    <th scope="col" className="px-3 py-2">{d.reason}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.common.totalNet}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.common.totalGross}</th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">{m.common.download}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {detail.creditNotes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                        {c.number}
                      </th>
                      <td className="whitespace-nowrap px-3 py-2">
                        <DateTime value={c.issueDate} withTime={false} />
                      </td>
                      <td className="px-3 py-2">{d.kinds[c.kind]}</td>
                      <td className="px-3 py-2">{c.reason}</td>
                      <td className="px-3 py-2 text-right">
                        <Money cents={c.totalNetCents} />
                      </td>
                      <td className="px-3 py-2 text-right">
                        <Money cents={c.totalGrossCents} />
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 text-right">
                        <a href={`/b2b/credit-notes/${c.id}/pdf`} download aria-label={d.creditPdf(c.number)} className="font-medium text-accent-700 hover:underline">
                          {m.common.pdf}
                        </a>
                        {exportable ? (
                          <>
                            <span aria-hidden="true" className="px-1 text-neutral-400">
                              ·
                            </span>
                            <a href={`/b2b/credit-notes/${c.id}/xml`} download aria-label={d.creditXml(c.number)} className="font-medium text-accent-700 hover:underline">
                              {m.common.xml}
                            </a>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
