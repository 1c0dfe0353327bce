'use client';

import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select, Textarea } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { formatMoney, formatRateBp, parseMoney } from '@/lib/money';
import { priceQuote, type QuoteTotals } from '@/lib/quotes/pricing';
import type { QuoteState } from '@/lib/quotes/rules';
import { QUOTE_VAT_RATES } from '@/lib/quotes/schemas';
import type { QuoteProductOption } from '@/lib/quotes/staff-extra-queries';
import type { Treatment } from '@/lib/tax';
import { saveQuoteAction } from '../actions';
import { centsToText, type LineField, lineAmounts, lineErrorsAt, type LineText } from '../form-lines';
import { ProductPicker } from './product-picker';

/** A line being edited: what is typed, plus the SKU shown for catalogue lines and a stable key. */
export interface BuilderLine extends LineText {
  key: string;
  sku: string | null;
}

export interface BuilderValues {
  title: string;
  lines: BuilderLine[];
  validUntil: string;
  shipping: string;
  deliveryTerms: string;
  paymentTerms: string;
  clientNote: string;
  internalNotes: string;
  deliveryAddressId: string;
}

type HeaderField = Exclude<keyof BuilderValues, 'lines'>;

const control =
  'block w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm shadow-sm placeholder:text-neutral-400 focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500';
const iconButton =
  'inline-flex size-8 items-center justify-center rounded-md text-neutral-600 hover:bg-neutral-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600 disabled:cursor-not-allowed disabled:opacity-40';

