'use client';

import { useActionState, useId } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Textarea } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { commentQuoteAction } from '../actions';

/** A staff comment under the quote's history, read by the client in the portal. */
export function CommentForm({ quoteId }: { quoteId: string }) {
  const [state, action, pending] = useActionState(commentQuoteAction, null);
  const id = useId();
  const errors = state?.ok ? undefined : state?.fieldErrors?.comment;
  return (
    <form action={action} noValidate aria-label={m.addComment} className="space-y-3 border-t border-neutral-100 px-4 py-3">
      <input type="hidden" name="quoteId" value={quoteId} />
      <FormMessage error={state?.ok ? undefined : errors?.length ? t.errors.checkFields : state?.error} message={state?.ok ? state.message : undefined} />
      <Textarea id={`${id}-comment`} label={m.commentLabel} name="comment" rows={3} maxLength={2000} required hint={m.commentHint} errors={errors} defaultValue={state?.ok ? '' : (state?.values?.comment ?? '')} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.commenting}>
        {m.addComment}
      </Button>
    </form>
  );
}
