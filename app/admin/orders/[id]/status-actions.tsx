'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { ORDER_NOTE_MAX } from '@/lib/orders/admin-schemas';
import type { OrderStatus } from '@/lib/orders/rules';
import { changeOrderStatusAction } from '../actions';

const m = t.adminOrders;

function transitionLabel(from: OrderStatus, to: OrderStatus): string {
  if (to === 'placed' && from === 'awaiting_payment') return m.transferReceived;
  if (to === 'placed' && from === 'credit_hold') return m.liftCreditHold;
  return m.transitions[to] ?? to;
}

/**
 * The status changes staff may make on this order, one button each, with one optional note.
 * Cancelling goes through a confirmation dialog that says what it does (stock released, card refunded).
 */
export function OrderStatusActions({
  orderId,
  number,
  status,
  next,
  totalLabel,
  releasesStock,
  cardRefundLabel,
  transferReceivedLabel,
}: {
  orderId: string;
  number: string;
  status: OrderStatus;
  next: readonly OrderStatus[];
  /** The amount a received transfer records, formatted. */
  totalLabel: string;
  /** Whether cancelling puts reserved stock back on sale. */
  releasesStock: boolean;
  /** The card amount a cancellation refunds, formatted; null when there is none. */
  cardRefundLabel: string | null;
  /** A received transfer, formatted: cancelling does not give it back (staff must). */
  transferReceivedLabel: string | null;
}) {
  const [state, action, pending] = useActionState(changeOrderStatusAction, null);
  const [clicked, setClicked] = useState<OrderStatus | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const noteId = `${id}-note`;
  const noteErrors = state?.ok ? undefined : state?.fieldErrors?.note;

  // Whatever the answer, the dialog closes so the message next to the buttons can be read.
  useEffect(() => {
    if (state) dialogRef.current?.close();
  }, [state]);

  const forward = next.filter((s) => s !== 'cancelled');
  const canCancel = next.includes('cancelled');
  const describedBy = [`${noteId}-hint`, noteErrors?.length ? `${noteId}-error` : null].filter(Boolean).join(' ');

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-3 font-semibold">
        {m.actionsTitle}
      </h2>
      <div className="mb-3 empty:hidden">
        <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      </div>
      {next.length === 0 ? (
        <p className="text-sm text-neutral-600">{m.noActions}</p>
      ) : (
        <form action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
          <input type="hidden" name="orderId" value={orderId} />
          {/* What this page showed: a colleague's change in between makes the service refuse. */}
          <input type="hidden" name="expectedStatus" value={status} />
          <div>
            <label htmlFor={noteId} className="mb-1 block text-sm font-medium text-neutral-800">
              {m.note}
            </label>
            <textarea
              id={noteId}
              name="note"
              rows={2}
              maxLength={ORDER_NOTE_MAX}
              defaultValue={state?.ok ? '' : (state?.values?.note ?? '')}
              aria-invalid={noteErrors?.length ? true : undefined}
              aria-describedby={describedBy}
              className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500"
            />
            <p id={`${noteId}-hint`} className="mt-1 text-xs text-neutral-500">
              {m.noteHint}
            </p>
            {noteErrors?.length ? (
              <p id={`${noteId}-error`} className="mt-1 text-sm text-red-700">
                {noteErrors.join(' ')}
              </p>
            ) : null}
          </div>

          {status === 'awaiting_payment' && forward.includes('placed') ? (
            <p className="text-xs text-neutral-600">{m.transferHint(totalLabel)}</p>
          ) : null}

          <div className="flex flex-wrap gap-2">
            {forward.map((to) => (
              <Button
                key={to}
                type="submit"
                name="to"
                value={to}
                pending={pending}
                pendingLabel={clicked === to ? m.pending : undefined}
                onClick={() => setClicked(to)}
              >
                {transitionLabel(status, to)}
              </Button>
            ))}
            {canCancel ? (
              <Button type="button" variant="danger" disabled={pending} onClick={() => dialogRef.current?.showModal()}>
                {m.transitions.cancelled}
              </Button>
            ) : null}
          </div>

          {canCancel ? (
            <dialog
              ref={dialogRef}
              aria-labelledby={`${id}-cancel-title`}
              aria-describedby={`${id}-cancel-text`}
              className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
            >
              <h2 id={`${id}-cancel-title`} className="text-lg font-semibold">
                {m.cancelDialogTitle} <span className="whitespace-nowrap">{number}&#8239;?</span>
              </h2>
              <ul id={`${id}-cancel-text`} className="mt-3 list-disc space-y-1 pl-5 text-sm text-neutral-700">
                <li>{releasesStock ? m.cancelDialogStock : m.cancelDialogNoStock}</li>
                <li>{cardRefundLabel ? m.cancelDialogRefund(cardRefundLabel) : m.cancelDialogNoCard}</li>
                {transferReceivedLabel ? <li className="font-medium text-amber-900">{m.cancelDialogTransfer(transferReceivedLabel)}</li> : null}
                <li>{m.cancelDialogFinal}</li>
              </ul>
              <div className="mt-5 flex flex-wrap justify-end gap-2">
                <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
                  {m.keepOrder}
                </Button>
                <button
                  type="submit"
                  name="to"
                  value="cancelled"
                  disabled={pending}
                  aria-busy={pending || undefined}
                  onClick={() => setClicked('cancelled')}
                  className="inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white transition-colors hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60"
                >
                  {pending && clicked === 'cancelled' ? m.pending : m.confirmCancel}
                </button>
              </div>
            </dialog>
          ) : null}
        </form>
      )}
    </section>
  );
}
