import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, addresses, persons, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { addressColumns, type AddressView } from '@/lib/customers/service';
import { fail, ok, type Result } from '@/lib/result';

export interface CompanyOverview {
  legalName: string;
  siren: string | null;
  vatNumber: string | null;
  country: string;
  paymentTermDays: number;
  paymentEndOfMonth: boolean;
  creditLimitCents: number | null;
  fiscalYearEndMonth: number;
  salesRep: { name: string; email: string } | null;
  addresses: AddressView[];
}

/** The actor's own company, as its portal users see it. The company id comes from the actor only. */
export async function getCompanyOverview(db: Database, actor: Actor | null): Promise<Result<CompanyOverview>> {
  const refused = refuseUnless<CompanyOverview>(actor, 'b2b.use');
  if (refused) return refused;
  const accountId = actor!.accountId;
  if (!accountId) return fail('Entreprise introuvable.');
  const [company] = await db
    .select({
      legalName: accounts.legalName,
      siren: accounts.siren,
      vatNumber: accounts.vatNumber,
      country: accounts.country,
      paymentTermDays: accounts.paymentTermDays,
      paymentEndOfMonth: accounts.paymentEndOfMonth,
      creditLimitCents: accounts.creditLimitCents,
      fiscalYearEndMonth: accounts.fiscalYearEndMonth,
      repFirst: persons.firstName,
      repLast: persons.lastName,
      repEmail: users.email,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!company) return fail('Entreprise introuvable.');
  const addr = await db
    .select(addressColumns)
    .from(addresses)
    .where(eq(addresses.accountId, accountId))
    .orderBy(asc(addresses.kind), asc(addresses.label));
  const { repFirst, repLast, repEmail, ...rest } = company;
  return ok({
    ...rest,
    salesRep: repEmail ? { name: `${repFirst} ${repLast}`, email: repEmail } : null,
    addresses: addr,
  });
}
