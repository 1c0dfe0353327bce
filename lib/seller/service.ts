import 'server-only';
import type { Database } from '@/db/client';
import { sellerProfile } from '@/db/schema';

export type SellerProfile = typeof sellerProfile.$inferSelect;

/** Our own company's identity (public: it is printed on every receipt and invoice). */
export async function getSellerProfile(db: Database): Promise<SellerProfile | null> {
  const [row] = await db.select().from(sellerProfile).limit(1);
  return row ?? null;
}
