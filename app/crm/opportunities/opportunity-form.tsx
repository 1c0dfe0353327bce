'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { formatCentsForInput } from './format-input';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { createOpportunityAction, updateOpportunityAction } from './actions';

export interface OpportunityFormValues {
  title: string;
  amountCents: number;
  probabilityOverride: number | null;
  expectedCloseDate: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  ownerUserId: string | null;
  budgetForecastId: string | null;
  projectId: string | null;
}

/** Creation (with accountId) or edition (with opportunityId) of an opportunity's fields. */
export function OpportunityForm({
  mode,
  id,
  initial,
  owners,
  forecasts,
  projects,
}: {
  mode: 'create' | 'update';
  /** accountId when creating, opportunityId when updating. */
  id: string;
  initial: OpportunityFormValues | null;
  owners: { id: string; name: string }[];
  forecasts: { id: string; label: string; releaseDate: string | null }[];
  projects: { id: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(mode === 'create' ? createOpportunityAction : updateOpportunityAction, null);
  const fe = state?.ok ? undefined : state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const val = (k: string, fallback: string | number | null | undefined) => v?.[k] ?? (fallback === null || fallback === undefined ? '' : String(fallback));
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name={mode === 'create' ? 'accountId' : 'opportunityId'} value={id} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <Input label={m.title} name="title" id="opp-title" required maxLength={200} errors={fe?.title} defaultValue={val('title', initial?.title)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label={m.amount}
          name="amount"
          id="opp-amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={m.amountHint}
          errors={fe?.amount}
          defaultValue={val('amount', initial ? formatCentsForInput(initial.amountCents) : '')}
        />
        <Input
          label={m.probabilityOverride}
          name="probabilityOverride"
          id="opp-probability"
          inputMode="numeric"
          hint={m.probabilityHint}
          errors={fe?.probabilityOverride}
          defaultValue={val('probabilityOverride', initial?.probabilityOverride)}
        />
        <Input label={m.expectedCloseDate} name="expectedCloseDate" id="opp-close" type="date" errors={fe?.expectedCloseDate} defaultValue={val('expectedCloseDate', initial?.expectedCloseDate)} />
        <Select label={m.owner} name="ownerUserId" id="opp-owner" errors={fe?.ownerUserId} defaultValue={val('ownerUserId', initial?.ownerUserId)}>
          <option value="">{mode === 'create' ? m.ownerMe : m.none}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <Input label={m.nextStep} name="nextStep" id="opp-next" maxLength={300} errors={fe?.nextStep} defaultValue={val('nextStep', initial?.nextStep)} />
        <Input label={m.nextStepDue} name="nextStepDue" id="opp-next-due" type="date" errors={fe?.nextStepDue} defaultValue={val('nextStepDue', initial?.nextStepDue)} />
        <Select label={m.budgetForecast} name="budgetForecastId" id="opp-forecast" errors={fe?.budgetForecastId} defaultValue={val('budgetForecastId', initial?.budgetForecastId)}>
          <option value="">{m.none}</option>
          {forecasts.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
              {f.releaseDate ? ` (${f.releaseDate})` : ''}
            </option>
          ))}
        </Select>
        <Select label={m.project} name="projectId" id="opp-project" errors={fe?.projectId} defaultValue={val('projectId', initial?.projectId)}>
          <option value="">{m.none}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" pending={pending} pendingLabel={mode === 'create' ? m.creating : m.saving}>
        {mode === 'create' ? m.create : m.save}
      </Button>
    </form>
  );
}
