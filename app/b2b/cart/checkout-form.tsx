'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { placeB2bOrderAction } from './actions';

export interface AddressOption {
  id: string;
  text: string;
}

/** Delivery address, PO reference, requested date, cost centre; the HT total shown travels along. */
export function B2bCheckoutForm({
  idempotencyKey,
  expectedNetCents,
  addresses,
  addressId,
  minDate,
  disabled,
}: {
  idempotencyKey: string;
  expectedNetCents: number;
  addresses: AddressOption[];
  addressId: string | null;
  minDate: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState(placeB2bOrderAction, null);
  const router = useRouter();
  const v = state?.values ?? {};
  const fe = state?.fieldErrors;
  return (
    <section aria-labelledby="checkout-title" className="rounded-xl border border-neutral-200 bg-white p-4">
      <h2 id="checkout-title" className="mb-3 font-semibold">
        {m.cart.checkout.title}
      </h2>
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <input type="hidden" name="expectedNetCents" value={expectedNetCents} />
        <FormMessage error={state && !state.ok ? state.error : undefined} />
        {addresses.length === 0 ? (
          <p className="text-sm text-red-700">{m.cart.checkout.noAddress}</p>
        ) : (
          <Select
            label={m.cart.checkout.address}
            name="deliveryAddressId"
            defaultValue={v.deliveryAddressId ?? addressId ?? undefined}
            errors={fe?.deliveryAddressId}
            onChange={(e) => router.replace(`/b2b/cart?adresse=${encodeURIComponent(e.target.value)}`, { scroll: false })}
          >
            {addresses.map((a) => (
              <option key={a.id} value={a.id}>
                {a.text}
              </option>
            ))}
          </Select>
        )}
        <Input label={m.cart.checkout.poRef} name="purchaseOrderRef" maxLength={60} defaultValue={v.purchaseOrderRef} errors={fe?.purchaseOrderRef} hint={m.cart.checkout.poRefHint} />
        <Input
          label={m.cart.checkout.date}
          name="requestedDeliveryDate"
          type="date"
          min={minDate}
          defaultValue={v.requestedDeliveryDate}
          errors={fe?.requestedDeliveryDate}
          hint={m.cart.checkout.dateHint}
        />
        <Input label={m.cart.checkout.costCentre} name="costCentre" maxLength={60} defaultValue={v.costCentre} errors={fe?.costCentre} hint={m.cart.checkout.costCentreHint} />
        <p className="text-xs text-neutral-600">{m.cart.checkout.approvalNote}</p>
        <Button type="submit" className="w-full" pending={pending} pendingLabel={m.cart.checkout.pending} disabled={disabled || addresses.length === 0}>
          {m.cart.checkout.submit}
        </Button>
      </form>
    </section>
  );
}
