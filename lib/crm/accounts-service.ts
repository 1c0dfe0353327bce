import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, addresses, opportunities, opportunityStakeholders, orders, persons, positions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { frCrm } from '@/lib/i18n/fr-crm';
import type { OrderStatus } from '@/lib/orders/rules';
import { parisDate } from '@/lib/purchasing/periods';
import { fail, ok, type Result } from '@/lib/result';
import { escapeLike, paginate } from '@/lib/sql-helpers';
import { CRM_ACCOUNTS_PAGE_SIZE, type CreateProspectInput, type SetParentInput } from './schemas';

const e = frCrm.errors;

/** Kept for the former /crm page; equals CRM_ACCOUNTS_PAGE_SIZE. */
export const ACCOUNTS_PAGE_SIZE = CRM_ACCOUNTS_PAGE_SIZE;

type AccountStatus = 'prospect' | 'active' | 'suspended';

export interface AccountListRow {
  id: string;
  legalName: string;
  siren: string | null;
  status: AccountStatus;
  country: string;
  city: string | null;
  ownerName: string | null;
  peopleCount: number;
  isCustomer: boolean;
}

export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageCount: number;
  scope: 'mine' | 'all';
}

export interface AccountListOptions {
  q?: string | undefined;
  page: number;
  /** A staff user id, 'none' (no owner), or 'all'/undefined (every owner). */
  owner?: string | undefined;
  status?: AccountStatus | undefined;
  relation?: 'customer' | 'prospect' | undefined;
}

/** A customer has at least one order that became real (not cancelled, rejected or expired). */
const isCustomerSql = sql<boolean>`exists (select 1 from ${orders} where ${orders.accountId} = ${accounts.id} and ${orders.status} not in ('cancelled', 'rejected', 'expired'))`;

/**
 * Client companies and prospects for staff (admin and sales see all; the page defaults a sales
 * rep's owner filter to themselves). Search on legal name or SIREN; filters on owner, status and
 * customer (at least one order that was not cancelled) vs prospect. Individual accounts are not listed.
 */
export async function listAccounts(db: Database, actor: Actor | null, opts: AccountListOptions): Promise<Result<AccountListPage>> {
  const refused = refuseUnless<AccountListPage>(actor, 'crm.use');
  if (refused) return refused;
  const filters: SQL[] = [eq(accounts.kind, 'company')];
  const q = opts.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    filters.push(or(ilike(accounts.legalName, pattern), ilike(accounts.siren, `%${escapeLike(q.replace(/[\s.-]/g, ''))}%`))!);
  }
  if (opts.owner === 'none') filters.push(isNull(accounts.ownerUserId));
  else if (opts.owner && opts.owner !== 'all') filters.push(eq(accounts.ownerUserId, opts.owner));
  if (opts.status) filters.push(eq(accounts.status, opts.status));
  if (opts.relation === 'customer') filters.push(isCustomerSql);
  if (opts.relation === 'prospect') filters.push(sql`not ${isCustomerSql}`);
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accounts).where(where);
  const { page, pageCount, offset } = paginate(total, CRM_ACCOUNTS_PAGE_SIZE, opts.page);
  const rows = await db
    .select({
      id: accounts.id,
      legalName: accounts.legalName,
      siren: accounts.siren,
      status: accounts.status,
      country: accounts.country,
      city: sql<string | null>`(select ${addresses.city} from ${addresses} where ${addresses.accountId} = ${accounts.id} and ${addresses.kind} = 'billing' order by ${addresses.isDefault} desc limit 1)`,
      ownerName: sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`,
      peopleCount: sql<number>`(select count(*) from ${positions} where ${positions.accountId} = ${accounts.id} and ${positions.endedOn} is null)`.mapWith(Number),
      isCustomer: isCustomerSql.mapWith(Boolean),
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(where)
    .orderBy(asc(accounts.legalName), asc(accounts.id))
    .limit(CRM_ACCOUNTS_PAGE_SIZE)
    .offset(offset);
  return ok({ rows, total, page, pageCount, scope: opts.owner === actor!.userId ? 'mine' : 'all' });
}

export interface StaffOption {
  id: string;
  name: string;
}

/** Active staff users, for the owner filter and the owner select. */
export async function listStaffOwners(db: Database, actor: Actor | null): Promise<Result<StaffOption[]>> {
  const refused = refuseUnless<StaffOption[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({ id: users.id, name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}` })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(and(eq(users.kind, 'staff'), eq(users.status, 'active')))
    .orderBy(asc(persons.lastName), asc(persons.firstName))
    .limit(200);
  return ok(rows);
}

