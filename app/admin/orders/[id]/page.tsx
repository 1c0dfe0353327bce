import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { z } from 'zod';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { orderStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { getActor, requirePermission } from '@/lib/auth/session';
import { isInvoiceableStatus } from '@/lib/invoicing/issue';
import { getInvoiceOfOrder } from '@/lib/invoicing/queries';
import { t } from '@/lib/i18n';
import { formatMoney, formatRateBp } from '@/lib/money';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import { getOrderForStaff } from '@/lib/orders/queries';
import { holdsStock, staffNextStatuses } from '@/lib/orders/rules';
import { IssueInvoicePanel } from '../../invoices/issue-invoice-panel';
import { PostalAddress } from './postal-address';
import { OrderStatusActions } from './status-actions';

const m = t.adminOrders;
const quantityFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
const isUuid = (id: string) => z.uuid().safeParse(id).success;

type Params = Promise<{ id: string }>;

/** One read per request, shared by the page and its metadata; the service checks permission. */
const fetchOrder = cache(async (id: string) => {
  const actor = await getActor();
  if (!actor || !isUuid(id)) return null;
  const result = await getOrderForStaff(await getDb(), actor, id);
  return result.ok ? result.value : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const detail = await fetchOrder(id);
  return { title: detail ? m.orderTitle(detail.order.number) : m.title };
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

export default async function AdminOrderPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requirePermission('orders.manage', `/admin/orders/${id}`);
  const detail = await fetchOrder(id);
  // The actor holds the permission (checked above), so nothing here means "no such order".
  if (!detail) notFound();
  const { order, history, payments } = detail;
  const invoice = await getInvoiceOfOrder(await getDb(), actor, order.id);
  const suffix = order.priceMode === 'tax_inclusive' ? 'TTC' : 'HT';
  const hasDiscount = order.lines.some((l) => l.discountBp > 0);
  const th = 'whitespace-nowrap px-3 py-2 font-medium';
  // Columns shown from the sm breakpoint; below it their content moves under the description.
  const wide = 'hidden sm:table-cell';
  const next = staffNextStatuses(order.status);
  const sumOf = (kind: (typeof payments)[number]['kind']) => payments.filter((p) => p.kind === kind).reduce((s, p) => s + p.amountCents, 0);
  const cardRefundable = sumOf('capture') - sumOf('refund');
  const transferReceived = sumOf('transfer_received');
  // A charge spread over several rates is stored as one row per rate: name the share.
  const adjustmentKey = (a: (typeof order.adjustments)[number]) => `${a.kind}:${a.reason ?? ''}`;
  const split = new Set(order.adjustments.map(adjustmentKey).filter((k, i, all) => all.indexOf(k) !== i));

  return (
    <>
      <PageHeader
        title={m.orderTitle(order.number)}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/orders' }, { label: order.number }]}
      />

      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <Meta label={m.status}>
          <StatusBadge label={orderStatusLabels[order.status]} tone={orderStatusTone[order.status]} />
        </Meta>
        <Meta label={m.channel}>{m.channelsLong[order.channel]}</Meta>
        <Meta label={m.createdAt}>
          <DateTime value={order.createdAt} />
        </Meta>
        <Meta label={m.placedAt}>{order.placedAt ? <DateTime value={order.placedAt} /> : <span className="text-neutral-500">{m.notPlacedYet}</span>}</Meta>
        <Meta label={m.paymentMethod}>{m.paymentMethods[order.paymentMethod]}</Meta>
        <Meta label={m.shippingMethod}>{m.shippingMethods[order.shippingMethod] ?? order.shippingMethod}</Meta>
      </dl>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Section id="order-lines" title={m.lines}>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{m.lines}</caption>
                <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className={`${th} ${wide}`}>{m.sku}</th>
                    <th scope="col" className={th}>{m.description}</th>
                    <th scope="col" className={`${th} ${wide} text-right`}>{m.quantity}</th>
                    <th scope="col" className={`${th} ${wide} text-right`}>{m.unitPrice}</th>
                    {hasDiscount ? <th scope="col" className={`${th} ${wide} text-right`}>{m.discount}</th> : null}
                    <th scope="col" className={`${th} ${wide} text-right`}>{m.vatRate}</th>
                    <th scope="col" className={`${th} text-right`}>{m.lineTotal}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {order.lines.map((l) => (
                    <tr key={l.position}>
                      <td className={`${wide} whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700`}>
                        {l.sku ?? <span className="font-sans text-neutral-500">{m.freeText}</span>}
                      </td>
                      <td className="px-3 py-2 sm:min-w-[12rem]">
                        {l.description}
                        <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                          {l.sku ? <span className="font-mono">{l.sku} · </span> : null}
                          {quantityFormat.format(l.quantity)} × <Money cents={l.unitPriceCents} suffix={suffix} />
                          {l.discountBp > 0 ? ` · ${m.discount} ${formatRateBp(l.discountBp)}` : ''} · {m.vatRate} {formatRateBp(l.vatRateBp)}
                        </span>
                      </td>
                      <td className={`${wide} tabular px-3 py-2 text-right`}>{quantityFormat.format(l.quantity)}</td>
                      <td className={`${wide} px-3 py-2 text-right`}>
                        <Money cents={l.unitPriceCents} suffix={suffix} />
                      </td>
                      {hasDiscount ? <td className={`${wide} tabular px-3 py-2 text-right`}>{l.discountBp > 0 ? formatRateBp(l.discountBp) : '—'}</td> : null}
                      <td className={`${wide} tabular whitespace-nowrap px-3 py-2 text-right`}>{formatRateBp(l.vatRateBp)}</td>
                      <td className="px-3 py-2 text-right font-medium">
                        <Money cents={l.lineTotalCents} suffix={suffix} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                {order.adjustments.length > 0 ? (
                  <tbody className="divide-y divide-neutral-100 border-t border-neutral-200">
                    <tr>
                      <th scope="rowgroup" colSpan={hasDiscount ? 7 : 6} className="bg-neutral-50 px-3 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                        {m.adjustments}
                      </th>
                    </tr>
                    {order.adjustments.map((a, i) => (
                      <tr key={i}>
                        <td className={`${wide} px-3 py-2 text-xs text-neutral-500`}>{a.kind === 'charge' ? m.charge : m.allowance}</td>
                        <td className="px-3 py-2">
                          {a.reason ?? (a.kind === 'charge' ? m.charge : m.allowance)}
                          {split.has(adjustmentKey(a)) ? <span className="text-xs text-neutral-500"> ({m.adjustmentShare(formatRateBp(a.vatRateBp))})</span> : null}
                          <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                            {m.vatRate} {formatRateBp(a.vatRateBp)}
                          </span>
                        </td>
                        {/* No colSpan: it cannot follow the columns hidden on small screens. */}
                        <td className={wide} />
                        <td className={wide} />
                        {hasDiscount ? <td className={wide} /> : null}
                        <td className={`${wide} tabular whitespace-nowrap px-3 py-2 text-right`}>{formatRateBp(a.vatRateBp)}</td>
                        <td className="px-3 py-2 text-right font-medium">
                          <Money cents={a.kind === 'allowance' ? -a.amountCents : a.amountCents} suffix={suffix} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ) : null}
              </table>
            </div>

            <div className="flex justify-end border-t border-neutral-200 px-4 py-3">
              <dl aria-label={m.totals} className="w-full max-w-sm space-y-1 text-sm">
                <div className="flex justify-between gap-4">
                  <dt className="text-neutral-600">{m.totalNet}</dt>
                  <dd>
                    <Money cents={order.totalNetCents} />
                  </dd>
                </div>
                {order.vatBreakdown.map((b) => (
                  <div key={`${b.category}-${b.vatRateBp}`} className="flex justify-between gap-4">
                    <dt className="text-neutral-600">
                      {m.vatAt(formatRateBp(b.vatRateBp))}{' '}
                      <span className="text-xs text-neutral-500">{m.vatBase(formatMoney(b.taxableCents))}</span>
                    </dt>
                    <dd>
                      <Money cents={b.vatCents} />
                    </dd>
                  </div>
                ))}
                {order.vatBreakdown.length > 1 ? (
                  <div className="flex justify-between gap-4">
                    <dt className="text-neutral-600">{m.totalVat}</dt>
                    <dd>
                      <Money cents={order.totalVatCents} />
                    </dd>
                  </div>
                ) : null}
                <div className="flex justify-between gap-4 border-t border-neutral-200 pt-2 text-base font-semibold">
                  <dt>{m.totalGross}</dt>
                  <dd>
                    <Money cents={order.totalGrossCents} />
                  </dd>
                </div>
              </dl>
            </div>
            {order.mentions.length > 0 ? (
              <div className="border-t border-neutral-100 px-4 py-3 text-xs text-neutral-600">
                <p className="font-medium text-neutral-700">{m.mentions}</p>
                <ul className="mt-1 list-disc pl-5">
                  {order.mentions.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Section>

          <Section id="order-payments" title={m.payments}>
            {payments.length === 0 ? (
              <p className="px-4 py-3 text-sm text-neutral-600">{m.noPayments}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.payments}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className={`${th} ${wide}`}>{m.date}</th>
                      <th scope="col" className={th}>{m.paymentKind}</th>
                      <th scope="col" className={`${th} text-right`}>{m.amount}</th>
                      <th scope="col" className={`${th} ${wide}`}>{m.reference}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {payments.map((p, i) => (
                      <tr key={i}>
                        <td className={`${wide} whitespace-nowrap px-3 py-2 text-neutral-700`}>
                          <DateTime value={p.createdAt} />
                        </td>
                        <td className="px-3 py-2">
                          {m.paymentKinds[p.kind]}
                          <span className="ml-1 text-xs text-neutral-500">· {m.paymentMethods[p.method]}</span>
                          <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                            <DateTime value={p.createdAt} />
                            {p.providerRef ? <span className="break-all font-mono"> · {p.providerRef}</span> : null}
                          </span>
                        </td>
                        <td className="px-3 py-2 text-right font-medium">
                          <Money cents={p.kind === 'refund' ? -p.amountCents : p.amountCents} />
                        </td>
                        <td className={`${wide} px-3 py-2 font-mono text-xs text-neutral-700`}>{p.providerRef ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="order-history" title={m.history}>
            <ol className="divide-y divide-neutral-100">
              {history.map((h, i) => (
                <li key={i} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
                  <span className="whitespace-nowrap text-neutral-500">
                    <DateTime value={h.createdAt} />
                  </span>
                  <span className="flex flex-wrap items-center gap-1.5">
                    {h.fromStatus ? (
                      <>
                        <StatusBadge label={orderStatusLabels[h.fromStatus]} tone={orderStatusTone[h.fromStatus]} />
                        <span className="text-neutral-400">→</span>
                      </>
                    ) : (
                      <span className="text-neutral-600">{m.historyCreated} :</span>
                    )}
                    <StatusBadge label={orderStatusLabels[h.toStatus]} tone={orderStatusTone[h.toStatus]} />
                  </span>
                  <span className="text-neutral-600">
                    {m.by} {h.actorName ?? (h.fromStatus === null ? m.byCustomer : m.bySystem)}
                  </span>
                  {h.note ? <p className="w-full whitespace-pre-line rounded bg-neutral-50 px-2 py-1 text-neutral-800">{h.note}</p> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>

        <div className="order-first space-y-6 xl:order-none">
          <OrderStatusActions
            orderId={order.id}
            number={order.number}
            status={order.status}
            next={next}
            totalLabel={formatMoney(order.totalGrossCents)}
            releasesStock={holdsStock(order.status)}
            cardRefundLabel={cardRefundable > 0 ? formatMoney(cardRefundable) : null}
            transferReceivedLabel={transferReceived > 0 ? formatMoney(transferReceived) : null}
          />

          {invoice || isInvoiceableStatus(order.status) ? <IssueInvoicePanel orderId={order.id} invoice={invoice} /> : null}

          <Section id="order-customer" title={m.customerSection}>
            <div className="space-y-4 px-4 py-3">
              <div className="text-sm">
                <p className="font-medium text-neutral-900">{order.customerName}</p>
                <p>
                  <a href={`mailto:${order.email}`} className="text-accent-700 underline-offset-2 hover:underline">
                    {order.email}
                  </a>
                </p>
                <p className="mt-1 text-xs text-neutral-500">{order.accountId ? m.withAccount : m.guest}</p>
              </div>
              <PostalAddress title={m.billingAddress} address={order.billingAddress} />
              <PostalAddress title={m.deliveryAddress} address={order.deliveryAddress} />
            </div>
          </Section>
        </div>
      </div>
    </>
  );
}
