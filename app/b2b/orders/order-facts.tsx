import { DateTime } from '@/app/_components/date-time';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import type { CompanyOrderDetail } from '@/lib/purchasing/orders-service';

const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** The portal facts of an order (PO, dates, cost centre, approval) and its history. */
export function OrderFacts({ detail, hideReasons = false }: { detail: CompanyOrderDetail; hideReasons?: boolean }) {
  const status = detail.order.status;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="facts-title" className="rounded-xl border border-neutral-200 bg-white p-5">
        <h2 id="facts-title" className="mb-3 font-semibold">
          {m.orders.facts}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-neutral-500">{m.orders.placedBy}</dt>
          <dd>{detail.placedByName ?? m.orders.none}</dd>
          <dt className="text-neutral-500">{m.orders.poRef}</dt>
          <dd>{detail.purchaseOrderRef ?? m.orders.none}</dd>
          <dt className="text-neutral-500">{m.orders.requestedDate}</dt>
          <dd>{detail.requestedDeliveryDate ? dateOnly.format(new Date(`${detail.requestedDeliveryDate}T00:00:00Z`)) : m.orders.none}</dd>
          <dt className="text-neutral-500">{m.orders.costCentre}</dt>
          <dd>{detail.costCentre ?? m.orders.none}</dd>
          {detail.approvalReasons.length > 0 && !hideReasons ? (
            <>
              <dt className="text-neutral-500">{m.orders.approvalReasons}</dt>
              <dd>
                <ul className="list-disc pl-4">
                  {detail.approvalReasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {status === 'pending_approval' && detail.approvalExpiresAt ? (
            <>
              <dt className="text-neutral-500">{m.orders.expires}</dt>
              <dd>
                <DateTime value={detail.approvalExpiresAt} />
              </dd>
            </>
          ) : null}
          {status === 'rejected' && detail.decisionReason ? (
            <>
              <dt className="text-neutral-500">{m.orders.decisionReason}</dt>
              <dd data-testid="decision-reason" className="font-medium text-red-800">
                {detail.decisionReason}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="history-title" className="rounded-xl border border-neutral-200 bg-white p-5">
        <h2 id="history-title" className="mb-3 font-semibold">
          {m.orders.history}
        </h2>
        <ol className="space-y-2 text-sm">
          {detail.history.map((h, i) => (
            <li key={i} className="border-l-2 border-neutral-200 pl-3">
              <p>
                <span className="font-medium">{orderStatusLabels[h.toStatus]}</span>{' '}
                <span className="text-neutral-600">
                  {m.orders.by} {h.actorName ?? m.orders.system} · <DateTime value={h.createdAt} />
                </span>
              </p>
              {h.note ? <p className="text-neutral-700">{h.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
