import { Money } from '@/app/_components/money';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';
import type { ShopTotals } from '@/lib/shop/pricing';

/** Totals of a consumer basket, all from lib/tax: TTC, VAT included per rate, HT. */
export function TotalsBox({ totals }: { totals: ShopTotals }) {
  return (
    <dl className="space-y-1 rounded-xl border border-neutral-200 bg-white p-4 text-sm">
      <div className="flex justify-between">
        <dt>{t.checkout.subtotal}</dt>
        <dd>
          <Money cents={totals.goodsTtcCents} suffix="TTC" />
        </dd>
      </div>
      <div className="flex justify-between">
        <dt>{t.checkout.shipping}</dt>
        <dd>{totals.shippingTtcCents === 0 ? t.checkout.free : <Money cents={totals.shippingTtcCents} suffix="TTC" />}</dd>
      </div>
      <div className="flex justify-between border-t border-neutral-200 pt-2 text-base font-semibold">
        <dt>{t.checkout.total}</dt>
        <dd data-testid="total-ttc">
          <Money cents={totals.tax.totalGrossCents} />
        </dd>
      </div>
      {totals.tax.breakdown.map((b) => (
        <div key={`${b.category}-${b.vatRateBp}`} className="flex justify-between text-neutral-600">
          <dt>
            {t.checkout.vatIncluded} {formatRateBp(b.vatRateBp)}
          </dt>
          <dd>
            <Money cents={b.vatCents} />
          </dd>
        </div>
      ))}
      <div className="flex justify-between text-neutral-600">
        <dt>{t.checkout.totalNet}</dt>
        <dd>
          <Money cents={totals.tax.totalNetCents} />
        </dd>
      </div>
    </dl>
  );
}