/** Creates a prospect company account, owned by the chosen rep (default: the actor). */
export async function createProspect(db: Database, actor: Actor | null, input: CreateProspectInput): Promise<Result<{ accountId: string }>> {
  const refused = refuseUnless<{ accountId: string }>(actor, 'crm.use');
  if (refused) return refused;
  const ownerUserId = input.ownerUserId ?? actor!.userId;
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, ownerUserId), eq(users.kind, 'staff'), eq(users.status, 'active')));
    if (!owner) return fail(e.checkFields, { ownerUserId: [e.ownerNotFound] });
    if (input.siren) {
      const [dup] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.siren, input.siren)).limit(1);
      if (dup) return fail(e.checkFields, { siren: [e.sirenTaken] });
    }
    const [row] = await tx
      .insert(accounts)
      .values({ kind: 'company', status: 'prospect', legalName: input.legalName, siren: input.siren ?? null, country: input.country, ownerUserId })
      .returning({ id: accounts.id });
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'crm.account.create', entityType: 'account', entityId: row!.id, after: { ...input, ownerUserId } });
    return ok({ accountId: row!.id });
  });
}

export interface AccountDetail {
  id: string;
  kind: 'company' | 'individual';
  legalName: string;
  siren: string | null;
  status: AccountStatus;
  country: string;
  ownerUserId: string | null;
  ownerName: string | null;
  parent: { id: string; legalName: string } | null;
  subsidiaries: { id: string; legalName: string }[];
  /** Company accounts that may become the parent (not this one, not one of its descendants). */
  parentOptions: { id: string; legalName: string }[];
}

/** Ids of the account's descendants (subsidiaries, their subsidiaries…), the account excluded. */
async function descendantIds(db: Pick<Database, 'execute'>, accountId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive tree(id) as (
      select ${accounts.id} from ${accounts} where ${accounts.parentAccountId} = ${accountId}
      union
      select a.id from ${accounts} a join tree on a.parent_account_id = tree.id
    )
    select id from tree`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows) as { id: string }[];
  return rows.map((r) => r.id);
}

export async function getAccount(db: Database, actor: Actor | null, accountId: string): Promise<Result<AccountDetail>> {
  const refused = refuseUnless<AccountDetail>(actor, 'crm.use');
  if (refused) return refused;
  const [a] = await db
    .select({
      id: accounts.id,
      kind: accounts.kind,
      legalName: accounts.legalName,
      siren: accounts.siren,
      status: accounts.status,
      country: accounts.country,
      ownerUserId: accounts.ownerUserId,
      ownerName: sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`,
      parentAccountId: accounts.parentAccountId,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(eq(accounts.id, accountId));
  if (!a) return fail(e.accountNotFound);
  const [parent] = a.parentAccountId
    ? await db.select({ id: accounts.id, legalName: accounts.legalName }).from(accounts).where(eq(accounts.id, a.parentAccountId))
    : [];
  const subsidiaries = await db
    .select({ id: accounts.id, legalName: accounts.legalName })
    .from(accounts)
    .where(eq(accounts.parentAccountId, accountId))
    .orderBy(asc(accounts.legalName));
  const excluded = [accountId, ...(await descendantIds(db, accountId))];
  const parentOptions = await db
    .select({ id: accounts.id, legalName: accounts.legalName })
    .from(accounts)
    .where(and(eq(accounts.kind, 'company'), notInArray(accounts.id, excluded)))
    .orderBy(asc(accounts.legalName))
    .limit(500);
  const { parentAccountId: _p, ...rest } = a;
  return ok({ ...rest, parent: parent ?? null, subsidiaries, parentOptions });
}

