import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { StatusBadge } from '@/app/_components/status-badge';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { orderStatusLabels, orderStatusTones } from '@/lib/orders/order-status-labels';
import type { CompanyOrderRow } from '@/lib/purchasing/orders-service';

/** The company's portal orders as a table: the orders list and the approvals queue share it. */
export function CompanyOrdersTable({
  rows,
  caption,
  personHeader,
  href,
  linkLabel,
  showStatus,
}: {
  rows: CompanyOrderRow[];
  caption: string;
  personHeader: string;
  href: (id: string) => string;
  linkLabel?: (number: string) => string;
  showStatus: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th scope="col" className="px-3 py-2">{m.orders.number}</th>
            <th scope="col" className="px-3 py-2">{m.common.date}</th>
            <th scope="col" className="px-3 py-2">{personHeader}</th>
            <th scope="col" className="px-3 py-2">{m.orders.poRef}</th>
            {showStatus ? <th scope="col" className="px-3 py-2">{m.common.status}</th> : null}
            <th scope="col" className="px-3 py-2 text-right">{m.common.totalNet}</th>
            <th scope="col" className="px-3 py-2 text-right">{m.common.totalGross}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {rows.map((o) => (
            <tr key={o.id}>
              <td className="whitespace-nowrap px-3 py-2">
                <Link href={href(o.id)} aria-label={linkLabel?.(o.number)} className="font-medium text-accent-700 hover:underline">
                  {o.number}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <DateTime value={o.createdAt} />
              </td>
              <td className="px-3 py-2">{o.placedByName ?? '—'}</td>
              <td className="px-3 py-2">{o.purchaseOrderRef ?? '—'}</td>
              {showStatus ? (
                <td className="px-3 py-2">
                  <StatusBadge label={orderStatusLabels[o.status]} tone={orderStatusTones[o.status]} />
                </td>
              ) : null}
              <td className="px-3 py-2 text-right">
                <Money cents={o.totalNetCents} suffix="HT" />
              </td>
              <td className="px-3 py-2 text-right">
                <Money cents={o.totalGrossCents} suffix="TTC" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
