import { z } from 'zod';
import { frAdminAgreements } from '@/lib/i18n/fr-admin-agreements';
import { parseMoney } from '@/lib/money';

const e = frAdminAgreements.errors;

export const ADMIN_AGREEMENTS_PAGE_SIZE = 25;
export const AGREEMENT_STATUSES = ['draft', 'active', 'suspended', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** Largest quantity a line or tier may name (a typo guard, well inside integer range). */
export const MAX_AGREEMENT_QUANTITY = 1_000_000;
export const REFERENCE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const requiredText = (max: number) =>
  z.string({ error: e.required }).trim().min(1, { error: e.required }).max(max, { error: e.tooLong(max) });

/** A French amount typed by a person, as integer cents ≥ 0. */
const money = z.string({ error: e.required }).transform((text, ctx) => {
  const parsed = parseMoney(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.cents;
});

const optionalCeiling = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return null;
      const parsed = parseMoney(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      if (parsed.cents <= 0) {
        ctx.addIssue({ code: 'custom', message: e.ceilingPositive });
        return z.NEVER;
      }
      return parsed.cents;
    }),
);

const quantity = (message: string, min = 1) =>
  z
    .string({ error: message })
    .trim()
    .transform((s) => s.replace(/[ \u00A0\u202F]/g, ''))
    .pipe(z.string().regex(/^\d{1,7}$/, { error: message }))
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(MAX_AGREEMENT_QUANTITY, { error: e.quantity }));

const optionalQuantity = z.preprocess(blankToUndefined, quantity(e.quantity).optional()).transform((v) => v ?? null);

const isoDate = z.iso.date({ error: e.date });

const headerFields = {
  reference: z
    .string({ error: e.required })
    .trim()
    .toUpperCase()
    .min(1, { error: e.required })
    .regex(REFERENCE_PATTERN, { error: e.referenceFormat }),
  title: requiredText(200),
  startsOn: isoDate,
  endsOn: isoDate,
  ceiling: optionalCeiling,
  status: z.preprocess((v) => blankToUndefined(v) ?? 'draft', z.enum(AGREEMENT_STATUSES, { error: e.status })),
};

/** The company is chosen once, at creation: the lines' prices were negotiated with it. */
const agreementFields = { ...headerFields, accountId: z.uuid({ error: e.companyNotFound }) };

function withCents<T extends { ceiling: number | null }>({ ceiling, ...rest }: T) {
  return { ...rest, ceilingHtCents: ceiling };
}

const datesInOrder = (v: { startsOn: string; endsOn: string }) => v.endsOn >= v.startsOn;

/** The agreement header, new. */
export const createAgreementSchema = z
  .object(agreementFields)
  .refine(datesInOrder, { path: ['endsOn'], error: e.endsBeforeStart })
  .transform(withCents);
export type CreateAgreementInput = z.output<typeof createAgreementSchema>;

/** The agreement header, edited. */
export const updateAgreementSchema = z
  .object({ agreementId: z.uuid({ error: e.notFound }), ...headerFields })
  .refine(datesInOrder, { path: ['endsOn'], error: e.endsBeforeStart })
  .transform(withCents);
export type UpdateAgreementInput = z.output<typeof updateAgreementSchema>;

/** A product added by SKU with its negotiated unit price HT and optional maximum quantity. */
export const addLineSchema = z
  .object({
    agreementId: z.uuid({ error: e.notFound }),
    sku: z.string({ error: e.required }).trim().toUpperCase().min(1, { error: e.required }).regex(SKU_PATTERN, { error: e.skuFormat }),
    unitPrice: money,
    maxQuantity: optionalQuantity,
  })
  .transform(({ unitPrice, ...rest }) => ({ ...rest, unitPriceHtCents: unitPrice }));
export type AddLineInput = z.output<typeof addLineSchema>;

export const updateLineSchema = z
  .object({
    lineId: z.uuid({ error: e.lineNotFound }),
    unitPrice: money,
    maxQuantity: optionalQuantity,
  })
  .transform(({ unitPrice, ...rest }) => ({ ...rest, unitPriceHtCents: unitPrice }));
export type UpdateLineInput = z.output<typeof updateLineSchema>;

export const removeLineSchema = z.object({ lineId: z.uuid({ error: e.lineNotFound }) });

/** A quantity tier: from `minQuantity` (> 1) units, this unit price HT. */
export const addTierSchema = z
  .object({
    lineId: z.uuid({ error: e.lineNotFound }),
    minQuantity: z
      .string({ error: e.tierMin })
      .trim()
      .regex(/^\d{1,7}$/, { error: e.tierMin })
      .transform(Number)
      .pipe(z.number().int().min(2, { error: e.tierMin }).max(MAX_AGREEMENT_QUANTITY, { error: e.quantity })),
    unitPrice: money,
  })
  .transform(({ unitPrice, ...rest }) => ({ ...rest, unitPriceHtCents: unitPrice }));
export type AddTierInput = z.output<typeof addTierSchema>;

export const removeTierSchema = z.object({
  lineId: z.uuid({ error: e.lineNotFound }),
  minQuantity: z.coerce.number().int().min(2),
});

/** The list's query string, read leniently. */
export const agreementListQuerySchema = z.object({
  company: z.uuid().optional().catch(undefined),
  status: z.enum(AGREEMENT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AgreementListQuery = z.output<typeof agreementListQuerySchema>;
