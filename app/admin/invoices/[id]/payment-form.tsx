'use client';

import { useActionState, useId } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import { PAYMENT_METHODS } from '@/lib/invoicing/schemas';
import { recordPaymentAction } from '../actions';

/**
 * Records money received on the invoice: the amount starts at what remains due, the date at today
 * (a payment cannot be dated in the future). Once the invoice is settled the form gives way to a
 * note, keeping the last message visible.
 */
export function PaymentForm({
  invoiceId,
  remainingCents,
  remainingInput,
  remainingLabel,
  today,
}: {
  invoiceId: string;
  remainingCents: number;
  /** The remaining amount as input text (`1234,56`). */
  remainingInput: string;
  /** The remaining amount formatted for reading. */
  remainingLabel: string;
  /** YYYY-MM-DD, Europe/Paris. */
  today: string;
}) {
  const [state, action, pending] = useActionState(recordPaymentAction, null);
  const id = useId();
  const errors = state?.ok ? undefined : state?.fieldErrors;
  const values = state?.ok ? undefined : state?.values;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-1 font-semibold">
        {m.recordPayment}
      </h2>
      <div className="mb-3 empty:hidden">
        <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      </div>
      {remainingCents === 0 ? (
        <p className="text-sm text-neutral-600">{m.settled}</p>
      ) : (
        <form action={action} aria-labelledby={`${id}-title`} className="space-y-3">
          <p className="text-sm text-neutral-600">{m.recordPaymentIntro(remainingLabel)}</p>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <Input
            id={`${id}-amount`}
            label={m.paymentAmount}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            required
            defaultValue={values?.amount ?? remainingInput}
            hint={m.paymentAmountHint}
            errors={errors?.amount}
          />
          <Input id={`${id}-date`} label={m.paymentDate} name="paidOn" type="date" required max={today} defaultValue={values?.paidOn ?? today} errors={errors?.paidOn} />
          <Select id={`${id}-method`} label={m.paymentMethod} name="method" required defaultValue={values?.method ?? 'bank_transfer'} errors={errors?.method}>
            {PAYMENT_METHODS.map((p) => (
              <option key={p} value={p}>
                {m.methods[p]}
              </option>
            ))}
          </Select>
          <Input
            id={`${id}-reference`}
            label={m.paymentReference}
            name="reference"
            maxLength={100}
            autoComplete="off"
            defaultValue={values?.reference ?? ''}
            hint={m.paymentReferenceHint}
            errors={errors?.reference}
          />
          <Button type="submit" pending={pending} pendingLabel={m.recording}>
            {m.submitPayment}
          </Button>
        </form>
      )}
    </section>
  );
}
