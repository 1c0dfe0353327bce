'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { changeBudgetAmountSchema, createBudgetSchema } from '@/lib/purchasing/budget-schemas';
import { changeBudgetAmount, createBudget } from '@/lib/purchasing/budgets-service';
import { type ActionState, echoValues } from '@/lib/result';

const m = frB2bCompany;

export async function createBudgetAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = createBudgetSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await createBudget(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/b2b/budgets');
  return { ok: true, message: m.budgetForm.created };
}

export async function changeBudgetAmountAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = changeBudgetAmountSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: t.errors.checkFields, fieldErrors: z.flattenError(input.error).fieldErrors, values };
  const result = await changeBudgetAmount(await getDb(), actor, input.data);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/b2b/budgets');
  revalidatePath(`/b2b/budgets/${input.data.budgetId}`);
  return { ok: true, message: result.value.changed ? m.budgetDetail.saved : m.budgetDetail.unchanged };
}
