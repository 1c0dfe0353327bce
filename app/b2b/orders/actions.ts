'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { cancelPendingOrder } from '@/lib/purchasing/approval-service';
import { reorder } from '@/lib/purchasing/b2b-cart-service';
import type { ActionState } from '@/lib/result';

const orderIdSchema = z.object({ orderId: z.uuid() });

/** Puts a past order's lines back in the cart (today's prices), then opens the cart. */
export async function reorderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = orderIdSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.common.notFound };
  const result = await reorder(await getDb(), await getActor(), input.data.orderId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b', 'layout');
  redirect('/b2b/cart');
}

/** The requester withdraws their own pending order. */
export async function withdrawOrderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = orderIdSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.common.notFound };
  const result = await cancelPendingOrder(await getDb(), await getActor(), input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b', 'layout');
  return { ok: true, message: m.orders.withdrawn };
}
