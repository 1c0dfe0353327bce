'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { STAGES, type Stage } from '@/lib/crm/pipeline-rules';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { moveOpportunityAction } from '../pipeline/actions';

/** Stage change on the opportunity page, through the same action as the board. */
export function StageForm({ opportunityId, stage }: { opportunityId: string; stage: Stage }) {
  const [state, action, pending] = useActionState(moveOpportunityAction, null);
  const [target, setTarget] = useState<Stage>(stage);
  const fe = state?.ok ? undefined : state?.fieldErrors;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-56">
          <Select label={m.stage} name="stage" id="opp-stage" value={target} onChange={(ev) => setTarget(ev.target.value as Stage)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {m.stages[s]}
              </option>
            ))}
          </Select>
        </div>
        {target === 'won' || target === 'lost' ? (
          <div className="min-w-56 flex-1">
            <Input
              label={target === 'lost' ? m.lostReason : m.closeReason}
              name="reason"
              id="opp-reason"
              required={target === 'lost'}
              maxLength={500}
              hint={target === 'lost' ? m.lostReasonHint : undefined}
              errors={fe?.reason}
            />
          </div>
        ) : null}
        <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.moving} disabled={target === stage}>
          {m.move}
        </Button>
      </div>
    </form>
  );
}
