'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Textarea } from '@/app/_components/field';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { acceptQuoteAction, declineQuoteAction, requestQuoteChangesAction } from '../actions';

const m = frQuotesPortal.quotes.decision;

/**
 * The purchaser's decision on the version shown (always the latest sent one): accept (optional
 * purchase-order reference, then a confirmation), ask for changes with a comment, or decline with
 * a reason. `totalLabel` is the HT total as printed on the page, repeated in the confirmation.
 */
export function DecisionPanel({ quoteId, version, totalLabel }: { quoteId: string; version: number; totalLabel: string }) {
  const [aState, accept, accepting] = useActionState(acceptQuoteAction, null);
  const [cState, changes, sendingChanges] = useActionState(requestQuoteChangesAction, null);
  const [dState, decline, declining] = useActionState(declineQuoteAction, null);
  const [confirming, setConfirming] = useState(false);
  const done = cState?.ok ? cState.message : dState?.ok ? dState.message : undefined;
  const hidden = (
    <>
      <input type="hidden" name="quoteId" value={quoteId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const fieldErr = (s: typeof aState, name: string) => (s && !s.ok ? s.fieldErrors?.[name] : undefined);
  // Every refusal is announced on top of its form (role=alert): a field's own message names the field,
  // others (expired, a newer version, budget short…) stand alone.
  const formErr = (s: typeof aState, name: string, label: string) => {
    if (!s || s.ok) return undefined;
    const own = s.fieldErrors?.[name];
    return own?.length ? `${label} : ${own.join(' ')}` : s.error;
  };

  return (
    <section aria-labelledby="decision-title" className="rounded-xl border border-neutral-200 bg-white p-5">
      <h2 id="decision-title" className="font-semibold">
        {m.title}
      </h2>
      <p className="mb-4 text-sm text-neutral-600">{m.intro}</p>
      {done ? (
        <FormMessage message={done} />
      ) : (
        <div className="space-y-5">
          <form action={accept} noValidate className="space-y-3" aria-label={m.accept}>
            {hidden}
            <FormMessage error={formErr(aState, 'purchaseOrderRef', m.poRef)} />
            <Input
              id="accept-po"
              label={m.poRef}
              name="purchaseOrderRef"
              maxLength={35}
              autoComplete="off"
              hint={m.poRefHint}
              errors={fieldErr(aState, 'purchaseOrderRef')}
              defaultValue={aState && !aState.ok ? (aState.values?.purchaseOrderRef ?? '') : ''}
            />
            <p className="text-xs text-neutral-600">{m.acceptHint}</p>
            {confirming ? (
              <div role="group" aria-label={m.acceptConfirm} className="rounded-md border border-accent-100 bg-accent-50 p-3 text-sm">
                <p className="mb-2">{m.acceptQuestion(totalLabel)}</p>
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" pending={accepting} pendingLabel={m.accepting}>
                    {m.acceptConfirm}
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={accepting}>
                    {m.keep}
                  </Button>
                </div>
              </div>
            ) : (
              <Button type="button" onClick={() => setConfirming(true)}>
                {m.accept}
              </Button>
            )}
          </form>

          <form action={changes} noValidate className="space-y-3 border-t border-neutral-200 pt-4" aria-label={m.changes}>
            {hidden}
            <FormMessage error={formErr(cState, 'comment', m.changesLabel)} />
            <Textarea
              id="changes-comment"
              label={m.changesLabel}
              name="comment"
              rows={3}
              required
              maxLength={2000}
              hint={m.changesHint}
              errors={fieldErr(cState, 'comment')}
              defaultValue={cState && !cState.ok ? (cState.values?.comment ?? '') : ''}
            />
            <Button type="submit" variant="secondary" pending={sendingChanges} pendingLabel={m.changesSending}>
              {m.changes}
            </Button>
          </form>

          <form action={decline} noValidate className="space-y-3 border-t border-neutral-200 pt-4" aria-label={m.decline}>
            {hidden}
            <FormMessage error={formErr(dState, 'reason', m.declineLabel)} />
            <Textarea
              id="decline-reason"
              label={m.declineLabel}
              name="reason"
              rows={3}
              required
              maxLength={1000}
              hint={m.declineHint}
              errors={fieldErr(dState, 'reason')}
              defaultValue={dState && !dState.ok ? (dState.values?.reason ?? '') : ''}
            />
            <Button type="submit" variant="danger" pending={declining} pendingLabel={m.declining}>
              {m.decline}
            </Button>
          </form>
        </div>
      )}
    </section>
  );
}
