import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { ok, type Result } from '@/lib/result';

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
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pageCount);
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
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return ok({ rows, total, page, pageCount });
}
