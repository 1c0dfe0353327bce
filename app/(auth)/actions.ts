'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerCustomer, requestPasswordReset, resetPassword } from '@/lib/auth/account-service';
import { forgotPasswordSchema, registerSchema, resetPasswordSchema } from '@/lib/auth/schemas';
import { t } from '@/lib/i18n';
import { type ActionState, echoValues } from '@/lib/result';

export async function registerAction(_: ActionState, form: FormData): Promise<ActionState> {
  const values = echoValues(form);
  const input = registerSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await registerCustomer(await getDb(), input.data);
  return result.ok ? { ok: true } : { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
}

export async function forgotPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = forgotPasswordSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values: echoValues(form) };
  }
  await requestPasswordReset(await getDb(), input.data.email);
  return { ok: true, message: t.auth.forgotSent };
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = resetPasswordSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors };
  const result = await resetPassword(await getDb(), input.data.token, input.data.password);
  return result.ok ? { ok: true, message: t.auth.resetDone } : { ok: false, error: result.error };
}
