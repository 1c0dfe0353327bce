'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { createProspect, setParentAccount } from '@/lib/crm/accounts-service';
import { completeTask, createActivity, saveForecast, saveProject } from '@/lib/crm/knowledge-service';
import { addPersonToAccount } from '@/lib/crm/people-service';
import {
  activitySchema,
  addPersonSchema,
  completeTaskSchema,
  createProspectSchema,
  forecastSchema,
  projectSchema,
  setParentSchema,
} from '@/lib/crm/schemas';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { type ActionState, echoValues, type Result } from '@/lib/result';

/** Parses the form with the schema, calls the service with the actor, and shapes the answer. */
async function run<S extends z.ZodType, T>(
  form: FormData,
  schema: S,
  service: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>, input: z.output<S>) => Promise<Result<T>>,
): Promise<{ state: ActionState; value?: T; input?: z.output<S> }> {
  const actor = await getActor();
  if (!actor) return { state: { ok: false, error: NOT_SIGNED_IN } };
  const values = echoValues(form);
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { state: { ok: false, error: m.errors.checkFields, fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]>, values } };
  }
  const result = await service(actor, parsed.data);
  if (!result.ok) return { state: { ok: false, error: result.error, fieldErrors: result.fieldErrors, values } };
  return { state: { ok: true }, value: result.value, input: parsed.data };
}

export async function createProspectAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, value } = await run(form, createProspectSchema, (actor, input) => createProspect(db, actor, input));
  if (!value) return state;
  revalidatePath('/crm/accounts');
  redirect(`/crm/accounts/${value.accountId}`);
}

export async function setParentAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, input } = await run(form, setParentSchema, (actor, i) => setParentAccount(db, actor, i));
  if (!state?.ok) return state;
  revalidatePath(`/crm/accounts/${input!.accountId}`);
  return { ok: true, message: m.parentSaved };
}

export async function addPersonAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, input } = await run(form, addPersonSchema, (actor, i) => addPersonToAccount(db, actor, i));
  if (!state?.ok) return state;
  revalidatePath(`/crm/accounts/${input!.accountId}`);
  return { ok: true, message: m.personAdded };
}

export async function saveForecastAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, input } = await run(form, forecastSchema, (actor, i) => saveForecast(db, actor, i));
  if (!state?.ok) return state;
  revalidatePath(`/crm/accounts/${input!.accountId}`);
  return { ok: true, message: m.forecastSaved };
}

export async function saveProjectAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, input } = await run(form, projectSchema, (actor, i) => saveProject(db, actor, i));
  if (!state?.ok) return state;
  revalidatePath(`/crm/accounts/${input!.accountId}`);
  return { ok: true, message: m.projectSaved };
}

export async function createActivityAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, input } = await run(form, activitySchema, (actor, i) => createActivity(db, actor, i));
  if (!state?.ok) return state;
  revalidatePath(`/crm/accounts/${input!.accountId}`);
  return { ok: true, message: m.activityAdded };
}

export async function completeTaskAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  const { state, value } = await run(form, completeTaskSchema, (actor, i) => completeTask(db, actor, i));
  if (!value) return state;
  revalidatePath(`/crm/accounts/${value.accountId}`);
  return { ok: true, message: m.taskDone };
}
