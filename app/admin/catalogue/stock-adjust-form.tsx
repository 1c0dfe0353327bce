'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { adjustStockAction } from './actions';

const m = t.adminCatalog;

/** A signed stock movement with its mandatory reason; the result (or the refusal) shows above it. */
export function StockAdjustForm({ productId }: { productId: string }) {
  const [state, action, pending] = useActionState(adjustStockAction, null);
  const fe = state?.fieldErrors;
  // After a success the form empties (React resets it); after a refusal it shows what was typed.
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-labelledby="stock-form-title" className="space-y-4">
      <h3 id="stock-form-title" className="text-sm font-semibold text-neutral-900">
        {m.adjustTitle}
      </h3>
      <input type="hidden" name="productId" value={productId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1">
        <Input
          label={m.delta}
          name="delta"
          id="stock-delta"
          inputMode="text"
          autoComplete="off"
          placeholder="+20"
          required
          hint={m.deltaHint}
          errors={fe?.delta}
          defaultValue={v?.delta ?? ''}
        />
        <Select label={m.movementKind} name="kind" id="stock-kind" errors={fe?.kind} defaultValue={v?.kind ?? 'adjustment'}>
          <option value="adjustment">{m.movementKinds.adjustment}</option>
          <option value="receipt">{m.movementKinds.receipt}</option>
        </Select>
      </div>
      <Input label={m.reason} name="reason" id="stock-reason" required hint={m.reasonHint} errors={fe?.reason} defaultValue={v?.reason ?? ''} maxLength={500} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.applying}>
        {m.apply}
      </Button>
    </form>
  );
}
