import type { AddressView } from '@/lib/customers/service';
import { t } from '@/lib/i18n';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });

export function AddressCard({ address }: { address: AddressView }) {
  return (
    <address className="rounded-lg border border-neutral-200 bg-white p-4 text-sm not-italic">
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">
        {address.kind === 'billing' ? t.shop.billing : t.shop.delivery}
        {address.label ? ` · ${address.label}` : ''}
      </p>
      <p>{address.line1}</p>
      {address.line2 ? <p>{address.line2}</p> : null}
      <p>
        {address.postalCode} {address.city}
      </p>
      <p>{countryNames.of(address.country) ?? address.country}</p>
    </address>
  );
}
