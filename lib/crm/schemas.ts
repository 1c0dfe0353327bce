import { z } from 'zod';
import { frCrm } from '@/lib/i18n/fr-crm';
import { parseMoney } from '@/lib/money';
import { validateSiren } from '@/lib/tax/siren';

const e = frCrm.errors;

/** Accounts per page in the CRM list. */
export const CRM_ACCOUNTS_PAGE_SIZE = 25;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const requiredText = (max: number) =>
  z.string({ error: e.required }).trim().min(1, { error: e.required }).max(max, { error: e.tooLong(max) });

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { error: e.tooLong(max) }).optional());

const isoDate = z
  .string({ error: e.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: e.date })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: e.date });

const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ error: e.required }).optional());

const optionalMoney = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((text, ctx) => {
      const parsed = parseMoney(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    })
    .optional(),
);

const weight = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{1,3}$/, { error: e.weight })
    .transform(Number)
    .refine((n) => n >= 0 && n <= 100, { error: e.weight })
    .optional(),
);

export const PURCHASE_PROFILES = ['user', 'buyer', 'both'] as const;
const profile = z.preprocess(blankToUndefined, z.enum(PURCHASE_PROFILES).optional());

/** Lines of a textarea, trimmed, blanks dropped. */
const lines = (max: number, item: z.ZodType<string, string>) =>
  z
    .string()
    .optional()
    .transform((t) => (t ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(item).max(max, { error: e.tooLong(max) }));

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  /** A staff user id, 'all', or 'none' (no owner); absent = the default for the actor. */
  owner: z.union([z.uuid(), z.literal('all'), z.literal('none')]).optional().catch(undefined),
  status: z.enum(['prospect', 'active', 'suspended']).optional().catch(undefined),
  relation: z.enum(['customer', 'prospect']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const createProspectSchema = z.object({
  legalName: requiredText(200),
  siren: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((text, ctx) => {
        const r = validateSiren(text);
        if (!r.valid) {
          ctx.addIssue({ code: 'custom', message: e.siren });
          return z.NEVER;
        }
        return r.normalized;
      })
      .optional(),
  ),
  country: z.string({ error: e.country }).trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: e.country }),
  ownerUserId: optionalUuid,
});
export type CreateProspectInput = z.infer<typeof createProspectSchema>;

export const setParentSchema = z.object({
  accountId: z.uuid({ error: e.accountNotFound }),
  parentAccountId: optionalUuid,
});
export type SetParentInput = z.infer<typeof setParentSchema>;

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const updateContactSchema = z.object({
  personId: z.uuid({ error: e.personNotFound }),
  firstName: requiredText(100),
  lastName: requiredText(100),
  emails: lines(5, z.email({ error: e.email }).max(320)),
  phones: lines(5, z.string().max(40, { error: e.tooLong(40) })),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const addPersonSchema = z.object({
  accountId: z.uuid({ error: e.accountNotFound }),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: z.preprocess(blankToUndefined, z.email({ error: e.email }).max(320).optional()),
  phone: optionalText(40),
  title: optionalText(200),
  department: optionalText(200),
  startedOn: optionalDate,
  purchaseProfile: profile,
  decisionWeight: weight,
});
export type AddPersonInput = z.infer<typeof addPersonSchema>;

export const changeJobSchema = z.object({
  positionId: z.uuid({ error: e.positionNotFound }),
  endedOn: isoDate,
  title: requiredText(200),
  department: optionalText(200),
  purchaseProfile: profile,
  decisionWeight: weight,
});
export type ChangeJobInput = z.infer<typeof changeJobSchema>;

export const recordLeftSchema = z.object({
  positionId: z.uuid({ error: e.positionNotFound }),
  endedOn: isoDate,
});
export type RecordLeftInput = z.infer<typeof recordLeftSchema>;

export const updateProfileSchema = z.object({
  positionId: z.uuid({ error: e.positionNotFound }),
  purchaseProfile: profile,
  decisionWeight: weight,
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Knowledge: forecasts, projects, activities
// ---------------------------------------------------------------------------------------------

export const FORECAST_STATUSES = ['expected', 'released', 'committed', 'spent'] as const;
export const PROJECT_STATUSES = ['idea', 'planned', 'in_progress', 'done', 'abandoned'] as const;
export const ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'email', 'task', 'note'] as const;

export const forecastSchema = z
  .object({
    accountId: z.uuid({ error: e.accountNotFound }),
    forecastId: optionalUuid,
    label: requiredText(200),
    estimatedAmountHt: optionalMoney,
    fiscalYear: z
      .string({ error: e.year })
      .regex(/^\d{4}$/, { error: e.year })
      .transform(Number)
      .refine((y) => y >= 2000 && y <= 2100, { error: e.year }),
    releaseDate: optionalDate,
    expiresOn: optionalDate,
    status: z.enum(FORECAST_STATUSES),
    holderPersonId: optionalUuid,
    notes: optionalText(2000),
  })
  .refine((f) => !f.releaseDate || !f.expiresOn || f.expiresOn >= f.releaseDate, { error: e.expiryBeforeRelease, path: ['expiresOn'] });
export type ForecastInput = z.infer<typeof forecastSchema>;

export const projectSchema = z.object({
  accountId: z.uuid({ error: e.accountNotFound }),
  projectId: optionalUuid,
  title: requiredText(200),
  description: optionalText(5000),
  expectedStart: optionalDate,
  estimatedValueHt: optionalMoney,
  sponsorPersonId: optionalUuid,
  status: z.enum(PROJECT_STATUSES),
});
export type ProjectInput = z.infer<typeof projectSchema>;

export const activitySchema = z
  .object({
    accountId: z.uuid({ error: e.accountNotFound }),
    kind: z.enum(ACTIVITY_KINDS),
    subject: requiredText(200),
    body: optionalText(10000),
    personId: optionalUuid,
    dueOn: optionalDate,
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'task' && !a.dueOn) ctx.addIssue({ code: 'custom', message: e.dueOnRequired, path: ['dueOn'] });
    if (a.kind !== 'task' && a.dueOn) ctx.addIssue({ code: 'custom', message: e.dueOnTaskOnly, path: ['dueOn'] });
  });
export type ActivityInput = z.infer<typeof activitySchema>;

export const completeTaskSchema = z.object({ activityId: z.uuid({ error: e.activityNotFound }) });
export type CompleteTaskInput = z.infer<typeof completeTaskSchema>;
