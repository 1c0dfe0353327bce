'use client';

import Link from 'next/link';
import { useActionState, useId, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { Button, buttonClass } from '@/app/_components/button';
import { FormMessage, Input, Textarea } from '@/app/_components/field';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { type PickerProduct, searchRequestProductsAction, submitQuoteRequestAction } from '../actions';

const m = frQuotesPortal.form;

interface Row {
  /** Stable React key: rows are added and removed, their names follow their position. */
  key: number;
  product: PickerProduct | null;
  description: string;
  quantity: string;
}

/**
 * The request for quote: title, need, desired date, budget indication, and optional lines — a
 * catalogue article found by SKU or name, or free text — with a quantity. The line rows live in
 * state, so a refusal keeps everything typed; each error is shown next to its field.
 */
export function RequestForm({ minDate }: { minDate: string }) {
  const [state, action, pending] = useActionState(submitQuoteRequestAction, null);
  const [rows, setRows] = useState<Row[]>([{ key: 0, product: null, description: '', quantity: '' }]);
  // The row keys in the order they were submitted: the service's `lines.N.*` errors name positions
  // at submit time, so they stay on the right row when rows are added or removed afterwards.
  const [submittedKeys, setSubmittedKeys] = useState<number[]>([]);
  const [announce, setAnnounce] = useState('');
  const nextKey = useRef(1);
  const fe = state?.ok ? undefined : state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const rowRefs = useRef(new Map<number, HTMLElement>());

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    const key = nextKey.current++;
    setRows((rs) => [...rs, { key, product: null, description: '', quantity: '' }]);
    setAnnounce(m.lineAdded(rows.length + 1));
    // Focus the new row's first field once it is rendered.
    requestAnimationFrame(() => rowRefs.current.get(key)?.querySelector<HTMLInputElement>('input:not([type=hidden])')?.focus());
  };
  const removeRow = (key: number, position: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setAnnounce(m.lineRemoved(position));
  };

  return (
    <form
      action={action}
      onSubmit={() => {
        setSubmittedKeys(rows.map((r) => r.key));
      }}
      noValidate
      className="space-y-6"
    >
      <FormMessage error={state && !state.ok ? state.error : undefined} />
      <section className="grid gap-4 rounded-xl border border-neutral-200 bg-white p-5 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <Input label={m.titleLabel} name="title" required maxLength={150} hint={m.titleHint} errors={fe?.title} defaultValue={v?.title ?? ''} />
        </div>
        <div className="lg:col-span-2">
          <Textarea label={m.description} name="description" required rows={5} maxLength={5000} hint={m.descriptionHint} errors={fe?.description} defaultValue={v?.description ?? ''} />
        </div>
        <Input label={m.desiredDate} name="desiredDate" type="date" min={minDate} hint={m.desiredDateHint} errors={fe?.desiredDate} defaultValue={v?.desiredDate ?? ''} />
        <Input label={m.budget} name="budgetHint" inputMode="decimal" autoComplete="off" hint={m.budgetHint} errors={fe?.budgetHint} defaultValue={v?.budgetHint ?? ''} />
      </section>

      <fieldset className="rounded-xl border border-neutral-200 bg-white p-5" aria-describedby="lines-hint">
        <legend className="px-1 font-semibold">{m.lines}</legend>
        <p id="lines-hint" className="mb-4 text-sm text-neutral-600">
          {m.linesHint}
        </p>
        {fe?.lines ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {fe.lines.join(' ')}
          </p>
        ) : null}
        <ol className="space-y-4">
          {rows.map((row, i) => {
            const at = submittedKeys.indexOf(row.key);
            const err = (name: string) => (at >= 0 ? fe?.[`lines.${at}.${name}`] : undefined);
            return (
            <li
              key={row.key}
              ref={(el) => {
                if (el) rowRefs.current.set(row.key, el);
                else rowRefs.current.delete(row.key);
              }}
            >
              <LineRow
                index={i}
                row={row}
                errors={{ productId: err('productId'), description: err('description'), quantity: err('quantity') }}
                onChange={(patch) => update(row.key, patch)}
                onRemove={() => removeRow(row.key, i + 1)}
              />
            </li>
            );
          })}
        </ol>
        <div className="mt-4">
          <Button type="button" variant="secondary" onClick={addRow}>
            {m.addLine}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="sr-only">
          {announce}
        </p>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} pendingLabel={m.pending}>
          {m.submit}
        </Button>
        <Link href="/b2b/requests" className={buttonClass('ghost')}>
          {m.cancel}
        </Link>
      </div>
    </form>
  );
}

