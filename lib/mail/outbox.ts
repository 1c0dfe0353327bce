import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues a mail in the outbox, inside the caller's transaction: the mail exists if and only if the
 * change that caused it was committed. Delivery (SMTP when configured) happens after commit.
 */
export async function queueMail(db: Executor, message: MailMessage): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ toAddress: message.to, subject: message.subject, bodyText: message.text })
    .returning({ id: outbox.id });
  return row!.id;
}
