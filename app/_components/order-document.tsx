import { formatRateBp } from '@/lib/money';
import { orderStatusLabels, orderStatusTones } from '@/lib/orders/order-status-labels';
import type { OrderView } from '@/lib/orders/views';
import type { SellerProfile } from '@/lib/seller/service';
import { t } from '@/lib/i18n';
import { DateTime } from './date-time';
import { Money } from './money';
import { StatusBadge } from './status-badge';

/**
 * An order as placed — lines, charges, totals HT/TVA/TTC and VAT per rate exactly as stored —
 * laid out to print as a receipt.
 */
export function OrderDocument({ order, seller }: { order: OrderView; seller: SellerProfile | null }) {
  const suffix = order.priceMode === 'tax_inclusive' ? 'TTC' : 'HT';
  const charges = order.adjustments.filter((a) => a.kind === 'charge');
  const shippingTotal = charges.reduce((s, a) => s + a.amountCents, 0);
  return (
    <article aria-labelledby="order-title" className="rounded-xl border border-neutral-200 bg-white p-6 print:border-0 print:p-0">
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="order-title" className="text-lg font-semibold">
            {t.checkout.orderNumber} {order.number}
          </h2>
          <p className="text-sm text-neutral-600">
            {t.checkout.orderedOn} <DateTime value={order.createdAt} />
          </p>
          <p className="mt-1">
            <span className="sr-only">{t.checkout.status} : </span>
            <StatusBadge label={orderStatusLabels[order.status]} tone={orderStatusTones[order.status]} />
          </p>
        </div>
        {seller ? (
          <div className="text-right text-xs text-neutral-600">
            <p className="font-medium text-neutral-800">
              {seller.legalName} {seller.legalForm}
            </p>
            <p>
              {seller.addressLine1}, {seller.postalCode} {seller.city}
            </p>
            <p>
              SIREN {seller.siren} · TVA {seller.vatNumber}
            </p>
          </div>
        ) : null}
      </header>

      <table className="min-w-full text-sm">
        <caption className="sr-only">{t.checkout.orderNumber} {order.number}</caption>
        <thead className="border-b border-neutral-200 text-left text-xs uppercase tracking-wide text-neutral-500">
          <tr>
            <th scope="col" className="py-2 pr-3">{t.checkout.product}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t.checkout.quantity}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t.checkout.unitPrice}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t.checkout.vatRate}</th>
            <th scope="col" className="py-2 text-right">{t.checkout.lineTotal}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {order.lines.map((l) => (
            <tr key={l.position}>
              <td className="py-2 pr-3">
                {l.description}
                {l.sku ? <span className="block text-xs text-neutral-500">{l.sku}</span> : null}
              </td>
              <td className="tabular py-2 pr-3 text-right">{l.quantity.toLocaleString('fr-FR')}</td>
              <td className="py-2 pr-3 text-right">
                <Money cents={l.unitPriceCents} suffix={suffix} />
              </td>
              <td className="py-2 pr-3 text-right">{formatRateBp(l.vatRateBp)}</td>
              <td className="py-2 text-right">
                <Money cents={l.lineTotalCents} />
              </td>
            </tr>
          ))}
          <tr>
            <td className="py-2 pr-3" colSpan={4}>
              {t.checkout.shipping}
            </td>
            <td className="py-2 text-right">{shippingTotal === 0 ? t.checkout.free : <Money cents={shippingTotal} />}</td>
          </tr>
        </tbody>
      </table>

      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <table className="text-sm">
          <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">{t.checkout.vatBreakdown}</caption>
          <thead className="text-left text-xs text-neutral-500">
            <tr>
              <th scope="col" className="pr-4 font-normal">{t.checkout.vatRate}</th>
              <th scope="col" className="pr-4 text-right font-normal">{t.checkout.taxableAmount}</th>
              <th scope="col" className="text-right font-normal">{t.checkout.vatAmount}</th>
            </tr>
          </thead>
          <tbody>
            {order.vatBreakdown.map((b) => (
              <tr key={`${b.category}-${b.vatRateBp}`}>
                <td className="pr-4">{formatRateBp(b.vatRateBp)}</td>
                <td className="pr-4 text-right">
                  <Money cents={b.taxableCents} />
                </td>
                <td className="text-right">
                  <Money cents={b.vatCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl aria-label={t.checkout.totals} className="space-y-1 text-sm sm:justify-self-end">
          <div className="flex justify-between gap-8">
            <dt>{t.checkout.totalNet}</dt>
            <dd>
              <Money cents={order.totalNetCents} />
            </dd>
          </div>
          <div className="flex justify-between gap-8">
            <dt>TVA</dt>
            <dd>
              <Money cents={order.totalVatCents} />
            </dd>
          </div>
          <div className="flex justify-between gap-8 border-t border-neutral-200 pt-1 text-base font-semibold">
            <dt>{t.checkout.total}</dt>
            <dd data-testid="order-total-ttc">
              <Money cents={order.totalGrossCents} />
            </dd>
          </div>
        </dl>
      </div>

      <section aria-label={t.checkout.deliveredTo} className="mt-6 text-sm">
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{t.checkout.deliveredTo}</h3>
        <address className="not-italic">
          {order.deliveryAddress.name}
          <br />
          {order.deliveryAddress.line1}
          {order.deliveryAddress.line2 ? (
            <>
              <br />
              {order.deliveryAddress.line2}
            </>
          ) : null}
          <br />
          {order.deliveryAddress.postalCode} {order.deliveryAddress.city}
        </address>
      </section>
    </article>
  );
}
