import Link from 'next/link';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { t } from '@/lib/i18n';
import { orderStatusLabels, orderStatusTones } from '@/lib/orders/order-status-labels';
import type { OrderListPage } from '@/lib/orders/queries';

export function CustomerOrders({ page }: { page: OrderListPage }) {
  return (
    <section aria-labelledby="commandes" className="mb-8">
      <h2 id="commandes" className="mb-3 font-semibold">
        {t.checkout.myOrders}
      </h2>
      {page.rows.length === 0 ? (
        <EmptyState title={t.checkout.noOrders} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full divide-y divide-neutral-200 text-sm">
            <caption className="sr-only">{t.checkout.myOrders}</caption>
            <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{t.checkout.orderNumber}</th>
                <th scope="col" className="px-3 py-2">{t.checkout.date}</th>
                <th scope="col" className="px-3 py-2">{t.checkout.status}</th>
                <th scope="col" className="px-3 py-2 text-right">{t.checkout.total}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {page.rows.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-2">
                    <Link href={`/orders/${o.id}`} className="font-medium text-accent-700 hover:underline">
                      {o.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <DateTime value={o.createdAt} />
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge label={orderStatusLabels[o.status]} tone={orderStatusTones[o.status]} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Money cents={o.totalGrossCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} basePath="/account" />
    </section>
  );
}