/** Sets or clears the parent account; refuses itself, a non-company, and any cycle. */
export async function setParentAccount(db: Database, actor: Actor | null, input: SetParentInput): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'crm.use');
  if (refused) return refused;
  const parentId = input.parentAccountId ?? null;
  if (parentId === input.accountId) return fail(e.parentSelf, { parentAccountId: [e.parentSelf] });
  return db.transaction(async (tx) => {
    // Lock the account rows involved so two concurrent re-parentings cannot build a loop together.
    const ids = [input.accountId, ...(parentId ? [parentId] : [])].sort();
    const locked = await tx
      .select({ id: accounts.id, kind: accounts.kind, parentAccountId: accounts.parentAccountId })
      .from(accounts)
      .where(inArray(accounts.id, ids))
      .orderBy(asc(accounts.id))
      .for('update');
    const account = locked.find((r) => r.id === input.accountId);
    if (!account) return fail(e.accountNotFound);
    if (parentId) {
      const parent = locked.find((r) => r.id === parentId);
      if (!parent) return fail(e.accountNotFound, { parentAccountId: [e.accountNotFound] });
      if (parent.kind !== 'company') return fail(e.parentNotCompany, { parentAccountId: [e.parentNotCompany] });
      if ((await descendantIds(tx, input.accountId)).includes(parentId)) return fail(e.parentCycle, { parentAccountId: [e.parentCycle] });
    }
    if (account.parentAccountId === parentId) return ok(null);
    await tx.update(accounts).set({ parentAccountId: parentId, updatedAt: new Date() }).where(eq(accounts.id, input.accountId));
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'crm.account.set_parent',
      entityType: 'account',
      entityId: input.accountId,
      before: { parentAccountId: account.parentAccountId },
      after: { parentAccountId: parentId },
    });
    return ok(null);
  });
}

// ---------------------------------------------------------------------------------------------
// People of the account and its buying committee
// ---------------------------------------------------------------------------------------------

export interface AccountPersonRow {
  positionId: string;
  personId: string;
  name: string;
  title: string | null;
  department: string | null;
  startedOn: string | null;
  endedOn: string | null;
  purchaseProfile: 'user' | 'buyer' | 'both' | null;
  decisionWeight: number | null;
  portalRole: 'requester' | 'purchaser' | 'company_admin' | null;
}

export interface BuyingCommittee {
  people: AccountPersonRow[];
  buyers: AccountPersonRow[];
  users: AccountPersonRow[];
  weightSum: number;
  warnings: string[];
}

