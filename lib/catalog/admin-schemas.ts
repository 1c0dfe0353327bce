import { z } from 'zod';
import { frAdminCatalog } from '@/lib/i18n/fr-admin-catalog';
import { parseMoney } from '@/lib/money';

const e = frAdminCatalog.errors;

/** The VAT rates a product may carry in France, in basis points, in the order the form offers them. */
export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;
export type VatRateBp = (typeof VAT_RATES_BP)[number];

/** Products per page in the back-office list. */
export const ADMIN_PRODUCTS_PAGE_SIZE = 25;
/** Stock at or below this level is flagged in the list. */
export const LOW_STOCK_THRESHOLD = 5;
/** Largest quantity one stock movement may carry (a typo guard, well inside integer range). */
export const MAX_STOCK_QUANTITY = 1_000_000;

export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Empty or whitespace-only text becomes undefined, so optional fields can be left blank. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const requiredText = (max: number) =>
  z
    .string({ error: e.required })
    .trim()
    .min(1, { error: e.required })
    .max(max, { error: e.tooLong(max) });

const sku = z
  .string({ error: e.required })
  .trim()
  .toUpperCase()
  .min(1, { error: e.required })
  .regex(SKU_PATTERN, { error: e.skuFormat });

const optionalSlug = z.preprocess(
  blankToUndefined,
  z.string().trim().toLowerCase().max(120, { error: e.tooLong(120) }).regex(SLUG_PATTERN, { error: e.slugFormat }).optional(),
);

/** A French amount typed by a person (`19,99`, `1 234,56 €`), as integer cents. */
const money = z.string({ error: e.required }).transform((text, ctx) => {
  const parsed = parseMoney(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.cents;
});

const vatRateBp = z
  .string({ error: e.vatRate })
  .regex(/^\d{1,5}$/, { error: e.vatRate })
  .transform(Number)
  .refine((r): r is VatRateBp => (VAT_RATES_BP as readonly number[]).includes(r), { error: e.vatRate });

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

const categoryId = z.preprocess(blankToUndefined, z.uuid({ error: e.category }).optional()).transform((v) => v ?? null);

/** A signed whole number as typed: `+20`, `-3`, `−3` (typographic minus), `12`. */
function signedInteger(text: string): number | null {
  const m = /^([+\-\u2212])?\s*(\d{1,9})$/.exec(text.trim().replace(/[ \u00A0\u202F]/g, ''));
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === '-' || m[1] === '\u2212' ? -n : n;
}

const productFields = {
  sku,
  name: requiredText(200),
  slug: optionalSlug,
  description: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(5000, { error: e.tooLong(5000) })),
  unit: z.preprocess((v) => blankToUndefined(v) ?? 'pièce', requiredText(30)),
  categoryId,
  vatRateBp,
  b2cPriceTtc: money,
  b2bListPriceHt: money,
  isActive: checkbox,
  isFeatured: checkbox,
};

/** Renames the typed price fields to the cents they now hold. */
function withCents<T extends { b2cPriceTtc: number; b2bListPriceHt: number }>({ b2cPriceTtc, b2bListPriceHt, ...rest }: T) {
  return { ...rest, b2cPriceTtcCents: b2cPriceTtc, b2bListPriceHtCents: b2bListPriceHt };
}

/**
 * The product form, as a new product. Prices are typed in French (`b2cPriceTtc`, `b2bListPriceHt`
 * in the form) and come out as cents; the initial stock is a whole number ≥ 0 booked as a receipt.
 */
export const createProductSchema = z
  .object({
    ...productFields,
    initialStock: z.preprocess(
      (v) => blankToUndefined(v) ?? '0',
      z
        .string()
        .trim()
        .regex(/^\d{1,7}$/, { error: e.initialStock })
        .transform(Number)
        .pipe(z.number().int().min(0).max(MAX_STOCK_QUANTITY, { error: e.quantityRange })),
    ),
  })
  .transform(withCents);
export type CreateProductInput = z.output<typeof createProductSchema>;

/** The product form, editing an existing product. */
export const updateProductSchema = z.object({ productId: z.uuid({ error: e.productNotFound }), ...productFields }).transform(withCents);
export type UpdateProductInput = z.output<typeof updateProductSchema>;

/** A stock movement typed by staff: a signed whole quantity, its kind and a mandatory reason. */
export const adjustStockSchema = z
  .object({
    productId: z.uuid({ error: e.productNotFound }),
    delta: z
      .string({ error: e.wholeNumber })
      .transform((text, ctx) => {
        const n = signedInteger(text);
        if (n === null) {
          ctx.addIssue({ code: 'custom', message: e.wholeNumber });
          return z.NEVER;
        }
        return n;
      })
      .pipe(
        z
          .number()
          .refine((n) => n !== 0, { error: e.nonZero })
          .refine((n) => Math.abs(n) <= MAX_STOCK_QUANTITY, { error: e.quantityRange }),
      ),
    kind: z.preprocess((v) => blankToUndefined(v) ?? 'adjustment', z.enum(['adjustment', 'receipt'])),
    reason: z
      .string({ error: e.reasonRequired })
      .trim()
      .min(3, { error: e.reasonRequired })
      .max(500, { error: e.tooLong(500) }),
  })
  .refine((v) => v.kind !== 'receipt' || v.delta > 0, { path: ['delta'], error: e.receiptPositive });
export type AdjustStockInput = z.output<typeof adjustStockSchema>;

const sortOrder = z.preprocess(
  (v) => blankToUndefined(v) ?? '0',
  z
    .string()
    .trim()
    .regex(/^-?\d{1,4}$/, { error: e.sortOrder })
    .transform(Number),
);

const categoryFields = {
  name: requiredText(100),
  slug: optionalSlug,
  description: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(1000, { error: e.tooLong(1000) })),
  sortOrder,
};

export const createCategorySchema = z.object(categoryFields);
export type CreateCategoryInput = z.output<typeof createCategorySchema>;

export const updateCategorySchema = z.object({ categoryId: z.uuid({ error: e.categoryNotFound }), ...categoryFields });
export type UpdateCategoryInput = z.output<typeof updateCategorySchema>;

export const deleteCategorySchema = z.object({ categoryId: z.uuid({ error: e.categoryNotFound }) });

/** The list's query string, read leniently: anything unexpected is ignored rather than refused. */
export const productListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.union([z.uuid(), z.literal('none')]).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ProductListQuery = z.output<typeof productListQuerySchema>;

/** Cents as an editable French amount without the currency sign: 123456 → `1234,56`. */
export function centsToInput(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A stock quantity with its sign, as shown in the history: `+20`, `−3`. */
export function formatDelta(delta: number): string {
  const text = Math.abs(delta).toLocaleString('fr-FR');
  return delta > 0 ? `+${text}` : `\u2212${text}`;
}
