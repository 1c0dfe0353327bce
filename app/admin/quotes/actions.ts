'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { createQuote, saveQuoteDraft, sendQuote, withdrawQuote } from '@/lib/quotes/builder-service';
import { commentOnQuote } from '@/lib/quotes/comment-service';
import { declineQuoteRequest } from '@/lib/quotes/request-service';
import { type QuoteProductOption, searchQuoteProducts } from '@/lib/quotes/staff-extra-queries';
import { type ActionState, echoValues } from '@/lib/result';
import { draftInputFromForm } from './form-lines';

/*
 * The back office's quote actions: each one reads the actor from the session, hands the raw form
 * to one service (which checks `orders.manage`, validates with lib/quotes/schemas and decides),
 * revalidates what changed and returns what the form needs to show the outcome.
 */

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

const frDate = (iso: string) => iso.split('-').reverse().join('/');

function revalidateQuote(quoteId: string) {
  revalidatePath('/admin/quotes');
  revalidatePath(`/admin/quotes/${quoteId}`);
}

/** Starts a quote from a client's request (`requestId`) or from scratch (`accountId`), then opens its builder. */
export async function createQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const requestId = field(form, 'requestId');
  const result = await createQuote(await getDb(), actor, requestId ? { requestId } : { accountId: field(form, 'accountId') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/quotes');
  if (requestId) {
    revalidatePath('/admin/quotes/requests');
    revalidatePath(`/admin/quotes/requests/${requestId}`);
  }
  redirect(`/admin/quotes/${result.value.quoteId}?created=1`);
}

/**
 * Saves the draft the builder shows (`intent=save`), or saves it then sends the version just saved
 * (`intent=send`). A refused send after a successful save says so: the draft is kept, and the page
 * is re-read so the builder works on the version it just wrote.
 */
export async function saveQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const input = draftInputFromForm(form);
  const db = await getDb();
  const saved = await saveQuoteDraft(db, actor, input);
  if (!saved.ok) return { ok: false, error: saved.error, fieldErrors: saved.fieldErrors, values };
  revalidateQuote(input.quoteId);
  const version = saved.value.version;
  if (field(form, 'intent') !== 'send') return { ok: true, message: m.saved(version) };

  const sent = await sendQuote(db, actor, { quoteId: input.quoteId, version });
  if (!sent.ok) return { ok: false, error: m.savedNotSent(version, sent.error), fieldErrors: sent.fieldErrors, values };
  revalidatePath('/admin/quotes/requests');
  return { ok: true, message: m.sent(version, frDate(sent.value.validUntil)) };
}

/** Withdraws a quote that is not final, with a reason kept in its history. */
export async function withdrawQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const quoteId = field(form, 'quoteId');
  const result = await withdrawQuote(await getDb(), actor, { quoteId, reason: field(form, 'reason') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidateQuote(quoteId);
  return { ok: true, message: m.withdrawn };
}

/** Declines a client's request with a reason; the requester is told by mail. */
export async function declineRequestAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const requestId = field(form, 'requestId');
  const result = await declineQuoteRequest(await getDb(), actor, { requestId, reason: field(form, 'reason') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath('/admin/quotes/requests');
  revalidatePath(`/admin/quotes/requests/${requestId}`);
  return { ok: true, message: m.declined };
}

/** A staff comment on a quote, visible to the client in the portal. */
export async function commentQuoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const quoteId = field(form, 'quoteId');
  const result = await commentOnQuote(await getDb(), actor, { quoteId, comment: field(form, 'comment') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  revalidatePath(`/admin/quotes/${quoteId}`);
  return { ok: true, message: m.commented };
}

/** The builder's product picker: active products matching `q`, priced for the quote's company. */
export async function searchQuoteProductsAction(accountId: string, q: string): Promise<{ ok: true; rows: QuoteProductOption[] } | { ok: false; error: string }> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const result = await searchQuoteProducts(await getDb(), actor, { q: String(q ?? ''), accountId: String(accountId ?? '') });
  return result.ok ? { ok: true, rows: result.value } : { ok: false, error: result.error };
}
