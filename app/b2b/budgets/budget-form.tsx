'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { formError } from '@/app/b2b/company/form-error';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { createBudgetAction } from './actions';

/** A new budget: a fiscal year of the company (chosen by year) or a month, optionally per cost centre. */
export function BudgetForm({
  yearOptions,
  defaultYear,
  defaultMonth,
}: {
  yearOptions: { value: string; label: string }[];
  defaultYear: string;
  defaultMonth: string;
}) {
  const [state, action, pending] = useActionState(createBudgetAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const [kind, setKind] = useState<'fiscal_year' | 'month'>(v?.periodKind === 'month' ? 'month' : 'fiscal_year');
  return (
    <form action={action} noValidate aria-labelledby="budget-form-title" className="h-fit max-w-2xl space-y-4 rounded-xl border border-neutral-200 bg-white p-5">
      <h2 id="budget-form-title" className="font-semibold">
        {m.budgetForm.title}
      </h2>
      <FormMessage error={formError(state)} message={state?.ok ? state.message : undefined} />
      <Input
        label={m.budgetForm.label}
        name="label"
        id="budget-label"
        required
        maxLength={100}
        placeholder={m.budgetForm.labelPlaceholder}
        errors={fe?.label}
        defaultValue={v?.label ?? ''}
      />
      <Select
        label={m.budgetForm.periodKind}
        name="periodKind"
        id="budget-periodKind"
        errors={fe?.periodKind}
        value={kind}
        onChange={(ev) => setKind(ev.target.value === 'month' ? 'month' : 'fiscal_year')}
      >
        <option value="fiscal_year">{m.budgets.periodKinds.fiscal_year}</option>
        <option value="month">{m.budgets.periodKinds.month}</option>
      </Select>
      {kind === 'fiscal_year' ? (
        <Select label={m.budgetForm.year} name="year" id="budget-year" errors={fe?.year} defaultValue={v?.year ?? defaultYear}>
          {yearOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          label={m.budgetForm.month}
          name="month"
          id="budget-month"
          type="month"
          required
          hint={m.budgetForm.monthHint}
          errors={fe?.month}
          defaultValue={v?.month ?? defaultMonth}
        />
      )}
      <Input
        label={m.budgetForm.costCentre}
        name="costCentre"
        id="budget-costCentre"
        maxLength={60}
        hint={m.budgetForm.costCentreHint}
        errors={fe?.costCentre}
        defaultValue={v?.costCentre ?? ''}
      />
      <Input
        label={m.budgetForm.amount}
        name="amount"
        id="budget-amount"
        inputMode="decimal"
        autoComplete="off"
        required
        hint={m.budgetForm.amountHint}
        errors={fe?.amount}
        defaultValue={v?.amount ?? ''}
      />
      <Button type="submit" pending={pending} pendingLabel={m.budgetForm.pending}>
        {m.budgetForm.submit}
      </Button>
    </form>
  );
}
