'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { markActivityDoneAction } from './actions';

/** The to-do view's "Fait" button for one activity. */
export function DoneButton({ activityId, subject }: { activityId: string; subject: string }) {
  const [state, action, pending] = useActionState(markActivityDoneAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="activityId" value={activityId} />
      <Button type="submit" size="sm" variant="secondary" pending={pending} aria-label={`${m.done} : ${subject}`}>
        {m.done}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
