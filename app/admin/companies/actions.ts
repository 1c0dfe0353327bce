'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { addressSchema, createCompanySchema, deleteAddressSchema, updateCompanySchema } from '@/lib/companies/admin-schemas';
import { createCompany, deleteAddress, saveAddress, updateCompany } from '@/lib/companies/admin-service';
import { t } from '@/lib/i18n';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { type ActionState, echoValues } from '@/lib/result';

function refused(error: z.ZodError, values: Record<string, string>): ActionState {
  return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(error).fieldErrors, values };
}

/** Creates a prospect, then opens its page. */
export async function createCompanyAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createCompanySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await createCompany(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/companies');
  redirect(`/admin/companies/${result.value.accountId}?created=1`);
}

export async function updateCompanyAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateCompanySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateCompany(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/companies');
  revalidatePath(`/admin/companies/${input.data.accountId}`);
  return { ok: true, message: result.value.changed.length ? m.saved : m.unchanged };
}

export async function saveAddressAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = addressSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await saveAddress(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/admin/companies/${input.data.accountId}`);
  return { ok: true, message: result.value.created ? m.addressAdded : m.addressSaved };
}

export async function deleteAddressAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = deleteAddressSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.addressNotFound };
  const result = await deleteAddress(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/admin/companies/${input.data.accountId}`);
  return { ok: true, message: m.addressDeleted };
}
