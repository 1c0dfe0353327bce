import { z } from 'zod';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { parseMoney } from '@/lib/money';

const e = frB2bCompany.errors;

export const BUDGET_PERIOD_KINDS = ['fiscal_year', 'month'] as const;
export type BudgetPeriodKind = (typeof BUDGET_PERIOD_KINDS)[number];

/** Entries of a budget's ledger shown on its page. */
export const BUDGET_LEDGER_LIMIT = 100;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A French amount typed by a person, as integer cents > 0. */
const positiveAmount = z
  .string({ error: e.required })
  .transform((text, ctx) => {
    const parsed = parseMoney(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.cents;
  })
  .refine((cents) => cents > 0, { error: e.amountPositive });

/**
 * The new-budget form. A fiscal-year budget names the calendar year its fiscal year *starts* in
 * (`year`); a monthly budget names its month (`month`, `YYYY-MM`, as `<input type="month">` sends
 * it). The service turns either into dates with the company's fiscal-year end month.
 */
export const createBudgetSchema = z
  .object({
    label: z.string({ error: e.required }).trim().min(1, { error: e.required }).max(100, { error: e.tooLong(100) }),
    periodKind: z.enum(BUDGET_PERIOD_KINDS, { error: e.periodKind }),
    year: z.preprocess(blankToUndefined, z.string().regex(/^20\d\d$/, { error: e.year }).transform(Number).optional()),
    month: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^20\d\d-(0[1-9]|1[0-2])$/, { error: e.month })
        .optional(),
    ),
    costCentre: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim().replace(/\s+/g, ' '))
      .pipe(z.string().max(60, { error: e.tooLong(60) })),
    amount: positiveAmount,
  })
  .superRefine((v, ctx) => {
    if (v.periodKind === 'fiscal_year' && v.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: e.year });
    if (v.periodKind === 'month' && v.month === undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: e.month });
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountHtCents: amount }));
export type CreateBudgetInput = z.output<typeof createBudgetSchema>;

export const changeBudgetAmountSchema = z
  .object({ budgetId: z.uuid({ error: e.budgetNotFound }), amount: positiveAmount })
  .transform(({ amount, ...rest }) => ({ ...rest, amountHtCents: amount }));
export type ChangeBudgetAmountInput = z.output<typeof changeBudgetAmountSchema>;

/** The first day of the fiscal year starting in `year` for a company whose year ends in `endMonth`. */
export function fiscalYearStartDate(year: number, endMonth: number): string {
  const startMonth = (endMonth % 12) + 1;
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/** How a fiscal year is named: `2026` when it is a calendar year, `2026-2027` otherwise. */
export function fiscalYearLabel(start: string, end: string): string {
  const a = start.slice(0, 4);
  const b = end.slice(0, 4);
  return a === b ? a : `${a}-${b}`;
}
