'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { formError } from '@/app/b2b/company/form-error';
import { FormMessage, Input } from '@/app/_components/field';
import { centsToInput } from '@/lib/catalog/admin-schemas';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { formatMoney } from '@/lib/money';
import { changeBudgetAmountAction } from '../actions';

/** Raise or lower a budget; the service refuses an amount below what is held and committed. */
export function AmountForm({ budgetId, amountHtCents, usedHtCents }: { budgetId: string; amountHtCents: number; usedHtCents: number }) {
  const [state, action, pending] = useActionState(changeBudgetAmountAction, null);
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-labelledby="amount-title" className="h-fit space-y-4 rounded-xl border border-neutral-200 bg-white p-5">
      <div>
        <h2 id="amount-title" className="font-semibold">
          {m.budgetDetail.amountTitle}
        </h2>
        <p className="mt-1 text-xs text-neutral-500">{m.budgetDetail.amountIntro}</p>
      </div>
      <input type="hidden" name="budgetId" value={budgetId} />
      <FormMessage error={formError(state)} message={state?.ok ? state.message : undefined} />
      <Input
        label={m.budgetDetail.newAmount}
        name="amount"
        id="budget-new-amount"
        inputMode="decimal"
        autoComplete="off"
        required
        hint={`${m.budgets.held} + ${m.budgets.committed} : ${formatMoney(usedHtCents)}`}
        errors={state?.ok ? undefined : state?.fieldErrors?.amount}
        key={amountHtCents}
        defaultValue={v?.amount ?? centsToInput(amountHtCents)}
      />
      <Button type="submit" pending={pending} pendingLabel={m.person.saving}>
        {m.budgetDetail.save}
      </Button>
    </form>
  );
}
