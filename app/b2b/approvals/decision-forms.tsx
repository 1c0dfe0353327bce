'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { approveOrderAction, rejectOrderAction } from './actions';

/** Approve (with the content version read) or reject with a mandatory reason. */
export function DecisionForms({ orderId, contentVersion }: { orderId: string; contentVersion: number }) {
  const [aState, approve, approving] = useActionState(approveOrderAction, null);
  const [rState, reject, rejecting] = useActionState(rejectOrderAction, null);
  const done = aState?.ok || rState?.ok;
  const reasonError = rState && !rState.ok ? (rState.fieldErrors?.reason ?? [rState.error ?? '']) : undefined;
  return (
    <section aria-labelledby="decision-title" className="rounded-xl border border-neutral-200 bg-white p-5">
      <h2 id="decision-title" className="mb-3 font-semibold">
        {m.approvals.decision}
      </h2>
      <div className="space-y-4">
        <FormMessage error={aState && !aState.ok ? aState.error : undefined} message={done ? (aState?.message ?? rState?.message) : undefined} />
        {done ? null : (
          <>
            <form action={approve}>
              <input type="hidden" name="orderId" value={orderId} />
              <input type="hidden" name="contentVersion" value={contentVersion} />
              <Button type="submit" pending={approving} pendingLabel={m.approvals.approving}>
                {m.approvals.approve}
              </Button>
            </form>
            <form action={reject} className="space-y-2 border-t border-neutral-200 pt-4" noValidate>
              <input type="hidden" name="orderId" value={orderId} />
              <div>
                <label htmlFor="reject-reason" className="mb-1 block text-sm font-medium text-neutral-800">
                  {m.approvals.rejectReason}
                </label>
                <textarea
                  id="reject-reason"
                  name="reason"
                  rows={3}
                  required
                  maxLength={500}
                  defaultValue={rState?.values?.reason}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? 'reject-hint reject-error' : 'reject-hint'}
                  className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500"
                />
                <p id="reject-hint" className="mt-1 text-xs text-neutral-500">
                  {m.approvals.rejectHint}
                </p>
                {reasonError ? (
                  <p id="reject-error" role="alert" className="mt-1 text-sm text-red-700">
                    {reasonError.join(' ')}
                  </p>
                ) : null}
              </div>
              <Button type="submit" variant="danger" pending={rejecting} pendingLabel={m.approvals.rejecting}>
                {m.approvals.reject}
              </Button>
            </form>
          </>
        )}
      </div>
    </section>
  );
}
