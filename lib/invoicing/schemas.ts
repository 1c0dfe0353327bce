import { z } from 'zod';
import { parseMoney } from '@/lib/money';
import { parseQuantity } from '@/lib/quotes/schemas';

const uuid = z.uuid({ error: 'Introuvable.' });
/** A calendar date that exists (`2026-02-30` is refused here, not by the database). */
const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'Saisissez une date valide.',
  });
const amount = z.string({ error: 'Saisissez un montant.' }).transform((v, ctx) => {
  const p = parseMoney(v);
  if (!p.ok || p.cents <= 0) {
    ctx.addIssue({ code: 'custom', message: p.ok ? 'Le montant doit être positif.' : p.error });
    return z.NEVER;
  }
  return p.cents;
});

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cheque', 'direct_debit', 'other'] as const;

export const issueInvoiceSchema = z.object({ orderId: uuid });

export const recordPaymentSchema = z.object({
  invoiceId: uuid,
  amount,
  paidOn: isoDate,
  method: z.enum(PAYMENT_METHODS, { error: 'Choisissez un moyen de paiement.' }),
  reference: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(100).optional()),
});
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

const quantity = z.string().transform((v, ctx) => {
  const q = parseQuantity(v);
  if (q === null) {
    ctx.addIssue({ code: 'custom', message: 'Quantité invalide.' });
    return z.NEVER;
  }
  return q;
});

export const creditNoteSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('full'), invoiceId: uuid, reason: z.string().trim().min(1, { error: 'Indiquez le motif de l’avoir.' }).max(500) }),
  z.object({
    mode: z.literal('lines'),
    invoiceId: uuid,
    reason: z.string().trim().min(1, { error: 'Indiquez le motif de l’avoir.' }).max(500),
    lines: z.array(z.object({ invoiceLineId: uuid, quantity })).min(1, { error: 'Choisissez au moins une ligne à créditer.' }),
  }),
  z.object({
    mode: z.literal('amounts'),
    invoiceId: uuid,
    reason: z.string().trim().min(1, { error: 'Indiquez le motif de l’avoir.' }).max(500),
    amounts: z.array(z.object({ vatRateBp: z.coerce.number().int().min(0).max(10000), amount })).min(1, { error: 'Indiquez au moins un montant.' }),
  }),
]);
export type CreditNoteInput = z.input<typeof creditNoteSchema>;
