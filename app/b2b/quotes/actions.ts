'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { commentOnQuote } from '@/lib/quotes/comment-service';
import { acceptQuote, declineQuote, requestQuoteChanges } from '@/lib/quotes/decision-service';
import { type ActionState, echoValues } from '@/lib/result';

const m = frQuotesPortal.quotes;

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * The quote and the version the person read. The version is not trusted: the service accepts only
 * the latest sent one, so a stale page is refused rather than deciding on figures nobody saw.
 */
function target(form: FormData) {
  return { quoteId: field(form, 'quoteId'), version: Number(field(form, 'version')) || 0 };
}

function revalidateQuote(quoteId: string) {
  revalidatePath('/b2b/quotes');
  revalidatePath(`/b2b/quotes/${quoteId}`);
}

function refused(result: { error: string; fieldErrors?: Record<string, string[] | undefined> }, form: FormData): ActionState {
  return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values: echoValues(form) };
}

/**
 * A purchaser or company admin accepts the latest version: the order is created at the quoted
 * figures (prices and roles come from the database, never from this form), then opened.
 */
export async function acceptQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const t = target(form);
  const purchaseOrderRef = field(form, 'purchaseOrderRef');
  const result = await acceptQuote(await getDb(), await getActor(), { ...t, purchaseOrderRef: purchaseOrderRef || undefined });
  if (!result.ok) return refused(result, form);
  revalidateQuote(t.quoteId);
  revalidatePath('/b2b', 'layout');
  redirect(`/b2b/orders/${result.value.orderId}?nouvelle=1`);
}

/** A purchaser or company admin asks for changes with a comment; the quote goes back to our staff. */
export async function requestQuoteChangesAction(_: ActionState, form: FormData): Promise<ActionState> {
  const t = target(form);
  const result = await requestQuoteChanges(await getDb(), await getActor(), { ...t, comment: field(form, 'comment') });
  if (!result.ok) return refused(result, form);
  revalidateQuote(t.quoteId);
  return { ok: true, message: m.decision.changesDone };
}

/** A purchaser or company admin declines with a reason (final). */
export async function declineQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const t = target(form);
  const result = await declineQuote(await getDb(), await getActor(), { ...t, reason: field(form, 'reason') });
  if (!result.ok) return refused(result, form);
  revalidateQuote(t.quoteId);
  return { ok: true, message: m.decision.declined };
}

/** Any user of the company (requesters too) comments on a quote it received. */
export async function commentOnQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const quoteId = field(form, 'quoteId');
  const result = await commentOnQuote(await getDb(), await getActor(), { quoteId, comment: field(form, 'comment') });
  if (!result.ok) return refused(result, form);
  revalidateQuote(quoteId);
  return { ok: true, message: m.comments.done };
}
