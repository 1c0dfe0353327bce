'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { changeStaffRoleSchema, createStaffUserSchema, setUserStatusSchema } from '@/lib/auth/schemas';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { type ActionState, echoValues } from '@/lib/result';
import { changeStaffRole, createStaffUser, setStaffUserStatus } from '@/lib/staff/service';

export async function createStaffUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createStaffUserSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await createStaffUser(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/users');
  return { ok: true, message: t.admin.invited };
}

export async function changeStaffRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = changeStaffRoleSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields };
  const result = await changeStaffRole(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/admin/users');
  return { ok: true };
}

export async function setUserStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = setUserStatusSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields };
  const result = await setStaffUserStatus(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/admin/users');
  return { ok: true };
}
