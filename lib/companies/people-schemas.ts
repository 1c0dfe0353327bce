import { z } from 'zod';
import { frB2bCompany } from '@/lib/i18n/fr-b2b-company';
import { parseMoney } from '@/lib/money';

const e = frB2bCompany.errors;

/** The portal roles a company admin may give. */
export const PORTAL_ROLES = ['requester', 'purchaser', 'company_admin'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

const name = z.string({ error: e.required }).trim().min(1, { error: e.required }).max(100, { error: e.tooLong(100) });
const email = z
  .string({ error: e.required })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: e.email }))
  .pipe(z.string().max(320, { error: e.tooLong(320) }));
const role = z.enum(PORTAL_ROLES, { error: e.role });
const personId = z.uuid({ error: e.personNotFound });

/** An optional French amount (`1 500,00`): blank = no limit (null), otherwise integer cents. */
const optionalLimit = z
  .string()
  .optional()
  .transform((text, ctx): number | null => {
    if (text === undefined || text.trim() === '') return null;
    const parsed = parseMoney(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.cents;
  });

const limits = {
  orderLimit: optionalLimit,
  monthlyLimit: optionalLimit,
};

/** A monthly limit below the per-order limit would make the per-order one meaningless: refuse it. */
function withLimitCents<T extends { orderLimit: number | null; monthlyLimit: number | null }>({ orderLimit, monthlyLimit, ...rest }: T) {
  return { ...rest, orderLimitHtCents: orderLimit, monthlyLimitHtCents: monthlyLimit };
}
const monthlyNotBelowOrder = (v: { orderLimit: number | null; monthlyLimit: number | null }) =>
  v.orderLimit === null || v.monthlyLimit === null || v.monthlyLimit >= v.orderLimit;

/** The invitation form of /b2b/company. */
export const invitePersonSchema = z
  .object({ firstName: name, lastName: name, email, role, ...limits })
  .refine(monthlyNotBelowOrder, { path: ['monthlyLimit'], error: e.monthlyBelowOrder })
  .transform(withLimitCents);
export type InvitePersonInput = z.output<typeof invitePersonSchema>;

export const changePersonRoleSchema = z.object({ personId, role });
export type ChangePersonRoleInput = z.output<typeof changePersonRoleSchema>;

export const changePersonLimitsSchema = z
  .object({ personId, ...limits })
  .refine(monthlyNotBelowOrder, { path: ['monthlyLimit'], error: e.monthlyBelowOrder })
  .transform(withLimitCents);
export type ChangePersonLimitsInput = z.output<typeof changePersonLimitsSchema>;

export const setPersonLoginStatusSchema = z.object({ personId, status: z.enum(['active', 'deactivated']) });
export type SetPersonLoginStatusInput = z.output<typeof setPersonLoginStatusSchema>;
