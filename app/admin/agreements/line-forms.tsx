'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import { addLineAction, addTierAction, removeLineAction, removeTierAction, updateLineAction } from './actions';

/** Adds a product to the agreement by its SKU. */
export function AddLineForm({ agreementId }: { agreementId: string }) {
  const [state, action, pending] = useActionState(addLineAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-label={m.addLineTitle} className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-neutral-900">{m.addLineTitle}</h3>
      <input type="hidden" name="agreementId" value={agreementId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <Input id="new-line-sku" label={m.sku} name="sku" required autoComplete="off" spellCheck={false} autoCapitalize="characters" errors={fe?.sku} defaultValue={v?.sku ?? ''} />
        <Input id="new-line-price" label={m.unitPrice} name="unitPrice" required inputMode="decimal" autoComplete="off" errors={fe?.unitPrice} defaultValue={v?.unitPrice ?? ''} />
        <Input id="new-line-max" label={m.maxQuantity} name="maxQuantity" inputMode="numeric" autoComplete="off" hint={m.maxQuantityHint} errors={fe?.maxQuantity} defaultValue={v?.maxQuantity ?? ''} />
        <div className="sm:pt-6">
          <Button type="submit" pending={pending} pendingLabel={m.adding}>
            {m.addLine}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** Edits a line's price and maximum quantity. */
export function EditLineForm({ lineId, sku, unitPrice, maxQuantity }: { lineId: string; sku: string; unitPrice: string; maxQuantity: string }) {
  const [state, action, pending] = useActionState(updateLineAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-label={m.editLineLabel(sku)} className="space-y-2 pt-2">
      <input type="hidden" name="lineId" value={lineId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <Input id={`l-${lineId}-price`} label={m.unitPrice} name="unitPrice" required inputMode="decimal" errors={fe?.unitPrice} defaultValue={v?.unitPrice ?? unitPrice} />
        <Input id={`l-${lineId}-max`} label={m.maxQuantity} name="maxQuantity" inputMode="numeric" errors={fe?.maxQuantity} defaultValue={v?.maxQuantity ?? maxQuantity} />
        <div className="sm:pt-6">
          <Button type="submit" size="sm" variant="secondary" pending={pending} pendingLabel={m.saving}>
            {m.saveLine}
          </Button>
        </div>
      </div>
    </form>
  );
}

export function RemoveLineButton({ lineId, sku }: { lineId: string; sku: string }) {
  const [state, action, pending] = useActionState(removeLineAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(m.confirmRemoveLine)) event.preventDefault();
      }}
    >
      <input type="hidden" name="lineId" value={lineId} />
      <Button type="submit" size="sm" variant="danger" pending={pending} aria-label={m.removeLineLabel(sku)}>
        {m.removeLine}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveTierButton({ lineId, minQuantity, label }: { lineId: string; minQuantity: number; label: string }) {
  const [state, action, pending] = useActionState(removeTierAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="lineId" value={lineId} />
      <input type="hidden" name="minQuantity" value={String(minQuantity)} />
      <button
        type="submit"
        disabled={pending}
        aria-label={m.removeTierLabel(label)}
        className="ml-1 rounded px-1 text-neutral-500 hover:bg-red-50 hover:text-red-700 focus:outline-none focus:ring-1 focus:ring-accent-600"
      >
        ×
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-1 text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

/** Adds a quantity tier to a line. */
export function AddTierForm({ lineId, sku }: { lineId: string; sku: string }) {
  const [state, action, pending] = useActionState(addTierAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-label={`${m.tiers} ${sku}`} className="space-y-2 pt-2">
      <input type="hidden" name="lineId" value={lineId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <Input id={`t-${lineId}-min`} label={m.minQuantity} name="minQuantity" required inputMode="numeric" errors={fe?.minQuantity} defaultValue={v?.minQuantity ?? ''} />
        <Input id={`t-${lineId}-price`} label={m.tierPrice} name="unitPrice" required inputMode="decimal" errors={fe?.unitPrice} defaultValue={v?.unitPrice ?? ''} />
        <div className="sm:pt-6">
          <Button type="submit" size="sm" variant="secondary" pending={pending} pendingLabel={m.adding}>
            {m.addTier}
          </Button>
        </div>
      </div>
    </form>
  );
}
