import { Money } from '@/app/_components/money';
import { formatRateBp } from '@/lib/money';
import type { ShopTotals } from '@/lib/shop/pricing';

/**
 * The texts of the totals box, picked from `t.checkout` by the server page that renders it. This
 * module imports nothing from `@/lib/i18n`: the checkout form (a client component) renders it, and
 * importing the message catalogue here would ship every message (≈ 24 kB gzip) to the browser.
 */
export type TotalsLabels = { subtotal: string; shipping: string; free: string; total: string; vatIncluded: string; totalNet: string };

/** Picks the totals box's texts from a message group shaped like `t.checkout` (call it on the server). */
export function totalsLabels(m: TotalsLabels): TotalsLabels {
  return { subtotal: m.subtotal, shipping: m.shipping, free: m.free, total: m.total, vatIncluded: m.vatIncluded, totalNet: m.totalNet };
}

/** Totals of a consumer basket, all from lib/tax: TTC, VAT included per rate, HT. */
export function TotalsBox({ totals, labels: m }: { totals: ShopTotals; labels: TotalsLabels }) {
  return (
    <dl className="space-y-1 rounded-xl border border-neutral-200 bg-white p-4 text-sm">
      <div className="flex justify-between">
        <dt>{m.subtotal}</dt>
        <dd>
          <Money cents={totals.goodsTtcCents} suffix="TTC" />
        </dd>
      </div>
      <div className="flex justify-between">
        <dt>{m.shipping}</dt>
        <dd>{totals.shippingTtcCents === 0 ? m.free : <Money cents={totals.shippingTtcCents} suffix="TTC" />}</dd>
      </div>
      <div className="flex justify-between border-t border-neutral-200 pt-2 text-base font-semibold">
        <dt>{m.total}</dt>
        <dd data-testid="total-ttc">
          <Money cents={totals.tax.totalGrossCents} />
        </dd>
      </div>
      {totals.tax.breakdown.map((b) => (
        <div key={`${b.category}-${b.vatRateBp}`} className="flex justify-between text-neutral-600">
          <dt>
            {m.vatIncluded} {formatRateBp(b.vatRateBp)}
          </dt>
          <dd>
            <Money cents={b.vatCents} />
          </dd>
        </div>
      ))}
      <div className="flex justify-between text-neutral-600">
        <dt>{m.totalNet}</dt>
        <dd>
          <Money cents={totals.tax.totalNetCents} />
        </dd>
      </div>
    </dl>
  );
}
