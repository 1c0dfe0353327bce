'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import type { ActionState } from '@/lib/result';
import { addListToCart, createListFromCart, deleteShoppingList } from '@/lib/purchasing/shopping-lists-service';
import { listNameSchema } from '../cart/schemas';

const listIdSchema = z.object({ listId: z.uuid() });

/** Saves the current portal cart as a company list. */
export async function saveCartAsListAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = listNameSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.lists.nameRequired, fieldErrors: z.flattenError(input.error).fieldErrors };
  const result = await createListFromCart(await getDb(), await getActor(), input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath('/b2b/lists');
  return { ok: true, message: m.lists.saved(input.data.name) };
}

/** Adds a list's lines to the cart (contract rules apply), then opens the cart. */
export async function addListToCartAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = listIdSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.common.notFound };
  const result = await addListToCart(await getDb(), await getActor(), input.data.listId);
  if (!result.ok) {
    const details = result.lineErrors?.map((e) => e.error).join(' ');
    return { ok: false, error: details ? `${result.error} ${details}` : result.error };
  }
  revalidatePath('/b2b', 'layout');
  redirect('/b2b/cart');
}

/** Deletes a list (its creator or a company admin). */
export async function deleteListAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = listIdSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.common.notFound };
  const result = await deleteShoppingList(await getDb(), await getActor(), input.data.listId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b/lists');
  redirect('/b2b/lists?supprimee=1');
}
