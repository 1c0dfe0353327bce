'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { changeOrderStatusSchema } from '@/lib/orders/admin-schemas';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { getPaymentProvider } from '@/lib/payments/test-provider';
import { type ActionState, echoValues } from '@/lib/result';

/** Moves an order to the state a staff member chose; the service checks permission and the state machine. */
export async function changeOrderStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = changeOrderStatusSchema.safeParse({
    orderId: form.get('orderId'),
    to: form.get('to'),
    expectedStatus: form.get('expectedStatus') ?? undefined,
    note: form.get('note') ?? undefined,
  });
  if (!input.success) {
    const fieldErrors = z.flattenError(input.error).fieldErrors;
    return { ok: false, error: fieldErrors.note ? t.errors.checkFields : t.adminOrders.invalidChange, fieldErrors, values };
  }
  const result = await changeOrderStatus(await getDb(), actor, input.data, getPaymentProvider());
  // Refused or not, the page is re-read: a refusal usually means a colleague changed the order
  // meanwhile, and the buttons must show what is possible now.
  revalidatePath(`/admin/orders/${input.data.orderId}`);
  if (!result.ok) return { ok: false, error: result.error, values };
  revalidatePath('/admin/orders');
  return { ok: true, message: t.adminOrders.changed(orderStatusLabels[input.data.to]) };
}
