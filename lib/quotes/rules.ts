/** Quote requests and quotes (spec/b2b.md, "Investments"): the pure state machines and validity rules. */

export const REQUEST_STATES = ['submitted', 'in_progress', 'quoted', 'cancelled', 'declined'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const QUOTE_STATES = ['in_preparation', 'sent', 'accepted', 'changes_requested', 'declined', 'expired', 'withdrawn'] as const;
export type QuoteState = (typeof QUOTE_STATES)[number];

/** Who acts: our sales staff, the client's requester, or a client purchaser / company admin. */
export type QuoteActor = 'staff' | 'requester' | 'purchaser';

const REQUEST_MOVES: Record<RequestState, Partial<Record<RequestState, readonly QuoteActor[]>>> = {
  submitted: { in_progress: ['staff'], quoted: ['staff'], cancelled: ['requester', 'purchaser'], declined: ['staff'] },
  in_progress: { quoted: ['staff'], cancelled: ['requester', 'purchaser'], declined: ['staff'] },
  quoted: { in_progress: ['staff'] },
  cancelled: {},
  declined: {},
};

const QUOTE_MOVES: Record<QuoteState, Partial<Record<QuoteState, readonly QuoteActor[]>>> = {
  in_preparation: { sent: ['staff'], withdrawn: ['staff'] },
  sent: {
    accepted: ['purchaser'],
    changes_requested: ['purchaser'],
    declined: ['purchaser'],
    expired: ['staff', 'requester', 'purchaser'],
    withdrawn: ['staff'],
  },
  changes_requested: { in_preparation: ['staff'], withdrawn: ['staff'] },
  // Staff re-issue an expired quote as a new version with a new date.
  expired: { in_preparation: ['staff'], withdrawn: ['staff'] },
  accepted: {},
  declined: {},
  withdrawn: {},
};

/** Whether `actor` may move a quote request from one state to another. */
export function canMoveRequest(from: RequestState, to: RequestState, actor: QuoteActor): boolean {
  return REQUEST_MOVES[from][to]?.includes(actor) ?? false;
}

/** Whether `actor` may move a quote from one state to another (requesters read and comment only). */
export function canMoveQuote(from: QuoteState, to: QuoteState, actor: QuoteActor): boolean {
  return QUOTE_MOVES[from][to]?.includes(actor) ?? false;
}

/** Final states: nothing leaves them. */
export function isFinalQuote(state: QuoteState): boolean {
  return Object.keys(QUOTE_MOVES[state]).length === 0;
}

const parisHour = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/**
 * "Valid until D" means until the end of day D in Europe/Paris: the quote expires at the first
 * instant of D + 1 there. Returns that instant (UTC), daylight saving included.
 */
export function validityEnd(validUntil: string): Date {
  const [y, m, d] = validUntil.split('-').map(Number) as [number, number, number];
  const nextDayUtcMidnight = Date.UTC(y, m - 1, d + 1);
  // Paris is UTC+1 or UTC+2: find the offset in force at that local midnight.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(nextDayUtcMidnight - offsetHours * 3_600_000);
    const local = parisHour.formatToParts(candidate);
    const hour = local.find((p) => p.type === 'hour')?.value;
    if (hour === '00') return candidate;
  }
  throw new Error(`cannot place the end of ${validUntil} in Europe/Paris`);
}

/** Whether a quote valid until `validUntil` has expired at `now`. */
export function isQuoteExpired(validUntil: string, now: Date): boolean {
  return now.getTime() >= validityEnd(validUntil).getTime();
}

/** Only the latest sent version can be accepted. */
export function isAcceptableVersion(version: number, latestSentVersion: number | null): boolean {
  return latestSentVersion !== null && version === latestSentVersion;
}
