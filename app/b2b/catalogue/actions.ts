'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { addToB2bCart } from '@/lib/purchasing/b2b-cart-service';
import type { ActionState } from '@/lib/result';
import { addLineSchema } from '../cart/schemas';

/** Adds units of a catalogue product to the portal cart (contract rules apply in the service). */
export async function addToB2bCartAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = addLineSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.catalogue.invalidQuantity, fieldErrors: z.flattenError(input.error).fieldErrors };
  const result = await addToB2bCart(await getDb(), await getActor(), input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b', 'layout');
  const name = String(form.get('name') ?? '').slice(0, 120);
  return { ok: true, message: m.catalogue.added(input.data.quantity, name) };
}
