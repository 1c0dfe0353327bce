import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { activities, opportunities, opportunityStageHistory, opportunityStakeholders } from '@/db/schema';
import { isOpenStage, type Stage } from '@/lib/crm/pipeline-rules';

/**
 * The CRM side of requests and quotes (spec/crm.md, "Pipeline"), written in the transaction of the
 * quote's own change so the opportunity never disagrees with the quote.
 */

/** A request without an opportunity opens one in qualification, with the requester as a `user`. */
export async function openOpportunityForRequest(
  tx: Tx,
  input: { accountId: string; title: string; amountHtCents: number; ownerUserId: string | null; requesterPersonId: string | null; actorUserId: string; expectedCloseDate: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(opportunities)
    .values({
      accountId: input.accountId,
      title: input.title,
      amountHtCents: input.amountHtCents,
      stage: 'qualification',
      ownerUserId: input.ownerUserId,
      expectedCloseDate: input.expectedCloseDate,
      nextStep: 'Chiffrer la demande de devis',
    })
    .returning({ id: opportunities.id });
  await tx.insert(opportunityStageHistory).values({ opportunityId: row!.id, fromStage: null, toStage: 'qualification', actorUserId: input.actorUserId });
  if (input.requesterPersonId) await addRequester(tx, row!.id, input.requesterPersonId);
  return row!.id;
}

export async function addRequester(tx: Tx, opportunityId: string, personId: string): Promise<void> {
  await tx.insert(opportunityStakeholders).values({ opportunityId, personId, role: 'user', weight: 0 }).onConflictDoNothing();
}

/**
 * Moves an open opportunity to `stage` (history row included); a closed one is left as the rep
 * closed it. `onlyFrom` limits the move (a version 2 sent during negotiation stays in negotiation).
 */
export async function advanceOpportunity(
  tx: Tx,
  opportunityId: string | null,
  stage: Stage,
  actorUserId: string | null,
  opts: { onlyFrom?: readonly Stage[]; amountHtCents?: number; orderId?: string; reason?: string } = {},
): Promise<void> {
  if (!opportunityId) return;
  const [current] = await tx.select({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.id, opportunityId)).for('update');
  if (!current || !isOpenStage(current.stage)) return;
  const moves = current.stage !== stage && (!opts.onlyFrom || opts.onlyFrom.includes(current.stage));
  const closing = !isOpenStage(stage);
  await tx
    .update(opportunities)
    .set({
      ...(moves ? { stage } : {}),
      ...(opts.amountHtCents !== undefined ? { amountHtCents: opts.amountHtCents } : {}),
      ...(opts.orderId ? { orderId: opts.orderId } : {}),
      ...(moves && closing ? { closedAt: sql`now()`, closeReason: opts.reason ?? null, probabilityOverride: null } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(opportunities.id, opportunityId));
  if (moves) await tx.insert(opportunityStageHistory).values({ opportunityId, fromStage: current.stage, toStage: stage, actorUserId });
}

/** A decision the rep must see (decline reason, change request): a note on the opportunity. */
export async function noteOnOpportunity(
  tx: Tx,
  input: { accountId: string; opportunityId: string | null; personId: string | null; subject: string; body: string; ownerUserId: string | null },
): Promise<void> {
  await tx.insert(activities).values({
    accountId: input.accountId,
    opportunityId: input.opportunityId,
    personId: input.personId,
    kind: 'note',
    subject: input.subject,
    body: input.body,
    ownerUserId: input.ownerUserId,
  });
}

export async function opportunityOfAccount(tx: Tx, opportunityId: string, accountId: string): Promise<boolean> {
  const [row] = await tx.select({ id: opportunities.id }).from(opportunities).where(and(eq(opportunities.id, opportunityId), eq(opportunities.accountId, accountId)));
  return Boolean(row);
}