function LineRow({
  index,
  row,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  row: Row;
  errors: { productId?: string[]; description?: string[]; quantity?: string[] };
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const base = `lines.${index}`;
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickerProduct[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();

  const search = () => {
    startSearch(async () => {
      const found = await searchRequestProductsAction(query);
      if (found.ok) {
        setResults(found.products);
        setSearchError(null);
      } else {
        setResults(null);
        setSearchError(found.error);
      }
    });
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches instead of submitting the whole request.
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };
  const productError = errors.productId;

  return (
    <fieldset className="rounded-lg border border-neutral-200 p-4">
      <legend className="px-1 text-sm font-medium text-neutral-800">{m.line(n)}</legend>
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_10rem_auto] md:items-start">
        <div className="space-y-3">
          {row.product ? (
            <div>
              <input type="hidden" name={`${base}.productId`} value={row.product.productId} />
              <input type="hidden" name={`${base}.description`} value="" />
              <p className="mb-1 text-sm font-medium text-neutral-800">{m.chosen}</p>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span data-testid={`line-${n}-product`}>
                  {row.product.name}
                  {row.product.sku ? <span className="ml-1 text-xs text-neutral-500">{row.product.sku}</span> : null}
                </span>
                <Button type="button" size="sm" variant="ghost" aria-label={m.changeLabel(n)} onClick={() => onChange({ product: null })}>
                  {m.change}
                </Button>
              </p>
              {productError ? (
                <p role="alert" className="mt-1 text-sm text-red-700">
                  {productError.join(' ')}
                </p>
              ) : null}
            </div>
          ) : (
            <>
              <div>
                <label htmlFor={`${id}-search`} className="mb-1 block text-sm font-medium text-neutral-800">
                  {m.search(n)}
                </label>
                <div className="flex gap-2">
                  <input
                    id={`${id}-search`}
                    type="search"
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                    onKeyDown={onSearchKey}
                    placeholder={m.searchPlaceholder}
                    autoComplete="off"
                    className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
                  />
                  <Button type="button" variant="secondary" onClick={search} pending={searching} pendingLabel={m.searching} aria-label={m.searchButtonLabel(n)}>
                    {m.searchButton}
                  </Button>
                </div>
                <div aria-live="polite">
                  {searchError ? (
                    <p role="alert" className="mt-1 text-sm text-red-700">
                      {searchError}
                    </p>
                  ) : results && results.length === 0 ? (
                    <p className="mt-1 text-sm text-neutral-600">{m.noResults}</p>
                  ) : results ? (
                    <ul aria-label={m.searchResults(n)} className="mt-2 divide-y divide-neutral-100 rounded-md border border-neutral-200">
                      {results.map((p) => (
                        <li key={p.productId}>
                          <button
                            type="button"
                            aria-label={m.choose(p.name, p.sku)}
                            onClick={() => {
                              onChange({ product: p, description: '' });
                              setResults(null);
                              setQuery('');
                            }}
                            className="flex w-full items-baseline justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-neutral-50 focus:bg-accent-50 focus:outline-none"
                          >
                            <span>{p.name}</span>
                            <span className="text-xs text-neutral-500">{p.sku}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
              <p className="text-xs uppercase tracking-wide text-neutral-500">{m.or}</p>
              <Input
                id={`${id}-description`}
                label={m.description_line(n)}
                name={`${base}.description`}
                maxLength={300}
                value={row.description}
                onChange={(e) => onChange({ description: e.target.value })}
                errors={errors.description}
              />
            </>
          )}
        </div>
        <Input
          id={`${id}-quantity`}
          label={m.quantity(n)}
          name={`${base}.quantity`}
          inputMode="decimal"
          autoComplete="off"
          value={row.quantity}
          onChange={(e) => onChange({ quantity: e.target.value })}
          hint={index === 0 ? m.quantityHint : undefined}
          errors={errors.quantity}
        />
        <div className="md:pt-6">
          <Button type="button" variant="danger" size="sm" aria-label={m.removeLineLabel(n)} onClick={onRemove}>
            {m.removeLine}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
