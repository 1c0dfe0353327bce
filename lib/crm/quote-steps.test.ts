import { describe, expect, it } from 'vitest';
import { QUOTE_STATES, REQUEST_STATES } from '@/lib/quotes/rules';
import { QUOTE_STEPS, isTypedNote, quoteStepOf, showsNote, type QuoteEventShape, type QuoteStep } from './quote-steps';

describe('quoteStepOf', () => {
  it.each<[QuoteEventShape, QuoteStep | null]>([
    [{ kind: 'request_status', fromState: null, toState: 'submitted' }, 'request_submitted'],
    [{ kind: 'request_status', fromState: 'submitted', toState: 'in_progress' }, 'request_in_progress'],
    [{ kind: 'request_status', fromState: 'in_progress', toState: 'quoted' }, 'request_quoted'],
    [{ kind: 'request_status', fromState: 'submitted', toState: 'cancelled' }, 'request_cancelled'],
    [{ kind: 'request_status', fromState: 'in_progress', toState: 'declined' }, 'request_declined'],
    [{ kind: 'quote_status', fromState: null, toState: 'in_preparation' }, 'quote_created'],
    [{ kind: 'quote_status', fromState: 'changes_requested', toState: 'in_preparation' }, 'quote_reopened'],
    [{ kind: 'quote_status', fromState: 'expired', toState: 'in_preparation' }, 'quote_reopened'],
    [{ kind: 'quote_status', fromState: 'in_preparation', toState: 'sent' }, 'quote_sent'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'changes_requested' }, 'quote_changes_requested'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'accepted' }, 'quote_accepted'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'declined' }, 'quote_declined'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'expired' }, 'quote_expired'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'withdrawn' }, 'quote_withdrawn'],
    [{ kind: 'comment', fromState: null, toState: null }, 'comment'],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'teleported' }, null],
    [{ kind: 'request_status', fromState: null, toState: null }, null],
  ])('%o → %s', (event, step) => {
    expect(quoteStepOf(event)).toBe(step);
  });

  it('names a step for every state of the state machines', () => {
    for (const s of REQUEST_STATES) expect(quoteStepOf({ kind: 'request_status', fromState: 'submitted', toState: s })).not.toBeNull();
    for (const s of QUOTE_STATES) expect(quoteStepOf({ kind: 'quote_status', fromState: 'sent', toState: s })).not.toBeNull();
  });

  it('every step is reachable', () => {
    const reached = new Set<QuoteStep | null>();
    for (const s of REQUEST_STATES) reached.add(quoteStepOf({ kind: 'request_status', fromState: null, toState: s }));
    for (const s of QUOTE_STATES) for (const from of [null, 'sent']) reached.add(quoteStepOf({ kind: 'quote_status', fromState: from, toState: s }));
    reached.add(quoteStepOf({ kind: 'comment', fromState: null, toState: null }));
    expect([...reached].filter(Boolean).sort()).toEqual([...QUOTE_STEPS].sort());
  });
});

describe('notes', () => {
  it('shows typed text, hides notes the timeline already says', () => {
    expect(QUOTE_STEPS.filter(showsNote).sort()).toEqual(['comment', 'quote_changes_requested', 'quote_declined', 'quote_withdrawn', 'request_declined']);
  });

  it('shows the note of every step whose note is typed, and only those', () => {
    for (const step of QUOTE_STEPS) {
      const all: QuoteEventShape[] = [
        { kind: 'comment', fromState: null, toState: null },
        ...REQUEST_STATES.map((s) => ({ kind: 'request_status' as const, fromState: 'submitted', toState: s })),
        ...QUOTE_STATES.map((s) => ({ kind: 'quote_status' as const, fromState: 'sent', toState: s })),
      ];
      const shapes = all.filter((e) => quoteStepOf(e) === step);
      for (const e of shapes) expect(isTypedNote(e)).toBe(showsNote(step));
    }
  });

  it.each<[QuoteEventShape, boolean]>([
    [{ kind: 'comment', fromState: null, toState: null }, true],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'changes_requested' }, true],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'declined' }, true],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'withdrawn' }, true],
    [{ kind: 'request_status', fromState: 'submitted', toState: 'declined' }, true],
    [{ kind: 'quote_status', fromState: 'in_preparation', toState: 'sent' }, false],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'accepted' }, false],
    [{ kind: 'quote_status', fromState: 'sent', toState: 'expired' }, false],
    [{ kind: 'request_status', fromState: 'submitted', toState: 'in_progress' }, false],
    [{ kind: 'request_status', fromState: 'submitted', toState: 'cancelled' }, false],
  ])('typed note of %o: %s', (event, typed) => {
    expect(isTypedNote(event)).toBe(typed);
  });
});
