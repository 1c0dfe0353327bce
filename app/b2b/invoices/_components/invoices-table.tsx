import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import type { ClientInvoiceList } from '@/lib/invoicing/client-extra-queries';
import { InvoiceStateBadge } from '@/app/_components/document-status-badges';

/**
 * The client's invoices as a table (portal and customer account): number, date, order, TTC, what
 * remains, due date, state, and a PDF download. `invoiceHref` is absent where there is no detail page.
 */
export function InvoicesTable({
  rows,
  caption,
  invoiceHref,
  orderHref,
  pdfHref,
  showDue = true,
}: {
  rows: ClientInvoiceList['rows'];
  caption: string;
  invoiceHref?: (id: string) => string;
  orderHref: (orderId: string) => string;
  pdfHref: (id: string) => string;
  /** Remaining and due date columns (B2B terms); a consumer's receipts are paid at order. */
  showDue?: boolean;
}) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-neutral-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th scope="col" className="px-3 py-2">{m.common.number}</th>
            <th scope="col" className="px-3 py-2">{m.common.date}</th>
            <th scope="col" className="px-3 py-2">{m.common.order}</th>
            <th scope="col" className="px-3 py-2 text-right">{m.common.totalGross}</th>
            {showDue ? (
              <>
                <th scope="col" className="px-3 py-2 text-right">{m.common.remaining}</th>
                <th scope="col" className="px-3 py-2">{m.common.dueDate}</th>
              </>
            ) : null}
            <th scope="col" className="px-3 py-2">{m.common.state}</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{m.common.download}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                {invoiceHref ? (
                  <Link href={invoiceHref(r.id)} aria-label={m.list.open(r.number)} className="text-accent-700 hover:underline">
                    {r.number}
                  </Link>
                ) : (
                  r.number
                )}
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                <DateTime value={r.issueDate} withTime={false} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {r.orderId ? (
                  <Link href={orderHref(r.orderId)} className="text-accent-700 hover:underline">
                    {r.orderNumber}
                  </Link>
                ) : (
                  r.orderNumber
                )}
              </td>
              <td className="px-3 py-2 text-right">
                <Money cents={r.totalGrossCents} />
              </td>
              {showDue ? (
                <>
                  <td className="px-3 py-2 text-right">
                    <Money cents={r.remainingCents} className={r.state === 'overdue' ? 'font-semibold text-red-700' : r.remainingCents > 0 ? 'font-medium' : 'text-neutral-500'} />
                  </td>
                  <td className={`whitespace-nowrap px-3 py-2 ${r.state === 'overdue' ? 'font-medium text-red-700' : ''}`}>
                    <DateTime value={r.dueDate} withTime={false} />
                  </td>
                </>
              ) : null}
              <td className="px-3 py-2">
                <InvoiceStateBadge state={r.state} />
              </td>
              <td className="px-3 py-2 text-right">
                <a href={pdfHref(r.id)} download aria-label={m.list.downloadPdf(r.number)} className="font-medium text-accent-700 hover:underline">
                  {m.common.pdf}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
