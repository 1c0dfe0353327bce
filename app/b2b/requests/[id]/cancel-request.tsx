'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { cancelQuoteRequestAction } from '../actions';

const m = frQuotesPortal.requests;

/** « Annuler la demande » with a confirmation step. */
export function CancelRequest({ requestId }: { requestId: string }) {
  const [state, action, pending] = useActionState(cancelQuoteRequestAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage message={state.message} />;
  return (
    <div className="space-y-3">
      {confirming ? (
        <div role="group" aria-label={m.cancel} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <p className="mb-2">{m.cancelQuestion}</p>
          <form action={action} className="flex flex-wrap gap-2">
            <input type="hidden" name="requestId" value={requestId} />
            <Button type="submit" variant="danger" pending={pending} pendingLabel={m.cancelling}>
              {m.cancelConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {m.cancelKeep}
            </Button>
          </form>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          {m.cancel}
        </Button>
      )}
      <FormMessage error={state && !state.ok ? state.error : undefined} />
    </div>
  );
}
