'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Textarea } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { createQuoteAction, declineRequestAction } from '../../actions';

/**
 * What staff do with a request: start a quote from it (its builder opens), or decline it with a
 * reason (in a confirmation dialog, since the requester is told at once).
 */
export function RequestActions({ requestId, number, canCreate, canDecline, hasQuotes }: { requestId: string; number: string; canCreate: boolean; canDecline: boolean; hasQuotes: boolean }) {
  const [createState, create, creating] = useActionState(createQuoteAction, null);
  const [declineState, decline, declining] = useActionState(declineRequestAction, null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const reasonErrors = declineState?.ok ? undefined : declineState?.fieldErrors?.reason;

  // Declined (or refused for another reason than the reason field): close so the message shows.
  useEffect(() => {
    if (declineState && (declineState.ok || !reasonErrors?.length)) dialogRef.current?.close();
  }, [declineState, reasonErrors]);

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-3 font-semibold">
        {m.requestActions}
      </h2>
      <div className="mb-3 space-y-2 empty:hidden">
        {createState && !createState.ok ? <FormMessage error={createState.error} /> : null}
        {declineState && !(declineState.ok === false && reasonErrors?.length) ? (
          <FormMessage error={declineState.ok ? undefined : declineState.error} message={declineState.ok ? declineState.message : undefined} />
        ) : null}
      </div>
      {!canCreate && !canDecline ? <p className="text-sm text-neutral-600">{m.requestClosed}</p> : null}
      {canCreate ? (
        <form action={create} className="space-y-2">
          <input type="hidden" name="requestId" value={requestId} />
          <p className="text-xs text-neutral-600">{m.createFromRequestHint}</p>
          <Button type="submit" pending={creating} pendingLabel={m.creating}>
            {hasQuotes ? m.createAnotherFromRequest : m.createFromRequest}
          </Button>
        </form>
      ) : null}
      {canDecline ? (
        <div className="mt-3 border-t border-neutral-100 pt-3">
          <Button type="button" variant="danger" onClick={() => dialogRef.current?.showModal()}>
            {m.declineRequest}
          </Button>
          <dialog
            ref={dialogRef}
            aria-labelledby={`${id}-decline-title`}
            aria-describedby={`${id}-decline-text`}
            className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
          >
            <form action={decline} noValidate className="space-y-4">
              <h2 id={`${id}-decline-title`} className="text-lg font-semibold">
                {m.declineTitle} <span className="whitespace-nowrap">{number}</span>
              </h2>
              <p id={`${id}-decline-text`} className="text-sm text-neutral-700">
                {m.declineText}
              </p>
              <input type="hidden" name="requestId" value={requestId} />
              {reasonErrors?.length ? <FormMessage error={t.errors.checkFields} /> : null}
              <Textarea id={`${id}-reason`} label={m.reason} name="reason" rows={3} maxLength={1000} required errors={reasonErrors} defaultValue={declineState?.ok ? '' : (declineState?.values?.reason ?? '')} />
              <div className="flex flex-wrap justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
                  {m.cancel}
                </Button>
                <Button type="submit" variant="danger" pending={declining} pendingLabel={m.declining}>
                  {m.confirmDecline}
                </Button>
              </div>
            </form>
          </dialog>
        </div>
      ) : null}
    </section>
  );
}
