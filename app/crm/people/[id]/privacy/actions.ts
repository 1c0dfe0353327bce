'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { erasePerson } from '@/lib/crm/personal-data-service';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';
import type { ActionState } from '@/lib/result';

const erasePersonSchema = z.object({
  personId: z.uuid(),
  confirm: z.literal('on', { error: m.privacy.mustConfirm }),
});

/** Erases a person after the explicit confirmation (staff admin only, checked by the service). */
export async function erasePersonAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const input = erasePersonSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return { ok: false, error: m.privacy.mustConfirm, fieldErrors: z.flattenError(input.error).fieldErrors };
  }
  const result = await erasePerson(await getDb(), actor, input.data.personId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/crm/people/${input.data.personId}`, 'layout');
  return { ok: true, message: m.privacy.erased };
}
