'use client';

import { useActionState, useId, useRef } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Select } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { createQuoteAction } from './actions';

/** « Nouveau devis »: a dialog to pick the client company, then the builder of the new quote opens. */
export function NewQuoteDialog({ companies }: { companies: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createQuoteAction, null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const errors = state?.ok ? undefined : (state?.fieldErrors?.accountId ?? undefined);
  return (
    <>
      <Button type="button" onClick={() => dialogRef.current?.showModal()}>
        {m.newQuote}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
      >
        <form action={action} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {m.newQuoteTitle}
          </h2>
          <p id={`${id}-text`} className="text-sm text-neutral-600">
            {m.newQuoteText}
          </p>
          <FormMessage error={state?.ok ? undefined : errors ? t.errors.checkFields : state?.error} />
          <Select id={`${id}-company`} label={m.company} name="accountId" required errors={errors} defaultValue={state?.values?.accountId ?? ''}>
            <option value="">{m.chooseCompany}</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {m.cancel}
            </Button>
            <Button type="submit" pending={pending} pendingLabel={m.creating}>
              {m.createQuote}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
