import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, addresses, frameworkAgreements, persons, positions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frAdminCompanies } from '@/lib/i18n/fr-admin-companies';
import { fail, ok, type Result } from '@/lib/result';
import {
  ADMIN_COMPANIES_PAGE_SIZE,
  type AddressInput,
  type CompanyListQuery,
  type CompanyStatus,
  type CreateCompanyInput,
  type UpdateCompanyInput,
} from './admin-schemas';
import { escapeLike, paginate } from '@/lib/sql-helpers';

const e = frAdminCompanies.errors;
const PERMISSION = 'crm.use' as const;


// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface AdminCompanyRow {
  id: string;
  legalName: string;
  tradeName: string | null;
  siren: string | null;
  country: string;
  status: CompanyStatus;
  ownerName: string | null;
  activeAgreements: number;
}

export interface AdminCompanyPage {
  rows: AdminCompanyRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Client companies (never B2C individuals): search on name (accent-insensitive) or SIREN, status filter, 25 a page. */
export async function listCompaniesForStaff(db: Database, actor: Actor | null, query: CompanyListQuery): Promise<Result<AdminCompanyPage>> {
  const refused = refuseUnless<AdminCompanyPage>(actor, PERMISSION);
  if (refused) return refused;
  const where: SQL[] = [eq(accounts.kind, 'company')];
  const q = query.q?.trim();
  if (q) {
    const pattern = escapeLike(q);
    const digits = q.replace(/[\s.]/g, '');
    const byName = or(
      sql`comptoir_fold(${accounts.legalName}) like '%' || comptoir_fold(${pattern}) || '%'`,
      sql`comptoir_fold(coalesce(${accounts.tradeName}, '')) like '%' || comptoir_fold(${pattern}) || '%'`,
    )!;
    where.push(/^\d{3,14}$/.test(digits) ? or(byName, sql`${accounts.siren} like ${`${digits.slice(0, 9)}%`}`)! : byName);
  }
  if (query.status) where.push(eq(accounts.status, query.status));
  const condition = and(...where);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accounts).where(condition);
  const { page, pageCount, offset } = paginate(total, ADMIN_COMPANIES_PAGE_SIZE, query.page);
  const rows = await db
    .select({
      id: accounts.id,
      legalName: accounts.legalName,
      tradeName: accounts.tradeName,
      siren: accounts.siren,
      country: accounts.country,
      status: accounts.status,
      firstName: persons.firstName,
      lastName: persons.lastName,
      activeAgreements: sql<number>`(select count(*) from framework_agreements fa where fa.account_id = "accounts"."id" and fa.status = 'active')`.mapWith(Number),
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(condition)
    .orderBy(sql`comptoir_fold(${accounts.legalName})`, asc(accounts.id))
    .limit(ADMIN_COMPANIES_PAGE_SIZE)
    .offset(offset);
  return ok({
    rows: rows.map(({ firstName, lastName, ...r }) => ({ ...r, ownerName: firstName ? `${firstName} ${lastName ?? ''}`.trim() : null })),
    total,
    page,
    pageCount,
  });
}

export interface StaffOption {
  id: string;
  name: string;
  role: 'sales' | 'admin';
}

/** Active staff (sales and admins) who can own an account. */
export async function listOwnerOptions(db: Database, actor: Actor | null): Promise<Result<StaffOption[]>> {
  const refused = refuseUnless<StaffOption[]>(actor, PERMISSION);
  if (refused) return refused;
  const rows = await db
    .select({ id: users.id, firstName: persons.firstName, lastName: persons.lastName, role: users.staffRole })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(and(eq(users.kind, 'staff'), eq(users.status, 'active'), inArray(users.staffRole, ['sales', 'admin'])))
    .orderBy(asc(persons.lastName), asc(persons.firstName))
    .limit(500);
  return ok(rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, role: r.role! })));
}

const companyColumns = {
  id: accounts.id,
  legalName: accounts.legalName,
  tradeName: accounts.tradeName,
  siren: accounts.siren,
  siret: accounts.siret,
  vatNumber: accounts.vatNumber,
  country: accounts.country,
  status: accounts.status,
  paymentTermDays: accounts.paymentTermDays,
  paymentEndOfMonth: accounts.paymentEndOfMonth,
  creditLimitCents: accounts.creditLimitCents,
  fiscalYearEndMonth: accounts.fiscalYearEndMonth,
  ownerUserId: accounts.ownerUserId,
  allowOffContract: accounts.allowOffContract,
  approvalThresholdHtCents: accounts.approvalThresholdHtCents,
  approvalExpiryDays: accounts.approvalExpiryDays,
  usesCostCentres: accounts.usesCostCentres,
};

export interface AdminCompanyDetail {
  id: string;
  legalName: string;
  tradeName: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  country: string;
  status: CompanyStatus;
  paymentTermDays: number;
  paymentEndOfMonth: boolean;
  creditLimitCents: number | null;
  fiscalYearEndMonth: number;
  ownerUserId: string | null;
  allowOffContract: boolean;
  approvalThresholdHtCents: number | null;
  approvalExpiryDays: number;
  usesCostCentres: boolean;
}

