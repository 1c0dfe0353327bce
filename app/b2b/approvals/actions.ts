'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { approveOrder, rejectOrder } from '@/lib/purchasing/approval-service';
import type { ActionState } from '@/lib/result';

const approveSchema = z.object({ orderId: z.uuid(), contentVersion: z.coerce.number().int().min(0) });
const rejectSchema = z.object({
  orderId: z.uuid(),
  reason: z.string().trim().min(3, 'Indiquez la raison du refus.').max(500, '500 caractères au plus.'),
});

/** Approves the version of the order the purchaser read. */
export async function approveOrderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = approveSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: m.common.notFound };
  const result = await approveOrder(await getDb(), await getActor(), input.data);
  revalidatePath('/b2b', 'layout');
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, message: m.orders.approvedMessage };
}

/** Rejects with a mandatory reason the requester will read. */
export async function rejectOrderAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = rejectSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    const fieldErrors = z.flattenError(input.error).fieldErrors;
    return { ok: false, error: fieldErrors.reason?.[0] ?? m.common.notFound, fieldErrors, values: { reason: String(form.get('reason') ?? '').slice(0, 500) } };
  }
  const result = await rejectOrder(await getDb(), await getActor(), input.data);
  revalidatePath('/b2b', 'layout');
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values: { reason: input.data.reason } };
  return { ok: true, message: m.orders.rejectedMessage };
}
