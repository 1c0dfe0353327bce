'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import type { ActionState } from '@/lib/result';
import { addToCart, setCartQuantity } from '@/lib/shop/cart-service';
import { writeCartCookie } from '@/lib/shop/cart-cookie';
import { currentCartId } from '@/lib/shop/current-cart';
import { addToCartSchema, setQuantitySchema } from '@/lib/shop/schemas';

/** Adds a product to the visitor's or customer's cart (creating the cart and its cookie if needed). */
export async function addToCartAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = addToCartSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: 'Quantité invalide.', fieldErrors: z.flattenError(input.error).fieldErrors };
  const actor = await getActor();
  const result = await addToCart(await getDb(), actor, await currentCartId(), input.data);
  if (!result.ok) return { ok: false, error: result.error };
  if (!actor) await writeCartCookie(result.value.cartId);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Ajouté au panier.' };
}

/** Changes a cart line's quantity (0 removes it). */
export async function setCartQuantityAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = setQuantitySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: 'Quantité invalide : entre 0 et 999.' };
  const result = await setCartQuantity(await getDb(), await getActor(), await currentCartId(), input.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/', 'layout');
  return { ok: true };
}