export interface CompanyAddress {
  id: string;
  kind: 'billing' | 'delivery';
  label: string | null;
  recipient: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

export interface CompanyPerson {
  positionId: string;
  name: string;
  title: string | null;
  email: string | null;
  portalRole: 'requester' | 'purchaser' | 'company_admin' | null;
  loginActive: boolean | null;
}

export interface CompanyAgreementRow {
  id: string;
  reference: string;
  title: string;
  status: 'draft' | 'active' | 'suspended' | 'ended';
  startsOn: string;
  endsOn: string;
}

export interface AdminCompanyView {
  company: AdminCompanyDetail;
  addresses: CompanyAddress[];
  people: CompanyPerson[];
  agreements: CompanyAgreementRow[];
}

/** One company with its addresses, its people (open positions) and its agreements. */
export async function getCompanyForStaff(db: Database, actor: Actor | null, accountId: string): Promise<Result<AdminCompanyView>> {
  const refused = refuseUnless<AdminCompanyView>(actor, PERMISSION);
  if (refused) return refused;
  const [company] = await db
    .select(companyColumns)
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'company')))
    .limit(1);
  if (!company) return fail(e.notFound);
  const [addr, people, agreements] = await Promise.all([
    db
      .select({
        id: addresses.id,
        kind: addresses.kind,
        label: addresses.label,
        recipient: addresses.recipient,
        line1: addresses.line1,
        line2: addresses.line2,
        postalCode: addresses.postalCode,
        city: addresses.city,
        country: addresses.country,
        isDefault: addresses.isDefault,
      })
      .from(addresses)
      .where(eq(addresses.accountId, accountId))
      .orderBy(asc(addresses.kind), desc(addresses.isDefault), asc(addresses.label), asc(addresses.id)),
    db
      .select({
        positionId: positions.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        title: positions.title,
        email: users.email,
        portalRole: positions.portalRole,
        userStatus: users.status,
      })
      .from(positions)
      .innerJoin(persons, eq(persons.id, positions.personId))
      .leftJoin(users, eq(users.personId, persons.id))
      .where(and(eq(positions.accountId, accountId), isNull(positions.endedOn)))
      .orderBy(asc(persons.lastName), asc(persons.firstName))
      .limit(200),
    db
      .select({
        id: frameworkAgreements.id,
        reference: frameworkAgreements.reference,
        title: frameworkAgreements.title,
        status: frameworkAgreements.status,
        startsOn: frameworkAgreements.startsOn,
        endsOn: frameworkAgreements.endsOn,
      })
      .from(frameworkAgreements)
      .where(eq(frameworkAgreements.accountId, accountId))
      .orderBy(desc(frameworkAgreements.endsOn), asc(frameworkAgreements.reference))
      .limit(100),
  ]);
  return ok({
    company,
    addresses: addr,
    people: people.map((p) => ({
      positionId: p.positionId,
      name: `${p.firstName} ${p.lastName}`,
      title: p.title,
      email: p.email,
      portalRole: p.portalRole,
      loginActive: p.userStatus ? p.userStatus === 'active' : null,
    })),
    agreements,
  });
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** A business rule broken inside a transaction: thrown to roll back, turned into a Result outside. */
class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

async function refusable<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** The owner must be an active staff member; FOR KEY SHARE keeps the user row until the transaction ends. */
async function checkOwner(tx: Tx, ownerUserId: string | null): Promise<void> {
  if (!ownerUserId) return;
  const [u] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerUserId), eq(users.kind, 'staff'), eq(users.status, 'active')))
    .for('key share');
  if (!u) throw new Refusal(fail(e.ownerGone, { ownerUserId: [e.ownerGone] }));
}

const AUDITED = [
  'legalName',
  'tradeName',
  'siren',
  'siret',
  'vatNumber',
  'country',
  'status',
  'paymentTermDays',
  'paymentEndOfMonth',
  'creditLimitCents',
  'fiscalYearEndMonth',
  'ownerUserId',
  'allowOffContract',
  'approvalThresholdHtCents',
  'approvalExpiryDays',
  'usesCostCentres',
] as const satisfies readonly (keyof AdminCompanyDetail & keyof UpdateCompanyInput)[];

/** Creates a client company as a prospect; audited. */
export async function createCompany(db: Database, actor: Actor | null, input: CreateCompanyInput): Promise<Result<{ accountId: string }>> {
  const refused = refuseUnless<{ accountId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return refusable(() =>
    db.transaction(async (tx) => {
      await checkOwner(tx, input.ownerUserId);
      const values = { ...input, kind: 'company' as const, status: 'prospect' as const };
      const [row] = await tx.insert(accounts).values(values).returning({ id: accounts.id });
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'account.create', entityType: 'account', entityId: row!.id, after: values });
      return ok({ accountId: row!.id });
    }),
  );
}

