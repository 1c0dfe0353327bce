import 'server-only';
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, addresses, persons, positions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';
import { escapeLike } from '@/lib/sql-helpers';

export const ACCOUNTS_PAGE_SIZE = 25;

export interface AccountListRow {
  id: string;
  legalName: string;
  status: 'prospect' | 'active' | 'suspended';
  country: string;
  city: string | null;
  ownerName: string | null;
  peopleCount: number;
}

export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageCount: number;
  scope: 'mine' | 'all';
}


/**
 * Client companies and prospects for the CRM: a sales rep sees the accounts they own, an admin
 * sees all. Individual (B2C) accounts are not listed here.
 */
export async function listAccounts(
  db: Database,
  actor: Actor | null,
  opts: { q?: string; page: number },
): Promise<Result<AccountListPage>> {
  const refused = refuseUnless<AccountListPage>(actor, 'crm.use');
  if (refused) return refused;
  const scope = actor!.role === 'admin' ? 'all' : 'mine';
  const filters: SQL[] = [eq(accounts.kind, 'company')];
  if (scope === 'mine') filters.push(eq(accounts.ownerUserId, actor!.userId));
  const q = opts.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    filters.push(or(ilike(accounts.legalName, pattern), ilike(accounts.siren, pattern.replace(/\s/g, '')))!);
  }
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accounts).where(where);
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pageCount);
  const rows = await db
    .select({
      id: accounts.id,
      legalName: accounts.legalName,
      status: accounts.status,
      country: accounts.country,
      city: sql<string | null>`(select ${addresses.city} from ${addresses} where ${addresses.accountId} = ${accounts.id} and ${addresses.kind} = 'billing' order by ${addresses.isDefault} desc limit 1)`,
      ownerName: sql<string | null>`${persons.firstName} || ' ' || ${persons.lastName}`,
      peopleCount: sql<number>`(select count(*) from ${positions} where ${positions.accountId} = ${accounts.id} and ${positions.endedOn} is null)`.mapWith(Number),
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(where)
    .orderBy(asc(accounts.legalName))
    .limit(ACCOUNTS_PAGE_SIZE)
    .offset((page - 1) * ACCOUNTS_PAGE_SIZE);
  return ok({ rows, total, page, pageCount, scope });
}
