'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import {
  adjustStockSchema,
  createCategorySchema,
  createProductSchema,
  deleteCategorySchema,
  updateCategorySchema,
  updateProductSchema,
} from '@/lib/catalog/admin-schemas';
import { adjustStock, createCategory, createProduct, deleteCategory, updateCategory, updateProduct } from '@/lib/catalog/admin-service';
import { t } from '@/lib/i18n';
import { type ActionState, echoValues } from '@/lib/result';

const m = t.adminCatalog;

function refused(error: z.ZodError, values: Record<string, string>): ActionState {
  return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(error).fieldErrors, values };
}

/** Creates a product, then opens its page (where the stock and its history live). */
export async function createProductAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createProductSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await createProduct(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/catalogue');
  redirect(`/admin/catalogue/${result.value.productId}?created=1`);
}

export async function updateProductAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateProductSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateProduct(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/catalogue');
  revalidatePath(`/admin/catalogue/${input.data.productId}`);
  return { ok: true, message: result.value.changed.length ? m.saved : m.unchanged };
}

export async function adjustStockAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = adjustStockSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await adjustStock(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/catalogue');
  revalidatePath(`/admin/catalogue/${input.data.productId}`);
  return { ok: true, message: m.adjusted(result.value.stockAfter) };
}

export async function createCategoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createCategorySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await createCategory(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/catalogue', 'layout');
  return { ok: true, message: m.categoryCreated };
}

export async function updateCategoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = updateCategorySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return refused(input.error, values);
  const result = await updateCategory(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/catalogue', 'layout');
  return { ok: true, message: result.value.changed.length ? m.categorySaved : m.unchanged };
}

export async function deleteCategoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = deleteCategorySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.errors.categoryNotFound };
  const result = await deleteCategory(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/admin/catalogue', 'layout');
  return { ok: true, message: m.categoryDeleted };
}
