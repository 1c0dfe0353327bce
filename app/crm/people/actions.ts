'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { changeJob, recordLeft, updateContact, updatePositionProfile } from '@/lib/crm/people-service';
import { changeJobSchema, recordLeftSchema, updateContactSchema, updateProfileSchema } from '@/lib/crm/schemas';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { type ActionState, echoValues, type Result } from '@/lib/result';

async function run<S extends z.ZodType, T>(
  form: FormData,
  schema: S,
  service: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>, input: z.output<S>) => Promise<Result<T>>,
  message: string,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { ok: false, error: m.errors.checkFields, fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]>, values };
  }
  const result = await service(actor, parsed.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  // A person's change shows on their page and on their accounts' pages.
  revalidatePath('/crm/people/[id]', 'page');
  revalidatePath('/crm/accounts/[id]', 'page');
  return { ok: true, message };
}

export async function updateContactAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  return run(form, updateContactSchema, (actor, i) => updateContact(db, actor, i), m.contactSaved);
}

export async function changeJobAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  return run(form, changeJobSchema, (actor, i) => changeJob(db, actor, i), m.jobChanged);
}

export async function recordLeftAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  return run(form, recordLeftSchema, (actor, i) => recordLeft(db, actor, i), m.leftSaved);
}

export async function updateProfileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const db = await getDb();
  return run(form, updateProfileSchema, (actor, i) => updatePositionProfile(db, actor, i), m.profileSaved);
}
