'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { reorderAction, withdrawOrderAction } from './actions';

/** "Commander à nouveau" and, for the requester's own pending order, "Retirer ma demande" with a confirm step. */
export function OrderActions({ orderId, canWithdraw }: { orderId: string; canWithdraw: boolean }) {
  const [reState, re, reordering] = useActionState(reorderAction, null);
  const [wState, withdraw, withdrawing] = useActionState(withdrawOrderAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={re}>
          <input type="hidden" name="orderId" value={orderId} />
          <Button type="submit" variant="secondary" pending={reordering} pendingLabel={m.orders.reordering}>
            {m.orders.reorder}
          </Button>
        </form>
        {canWithdraw && !confirming && !wState?.ok ? (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {m.orders.withdraw}
          </Button>
        ) : null}
      </div>
      {confirming && !wState?.ok ? (
        <div role="group" aria-label={m.orders.withdraw} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <p className="mb-2">{m.orders.withdrawQuestion}</p>
          <form action={withdraw} className="flex flex-wrap gap-2">
            <input type="hidden" name="orderId" value={orderId} />
            <Button type="submit" variant="danger" pending={withdrawing}>
              {m.orders.withdrawConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {m.orders.withdrawCancel}
            </Button>
          </form>
        </div>
      ) : null}
      <FormMessage
        error={(reState && !reState.ok ? reState.error : undefined) ?? (wState && !wState.ok ? wState.error : undefined)}
        message={wState?.ok ? wState.message : undefined}
      />
    </div>
  );
}
