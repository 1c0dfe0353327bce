'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/app/_components/button';
import { Money } from '@/app/_components/money';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { formatRateBp } from '@/lib/money';
import type { QuoteProductOption } from '@/lib/quotes/staff-extra-queries';
import { searchQuoteProductsAction } from '../actions';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; rows: QuoteProductOption[] } | { status: 'error'; error: string };

/**
 * Finds an active catalogue product by SKU or name (as staff type, debounced) and hands it to the
 * builder, priced for the quote's company. The search field has no name: it is never posted with
 * the draft, and Enter searches instead of saving the quote.
 */
export function ProductPicker({ accountId, onPick }: { accountId: string; onPick: (p: QuoteProductOption) => void }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [announce, setAnnounce] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setSearch({ status: 'idle' });
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearch({ status: 'searching' });
      try {
        const result = await searchQuoteProductsAction(accountId, text);
        if (ticket !== latest.current) return;
        setSearch(result.ok ? { status: 'done', rows: result.rows } : { status: 'error', error: result.error });
      } catch {
        if (ticket === latest.current) setSearch({ status: 'error', error: m.pickerError });
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [q, accountId]);

  function pick(p: QuoteProductOption) {
    onPick(p);
    setQ('');
    setAnnounce(m.lineAdded(p.name));
  }

  const status =
    search.status === 'searching' ? m.pickerSearching : search.status === 'done' ? (search.rows.length ? m.pickerResults(search.rows.length) : m.pickerNoResult) : search.status === 'error' ? search.error : announce;

  return (
    <div className="rounded-md border border-neutral-200 bg-neutral-50 p-3">
      <label htmlFor={`${id}-q`} className="mb-1 block text-sm font-medium text-neutral-800">
        {m.pickerLabel}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setAnnounce('');
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (search.status === 'done' && search.rows.length === 1) pick(search.rows[0]!);
        }}
        placeholder={m.pickerPlaceholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        aria-describedby={`${id}-hint ${id}-status`}
        className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-500">
        {m.pickerHint}
      </p>
      <p id={`${id}-status`} role="status" className={`mt-1 text-xs ${search.status === 'error' ? 'text-red-700' : 'text-neutral-600'}`}>
        {status}
      </p>
      {search.status === 'done' && search.rows.length > 0 ? (
        <ul aria-label={m.pickerLabel} className="mt-2 max-h-72 divide-y divide-neutral-100 overflow-y-auto rounded-md border border-neutral-200 bg-white">
          {search.rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="truncate font-medium text-neutral-900">{p.name}</p>
                <p className="text-xs text-neutral-600">
                  <span className="font-mono">{p.sku}</span> · <Money cents={p.unitPriceHtCents} suffix="HT" /> ({p.onContract ? m.pickerContract : m.pickerList}) · {m.vatRate} {formatRateBp(p.vatRateBp)} · {m.pickerStock(p.stockOnHand)}
                </p>
              </div>
              <Button type="button" size="sm" variant="secondary" onClick={() => pick(p)} aria-label={m.pickerAddLabel(p.name)}>
                {m.pickerAdd}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
