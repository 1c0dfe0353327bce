/**
 * lib/money — the one place that turns user text into cents and cents into French text.
 *
 * Parsing is strict and exact: the text is matched against one grammar and the cents are built
 * from its digits as integers. currency.js is deliberately not used here: it parses through a
 * JavaScript float (so large amounts lose cents), accepts "12,345" or "1.2.3" silently, and cannot
 * tell a thousands separator from a decimal one — every strictness rule below would have to be
 * checked before calling it, leaving it nothing to do. Formatting is computed from the integer
 * too, so it stays exact beyond 2^53 / 100 € (bigint cents), where Intl on a float would not.
 */

/** Why a text is not an amount, as a code the UI can map to its own message. */
export type ParseMoneyErrorCode = 'empty' | 'invalid' | 'too_many_decimals' | 'negative' | 'too_large';

/** The result of parseMoney: integer cents, or a French message the user can act on. */
export type ParseMoneyResult =
  | { ok: true; cents: number }
  | { ok: false; code: ParseMoneyErrorCode; error: string };

/** Options of parseMoney. */
export interface ParseMoneyOptions {
  /** Accept a leading minus sign (refunds, corrections). Default false. */
  allowNegative?: boolean;
}

const SPACE = '[ \\u00A0\\u202F]';
/**
 * Optional sign; digits, either plain or grouped by three with one space (plain, no-break or
 * narrow no-break, as Intl prints them); optional decimal part after a comma or a dot;
 * optional euro sign, with or without a space before it.
 */
const AMOUNT = new RegExp(
  `^([-\\u2212])?(\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:([.,])(\\d+))?(?:${SPACE}?€)?$`,
);
const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

function fail(code: ParseMoneyErrorCode, error: string): ParseMoneyResult {
  return { ok: false, code, error };
}

/**
 * Parses an amount typed by a user into integer cents: `12,5`, `12.50`, `1234`, `1 234,56 €`
 * (thousands separated by a plain, no-break or narrow no-break space). Refuses, with a message:
 * an empty text, anything else than that grammar (`abc`, `1.2.3`), more than two decimals (`12,345`
 * — also how `1.234` is refused, since a dot is a decimal separator), a negative amount unless
 * `allowNegative`, and amounts beyond exact integer range. Never throws.
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): ParseMoneyResult {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return fail('empty', 'Saisissez un montant.');
  const match = AMOUNT.exec(trimmed);
  if (match === null) {
    return fail('invalid', `« ${trimmed} » n’est pas un montant : écrivez par exemple 1 234,56 €.`);
  }
  const [, sign, integerPart = '', , decimals = ''] = match;
  if (decimals.length > 2) {
    return fail(
      'too_many_decimals',
      `« ${trimmed} » a plus de deux décimales ; séparez les milliers par une espace (1 234,56).`,
    );
  }
  const negative = sign !== undefined;
  if (negative && options.allowNegative !== true) {
    return fail('negative', 'Le montant ne peut pas être négatif.');
  }
  const cents = BigInt(integerPart.replace(/\D/g, '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (cents > MAX_CENTS) return fail('too_large', `« ${trimmed} » est trop grand.`);
  const value = Number(cents);
  return { ok: true, cents: negative && value !== 0 ? -value : value };
}

/** Groups a digit string by three from the right with a narrow no-break space (U+202F), as fr-FR does. */
function groupThousands(digits: string): string {
  let out = '';
  const head = digits.length % 3;
  for (let i = 0; i < digits.length; i++) {
    if (i !== 0 && (i - head) % 3 === 0) out += '\u202F';
    out += digits[i];
  }
  return out;
}

function absoluteDigits(value: number | bigint, what: string): { negative: boolean; digits: string } {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
  const big = BigInt(value);
  const negative = big < 0n;
  return { negative, digits: (negative ? -big : big).toString() };
}

/**
 * Formats integer cents as fr-FR euros, exactly what
 * `new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)`
 * prints — `1 234,56 €` with U+202F between thousands and U+00A0 before € — but computed from the
 * integer, so exact for any amount (pass a bigint beyond 2^53). One difference: −0 prints `0,00 €`
 * (Intl prints `-0,00 €`). Throws a RangeError on a non-integer number (a bug, not user input).
 */
export function formatMoney(cents: number | bigint): string {
  const { negative, digits } = absoluteDigits(cents, 'cents');
  const padded = digits.padStart(3, '0');
  const units = padded.slice(0, -2);
  return `${negative ? '-' : ''}${groupThousands(units)},${padded.slice(-2)}\u00A0€`;
}

/**
 * Formats a rate in basis points as fr-FR percent, as `Intl.NumberFormat('fr-FR', { style:
 * 'percent', maximumFractionDigits: 2 })` prints it: `2000` → `20 %`, `550` → `5,5 %`, `210` →
 * `2,1 %`, with U+00A0 before %. Throws a RangeError on a non-integer number.
 */
export function formatRateBp(rateBp: number): string {
  const { negative, digits } = absoluteDigits(rateBp, 'rateBp');
  const padded = digits.padStart(3, '0');
  const fraction = padded.slice(-2).replace(/0+$/, '');
  const units = groupThousands(padded.slice(0, -2));
  return `${negative ? '-' : ''}${units}${fraction === '' ? '' : `,${fraction}`}\u00A0%`;
}
