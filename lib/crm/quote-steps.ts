/**
 * The steps of requests and quotes as the account timeline tells them (spec/crm.md, "Qualitative
 * knowledge": one timeline mixing activities with ERP events). Pure: it reads one quote_events row.
 */

export const QUOTE_STEPS = [
  'request_submitted',
  'request_in_progress',
  'request_quoted',
  'request_cancelled',
  'request_declined',
  'quote_created',
  'quote_reopened',
  'quote_sent',
  'quote_changes_requested',
  'quote_accepted',
  'quote_declined',
  'quote_expired',
  'quote_withdrawn',
  'comment',
] as const;
export type QuoteStep = (typeof QUOTE_STEPS)[number];

/** The fields of a quote_events row that say which step it records. */
export interface QuoteEventShape {
  kind: 'request_status' | 'quote_status' | 'comment';
  fromState: string | null;
  toState: string | null;
}

const REQUEST_STEP: Record<string, QuoteStep> = {
  submitted: 'request_submitted',
  in_progress: 'request_in_progress',
  quoted: 'request_quoted',
  cancelled: 'request_cancelled',
  declined: 'request_declined',
};

const QUOTE_STEP: Record<string, QuoteStep> = {
  sent: 'quote_sent',
  changes_requested: 'quote_changes_requested',
  accepted: 'quote_accepted',
  declined: 'quote_declined',
  expired: 'quote_expired',
  withdrawn: 'quote_withdrawn',
};

/**
 * The step a history row records: a request's or a quote's new state, or a comment. A quote
 * entering preparation is its creation (no previous state) or the next version being prepared
 * (after a change request or an expiry). Null for a state this code does not know.
 */
export function quoteStepOf(e: QuoteEventShape): QuoteStep | null {
  if (e.kind === 'comment') return 'comment';
  if (e.toState === null) return null;
  if (e.kind === 'request_status') return REQUEST_STEP[e.toState] ?? null;
  if (e.toState === 'in_preparation') return e.fromState === null ? 'quote_created' : 'quote_reopened';
  return QUOTE_STEP[e.toState] ?? null;
}

/**
 * Steps whose note is shown: text a person typed (comment, change request, reason). The notes of
 * the other steps repeat what the timeline already shows: the version's validity, the order number,
 * the expiry date, or the quote a request step refers to (its own step sits beside it, same time).
 */
const NOTE_SHOWN: ReadonlySet<QuoteStep> = new Set<QuoteStep>(['comment', 'quote_changes_requested', 'quote_declined', 'quote_withdrawn', 'request_declined']);

/** Whether the timeline shows the note recorded with this step. */
export function showsNote(step: QuoteStep): boolean {
  return NOTE_SHOWN.has(step);
}

/** Quote states whose history note is text the actor typed (change request, reason for a refusal or withdrawal). */
export const TYPED_NOTE_QUOTE_STATES = ['changes_requested', 'declined', 'withdrawn'] as const;
/** Request states whose history note is text the actor typed (the reason for declining). */
export const TYPED_NOTE_REQUEST_STATES = ['declined'] as const;

/**
 * Whether a history row's note is text typed by its actor (a comment, a change request, a reason):
 * the free text personal-data erasure empties when it is theirs. Other notes are written by the
 * system ("Version 2, valable jusqu’au …", "Commande …").
 */
export function isTypedNote(e: QuoteEventShape): boolean {
  if (e.kind === 'comment') return true;
  const states: readonly string[] = e.kind === 'quote_status' ? TYPED_NOTE_QUOTE_STATES : TYPED_NOTE_REQUEST_STATES;
  return e.toState !== null && states.includes(e.toState);
}
