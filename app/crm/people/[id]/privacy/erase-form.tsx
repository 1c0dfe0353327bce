'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';
import { erasePersonAction } from './actions';

/** Two steps: the button opens the consequences and a confirmation box; only then can it erase. */
export function EraseForm({ personId, name }: { personId: string; name: string }) {
  const [state, action, pending] = useActionState(erasePersonAction, null);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <FormMessage message={state.message} />;
  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        {m.privacy.eraseButton}
      </Button>
    );
  }
  return (
    <form action={action} aria-labelledby="erase-confirm-title" className="rounded-md border border-red-200 bg-red-50/40 p-4">
      <h3 id="erase-confirm-title" className="font-semibold text-red-900">
        {m.privacy.confirmTitle}
      </h3>
      <ul id="erase-consequences" className="mt-2 list-disc space-y-1 pl-5 text-sm text-neutral-800">
        {m.privacy.consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <input type="hidden" name="personId" value={personId} />
      <label className="mt-4 flex items-start gap-2 text-sm font-medium text-neutral-900">
        <input type="checkbox" name="confirm" required aria-describedby="erase-consequences" className="mt-0.5 h-4 w-4" />
        {m.privacy.confirmLabel(name)}
      </label>
      <FormMessage error={state?.error} />
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={pending} pendingLabel={m.privacy.pending}>
          {m.privacy.confirmButton}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
          {m.privacy.cancel}
        </Button>
      </div>
    </form>
  );
}
