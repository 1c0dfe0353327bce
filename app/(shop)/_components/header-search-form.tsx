'use client';

import Form from 'next/form';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** The texts of the search box, chosen on the server (see header-search.tsx). */
export type SearchBoxLabels = { searchLandmark: string; searchLabel: string; searchPlaceholder: string; searchSubmit: string };

/**
 * The shop's search box. On the search page it shows the current query, ready to be refined. The
 * query is read from the URL after mount rather than with useSearchParams: that hook needs a
 * Suspense boundary whose fallback is swapped out at hydration, losing what was typed meanwhile.
 *
 * Its texts come as props and this module imports nothing from `@/lib/i18n`: importing the message
 * catalogue here would ship every message of the application (≈ 24 kB gzip) to every shop page.
 */
export function HeaderSearchForm({ className = '', labels: m }: { className?: string; labels: SearchBoxLabels }) {
  const pathname = usePathname();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    if (!el || document.activeElement === el) return;
    el.value = pathname === '/search' ? (new URLSearchParams(window.location.search).get('q') ?? '') : '';
  }, [pathname]);
  return (
    <Form action="/search" role="search" aria-label={m.searchLandmark} className={className}>
      <label htmlFor="shop-search-q" className="sr-only">
        {m.searchLabel}
      </label>
      <div className="flex rounded-md shadow-sm">
        <input
          ref={input}
          id="shop-search-q"
          name="q"
          type="search"
          placeholder={m.searchPlaceholder}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          className="min-w-0 flex-1 rounded-l-md border border-r-0 border-neutral-300 bg-white px-3 py-2 text-sm placeholder:text-neutral-500 focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
        />
        <button
          type="submit"
          className="inline-flex items-center gap-1.5 rounded-r-md bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700"
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="M13 13l4.5 4.5" />
          </svg>
          <span className="sr-only sm:not-sr-only">{m.searchSubmit}</span>
        </button>
      </div>
    </Form>
  );
}