/** One compact labelled cell of a line; the label is visible on small screens, read aloud everywhere. */
function LineCell({ id, label, errors, className = '', children }: { id: string; label: string; errors?: string[] | undefined; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-neutral-600 lg:sr-only">
        {label}
      </label>
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The quote editor: the draft being prepared (or, for a quote already sent, the next version
 * prefilled from the latest sent one). Every field is held in state, so a refused save loses
 * nothing; totals are computed live with the same pure engine the server uses (display only: the
 * server prices again on save and on send). « Envoyer » saves first, then sends that version.
 */
export function QuoteBuilder({
  quoteId,
  accountId,
  status,
  baseVersion,
  editingVersion,
  latestSentVersion,
  hasDraft,
  treatment,
  addresses,
  today,
  initial,
}: {
  quoteId: string;
  accountId: string;
  status: QuoteState;
  /** The version the editor loaded (the draft's, else the latest sent): the service refuses a stale one. */
  baseVersion: number;
  /** The version saving writes. */
  editingVersion: number;
  latestSentVersion: number | null;
  hasDraft: boolean;
  treatment: Treatment;
  addresses: { id: string; label: string }[];
  today: string;
  initial: BuilderValues;
}) {
  const id = useId();
  const [state, action, pending] = useActionState(saveQuoteAction, null);
  const [values, setValues] = useState<BuilderValues>(initial);
  const [intent, setIntent] = useState<'save' | 'send'>('save');
  const nextKey = useRef(0);
  const focusKey = useRef<string | null>(null);
  // The keys of the rows as they were posted: the service's `lines.2.x` errors name positions.
  const submittedKeys = useRef<string[]>([]);
  const sendDialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (state) sendDialog.current?.close();
  }, [state]);

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`${id}-${focusKey.current}-description`)?.focus();
    focusKey.current = null;
  }, [values.lines, id]);

  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const lineErrors = useMemo(() => {
    const byKey = new Map<string, Partial<Record<LineField, string[]>>>();
    submittedKeys.current.forEach((key, i) => byKey.set(key, lineErrorsAt(fe, i)));
    return byKey;
  }, [fe]);
  const headerErrors = (name: HeaderField) => fe?.[name];

  const amounts = useMemo(() => values.lines.map((l) => lineAmounts(l)), [values.lines]);
  const priced = useMemo(() => {
    try {
      const shipping = parseMoney(values.shipping.trim() === '' ? '0' : values.shipping);
      return priceQuote(amounts.filter((a) => a !== null), treatment, shipping.ok ? shipping.cents : 0);
    } catch {
      return null;
    }
  }, [amounts, treatment, values.shipping]);
  // Each valid line's HT total, in the order priceQuote received them; null for a line to fix.
  const lineTotals: (number | null)[] = [];
  let pricedIndex = 0;
  for (const a of amounts) lineTotals.push(a && priced ? (priced.lines[pricedIndex++]?.netCents ?? null) : null);
  const invalidCount = amounts.filter((a) => a === null).length;

  const set = (name: HeaderField, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const setLine = (key: string, field: LineField, value: string) =>
    setValues((v) => ({ ...v, lines: v.lines.map((l) => (l.key === key ? { ...l, [field]: value } : l)) }));
  const move = (index: number, by: -1 | 1) =>
    setValues((v) => {
      const lines = [...v.lines];
      const [line] = lines.splice(index, 1);
      lines.splice(index + by, 0, line!);
      return { ...v, lines };
    });
  const remove = (key: string) => setValues((v) => ({ ...v, lines: v.lines.filter((l) => l.key !== key) }));
  const append = (line: Omit<BuilderLine, 'key'>) => {
    const key = `n${nextKey.current++}`;
    focusKey.current = key;
    setValues((v) => ({ ...v, lines: [...v.lines, { ...line, key }] }));
  };
  const addFree = () => append({ productId: '', sku: null, description: '', quantity: '1', unitPrice: '', discount: '', vatRateBp: '2000' });
  const addProduct = (p: QuoteProductOption) =>
    append({ productId: p.id, sku: p.sku, description: p.name, quantity: '1', unitPrice: centsToText(p.unitPriceHtCents), discount: '', vatRateBp: String(p.vatRateBp) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const chosen = submitter?.getAttribute('value') === 'send' ? 'send' : 'save';
    setIntent(chosen);
    const form = new FormData(event.currentTarget);
    form.set('intent', chosen);
    submittedKeys.current = values.lines.map((l) => l.key);
    // Dispatched by hand (not `<form action>`), so React does not reset the form afterwards.
    startTransition(() => action(form));
  }

  const hint =
    latestSentVersion === null
      ? m.hintFirst
      : status === 'expired'
        ? m.hintReissueExpired(editingVersion, latestSentVersion)
        : status === 'changes_requested'
          ? m.hintChangesRequested(editingVersion, latestSentVersion)
          : hasDraft
            ? m.hintDraftNext(editingVersion, latestSentVersion)
            : m.hintNext(editingVersion, latestSentVersion);

  const formError = state && !state.ok ? (state.error ?? t.errors.checkFields) : undefined;
  const linesError = fe?.lines;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white">
      <div className="border-b border-neutral-100 px-4 py-3">
        <h2 id={`${id}-title`} className="font-semibold">
          {m.editorTitle} — {m.editingDraft(editingVersion)}
        </h2>
        <p className="mt-1 rounded-md bg-accent-50 px-3 py-2 text-sm text-accent-800">{hint}</p>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-6 px-4 py-4">
        <input type="hidden" name="quoteId" value={quoteId} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <FormMessage error={formError} message={state?.ok ? state.message : undefined} />

        <Input id={`${id}-title-input`} label={m.quoteTitleLabel} name="title" required maxLength={150} value={values.title} onChange={(e) => set('title', e.target.value)} errors={headerErrors('title')} />

        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-neutral-900">{m.lines}</legend>
          {linesError?.length ? (
            <p id={`${id}-lines-error`} className="text-sm text-red-700">
              {linesError.join(' ')}
            </p>
          ) : null}
          {values.lines.length === 0 ? (
            <p className="rounded-md border border-dashed border-neutral-300 px-3 py-4 text-center text-sm text-neutral-600">{m.noLinesYet}</p>
          ) : (
            <>
              <div aria-hidden="true" className="hidden gap-2 px-2 text-xs font-medium uppercase tracking-wide text-neutral-500 lg:grid lg:grid-cols-[2rem_minmax(0,1fr)_6rem_8rem_5.5rem_6rem_7.5rem_6.5rem]">
                <span>#</span>
                <span>{m.lineDescription}</span>
                <span className="text-right">{m.quantity}</span>
                <span className="text-right">{m.unitPrice}</span>
                <span className="text-right">{m.discount}</span>
                <span>{m.vatRate}</span>
                <span className="text-right">{m.lineTotal}</span>
                <span />
              </div>
              <ol className="space-y-2">
                {values.lines.map((line, i) => {
                  const errs = lineErrors.get(line.key) ?? {};
                  const cell = (field: LineField) => `${id}-${line.key}-${field}`;
                  const described = (field: LineField, extra?: string) => [errs[field]?.length ? `${cell(field)}-error` : null, extra].filter(Boolean).join(' ') || undefined;
                  const total = lineTotals[i];
                  return (
                    <li key={line.key}>
                      <fieldset className="grid grid-cols-2 gap-2 rounded-md border border-neutral-200 p-2 sm:grid-cols-4 lg:grid-cols-[2rem_minmax(0,1fr)_6rem_8rem_5.5rem_6rem_7.5rem_6.5rem] lg:items-start lg:border-0 lg:border-b lg:border-neutral-100 lg:p-1 lg:pb-2">
                        <legend className="sr-only">{m.lineN(i + 1)}</legend>
                        <span aria-hidden="true" className="col-span-2 text-xs font-medium text-neutral-500 sm:col-span-4 lg:col-span-1 lg:pt-2 lg:text-sm">
                          <span className="lg:hidden">{m.lineN(i + 1)}</span>
                          <span className="hidden lg:inline">{i + 1}</span>
                        </span>
                        <LineCell id={cell('description')} label={m.lineDescription} errors={errs.description} className="col-span-2 sm:col-span-4 lg:col-span-1">
                          <div className="flex items-center gap-2">
                            {line.sku ? (
                              <span className="shrink-0 rounded bg-neutral-100 px-1.5 py-0.5 font-mono text-xs text-neutral-700" title={m.sku}>
                                {line.sku}
                              </span>
                            ) : (
                              <span className="shrink-0 rounded bg-neutral-50 px-1.5 py-0.5 text-xs text-neutral-500 ring-1 ring-inset ring-neutral-200">{m.freeText}</span>
                            )}
                            <input
                              id={cell('description')}
                              name={`lines.${i}.description`}
                              value={line.description}
                              onChange={(e) => setLine(line.key, 'description', e.target.value)}
                              maxLength={500}
                              required
                              aria-invalid={errs.description?.length ? true : undefined}
                              aria-describedby={described('description')}
                              className={control}
                            />
                          </div>
                          <input type="hidden" name={`lines.${i}.productId`} value={line.productId} />
                          {errs.productId?.length ? <p className="mt-0.5 text-xs text-red-700">{errs.productId.join(' ')}</p> : null}
                        </LineCell>
                        <LineCell id={cell('quantity')} label={m.quantity} errors={errs.quantity}>
                          <input
                            id={cell('quantity')}
                            name={`lines.${i}.quantity`}
                            value={line.quantity}
                            onChange={(e) => setLine(line.key, 'quantity', e.target.value)}
                            inputMode="decimal"
                            autoComplete="off"
                            required
                            title={m.quantityHint}
                            aria-invalid={errs.quantity?.length ? true : undefined}
                            aria-describedby={described('quantity')}
                            className={`${control} tabular text-right`}
                          />
                        </LineCell>
                        <LineCell id={cell('unitPrice')} label={m.unitPrice} errors={errs.unitPrice}>
                          <input
                            id={cell('unitPrice')}
                            name={`lines.${i}.unitPrice`}
                            value={line.unitPrice}
                            onChange={(e) => setLine(line.key, 'unitPrice', e.target.value)}
                            inputMode="decimal"
                            autoComplete="off"
                            required
                            aria-invalid={errs.unitPrice?.length ? true : undefined}
                            aria-describedby={described('unitPrice')}
                            className={`${control} tabular text-right`}
                          />
                        </LineCell>
                        <LineCell id={cell('discount')} label={m.discount} errors={errs.discount}>
                          <input
                            id={cell('discount')}
                            name={`lines.${i}.discount`}
                            value={line.discount}
                            onChange={(e) => setLine(line.key, 'discount', e.target.value)}
                            inputMode="decimal"
                            autoComplete="off"
                            placeholder="0"
                            aria-invalid={errs.discount?.length ? true : undefined}
                            aria-describedby={described('discount')}
                            className={`${control} tabular text-right`}
                          />
                        </LineCell>
                        <LineCell id={cell('vatRateBp')} label={m.vatRate} errors={errs.vatRateBp}>
                          <select
                            id={cell('vatRateBp')}
                            name={`lines.${i}.vatRateBp`}
                            value={line.vatRateBp}
                            onChange={(e) => setLine(line.key, 'vatRateBp', e.target.value)}
                            aria-invalid={errs.vatRateBp?.length ? true : undefined}
                            aria-describedby={described('vatRateBp')}
                            className={control}
                          >
                            {QUOTE_VAT_RATES.map((r) => (
                              <option key={r} value={String(r)}>
                                {formatRateBp(r)}
                              </option>
                            ))}
                          </select>
                        </LineCell>
                        <div className="flex items-baseline justify-between gap-2 text-sm lg:block lg:pt-2 lg:text-right">
                          <span className="text-xs font-medium text-neutral-600 lg:sr-only">{m.lineTotal}</span>
                          {total != null ? <Money cents={total} className="font-medium" /> : <span className="text-xs font-medium text-amber-800">{m.invalidLine}</span>}
                        </div>
                        <div className="col-span-2 flex justify-end gap-0.5 sm:col-span-1 lg:col-span-1 lg:pt-0.5">
                          <button type="button" className={iconButton} onClick={() => move(i, -1)} disabled={i === 0} aria-label={m.moveUp(i + 1)} title={m.moveUp(i + 1)}>
                            <span aria-hidden="true">↑</span>
                          </button>
                          <button type="button" className={iconButton} onClick={() => move(i, 1)} disabled={i === values.lines.length - 1} aria-label={m.moveDown(i + 1)} title={m.moveDown(i + 1)}>
                            <span aria-hidden="true">↓</span>
                          </button>
                          <button type="button" className={`${iconButton} text-red-700 hover:bg-red-50`} onClick={() => remove(line.key)} aria-label={m.removeLine(i + 1)} title={m.removeLine(i + 1)}>
                            <span aria-hidden="true">✕</span>
                          </button>
                        </div>
                      </fieldset>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-start">
            <ProductPicker accountId={accountId} onPick={addProduct} />
            <Button type="button" variant="secondary" onClick={addFree}>
              {m.addFreeLine}
            </Button>
          </div>
        </fieldset>

        <Totals totals={priced} invalidCount={invalidCount} />

        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-neutral-900">{m.terms}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Select id={`${id}-address`} label={m.deliveryAddress} name="deliveryAddressId" value={values.deliveryAddressId} onChange={(e) => set('deliveryAddressId', e.target.value)} errors={headerErrors('deliveryAddressId')}>
              <option value="">{m.defaultAddress}</option>
              {addresses.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </Select>
            <Input
              id={`${id}-valid`}
              label={m.validUntilLabel}
              name="validUntil"
              type="date"
              min={today}
              value={values.validUntil}
              onChange={(e) => set('validUntil', e.target.value)}
              hint={m.validUntilHint}
              errors={headerErrors('validUntil')}
            />
            <Input
              id={`${id}-shipping`}
              label={m.shippingLabel}
              name="shipping"
              inputMode="decimal"
              value={values.shipping}
              onChange={(e) => set('shipping', e.target.value)}
              hint={m.shippingHint}
              errors={headerErrors('shipping')}
            />
            <Textarea id={`${id}-delivery`} label={m.deliveryTerms} name="deliveryTerms" rows={2} maxLength={1000} value={values.deliveryTerms} onChange={(e) => set('deliveryTerms', e.target.value)} errors={headerErrors('deliveryTerms')} />
            <Textarea id={`${id}-payment`} label={m.paymentTerms} name="paymentTerms" rows={2} maxLength={1000} value={values.paymentTerms} onChange={(e) => set('paymentTerms', e.target.value)} errors={headerErrors('paymentTerms')} />
          </div>
          <Textarea id={`${id}-note`} label={m.clientNote} name="clientNote" rows={2} maxLength={2000} hint={m.clientNoteHint} value={values.clientNote} onChange={(e) => set('clientNote', e.target.value)} errors={headerErrors('clientNote')} />
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
            <Textarea
              id={`${id}-internal`}
              label={m.internalNotes}
              name="internalNotes"
              rows={3}
              maxLength={5000}
              hint={m.internalNotesHint}
              value={values.internalNotes}
              onChange={(e) => set('internalNotes', e.target.value)}
              errors={headerErrors('internalNotes')}
            />
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-2 border-t border-neutral-100 pt-4">
          <Button type="submit" name="intent" value="save" variant="secondary" pending={pending} pendingLabel={intent === 'save' ? m.saving : undefined}>
            {m.saveDraft}
          </Button>
          <Button type="button" disabled={pending} onClick={() => sendDialog.current?.showModal()}>
            {m.sendVersion(editingVersion)}
          </Button>
        </div>

        <dialog
          ref={sendDialog}
          aria-labelledby={`${id}-send-title`}
          aria-describedby={`${id}-send-text`}
          className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
        >
          <h2 id={`${id}-send-title`} className="text-lg font-semibold">
            {m.sendDialogTitle(editingVersion)}
          </h2>
          <ul id={`${id}-send-text`} className="mt-3 list-disc space-y-1 pl-5 text-sm text-neutral-700">
            <li>{m.sendDialogSave}</li>
            <li>{m.sendDialogFreeze}</li>
            <li>{m.sendDialogNotify}</li>
            {latestSentVersion !== null && status === 'sent' ? <li>{m.sendDialogPrevious(latestSentVersion)}</li> : null}
          </ul>
          {priced ? (
            <p className="mt-3 text-sm">
              {m.totalNet} : <strong>{formatMoney(priced.totalNetCents)}</strong> · {m.totalGross} : <strong>{formatMoney(priced.totalGrossCents)}</strong>
            </p>
          ) : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => sendDialog.current?.close()}>
              {m.keepEditing}
            </Button>
            <Button type="submit" name="intent" value="send" pending={pending} pendingLabel={m.sending}>
              {m.confirmSend}
            </Button>
          </div>
        </dialog>
      </form>
    </section>
  );
}

/** HT, VAT per rate and TTC of the valid lines, as lib/tax computes them for this treatment. */
function Totals({ totals, invalidCount }: { totals: QuoteTotals | null; invalidCount: number }) {
  return (
    <section aria-label={m.totals} className="flex flex-col items-end gap-1 border-t border-neutral-100 pt-4">
      <dl className="w-full max-w-sm space-y-1 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-neutral-600">{m.totalNet}</dt>
          <dd>
            <Money cents={totals?.totalNetCents ?? 0} />
          </dd>
        </div>
        {totals?.adjustments.length ? (
          <div className="flex justify-between gap-4 text-xs text-neutral-500">
            <dt>{m.shippingIncluded}</dt>
            <dd>
              <Money cents={totals.adjustments.reduce((sum, a) => sum + (a.kind === 'charge' ? a.netCents : -a.netCents), 0)} />
            </dd>
          </div>
        ) : null}
        {totals?.breakdown.map((b) => (
          <div key={`${b.category}-${b.vatRateBp}`} className="flex justify-between gap-4">
            <dt className="text-neutral-600">
              {m.vatAt(formatRateBp(b.vatRateBp))} <span className="text-xs text-neutral-500">{m.vatBase(formatMoney(b.taxableCents))}</span>
            </dt>
            <dd>
              <Money cents={b.vatCents} />
            </dd>
          </div>
        ))}
        {totals && totals.breakdown.length > 1 ? (
          <div className="flex justify-between gap-4">
            <dt className="text-neutral-600">{m.totalVat}</dt>
            <dd>
              <Money cents={totals.totalVatCents} />
            </dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4 border-t border-neutral-200 pt-2 text-base font-semibold">
          <dt>{m.totalGross}</dt>
          <dd>
            <Money cents={totals?.totalGrossCents ?? 0} />
          </dd>
        </div>
      </dl>
      {totals?.mentions.length ? (
        <ul className="w-full max-w-sm text-xs text-neutral-600">
          {totals.mentions.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
      <p className="max-w-sm text-right text-xs text-neutral-500">
        {m.totalsLive}
        {invalidCount > 0 ? <span className="block font-medium text-amber-800">{m.linesToFix(invalidCount)}</span> : null}
      </p>
    </section>
  );
}
