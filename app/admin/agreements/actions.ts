'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import {
  addLineSchema,
  addTierSchema,
  createAgreementSchema,
  removeLineSchema,
  removeTierSchema,
  updateAgreementSchema,
  updateLineSchema,
} from '@/lib/purchasing/agreement-schemas';
import {
  addAgreementLine,
  addPriceTier,
  createAgreement,
  removeAgreementLine,
  removePriceTier,
  updateAgreement,
  updateAgreementLine,
} from '@/lib/purchasing/agreements-service';
import { type ActionState, echoValues } from '@/lib/result';

function refused(error: z.ZodError, values: Record<string, string>): ActionState {
  return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(error).fieldErrors, values };
}

function revalidate(agreementId: string) {
  revalidatePath('/admin/agreements');
  revalidatePath(`/admin/agreements/${agreementId}`);
}

/** Creates an agreement, then opens its page to add lines. */
export async function createAgreementAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createAgreementSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await createAgreement(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/agreements');
  revalidatePath(`/admin/companies/${input.data.accountId}`);
  redirect(`/admin/agreements/${result.value.agreementId}?created=1`);
}

export async function updateAgreementAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateAgreementSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateAgreement(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate(input.data.agreementId);
  return { ok: true, message: result.value.changed.length ? m.saved : m.unchanged };
}

export async function addLineAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = addLineSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await addAgreementLine(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate(input.data.agreementId);
  return { ok: true, message: m.lineAdded(input.data.sku) };
}

export async function updateLineAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateLineSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateAgreementLine(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate(result.value.agreementId);
  return { ok: true, message: result.value.changed.length ? m.lineSaved : m.unchanged };
}

export async function removeLineAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = removeLineSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.lineNotFound };
  const result = await removeAgreementLine(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidate(result.value.agreementId);
  return { ok: true, message: m.lineRemoved };
}

export async function addTierAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = addTierSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await addPriceTier(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidate(result.value.agreementId);
  return { ok: true, message: m.tierAdded };
}

export async function removeTierAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = removeTierSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.tierNotFound };
  const result = await removePriceTier(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidate(result.value.agreementId);
  return { ok: true, message: m.tierRemoved };
}
