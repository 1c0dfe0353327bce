/**
 * Sent quotes for the acceptance scenario, made through the app's own services (as staff would in
 * the builder), so every acceptance the benchmark makes is a real one.
 *
 *   node --conditions=react-server --import tsx bench/quote-fixtures.ts <accountId> <count> <productId,…>
 * (`react-server` lets the services' `server-only` guard load outside Next.) Prints the quote ids.
 */
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';

const [accountId, countArg, productsArg] = process.argv.slice(2);
const count = Number(countArg);
const productIds = (productsArg ?? '').split(',').filter(Boolean);
const handle = await getDbHandle();
const db = handle.db;
try {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@comptoir.test')).limit(1);
  const actor = admin ? await loadActor(db, admin.id) : null;
  if (!actor) throw new Error('the demo admin (admin@comptoir.test) is missing: seed the database first');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createQuote(db, actor, { accountId });
    if (!created.ok) throw new Error(`createQuote: ${created.error}`);
    const { quoteId } = created.value;
    const productId = productIds[i % productIds.length];
    const saved = await saveQuoteDraft(db, actor, {
      quoteId,
      baseVersion: 1,
      title: `Devis de banc d’essai ${i + 1}`,
      validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      lines: [{ productId, description: 'Article du banc d’essai', quantity: '2', unitPrice: '12,50', discount: '', vatRateBp: 2000 }],
    } as never);
    if (!saved.ok) throw new Error(`saveQuoteDraft: ${saved.error}`);
    const sent = await sendQuote(db, actor, { quoteId, version: saved.value.version });
    if (!sent.ok) throw new Error(`sendQuote: ${sent.error}`);
    ids.push(quoteId);
  }
  console.log(JSON.stringify(ids));
} finally {
  await handle.close();
}
