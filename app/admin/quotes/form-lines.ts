import { parseMoney } from '@/lib/money';
import type { QuoteLineAmounts } from '@/lib/quotes/pricing';
import { parsePercentBp, parseQuantity, QUOTE_VAT_RATES } from '@/lib/quotes/schemas';
import type { QuoteVersionView } from '@/lib/quotes/views';

/** The fields of one quote line as the builder posts them: `lines.<index>.<field>`. */
export const LINE_FIELDS = ['productId', 'description', 'quantity', 'unitPrice', 'discount', 'vatRateBp'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** One line as typed (text, as the service's schema expects it). */
export type LineText = Record<LineField, string>;

/** The draft as posted, in the shape `saveQuoteDraft` validates (every value still text). */
export interface DraftFormInput {
  quoteId: string;
  baseVersion: string;
  title: string;
  lines: LineText[];
  validUntil: string;
  shipping: string;
  deliveryTerms: string;
  paymentTerms: string;
  clientNote: string;
  internalNotes: string;
  deliveryAddressId: string;
}

const LINE_KEY = /^lines\.(\d{1,3})\.([A-Za-z]+)$/;
const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/**
 * Turns the builder's form into the draft input: the indexed `lines.N.field` entries become an
 * array ordered by N (the builder numbers its rows 0, 1, 2… in display order, so the service's
 * `lines.2.quantity` error points at the third row shown). Unknown line fields and files are
 * ignored, missing ones are empty; the schema decides what is valid.
 */
export function draftInputFromForm(form: FormData): DraftFormInput {
  const byIndex = new Map<number, LineText>();
  for (const [key, value] of form.entries()) {
    const match = LINE_KEY.exec(key);
    if (!match || typeof value !== 'string') continue;
    const field = match[2] as LineField;
    if (!(LINE_FIELDS as readonly string[]).includes(field)) continue;
    const index = Number(match[1]);
    let line = byIndex.get(index);
    if (!line) {
      line = { productId: '', description: '', quantity: '', unitPrice: '', discount: '', vatRateBp: '' };
      byIndex.set(index, line);
    }
    line[field] = value;
  }
  return {
    quoteId: str(form.get('quoteId')),
    baseVersion: str(form.get('baseVersion')),
    title: str(form.get('title')),
    lines: [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, line]) => line),
    validUntil: str(form.get('validUntil')),
    shipping: str(form.get('shipping')),
    deliveryTerms: str(form.get('deliveryTerms')),
    paymentTerms: str(form.get('paymentTerms')),
    clientNote: str(form.get('clientNote')),
    internalNotes: str(form.get('internalNotes')),
    deliveryAddressId: str(form.get('deliveryAddressId')),
  };
}

/** The errors the service returned for row `index` (`lines.2.quantity` → `{ quantity: [...] }`). */
export function lineErrorsAt(fieldErrors: Record<string, string[] | undefined> | undefined, index: number): Partial<Record<LineField, string[]>> {
  const out: Partial<Record<LineField, string[]>> = {};
  if (!fieldErrors) return out;
  const prefix = `lines.${index}.`;
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (!key.startsWith(prefix) || !messages?.length) continue;
    const field = key.slice(prefix.length) as LineField;
    if ((LINE_FIELDS as readonly string[]).includes(field)) out[field] = messages;
  }
  return out;
}

/** Cents as the builder's price field shows them: `123456` → `1234,56` (no thousands separator). */
export function centsToText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A stored quantity as typed in French: `2.5` → `2,5`, `12` → `12`. */
export function quantityToText(quantity: number): string {
  const thousandths = Math.round(quantity * 1000);
  const int = Math.floor(thousandths / 1000);
  const dec = String(thousandths % 1000).padStart(3, '0').replace(/0+$/, '');
  return dec ? `${int},${dec}` : String(int);
}

/** A discount in basis points as typed: `0` → `` (none), `500` → `5`, `1275` → `12,75`. */
export function discountToText(bp: number): string {
  if (bp === 0) return '';
  const int = Math.floor(bp / 100);
  const dec = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return dec ? `${int},${dec}` : String(int);
}

/**
 * A line's amounts for the live totals, or null while something typed is not valid yet (the line
 * is then left out of the totals and flagged; the server has the last word on save).
 */
export function lineAmounts(line: Pick<LineText, 'quantity' | 'unitPrice' | 'discount' | 'vatRateBp'>): QuoteLineAmounts | null {
  const quantity = parseQuantity(line.quantity);
  const price = parseMoney(line.unitPrice);
  const discountBp = parsePercentBp(line.discount);
  const vatRateBp = Number(line.vatRateBp);
  if (quantity === null || !price.ok || discountBp === null) return null;
  if (line.vatRateBp.trim() === '' || !(QUOTE_VAT_RATES as readonly number[]).includes(vatRateBp)) return null;
  return { quantity, unitPriceHtCents: price.cents, discountBp, vatRateBp };
}

/**
 * Which of the company's delivery addresses (as listed by getQuoteForStaff: `Label — line1, CP
 * Ville (FR)`) a version's stored address is, so the select shows it; '' (the company's default)
 * when none matches any more.
 */
export function addressIdFor(addresses: readonly { id: string; label: string }[], stored: QuoteVersionView['deliveryAddress']): string {
  if (!stored) return '';
  const tail = `${stored.line1}, ${stored.postalCode} ${stored.city} (${stored.country})`;
  return addresses.find((a) => a.label === tail || a.label.endsWith(` — ${tail}`))?.id ?? '';
}
