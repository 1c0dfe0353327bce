'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Textarea } from '@/app/_components/field';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import { issueCreditNoteAction } from '../actions';

type Mode = 'full' | 'lines' | 'amounts';

export interface CreditableLine {
  id: string;
  sku: string | null;
  description: string;
  /** Invoiced, already credited and still creditable quantities, formatted. */
  invoicedLabel: string;
  creditedLabel: string;
  leftLabel: string;
  /** What may still be credited (the input's max); 0 when the line is fully credited. */
  left: number;
  /** 1 for whole units, 0.001 when the line (or what was credited) has decimals. */
  step: number;
}

export interface CreditableRate {
  vatRateBp: number;
  rateLabel: string;
  /** What remains creditable on this rate, formatted, in the invoice's mode (HT or TTC). */
  leftLabel: string;
  exhausted: boolean;
}

const control =
  'block w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-right text-sm shadow-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 disabled:bg-neutral-100 aria-[invalid=true]:border-red-500';

/**
 * The credit-note form: the whole invoice (only while nothing was credited), chosen lines with a
 * quantity each (bounded by what remains on the line), or an amount per VAT rate of the invoice.
 * A reason is required, and a confirmation dialog says the note is final before it is issued.
 */
export function CreditNoteForm({
  invoiceId,
  invoiceNumber,
  totalLabel,
  canCreditFull,
  nothingLeft,
  suffix,
  lines,
  rates,
}: {
  invoiceId: string;
  invoiceNumber: string;
  /** The invoice's total TTC, formatted (what a full credit note takes). */
  totalLabel: string;
  canCreditFull: boolean;
  nothingLeft: boolean;
  suffix: 'HT' | 'TTC';
  lines: CreditableLine[];
  rates: CreditableRate[];
}) {
  const [state, action, pending] = useActionState(issueCreditNoteAction, null);
  const [mode, setMode] = useState<Mode>(canCreditFull ? 'full' : 'lines');
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const errors = state?.ok ? undefined : state?.fieldErrors;
  const values = state?.ok ? undefined : state?.values;

  // Whatever the answer, the dialog closes so the message can be read.
  useEffect(() => {
    if (state) dialogRef.current?.close();
  }, [state]);
  // A full credit note is no longer possible once one was issued.
  useEffect(() => {
    if (!canCreditFull && mode === 'full') setMode('lines');
  }, [canCreditFull, mode]);

  const review = () => {
    if (formRef.current?.reportValidity()) dialogRef.current?.showModal();
  };
  const errorId = (name: string) => `${id}-${name}-error`;
  const fieldError = (name: string) =>
    errors?.[name]?.length ? (
      <p id={errorId(name)} className="mt-1 text-left text-xs text-red-700">
        {errors[name]!.join(' ')}
      </p>
    ) : null;
  const modes: Mode[] = ['full', 'lines', 'amounts'];

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white">
      <h2 id={`${id}-title`} className="border-b border-neutral-100 px-4 py-3 font-semibold">
        {m.issueCreditNote}
      </h2>
      <div className="space-y-3 px-4 py-3">
        <div className="empty:hidden">
          <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
        </div>
        {nothingLeft ? (
          <p className="text-sm text-neutral-600">{m.nothingToCredit}</p>
        ) : (
          <form ref={formRef} action={action} aria-labelledby={`${id}-title`} className="space-y-4">
            <p className="text-sm text-neutral-600">{m.creditNoteIntro}</p>
            <input type="hidden" name="invoiceId" value={invoiceId} />
            {/*
              What is submitted is the mode shown, from state: React resets a form after its action,
              which would put radio buttons back to their first default while the inputs shown follow
              the state. The radios are uncontrolled, their default kept in step with the state.
            */}
            <input type="hidden" name="mode" value={mode} />
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-neutral-800">{m.creditMode}</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                {modes.map((x) => {
                  const disabled = x === 'full' && !canCreditFull;
                  const hint = x === 'full' ? (canCreditFull ? m.modeHints.full : m.modeHints.fullUnavailable) : m.modeHints[x];
                  return (
                    <label
                      key={x}
                      className={`flex gap-2 rounded-md border p-2.5 text-sm ${mode === x ? 'border-accent-600 bg-accent-50' : 'border-neutral-200'} ${disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer'}`}
                    >
                      <input
                        type="radio"
                        name={`${id}-mode`}
                        value={x}
                        defaultChecked={mode === x}
                        disabled={disabled}
                        onChange={() => setMode(x)}
                        aria-describedby={`${id}-mode-${x}-hint`}
                        className="mt-0.5 accent-accent-600"
                      />
                      <span>
                        <span className="font-medium text-neutral-900">{m.modes[x]}</span>
                        <span id={`${id}-mode-${x}-hint`} className="block text-xs text-neutral-600">
                          {hint}
                        </span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>

            {mode === 'lines' ? (
              <div className="overflow-x-auto rounded-md border border-neutral-200">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.modes.lines}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{m.description}</th>
                      <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{m.invoiced}</th>
                      <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{m.alreadyCredited}</th>
                      <th scope="col" className="w-32 px-3 py-2 text-right font-medium">{m.creditQuantityShort}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {lines.map((l) => {
                      const name = `qty.${l.id}`;
                      const inputId = `${id}-qty-${l.id}`;
                      const invalid = Boolean(errors?.[name]?.length);
                      return (
                        <tr key={l.id}>
                          <td className="px-3 py-2">
                            <label htmlFor={inputId}>
                              {l.sku ? <span className="mr-1 font-mono text-xs text-neutral-600">{l.sku}</span> : null}
                              {l.description}
                              <span className="sr-only"> — {m.creditQuantityShort}</span>
                            </label>
                            <span id={`${inputId}-hint`} className="block text-xs text-neutral-500">
                              <span className="sm:hidden">
                                {m.invoiced} {l.invoicedLabel} · {m.alreadyCredited} {l.creditedLabel} ·{' '}
                              </span>
                              {l.left > 0 ? m.leftToCredit(l.leftLabel) : m.fullyCredited}
                            </span>
                          </td>
                          <td className="tabular hidden px-3 py-2 text-right sm:table-cell">{l.invoicedLabel}</td>
                          <td className="tabular hidden px-3 py-2 text-right sm:table-cell">{l.creditedLabel}</td>
                          <td className="px-3 py-2">
                            <input
                              id={inputId}
                              name={name}
                              type="number"
                              inputMode="decimal"
                              min={0}
                              max={l.left}
                              step={l.step}
                              disabled={l.left <= 0}
                              defaultValue={values?.[name] ?? ''}
                              placeholder="0"
                              aria-invalid={invalid || undefined}
                              aria-describedby={[`${inputId}-hint`, invalid ? errorId(name) : null].filter(Boolean).join(' ')}
                              className={control}
                            />
                            {fieldError(name)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}

            {mode === 'amounts' ? (
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {rates.map((r) => {
                  const name = `amount.${r.vatRateBp}`;
                  const inputId = `${id}-amount-${r.vatRateBp}`;
                  const invalid = Boolean(errors?.[name]?.length);
                  return (
                    <div key={r.vatRateBp}>
                      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-neutral-800">
                        {m.creditAmount(r.rateLabel, suffix)}
                      </label>
                      <input
                        id={inputId}
                        name={name}
                        inputMode="decimal"
                        autoComplete="off"
                        disabled={r.exhausted}
                        defaultValue={values?.[name] ?? ''}
                        placeholder="0,00"
                        aria-invalid={invalid || undefined}
                        aria-describedby={[`${inputId}-hint`, invalid ? errorId(name) : null].filter(Boolean).join(' ')}
                        className={control}
                      />
                      <p id={`${inputId}-hint`} className="mt-1 text-xs text-neutral-500">
                        {m.rateLeft(r.leftLabel, suffix)}
                      </p>
                      {fieldError(name)}
                    </div>
                  );
                })}
              </div>
            ) : null}

            <Textarea
              id={`${id}-reason`}
              label={m.reason}
              name="reason"
              rows={2}
              required
              maxLength={500}
              defaultValue={values?.reason ?? ''}
              hint={m.reasonHint}
              errors={errors?.reason}
            />

            <Button type="button" variant="secondary" disabled={pending} onClick={review}>
              {m.reviewCreditNote}
            </Button>

            <dialog
              ref={dialogRef}
              aria-labelledby={`${id}-confirm-title`}
              aria-describedby={`${id}-confirm-text`}
              className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
            >
              <h2 id={`${id}-confirm-title`} className="text-lg font-semibold">
                {m.confirmTitle(invoiceNumber)}
              </h2>
              <ul id={`${id}-confirm-text`} className="mt-3 list-disc space-y-1 pl-5 text-sm text-neutral-700">
                <li>{mode === 'full' ? m.confirmFull(totalLabel) : m.confirmPartial}</li>
                <li>{m.confirmFinal}</li>
              </ul>
              <div className="mt-5 flex flex-wrap justify-end gap-2">
                <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
                  {m.keep}
                </Button>
                <Button type="submit" pending={pending} pendingLabel={m.issuing}>
                  {m.confirm}
                </Button>
              </div>
            </dialog>
          </form>
        )}
      </div>
    </section>
  );
}
