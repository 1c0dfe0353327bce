'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { getPaymentProvider } from '@/lib/payments/test-provider';
import { type ActionState, echoValues } from '@/lib/result';
import { currentCartId } from '@/lib/shop/current-cart';
import { checkoutSchema } from '@/lib/shop/schemas';

const SECRET_FIELDS = ['cardNumber', 'cardExpiry', 'cardCvc', 'idempotencyKey', 'expectedTotalCents'] as const;

/**
 * Places the consumer's order. Only the customer's choices are read from the form (zod drops any
 * price, rate or company field); the service recomputes everything from the catalogue.
 */
export async function placeOrderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const values = echoValues(form, SECRET_FIELDS);
  const input = checkoutSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return { ok: false, error: 'Vérifiez les champs signalés.', fieldErrors: z.flattenError(input.error).fieldErrors, values };
  }
  const result = await placeShopOrder(await getDb(), await getActor(), await currentCartId(), input.data, getPaymentProvider());
  if (!result.ok) return { ok: false, error: result.error, values };
  revalidatePath('/', 'layout');
  redirect(`/orders/${result.value.orderId}?t=${result.value.accessToken}&merci=1`);
}
