'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Textarea } from '@/app/_components/field';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { commentOnQuoteAction } from '../actions';

const m = frQuotesPortal.quotes.comments;

/** A comment on the quote, for every user of the company; the field empties once published. */
export function CommentForm({ quoteId }: { quoteId: string }) {
  const [state, action, pending] = useActionState(commentOnQuoteAction, null);
  const own = state && !state.ok ? state.fieldErrors?.comment : undefined;
  return (
    <form action={action} noValidate className="space-y-3" aria-label={m.title}>
      <input type="hidden" name="quoteId" value={quoteId} />
      <FormMessage error={state && !state.ok ? (own?.length ? `${m.label} : ${own.join(' ')}` : state.error) : undefined} message={state?.ok ? state.message : undefined} />
      <Textarea
        id="quote-comment"
        label={m.label}
        name="comment"
        rows={3}
        required
        maxLength={2000}
        hint={m.hint}
        errors={own}
        defaultValue={state && !state.ok ? (state.values?.comment ?? '') : ''}
      />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.pending}>
        {m.submit}
      </Button>
    </form>
  );
}
