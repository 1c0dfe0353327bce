'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { saveCartAsListAction } from './actions';

export function SaveListForm() {
  const [state, action, pending] = useActionState(saveCartAsListAction, null);
  return (
    <details className="rounded-xl border border-neutral-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-neutral-800">{m.cart.saveList.title}</summary>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <Input label={m.cart.saveList.name} name="name" maxLength={80} required errors={state?.fieldErrors?.name} />
        </div>
        <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.cart.saveList.pending}>
          {m.cart.saveList.submit}
        </Button>
        <div className="w-full">
          <FormMessage error={state && !state.ok && !state.fieldErrors?.name ? state.error : undefined} message={state?.ok ? state.message : undefined} />
        </div>
      </form>
    </details>
  );
}