/** "MM/YYYY" of an ISO date. */
export function monthYear(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function minusMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * Current people of the account (positions open, or closing in the future) and its buying
 * committee: buyers (buyer/both) and users, the sum of weights, and warnings — a buyer whose
 * position ended in the last 12 months (unless they still hold a buyer position here), an open
 * opportunity without a stakeholder currently buying for this account.
 */
export async function getBuyingCommittee(
  db: Database,
  actor: Actor | null,
  accountId: string,
  today: string = parisDate(),
): Promise<Result<BuyingCommittee>> {
  const refused = refuseUnless<BuyingCommittee>(actor, 'crm.use');
  if (refused) return refused;
  const all = await db
    .select({
      positionId: positions.id,
      personId: positions.personId,
      name: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`,
      title: positions.title,
      department: positions.department,
      startedOn: positions.startedOn,
      endedOn: positions.endedOn,
      purchaseProfile: positions.purchaseProfile,
      decisionWeight: positions.decisionWeight,
      portalRole: positions.portalRole,
    })
    .from(positions)
    .innerJoin(persons, eq(persons.id, positions.personId))
    .where(eq(positions.accountId, accountId))
    .orderBy(desc(sql`coalesce(${positions.decisionWeight}, -1)`), asc(persons.lastName), asc(persons.firstName));
  const isCurrent = (p: AccountPersonRow) => p.endedOn === null || p.endedOn >= today;
  const isBuyer = (p: AccountPersonRow) => p.purchaseProfile === 'buyer' || p.purchaseProfile === 'both';
  const people = all.filter(isCurrent);
  const buyers = people.filter(isBuyer);
  const usersOnly = people.filter((p) => p.purchaseProfile === 'user');
  const weightSum = [...buyers, ...usersOnly].reduce((s, p) => s + (p.decisionWeight ?? 0), 0);
  const warnings: string[] = [];
  const yearAgo = minusMonths(today, 12);
  const currentBuyerIds = new Set(buyers.map((p) => p.personId));
  const departed = all
    .filter((p) => isBuyer(p) && p.endedOn !== null && p.endedOn < today && p.endedOn >= yearAgo && !currentBuyerIds.has(p.personId))
    .sort((a, b) => (b.endedOn! < a.endedOn! ? -1 : 1));
  const seen = new Set<string>();
  for (const p of departed) {
    if (seen.has(p.personId)) continue;
    seen.add(p.personId);
    warnings.push(frCrm.deciderLeft(p.name, monthYear(p.endedOn!)));
  }
  const open = await db
    .select({ id: opportunities.id, title: opportunities.title })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.accountId, accountId),
        notInArray(opportunities.stage, ['won', 'lost']),
        sql`not exists (
          select 1 from ${opportunityStakeholders} s
          join ${positions} p on p.person_id = s.person_id
          where s.opportunity_id = ${opportunities.id}
            and p.account_id = ${accountId}
            and (p.ended_on is null or p.ended_on >= ${today})
            and p.purchase_profile in ('buyer', 'both'))`,
      ),
    )
    .orderBy(asc(opportunities.title));
  for (const o of open) warnings.push(frCrm.opportunityWithoutBuyer(o.title));
  return ok({ people, buyers, users: usersOnly, weightSum, warnings });
}

export interface AccountOpportunityRow {
  id: string;
  title: string;
  stage: string;
  amountHtCents: number;
  expectedCloseDate: string | null;
}

export async function listAccountOpportunities(db: Database, actor: Actor | null, accountId: string): Promise<Result<AccountOpportunityRow[]>> {
  const refused = refuseUnless<AccountOpportunityRow[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({
      id: opportunities.id,
      title: opportunities.title,
      stage: opportunities.stage,
      amountHtCents: opportunities.amountHtCents,
      expectedCloseDate: opportunities.expectedCloseDate,
    })
    .from(opportunities)
    .where(eq(opportunities.accountId, accountId))
    .orderBy(sql`${opportunities.stage} in ('won', 'lost')`, asc(opportunities.expectedCloseDate))
    .limit(50);
  return ok(rows);
}

export interface AccountOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  totalNetCents: number;
  at: Date;
}

/** The latest 10 orders of the account. */
export async function listAccountOrders(db: Database, actor: Actor | null, accountId: string): Promise<Result<AccountOrderRow[]>> {
  const refused = refuseUnless<AccountOrderRow[]>(actor, 'crm.use');
  if (refused) return refused;
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      totalNetCents: orders.totalNetCents,
      at: sql<Date>`coalesce(${orders.placedAt}, ${orders.createdAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(orders)
    .where(eq(orders.accountId, accountId))
    .orderBy(desc(sql`coalesce(${orders.placedAt}, ${orders.createdAt})`))
    .limit(10);
  return ok(rows);
}