/** Edits a company's identity, terms and purchasing rules; the audit keeps before/after of what changed. */
export async function updateCompany(db: Database, actor: Actor | null, input: UpdateCompanyInput): Promise<Result<{ changed: string[] }>> {
  const refused = refuseUnless<{ changed: string[] }>(actor, PERMISSION);
  if (refused) return refused;
  return refusable(() =>
    db.transaction(async (tx) => {
      const { accountId, ...next } = input;
      const [current] = await tx
        .select(companyColumns)
        .from(accounts)
        .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'company')))
        .for('update');
      if (!current) return fail<{ changed: string[] }>(e.notFound);
      if (next.ownerUserId !== current.ownerUserId) await checkOwner(tx, next.ownerUserId);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of AUDITED) {
        if (current[key] !== next[key]) {
          before[key] = current[key];
          after[key] = next[key];
        }
      }
      const changed = Object.keys(after);
      if (changed.length === 0) return ok({ changed });
      await tx
        .update(accounts)
        .set({ ...(after as Partial<typeof accounts.$inferInsert>), updatedAt: sql`now()` })
        .where(eq(accounts.id, accountId));
      await recordAudit(tx, { actorUserId: actor!.userId, action: 'account.update', entityType: 'account', entityId: accountId, before, after });
      return ok({ changed });
    }),
  );
}

/** Locks the company row: address writes of one company run one at a time, so "one default per kind" holds. */
async function lockCompany(tx: Tx, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'company')))
    .for('update');
  return Boolean(row);
}

/**
 * Adds or edits an address. The first address of a kind becomes its default; marking one default
 * clears the others of that kind. Audited with before/after.
 */
export async function saveAddress(db: Database, actor: Actor | null, input: AddressInput): Promise<Result<{ addressId: string; created: boolean }>> {
  const refused = refuseUnless<{ addressId: string; created: boolean }>(actor, PERMISSION);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await lockCompany(tx, input.accountId))) return fail(e.notFound);
    const { accountId, addressId, ...fields } = input;
    let before: Record<string, unknown> | null = null;
    if (addressId) {
      const [current] = await tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, addressId), eq(addresses.accountId, accountId)));
      if (!current) return fail(e.addressNotFound);
      before = current;
    }
    const [sameKind] = await tx
      .select({ n: count() })
      .from(addresses)
      .where(and(eq(addresses.accountId, accountId), eq(addresses.kind, fields.kind), addressId ? ne(addresses.id, addressId) : undefined));
    const isDefault = fields.isDefault || (sameKind?.n ?? 0) === 0;
    if (isDefault) {
      await tx
        .update(addresses)
        .set({ isDefault: false })
        .where(and(eq(addresses.accountId, accountId), eq(addresses.kind, fields.kind), addressId ? ne(addresses.id, addressId) : undefined));
    }
    const values = { ...fields, isDefault };
    let id = addressId;
    if (addressId) {
      await tx.update(addresses).set(values).where(eq(addresses.id, addressId));
    } else {
      const [row] = await tx.insert(addresses).values({ ...values, accountId }).returning({ id: addresses.id });
      id = row!.id;
    }
    // An address moved to the other kind may have left its old kind without a default.
    if (before && before.kind !== fields.kind) await promoteDefault(tx, accountId, before.kind as 'billing' | 'delivery');
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: addressId ? 'account.address_update' : 'account.address_create',
      entityType: 'account',
      entityId: accountId,
      before,
      after: { id, ...values },
    });
    return ok({ addressId: id!, created: !addressId });
  });
}

async function promoteDefault(tx: Tx, accountId: string, kind: 'billing' | 'delivery'): Promise<void> {
  const [hasDefault] = await tx
    .select({ id: addresses.id })
    .from(addresses)
    .where(and(eq(addresses.accountId, accountId), eq(addresses.kind, kind), eq(addresses.isDefault, true)))
    .limit(1);
  if (hasDefault) return;
  const [first] = await tx
    .select({ id: addresses.id })
    .from(addresses)
    .where(and(eq(addresses.accountId, accountId), eq(addresses.kind, kind)))
    .orderBy(asc(addresses.label), asc(addresses.id))
    .limit(1);
  if (first) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, first.id));
}

/** Deletes an address; when it was the default of its kind, another of that kind takes over. Audited. */
export async function deleteAddress(db: Database, actor: Actor | null, input: { accountId: string; addressId: string }): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, PERMISSION);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await lockCompany(tx, input.accountId))) return fail(e.notFound);
    const [current] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, input.addressId), eq(addresses.accountId, input.accountId)))
      .returning();
    if (!current) return fail(e.addressNotFound);
    if (current.isDefault) await promoteDefault(tx, input.accountId, current.kind);
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'account.address_delete', entityType: 'account', entityId: input.accountId, before: current });
    return ok(null);
  });
}
