'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { quickOrderAction } from './actions';

/** "SKU quantity" lines, typed or pasted; each faulty line is listed with its own message. */
export function QuickOrderForm() {
  const [state, action, pending] = useActionState(quickOrderAction, null);
  const lineErrors = state?.lineErrors ?? [];
  const describedBy = ['quick-hint', lineErrors.length ? 'quick-errors' : null].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="quick-title" className="rounded-xl border border-neutral-200 bg-white p-4">
      <h2 id="quick-title" className="mb-2 font-semibold">
        {m.cart.quick.title}
      </h2>
      <form action={action} className="space-y-2">
        <label htmlFor="quick-lines" className="block text-sm font-medium text-neutral-800">
          {m.cart.quick.label}
        </label>
        <textarea
          id="quick-lines"
          name="lines"
          rows={4}
          key={state?.ok ? 'done' : 'edit'}
          defaultValue={state?.ok ? '' : (state?.values?.lines ?? '')}
          placeholder={'BUR-RAM-A4 10\nCAF-CAP-50 5'}
          aria-describedby={describedBy}
          aria-invalid={lineErrors.length ? true : undefined}
          className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 font-mono text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500"
        />
        <p id="quick-hint" className="text-xs text-neutral-500">
          {m.cart.quick.hint}
        </p>
        <FormMessage error={state && !state.ok ? state.error : undefined} message={state?.ok ? state.message : undefined} />
        {lineErrors.length ? (
          <ul id="quick-errors" className="space-y-1 text-sm text-red-800">
            {lineErrors.map((e) => (
              <li key={`${e.line}-${e.text}`}>
                <span className="font-medium">{m.cart.quick.lineError(e.line)}</span> (<code>{e.text}</code>) : {e.error}
              </li>
            ))}
          </ul>
        ) : null}
        <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.cart.quick.pending}>
          {m.cart.quick.submit}
        </Button>
      </form>
    </section>
  );
}
