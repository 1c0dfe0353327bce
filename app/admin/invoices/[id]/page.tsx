import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { buttonClass } from '@/app/_components/button';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { orderStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { getActor, requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import { getInvoice } from '@/lib/invoicing/queries';
import { formatMoney, formatRateBp } from '@/lib/money';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import type { OrderStatus } from '@/lib/orders/rules';
import { parisDate } from '@/lib/purchasing/periods';
import { CalendarDate, centsToInput, formatQuantity, InvoiceStateBadge } from '../invoice-ui';
import { type CreditableLine, type CreditableRate, CreditNoteForm } from './credit-note-form';
import { InvoiceView } from './invoice-view';
import { PaymentForm } from './payment-form';

type Params = Promise<{ id: string }>;

/** One read per request, shared by the page and its metadata; the service scopes by actor. */
const fetchInvoice = cache(async (id: string) => {
  const actor = await getActor();
  if (!actor) return null;
  const result = await getInvoice(await getDb(), actor, id);
  return result.ok ? result.value : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const detail = await fetchInvoice(id);
  return { title: detail ? m.invoiceTitle(detail.invoice.number) : m.title };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-neutral-200 bg-white">
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

const thousandths = (q: number) => Math.round(q * 1000);

export default async function AdminInvoicePage({ params }: { params: Params }) {
  const { id } = await params;
  await requirePermission('orders.manage', `/admin/invoices/${id}`);
  const detail = await fetchInvoice(id);
  // The actor holds the permission (checked above), so nothing here means "no such invoice".
  if (!detail) notFound();
  const { invoice: inv, lines, payments, creditNotes, creditedByRate: byRate } = detail;
  const b2b = inv.priceMode === 'tax_exclusive';
  const suffix = b2b ? 'HT' : 'TTC';
  const th = 'whitespace-nowrap px-3 py-2 font-medium';
  const wide = 'hidden sm:table-cell';

  const creditableLines: CreditableLine[] = lines.map((l) => {
    const credited = detail.creditedQuantities[l.id] ?? 0;
    const left = Math.max(0, thousandths(l.quantity) - thousandths(credited)) / 1000;
    const whole = Number.isInteger(l.quantity) && Number.isInteger(credited);
    return {
      id: l.id,
      sku: l.sku,
      description: l.description,
      invoicedLabel: formatQuantity(l.quantity),
      creditedLabel: formatQuantity(credited),
      leftLabel: formatQuantity(left),
      left,
      step: whole ? 1 : 0.001,
    };
  });
  // What remains per rate, in the invoice's mode: HT for B2B (amounts typed HT), TTC for B2C.
  const creditableRates: CreditableRate[] = inv.vatBreakdown.map((b) => {
    const done = byRate[b.vatRateBp] ?? { netCents: 0, grossCents: 0 };
    const left = b2b ? b.taxableCents - done.netCents : b.taxableCents + b.vatCents - done.grossCents;
    return { vatRateBp: b.vatRateBp, rateLabel: formatRateBp(b.vatRateBp), leftLabel: formatMoney(Math.max(0, left)), exhausted: left <= 0 };
  });
  const nothingLeft = detail.creditedCents >= inv.totalGrossCents;

  // The visible word stays the start of the accessible name; the document it belongs to follows.
  const download = (href: string, label: string, of: string) => (
    <a href={href} download className={buttonClass('secondary', 'sm')}>
      {label}
      <span className="sr-only"> {of}</span>
    </a>
  );

  return (
    <>
      <PageHeader
        title={m.invoiceTitle(inv.number)}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/invoices' }, { label: inv.number }]}
        actions={
          <div role="group" aria-label={m.downloads} className="flex flex-wrap gap-2">
            {download(`/admin/invoices/${inv.id}/pdf`, m.pdf, m.ofInvoice(inv.number))}
            {b2b ? download(`/admin/invoices/${inv.id}/xml`, m.xml, m.ofInvoice(inv.number)) : null}
          </div>
        }
      />

      <section aria-label={m.summary} className="mb-6 rounded-lg border border-neutral-200 bg-white p-4">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4 lg:grid-cols-8">
          <Meta label={m.state}>
            <InvoiceStateBadge state={detail.state} />
          </Meta>
          <Meta label={m.issueDate}>
            <CalendarDate value={inv.issueDate} />
          </Meta>
          <Meta label={m.dueDate}>
            <span className={detail.state === 'overdue' ? 'font-medium text-red-800' : undefined}>
              <CalendarDate value={inv.dueDate} />
            </span>
          </Meta>
          <Meta label={m.orderLink}>
            <Link href={`/admin/orders/${inv.orderId}`} className="text-accent-700 underline-offset-2 hover:underline">
              {inv.orderNumber}
            </Link>
            <span className="ml-1 align-middle">
              <span className="sr-only">{m.orderStatus} : </span>
              <StatusBadge label={orderStatusLabels[detail.orderStatus as OrderStatus] ?? detail.orderStatus} tone={orderStatusTone[detail.orderStatus as OrderStatus] ?? 'neutral'} />
            </span>
          </Meta>
          <Meta label={m.totalTtc}>
            <Money cents={inv.totalGrossCents} />
          </Meta>
          <Meta label={m.credited}>
            <Money cents={detail.creditedCents} />
          </Meta>
          <Meta label={m.paid}>
            <Money cents={detail.paidCents} />
          </Meta>
          <Meta label={m.remaining}>
            <Money cents={detail.remainingCents} className="text-base font-semibold" />
          </Meta>
        </dl>
        <p className="mt-3 text-xs text-neutral-500">
          {m.channels[inv.channel]} · {m.pricesIn[inv.priceMode]}
        </p>
      </section>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <InvoiceView detail={detail} />

          <Section id="invoice-payments" title={m.payments}>
            {payments.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noPayments}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.payments}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className={th}>{m.paidOn}</th>
                      <th scope="col" className={th}>{m.method}</th>
                      <th scope="col" className={`${th} ${wide}`}>{m.reference}</th>
                      <th scope="col" className={`${th} ${wide}`}>{m.recordedBy}</th>
                      <th scope="col" className={`${th} text-right`}>{m.amount}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {payments.map((p) => (
                      <tr key={p.id}>
                        <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                          <CalendarDate value={p.paidOn} />
                        </td>
                        <td className="px-3 py-2">
                          {m.methods[p.method] ?? p.method}
                          {p.reference ? <span className="block break-all font-mono text-xs text-neutral-500 sm:hidden">{p.reference}</span> : null}
                        </td>
                        <td className={`${wide} break-all px-3 py-2 font-mono text-xs text-neutral-700`}>{p.reference ?? m.none}</td>
                        <td className={`${wide} px-3 py-2 text-xs text-neutral-600`}>{p.recordedBy ?? m.none}</td>
                        <td className="px-3 py-2 text-right font-medium">
                          <Money cents={p.amountCents} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="invoice-credit-notes" title={m.creditNotes}>
            {creditNotes.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noCreditNotes}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.creditNotes}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className={th}>{m.creditNoteNumber}</th>
                      <th scope="col" className={`${th} ${wide}`}>{m.creditNoteDate}</th>
                      <th scope="col" className={th}>{m.creditNoteReason}</th>
                      <th scope="col" className={`${th} text-right`}>{m.totalTtc}</th>
                      <th scope="col" className={th}>
                        <span className="sr-only">{m.downloads}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {creditNotes.map((c) => (
                      <tr key={c.id}>
                        <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                          {c.number}
                          <span className="block text-xs font-normal text-neutral-500">{m.creditNoteKinds[c.kind]}</span>
                        </th>
                        <td className={`${wide} whitespace-nowrap px-3 py-2 text-neutral-700`}>
                          <CalendarDate value={c.issueDate} />
                        </td>
                        <td className="px-3 py-2">
                          <span className="whitespace-pre-line">{c.reason}</span>
                          <span className="block text-xs text-neutral-500 sm:hidden">
                            <CalendarDate value={c.issueDate} />
                          </span>
                        </td>
                        <td className="px-3 py-2 text-right font-medium">
                          <Money cents={c.totalGrossCents} />
                        </td>
                        <td className="whitespace-nowrap px-3 py-2 text-right">
                          <span className="inline-flex flex-col items-end gap-1 sm:flex-row sm:gap-2">
                            {download(`/admin/credit-notes/${c.id}/pdf`, m.pdf, m.ofCreditNote(c.number))}
                            {b2b ? download(`/admin/credit-notes/${c.id}/xml`, m.xml, m.ofCreditNote(c.number)) : null}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <CreditNoteForm
            invoiceId={inv.id}
            invoiceNumber={inv.number}
            totalLabel={formatMoney(inv.totalGrossCents)}
            canCreditFull={creditNotes.length === 0}
            nothingLeft={nothingLeft}
            suffix={suffix}
            lines={creditableLines}
            rates={creditableRates}
          />
        </div>

        <div className="order-first space-y-6 xl:order-none">
          <PaymentForm
            invoiceId={inv.id}
            remainingCents={detail.remainingCents}
            remainingInput={centsToInput(detail.remainingCents)}
            remainingLabel={formatMoney(detail.remainingCents)}
            today={parisDate()}
          />
        </div>
      </div>
    </>
  );
}
