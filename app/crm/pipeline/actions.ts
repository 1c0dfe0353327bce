'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { moveOpportunitySchema, moveOpportunity } from '@/lib/crm/pipeline-service';
import { markActivityDone, markActivityDoneSchema } from '@/lib/crm/todo-service';
import { t } from '@/lib/i18n';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { type ActionState, echoValues } from '@/lib/result';

/** Moves an opportunity to a stage: the board's keyboard control, its drag-and-drop and the opportunity page all call this. */
export async function moveOpportunityAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = moveOpportunitySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await moveOpportunity(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/crm/pipeline');
  revalidatePath(`/crm/opportunities/${input.data.opportunityId}`);
  revalidatePath('/crm');
  return { ok: true, message: m.moved(m.stages[result.value.to]) };
}

/** The to-do view's "Fait" button. */
export async function markActivityDoneAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = markActivityDoneSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.activityNotFound };
  const result = await markActivityDone(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/crm');
  return { ok: true, message: m.doneOk };
}
