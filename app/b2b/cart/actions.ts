'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { type QuickOrderLineError, quickOrder, setB2bCartQuantity } from '@/lib/purchasing/b2b-cart-service';
import { placeB2bOrder } from '@/lib/purchasing/place-b2b-order';
import { type ActionState, echoValues } from '@/lib/result';
import { b2bCheckoutSchema, setLineSchema } from './schemas';

/** Changes a portal cart line's quantity (0 removes it). */
export async function setB2bLineAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = setLineSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.cart.invalidQuantity };
  const result = await setB2bCartQuantity(await getDb(), await getActor(), input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b', 'layout');
  return { ok: true };
}

export type QuickOrderState = (NonNullable<ActionState> & { lineErrors?: QuickOrderLineError[] }) | null;

/** Quick order: "SKU quantity" lines; nothing is added unless every line is valid. */
export async function quickOrderAction(_: QuickOrderState, form: FormData): Promise<QuickOrderState> {
  const text = String(form.get('lines') ?? '').slice(0, 20_000);
  const result = await quickOrder(await getDb(), await getActor(), text);
  if (!result.ok) return { ok: false, error: result.error, lineErrors: result.lineErrors, values: { lines: text } };
  revalidatePath('/b2b', 'layout');
  return { ok: true, message: m.cart.quick.added(result.value.added) };
}

/**
 * Places the portal order. Only the person's choices are read; the service reprices the cart and
 * refuses when the HT total differs from the one shown (expectedNetCents).
 */
export async function placeB2bOrderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const values = echoValues(form, ['idempotencyKey', 'expectedNetCents']);
  const input = b2bCheckoutSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.cart.checkout.fix, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await placeB2bOrder(await getDb(), await getActor(), input.data);
  if (!result.ok) {
    const costCentre = /centre de coût/i.test(result.error);
    return { ok: false, error: result.error, fieldErrors: costCentre ? { costCentre: [result.error] } : undefined, values };
  }
  revalidatePath('/b2b', 'layout');
  redirect(`/b2b/orders/${result.value.orderId}?nouvelle=1`);
}
