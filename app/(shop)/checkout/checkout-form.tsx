'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import type { ShopTotals } from '@/lib/shop/pricing';
import type { ShippingMethod } from '@/lib/shop/shipping';
import { TotalsBox, totalsLabels, type TotalsLabels } from '../cart/totals-box';
import { placeOrderAction } from './actions';

/**
 * The texts of the checkout form, picked from `t.checkout` by the checkout page (a server
 * component): this client module imports nothing from `@/lib/i18n`, which would ship the whole
 * message catalogue (≈ 24 kB gzip) to the browser.
 */
export type CheckoutLabels = TotalsLabels &
  Record<
    | 'acceptTerms'
    | 'address'
    | 'card'
    | 'cardCvc'
    | 'cardExpiry'
    | 'cardNumber'
    | 'cardTestHint'
    | 'city'
    | 'contact'
    | 'countryFrance'
    | 'email'
    | 'firstName'
    | 'lastName'
    | 'line1'
    | 'line2'
    | 'payment'
    | 'phone'
    | 'placeOrder'
    | 'placing'
    | 'postalCode'
    | 'shippingMethod'
    | 'summary'
    | 'terms'
    | 'transfer'
    | 'transferHint'
    | 'withdrawal',
    string
  >;

export type CheckoutDefaults = Partial<Record<'email' | 'firstName' | 'lastName' | 'line1' | 'line2' | 'postalCode' | 'city', string>>;

