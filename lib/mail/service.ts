import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';
import { paginate } from '@/lib/sql-helpers';

export interface OutboxPage {
  rows: { id: string; toAddress: string; subject: string; bodyText: string; status: string; createdAt: Date }[];
  total: number;
  page: number;
  pageCount: number;
}

export const OUTBOX_PAGE_SIZE = 20;

/** The outbox, newest first, for staff. */
export async function listOutbox(
  db: Database,
  actor: Actor | null,
  opts: { page: number; to?: string },
): Promise<Result<OutboxPage>> {
  const refused = refuseUnless<OutboxPage>(actor, 'outbox.read');
  if (refused) return refused;
  const where = opts.to ? eq(outbox.toAddress, opts.to.trim().toLowerCase()) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(outbox).where(where);
  const { page, pageCount, offset } = paginate(total, OUTBOX_PAGE_SIZE, opts.page);
  const rows = await db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt))
    .limit(OUTBOX_PAGE_SIZE)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}
