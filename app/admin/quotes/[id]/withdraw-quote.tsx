'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Textarea } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { withdrawQuoteAction } from '../actions';

/** « Retirer le devis »: a confirmation dialog asking for the reason kept in the history. */
export function WithdrawQuote({ quoteId, number }: { quoteId: string; number: string }) {
  const [state, action, pending] = useActionState(withdrawQuoteAction, null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const reasonErrors = state?.ok ? undefined : state?.fieldErrors?.reason;

  useEffect(() => {
    if (state && (state.ok || !reasonErrors?.length)) dialogRef.current?.close();
  }, [state, reasonErrors]);

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-2 font-semibold">
        {m.withdrawTitle}
      </h2>
      <p className="mb-3 text-sm text-neutral-600">{m.withdrawText}</p>
      {state && !(state.ok === false && reasonErrors?.length) ? (
        <div className="mb-3">
          <FormMessage error={state.ok ? undefined : state.error} message={state.ok ? state.message : undefined} />
        </div>
      ) : null}
      <Button type="button" variant="danger" onClick={() => dialogRef.current?.showModal()}>
        {m.withdraw}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-dialog-title`}
        aria-describedby={`${id}-dialog-text`}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
      >
        <form action={action} noValidate className="space-y-4">
          <h2 id={`${id}-dialog-title`} className="text-lg font-semibold">
            {m.withdrawTitle} <span className="whitespace-nowrap">{number}&#8239;?</span>
          </h2>
          <p id={`${id}-dialog-text`} className="text-sm text-neutral-700">
            {m.withdrawText}
          </p>
          <input type="hidden" name="quoteId" value={quoteId} />
          {reasonErrors?.length ? <FormMessage error={t.errors.checkFields} /> : null}
          <Textarea id={`${id}-reason`} label={m.reason} name="reason" rows={3} maxLength={1000} required hint={m.withdrawReasonHint} errors={reasonErrors} defaultValue={state?.ok ? '' : (state?.values?.reason ?? '')} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              {m.cancel}
            </Button>
            <Button type="submit" variant="danger" pending={pending} pendingLabel={m.withdrawing}>
              {m.confirmWithdraw}
            </Button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
