'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import {
  changePersonLimitsSchema,
  changePersonRoleSchema,
  invitePersonSchema,
  setPersonLoginStatusSchema,
} from '@/lib/companies/people-schemas';
import { changePersonLimits, changePersonRole, invitePerson, setPersonLoginStatus } from '@/lib/companies/people-service';
import { t } from '@/lib/i18n';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { type ActionState, echoValues } from '@/lib/result';

const m = frB2bCompany;

function refused(error: z.ZodError, values: Record<string, string>): ActionState {
  return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(error).fieldErrors, values };
}

function revalidate(personId?: string) {
  revalidatePath('/b2b/company');
  if (personId) revalidatePath(`/b2b/company/${personId}`);
}

export async function invitePersonAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = invitePersonSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await invitePerson(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate();
  return { ok: true, message: m.invite.done(input.data.email) };
}

export async function changePersonRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = changePersonRoleSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await changePersonRole(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, values };
  revalidate(input.data.personId);
  return { ok: true, message: m.person.roleSaved };
}

export async function changePersonLimitsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = changePersonLimitsSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await changePersonLimits(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate(input.data.personId);
  return { ok: true, message: result.value.changed ? m.person.limitsSaved : m.person.unchanged };
}

export async function setPersonLoginStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = setPersonLoginStatusSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields };
  const result = await setPersonLoginStatus(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidate(input.data.personId);
  return { ok: true, message: input.data.status === 'active' ? m.person.reactivated : m.person.deactivated };
}
