import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { addresses, persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';

export interface AddressView {
  id: string;
  kind: 'billing' | 'delivery';
  label: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

export const addressColumns = {
  id: addresses.id,
  kind: addresses.kind,
  label: addresses.label,
  line1: addresses.line1,
  line2: addresses.line2,
  postalCode: addresses.postalCode,
  city: addresses.city,
  country: addresses.country,
  isDefault: addresses.isDefault,
};

export interface CustomerProfile {
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  addresses: AddressView[];
}

/** The signed-in consumer's own profile; only ever their own account. */
export async function getCustomerProfile(db: Database, actor: Actor | null): Promise<Result<CustomerProfile>> {
  const refused = refuseUnless<CustomerProfile>(actor, 'shop.account');
  if (refused) return refused;
  const rows = actor!.accountId
    ? await db
        .select(addressColumns)
        .from(addresses)
        .where(eq(addresses.accountId, actor!.accountId))
        .orderBy(asc(addresses.kind), asc(addresses.label))
    : [];
  const [person] = await db
    .select({ firstName: persons.firstName, lastName: persons.lastName })
    .from(persons)
    .where(eq(persons.id, actor!.personId))
    .limit(1);
  return ok({
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    name: actor!.name,
    email: actor!.email,
    addresses: rows,
  });
}
