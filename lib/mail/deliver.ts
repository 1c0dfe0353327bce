import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outbox } from '@/db/schema';

/**
 * Sends pending outbox mail through SMTP when SMTP_URL is configured (smtp://user:pass@host:port);
 * without it mail stays in the outbox, which staff read at /admin/outbox. Rows are claimed with
 * SKIP LOCKED so several app instances never send the same mail twice.
 */
export async function deliverPendingMail(db: Database, limit = 20): Promise<number> {
  const url = process.env.SMTP_URL;
  if (!url) return 0;
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  const from = process.env.MAIL_FROM ?? 'Comptoir <no-reply@comptoir.test>';
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'pending')))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.bodyText });
        await tx.update(outbox).set({ status: 'sent', sentAt: sql`now()` }).where(eq(outbox.id, row.id));
        sent++;
      } catch (error) {
        await tx
          .update(outbox)
          .set({ status: 'failed', error: String(error).slice(0, 500) })
          .where(eq(outbox.id, row.id));
      }
      return true;
    });
    if (!done) break;
  }
  return sent;
}
