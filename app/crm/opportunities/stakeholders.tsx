'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { addStakeholderAction, removeStakeholderAction } from './actions';

export function RemoveStakeholderButton({ opportunityId, personId, name }: { opportunityId: string; personId: string; name: string }) {
  const [state, action, pending] = useActionState(removeStakeholderAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <input type="hidden" name="personId" value={personId} />
      <Button type="submit" size="sm" variant="ghost" pending={pending} aria-label={m.removeStakeholder(name)}>
        {m.remove}
      </Button>
      {state && !state.ok ? <span className="ml-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}

export function AddStakeholderForm({ opportunityId, people }: { opportunityId: string; people: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(addStakeholderAction, null);
  const fe = state?.ok ? undefined : state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate className="mt-4 space-y-3 border-t border-neutral-100 pt-4">
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-2 sm:items-end">
        <Select label={m.person} name="personId" id="sh-person" errors={fe?.personId} defaultValue={v?.personId ?? ''}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Input label={m.role} name="role" id="sh-role" maxLength={120} errors={fe?.role} defaultValue={v?.role ?? ''} />
        <Input label={m.weight} name="weight" id="sh-weight" inputMode="numeric" errors={fe?.weight} defaultValue={v?.weight ?? '50'} />
        <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.adding}>
          {m.addStakeholder}
        </Button>
      </div>
    </form>
  );
}
