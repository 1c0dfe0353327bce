import { z } from 'zod';
import { frAdminCompanies } from '@/lib/i18n/fr-admin-companies';
import { parseMoney } from '@/lib/money';
import { EU_VAT_COUNTRIES, validateSiren, validateSiret, validateVatNumber } from '@/lib/tax';

const e = frAdminCompanies.errors;

/** Companies per page in the back-office list. */
export const ADMIN_COMPANIES_PAGE_SIZE = 25;
export const COMPANY_STATUSES = ['prospect', 'active', 'suspended'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const requiredText = (max: number) =>
  z.string({ error: e.required }).trim().min(1, { error: e.required }).max(max, { error: e.tooLong(max) });

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { error: e.tooLong(max) }).optional()).transform((v) => v ?? null);

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** A French amount, optional: blank is null, otherwise integer cents ≥ 0. */
const optionalMoney = z.preprocess(
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
      return parsed.cents;
    }),
);

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));

const country = z
  .string({ error: e.country })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: e.country });

/** The VAT prefix of a country (Greece is EL), or null outside the EU. */
export function vatPrefixOf(countryCode: string): string | null {
  const prefix = countryCode === 'GR' ? 'EL' : countryCode;
  return (EU_VAT_COUNTRIES as readonly string[]).includes(prefix) ? prefix : null;
}

const companyFields = {
  legalName: requiredText(200),
  tradeName: optionalText(200),
  siren: optionalText(20),
  siret: optionalText(25),
  vatNumber: optionalText(30),
  country,
  paymentTermDays: wholeNumber(0, 120, e.paymentTermDays),
  paymentEndOfMonth: checkbox,
  creditLimit: optionalMoney,
  fiscalYearEndMonth: wholeNumber(1, 12, e.month),
  ownerUserId: z.preprocess(blankToUndefined, z.uuid({ error: e.owner }).optional()).transform((v) => v ?? null),
  allowOffContract: checkbox,
  approvalThreshold: optionalMoney,
  approvalExpiryDays: wholeNumber(1, 365, e.approvalExpiryDays),
  usesCostCentres: checkbox,
};

type RawCompany = z.output<z.ZodObject<typeof companyFields>>;

/**
 * Checks SIREN, SIRET and VAT number with lib/tax and stores them normalised (no spaces). A VAT
 * number is checked when the company is in the EU or the number carries an EU prefix; outside the
 * EU (a Swiss UID, say) it is kept as typed.
 */
function checkIdentifiers(v: RawCompany, ctx: z.RefinementCtx): { siren: string | null; siret: string | null; vatNumber: string | null } {
  let siren: string | null = null;
  let siret: string | null = null;
  let vatNumber: string | null = v.vatNumber;
  if (v.siren) {
    const r = validateSiren(v.siren);
    if (!r.valid) ctx.addIssue({ code: 'custom', path: ['siren'], message: r.reason === 'invalid_checksum' ? e.sirenChecksum : e.sirenFormat });
    siren = r.normalized;
  }
  if (v.siret) {
    const r = validateSiret(v.siret);
    if (!r.valid) ctx.addIssue({ code: 'custom', path: ['siret'], message: r.reason === 'invalid_checksum' ? e.siretChecksum : e.siretFormat });
    else if (siren && !r.normalized.startsWith(siren)) ctx.addIssue({ code: 'custom', path: ['siret'], message: e.siretNotSiren });
    siret = r.normalized;
  }
  if (v.vatNumber) {
    const r = validateVatNumber(v.vatNumber);
    const euPrefixed = r.country !== null || r.reason === 'greece_is_el';
    if (vatPrefixOf(v.country) || euPrefixed) {
      if (!r.valid) {
        const message =
          r.reason === 'invalid_key'
            ? e.vatKey
            : r.reason === 'invalid_checksum'
              ? e.vatChecksum
              : r.reason === 'greece_is_el'
                ? e.vatGreece
                : r.reason === 'unknown_country'
                  ? e.vatUnknownCountry
                  : e.vatFormat;
        ctx.addIssue({ code: 'custom', path: ['vatNumber'], message });
      } else if (r.country === 'FR' && siren && /^\d{2}\d{9}$/.test(r.normalized.slice(2)) && r.normalized.slice(4) !== siren) {
        ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: e.vatNotSiren });
      }
      vatNumber = r.normalized;
    }
  }
  return { siren, siret, vatNumber };
}

function toCompanyInput<T extends RawCompany>(v: T, ctx: z.RefinementCtx) {
  const ids = checkIdentifiers(v, ctx);
  const { creditLimit, approvalThreshold, ...rest } = v;
  return { ...rest, ...ids, creditLimitCents: creditLimit, approvalThresholdHtCents: approvalThreshold };
}

/** The company form, creating a prospect. */
export const createCompanySchema = z.object(companyFields).transform(toCompanyInput);
export type CreateCompanyInput = z.output<typeof createCompanySchema>;

/** The company form, editing one (status included). */
export const updateCompanySchema = z
  .object({ accountId: z.uuid({ error: e.notFound }), status: z.enum(COMPANY_STATUSES, { error: e.status }), ...companyFields })
  .transform(toCompanyInput);
export type UpdateCompanyInput = z.output<typeof updateCompanySchema>;

/** A billing or delivery address; `addressId` when editing one. */
export const addressSchema = z.object({
  accountId: z.uuid({ error: e.notFound }),
  addressId: z.preprocess(blankToUndefined, z.uuid({ error: e.addressNotFound }).optional()),
  kind: z.enum(['billing', 'delivery'], { error: e.kind }),
  label: optionalText(100),
  recipient: optionalText(200),
  line1: requiredText(200),
  line2: optionalText(200),
  postalCode: requiredText(12).pipe(z.string().regex(/^[A-Za-z0-9 -]{2,12}$/, { error: e.postalCode })),
  city: requiredText(100),
  country,
  isDefault: checkbox,
});
export type AddressInput = z.output<typeof addressSchema>;

export const deleteAddressSchema = z.object({ accountId: z.uuid({ error: e.notFound }), addressId: z.uuid({ error: e.addressNotFound }) });

/** The list's query string, read leniently. */
export const companyListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(COMPANY_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CompanyListQuery = z.output<typeof companyListQuerySchema>;

/** Cents as an editable French amount: 123456 → `1234,56`; null → empty. */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
