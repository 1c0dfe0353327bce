'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import {
  addStakeholder,
  addStakeholderSchema,
  createOpportunity,
  createOpportunitySchema,
  removeStakeholder,
  removeStakeholderSchema,
  updateOpportunity,
  updateOpportunitySchema,
} from '@/lib/crm/pipeline-service';
import { t } from '@/lib/i18n';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { type ActionState, echoValues } from '@/lib/result';

function refused(error: z.ZodError, values: Record<string, string>): ActionState {
  return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(error).fieldErrors, values };
}

/** Creates an opportunity, then opens its page. */
export async function createOpportunityAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createOpportunitySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await createOpportunity(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/crm/pipeline');
  revalidatePath('/crm');
  redirect(`/crm/opportunities/${result.value.opportunityId}`);
}

export async function updateOpportunityAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateOpportunitySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateOpportunity(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/crm/opportunities/${input.data.opportunityId}`);
  revalidatePath('/crm/pipeline');
  revalidatePath('/crm');
  return { ok: true, message: result.value.changed.length ? m.saved : m.unchanged };
}

export async function addStakeholderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = addStakeholderSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await addStakeholder(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/crm/opportunities/${input.data.opportunityId}`);
  return { ok: true, message: m.stakeholderAdded };
}

export async function removeStakeholderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = removeStakeholderSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.notFound };
  const result = await removeStakeholder(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/crm/opportunities/${input.data.opportunityId}`);
  return { ok: true };
}