export function CheckoutForm({
  idempotencyKey,
  totalsByMethod,
  methods,
  lines,
  defaults,
  labels,
}: {
  idempotencyKey: string;
  totalsByMethod: Record<ShippingMethod, ShopTotals>;
  methods: { id: ShippingMethod; label: string }[];
  lines: { name: string; quantity: number; lineTotalCents: number }[];
  defaults: CheckoutDefaults;
  labels: CheckoutLabels;
}) {
  const [state, action, pending] = useActionState(placeOrderAction, null);
  const v = { ...defaults, ...(state?.values ?? {}) } as Record<string, string | undefined>;
  const [method, setMethod] = useState<ShippingMethod>((v.shippingMethod as ShippingMethod) ?? 'standard');
  const [payment, setPayment] = useState<'card' | 'bank_transfer'>((v.paymentMethod as 'card' | 'bank_transfer') ?? 'card');
  const totals = totalsByMethod[method];
  const fe = state?.fieldErrors;
  const radio = 'h-4 w-4 accent-accent-600';

  return (
    <form action={action} className="grid gap-8 lg:grid-cols-[1fr_22rem]" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={totals.tax.totalGrossCents} />
      <div className="space-y-6">
        <FormMessage error={state?.ok ? undefined : state?.error} />
        <fieldset className="space-y-4 rounded-xl border border-neutral-200 bg-white p-5">
          <legend className="px-1 font-semibold">{labels.contact}</legend>
          <Input label={labels.email} name="email" type="email" autoComplete="email" required defaultValue={v.email} errors={fe?.email} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Input label={labels.firstName} name="firstName" autoComplete="given-name" required defaultValue={v.firstName} errors={fe?.firstName} />
            <Input label={labels.lastName} name="lastName" autoComplete="family-name" required defaultValue={v.lastName} errors={fe?.lastName} />
          </div>
          <Input label={labels.phone} name="phone" type="tel" autoComplete="tel" defaultValue={v.phone} errors={fe?.phone} />
        </fieldset>

        <fieldset className="space-y-4 rounded-xl border border-neutral-200 bg-white p-5">
          <legend className="px-1 font-semibold">{labels.address}</legend>
          <Input label={labels.line1} name="line1" autoComplete="address-line1" required defaultValue={v.line1} errors={fe?.line1} />
          <Input label={labels.line2} name="line2" autoComplete="address-line2" defaultValue={v.line2} errors={fe?.line2} />
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <Input label={labels.postalCode} name="postalCode" autoComplete="postal-code" inputMode="numeric" required defaultValue={v.postalCode} errors={fe?.postalCode} />
            <Input label={labels.city} name="city" autoComplete="address-level2" required defaultValue={v.city} errors={fe?.city} />
          </div>
          <p className="text-xs text-neutral-500">{labels.countryFrance}</p>
        </fieldset>

        <fieldset className="space-y-2 rounded-xl border border-neutral-200 bg-white p-5">
          <legend className="px-1 font-semibold">{labels.shippingMethod}</legend>
          {methods.map((m) => (
            <label key={m.id} className="flex items-center justify-between gap-3 rounded-md px-2 py-2 hover:bg-neutral-50">
              <span className="flex items-center gap-3">
                <input type="radio" name="shippingMethod" value={m.id} checked={method === m.id} onChange={() => setMethod(m.id)} className={radio} />
                {m.label}
              </span>
              <span className="text-sm">
                {totalsByMethod[m.id].shippingTtcCents === 0 ? labels.free : <Money cents={totalsByMethod[m.id].shippingTtcCents} />}
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="space-y-3 rounded-xl border border-neutral-200 bg-white p-5">
          <legend className="px-1 font-semibold">{labels.payment}</legend>
          <label className="flex items-center gap-3">
            <input type="radio" name="paymentMethod" value="card" checked={payment === 'card'} onChange={() => setPayment('card')} className={radio} />
            {labels.card}
          </label>
          {payment === 'card' ? (
            <div className="space-y-4 pl-7">
              <Input label={labels.cardNumber} name="cardNumber" inputMode="numeric" autoComplete="cc-number" required errors={fe?.cardNumber} hint={labels.cardTestHint} />
              <div className="grid grid-cols-2 gap-4">
                <Input label={labels.cardExpiry} name="cardExpiry" autoComplete="cc-exp" placeholder="MM/AA" required errors={fe?.cardExpiry} />
                <Input label={labels.cardCvc} name="cardCvc" inputMode="numeric" autoComplete="cc-csc" required errors={fe?.cardCvc} />
              </div>
            </div>
          ) : null}
          <label className="flex items-center gap-3">
            <input type="radio" name="paymentMethod" value="bank_transfer" checked={payment === 'bank_transfer'} onChange={() => setPayment('bank_transfer')} className={radio} />
            {labels.transfer}
          </label>
          {payment === 'bank_transfer' ? <p className="pl-7 text-sm text-neutral-600">{labels.transferHint}</p> : null}
        </fieldset>
      </div>

      <aside aria-labelledby="recap" className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <h2 id="recap" className="text-lg font-semibold">
          {labels.summary}
        </h2>
        <ul className="space-y-1 rounded-xl border border-neutral-200 bg-white p-4 text-sm">
          {lines.map((l) => (
            <li key={l.name} className="flex justify-between gap-3">
              <span>
                {l.quantity} × {l.name}
              </span>
              <Money cents={l.lineTotalCents} />
            </li>
          ))}
        </ul>
        <TotalsBox totals={totals} labels={totalsLabels(labels)} />
        <div>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="acceptTerms"
              required
              className="mt-0.5 h-4 w-4 accent-accent-600"
              aria-invalid={fe?.acceptTerms ? true : undefined}
              aria-describedby={fe?.acceptTerms ? 'terms-error' : undefined}
            />
            <span>
              {labels.acceptTerms} (
              <Link href="/cgv" target="_blank" className="text-accent-700 underline">
                {labels.terms}
              </Link>
              )
            </span>
          </label>
          {fe?.acceptTerms ? (
            <p id="terms-error" className="mt-1 text-sm text-red-700">
              {fe.acceptTerms.join(' ')}
            </p>
          ) : null}
        </div>
        <p className="text-xs text-neutral-600">{labels.withdrawal}</p>
        <Button type="submit" className="w-full" pending={pending} pendingLabel={labels.placing}>
          {labels.placeOrder}
        </Button>
      </aside>
    </form>
  );
}
