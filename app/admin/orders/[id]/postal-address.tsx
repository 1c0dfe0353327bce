import { t } from '@/lib/i18n';
import type { OrderView } from '@/lib/orders/views';

type Address = OrderView['billingAddress'];

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });

function countryName(code: string): string {
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An address exactly as it was copied onto the order. */
export function PostalAddress({ title, address }: { title: string; address: Address }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{title}</h3>
      <address className="text-sm not-italic leading-relaxed text-neutral-800">
        <span className="block font-medium">{address.name}</span>
        <span className="block">{address.line1}</span>
        {address.line2 ? <span className="block">{address.line2}</span> : null}
        <span className="block">
          {address.postalCode} {address.city}
        </span>
        <span className="block">{countryName(address.country)}</span>
        {address.phone ? (
          <span className="block text-neutral-600">
            {t.adminOrders.phone} {address.phone}
          </span>
        ) : null}
      </address>
    </div>
  );
}
