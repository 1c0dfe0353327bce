import { z } from 'zod';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { parseMoney } from '@/lib/money';

const e = frQuotes.errors;

export const MAX_QUOTE_LINES = 100;
export const QUOTES_PAGE_SIZE = 20;
/** The French VAT rates a quote line may carry, in basis points. */
export const QUOTE_VAT_RATES = [2000, 1000, 550, 210, 0] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const uuid = z.uuid({ error: e.notFound });
const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: e.date });
const text = (max: number, required = true) =>
  required
    ? z.string({ error: e.required }).trim().min(1, { error: e.required }).max(max, { error: e.tooLong(max) })
    : z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max, { error: e.tooLong(max) }));

/**
 * A quantity typed in French (`2`, `2,5`, `0.125`): positive, at most 3 decimals, returned as a
 * number whose thousandths are exact (the engine re-checks it).
 */
export function parseQuantity(input: string): number | null {
  const s = input.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(s)) return null;
  const [int, dec = ''] = s.split('.') as [string, string?];
  const thousandths = Number(int) * 1000 + Number((dec ?? '').padEnd(3, '0'));
  if (thousandths <= 0) return null;
  return thousandths / 1000;
}

/** A percentage typed in French (`5`, `2,5`, `12.75`) as basis points 0–10000. */
export function parsePercentBp(input: string): number | null {
  const s = input.trim().replace(',', '.').replace(/\s*%$/, '');
  if (s === '') return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const [int, dec = ''] = s.split('.') as [string, string?];
  const bp = Number(int) * 100 + Number((dec ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

const quantity = z.string({ error: e.quantity }).transform((v, ctx) => {
  const q = parseQuantity(v);
  if (q === null) {
    ctx.addIssue({ code: 'custom', message: e.quantity });
    return z.NEVER;
  }
  return q;
});

const money = (allowZero: boolean) =>
  z.string({ error: e.required }).transform((v, ctx) => {
    const parsed = parseMoney(v);
    if (!parsed.ok || (!allowZero && parsed.cents <= 0)) {
      ctx.addIssue({ code: 'custom', message: parsed.ok ? e.required : parsed.error });
      return z.NEVER;
    }
    return parsed.cents;
  });

const requestLine = z
  .object({
    productId: z.preprocess(blankToUndefined, uuid.optional()),
    description: text(300, false),
    quantity,
  })
  .refine((l) => l.productId !== undefined || l.description !== '', { error: e.required, path: ['description'] })
  .refine((l) => l.productId === undefined || Number.isInteger(l.quantity), { error: e.wholeQuantity, path: ['quantity'] });

export const submitRequestSchema = z.object({
  title: text(150),
  description: text(5000),
  desiredDate: z.preprocess(blankToUndefined, isoDate.optional()),
  budgetHint: z.preprocess(blankToUndefined, money(true).optional()),
  lines: z.array(requestLine).max(50, { error: e.tooManyLines(50) }).default([]),
});
export type SubmitRequestInput = z.input<typeof submitRequestSchema>;

export const requestIdSchema = z.object({ requestId: uuid });
export const declineRequestSchema = z.object({ requestId: uuid, reason: text(1000) });

const quoteLine = z
  .object({
    productId: z.preprocess(blankToUndefined, uuid.optional()),
    description: text(500),
    quantity,
    unitPrice: money(true),
    discount: z.preprocess((v) => (v == null ? '' : v), z.string()).transform((v, ctx) => {
      const bp = parsePercentBp(v);
      if (bp === null) {
        ctx.addIssue({ code: 'custom', message: e.discount });
        return z.NEVER;
      }
      return bp;
    }),
    vatRateBp: z.coerce.number({ error: e.vatRate }).int({ error: e.vatRate }).refine((r) => (QUOTE_VAT_RATES as readonly number[]).includes(r), { error: e.vatRate }),
  })
  .refine((l) => l.productId === undefined || Number.isInteger(l.quantity), { error: e.wholeQuantity, path: ['quantity'] });

export const saveDraftSchema = z.object({
  quoteId: uuid,
  /** The version the editor loaded: a draft created or saved by someone else since is not overwritten. */
  baseVersion: z.coerce.number().int().min(1),
  title: text(150),
  lines: z.array(quoteLine).min(1, { error: e.noLines }).max(MAX_QUOTE_LINES, { error: e.tooManyLines(MAX_QUOTE_LINES) }),
  validUntil: z.preprocess(blankToUndefined, isoDate.optional()),
  /** Delivery costs HT in euros; blank = none. */
  shipping: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? '0' : v), money(true)).optional(),
  deliveryTerms: text(1000, false),
  paymentTerms: text(1000, false),
  clientNote: text(2000, false),
  internalNotes: text(5000, false),
  deliveryAddressId: z.preprocess(blankToUndefined, uuid.optional()),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

export const createQuoteSchema = z.object({
  accountId: z.preprocess(blankToUndefined, uuid.optional()),
  requestId: z.preprocess(blankToUndefined, uuid.optional()),
}).refine((v) => v.accountId !== undefined || v.requestId !== undefined, { error: e.notCompany, path: ['accountId'] });

export const sendQuoteSchema = z.object({ quoteId: uuid, version: z.coerce.number().int().min(1) });
export const withdrawQuoteSchema = z.object({ quoteId: uuid, reason: text(1000) });

export const acceptQuoteSchema = z.object({
  quoteId: uuid,
  version: z.coerce.number().int().min(1),
  purchaseOrderRef: z.preprocess(blankToUndefined, z.string().trim().max(35, { error: e.tooLong(35) }).optional()),
});
export const declineQuoteSchema = z.object({ quoteId: uuid, version: z.coerce.number().int().min(1), reason: text(1000) });
export const requestChangesSchema = z.object({ quoteId: uuid, version: z.coerce.number().int().min(1), comment: text(2000) });
export const commentSchema = z.object({ quoteId: uuid, comment: text(2000) });
