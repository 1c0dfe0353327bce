import 'server-only';
import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { accounts, agreementLines, agreementPriceTiers, frameworkAgreements, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { frAdminAgreements } from '@/lib/i18n/fr-admin-agreements';
import { fail, ok, type Result } from '@/lib/result';
import {
  ADMIN_AGREEMENTS_PAGE_SIZE,
  type AddLineInput,
  type AddTierInput,
  type AgreementListQuery,
  type AgreementStatus,
  type CreateAgreementInput,
  type UpdateAgreementInput,
  type UpdateLineInput,
} from './agreement-schemas';
import { paginate, rowsOf } from '@/lib/sql-helpers';

const e = frAdminAgreements.errors;
const PERMISSION = 'crm.use' as const;

/** Orders that no longer count against an agreement: they were never placed, or were undone. */
const NOT_CONSUMING = sql.raw(`('cancelled', 'rejected', 'expired')`);
/** Days before its end from which an active agreement is flagged. */
export const ENDING_SOON_DAYS = 30;
/** Share of the ceiling from which an agreement is flagged. */
export const NEAR_CEILING_RATIO = 0.8;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface AgreementListRow {
  id: string;
  reference: string;
  title: string;
  accountId: string;
  companyName: string;
  status: AgreementStatus;
  startsOn: string;
  endsOn: string;
  ceilingHtCents: number | null;
  consumedHtCents: number;
  /** consumed / ceiling; null without a ceiling. */
  consumptionRatio: number | null;
  endingSoon: boolean;
  nearCeiling: boolean;
}

export interface AgreementListPage {
  rows: AgreementListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** What an agreement's orders add up to, HT, computed by the database from order lines. */
const consumedSql = sql<number>`(select coalesce(sum(ol.net_cents), 0) from order_lines ol join orders o on o.id = ol.order_id where ol.agreement_id = "framework_agreements"."id" and o.status not in ${NOT_CONSUMING})`.mapWith(
  Number,
);
/** Active and ending within ENDING_SOON_DAYS of today (Europe/Paris). */
const endingSoonSql = sql<boolean>`("framework_agreements"."status" = 'active' and "framework_agreements"."ends_on" between (now() at time zone 'Europe/Paris')::date and (now() at time zone 'Europe/Paris')::date + ${sql.raw(String(ENDING_SOON_DAYS))})`;

/** The columns of an agreement's summary, shared by the list and the detail page. */
const summaryColumns = {
  id: frameworkAgreements.id,
  reference: frameworkAgreements.reference,
  title: frameworkAgreements.title,
  accountId: frameworkAgreements.accountId,
  companyName: accounts.legalName,
  status: frameworkAgreements.status,
  startsOn: frameworkAgreements.startsOn,
  endsOn: frameworkAgreements.endsOn,
  ceilingHtCents: frameworkAgreements.ceilingHtCents,
  consumedHtCents: consumedSql,
  endingSoon: endingSoonSql,
};

function ratio(consumed: number, ceiling: number | null): number | null {
  return ceiling ? consumed / ceiling : null;
}

/** Agreements for staff, with their consumption; filters on company and status; by end date. */
export async function listAgreementsForStaff(db: Database, actor: Actor | null, query: AgreementListQuery): Promise<Result<AgreementListPage>> {
  const refused = refuseUnless<AgreementListPage>(actor, PERMISSION);
  if (refused) return refused;
  const where: SQL[] = [];
  if (query.company) where.push(eq(frameworkAgreements.accountId, query.company));
  if (query.status) where.push(eq(frameworkAgreements.status, query.status));
  const condition = where.length ? and(...where) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(frameworkAgreements).where(condition);
  const { page, pageCount, offset } = paginate(total, ADMIN_AGREEMENTS_PAGE_SIZE, query.page);
  const rows = await db
    .select(summaryColumns)
    .from(frameworkAgreements)
    .innerJoin(accounts, eq(accounts.id, frameworkAgreements.accountId))
    .where(condition)
    .orderBy(sql`case when "framework_agreements"."status" = 'active' then 0 when "framework_agreements"."status" = 'draft' then 1 else 2 end`, asc(frameworkAgreements.endsOn), asc(frameworkAgreements.reference))
    .limit(ADMIN_AGREEMENTS_PAGE_SIZE)
    .offset(offset);
  return ok({
    rows: rows.map((r) => {
      const consumptionRatio = ratio(r.consumedHtCents, r.ceilingHtCents);
      return { ...r, endingSoon: Boolean(r.endingSoon), consumptionRatio, nearCeiling: consumptionRatio !== null && consumptionRatio >= NEAR_CEILING_RATIO };
    }),
    total,
    page,
    pageCount,
  });
}

export interface CompanyOption {
  id: string;
  name: string;
}

/** Client companies for the agreement form and filter (no B2C individuals). */
export async function listAgreementCompanyOptions(db: Database, actor: Actor | null): Promise<Result<CompanyOption[]>> {
  const refused = refuseUnless<CompanyOption[]>(actor, PERMISSION);
  if (refused) return refused;
  const rows = await db
    .select({ id: accounts.id, name: accounts.legalName })
    .from(accounts)
    .where(eq(accounts.kind, 'company'))
    .orderBy(sql`comptoir_fold(${accounts.legalName})`)
    .limit(1000);
  return ok(rows);
}

export interface AgreementLineView {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  listPriceHtCents: number;
  unitPriceHtCents: number;
  maxQuantity: number | null;
  tiers: { minQuantity: number; unitPriceHtCents: number }[];
  orderedQuantity: number;
  orderedHtCents: number;
}

export interface AgreementDetail {
  id: string;
  reference: string;
  title: string;
  accountId: string;
  companyName: string;
  status: AgreementStatus;
  startsOn: string;
  endsOn: string;
  ceilingHtCents: number | null;
  consumedHtCents: number;
  consumptionRatio: number | null;
  endingSoon: boolean;
  nearCeiling: boolean;
  lines: AgreementLineView[];
}

/** One agreement with its lines, their tiers, and what was ordered on each (quantity and HT). */
export async function getAgreementForStaff(db: Database, actor: Actor | null, agreementId: string): Promise<Result<AgreementDetail>> {
  const refused = refuseUnless<AgreementDetail>(actor, PERMISSION);
  if (refused) return refused;
  const [head] = await db
    .select(summaryColumns)
    .from(frameworkAgreements)
    .innerJoin(accounts, eq(accounts.id, frameworkAgreements.accountId))
    .where(eq(frameworkAgreements.id, agreementId))
    .limit(1);
  if (!head) return fail(e.notFound);
  const [lines, tiers, usage] = await Promise.all([
    db
      .select({
        id: agreementLines.id,
        productId: agreementLines.productId,
        sku: products.sku,
        productName: products.name,
        listPriceHtCents: products.b2bListPriceHtCents,
        unitPriceHtCents: agreementLines.unitPriceHtCents,
        maxQuantity: agreementLines.maxQuantity,
      })
      .from(agreementLines)
      .innerJoin(products, eq(products.id, agreementLines.productId))
      .where(eq(agreementLines.agreementId, agreementId))
      .orderBy(asc(products.sku)),
    db
      .select({ lineId: agreementPriceTiers.agreementLineId, minQuantity: agreementPriceTiers.minQuantity, unitPriceHtCents: agreementPriceTiers.unitPriceHtCents })
      .from(agreementPriceTiers)
      .innerJoin(agreementLines, eq(agreementLines.id, agreementPriceTiers.agreementLineId))
      .where(eq(agreementLines.agreementId, agreementId))
      .orderBy(asc(agreementPriceTiers.minQuantity)),
    db.execute(sql`
      select ol.product_id, sum(ol.quantity)::text as quantity, sum(ol.net_cents)::text as net_cents
      from order_lines ol join orders o on o.id = ol.order_id
      where ol.agreement_id = ${agreementId} and ol.product_id is not null and o.status not in ${NOT_CONSUMING}
      group by ol.product_id`),
  ]);
  const usageRows = rowsOf<{ product_id: string; quantity: string; net_cents: string }>(usage);
  const byProduct = new Map(usageRows.map((u) => [u.product_id, { quantity: Number(u.quantity), net: Number(u.net_cents) }]));
  const consumptionRatio = ratio(head.consumedHtCents, head.ceilingHtCents);
  return ok({
    ...head,
    endingSoon: Boolean(head.endingSoon),
    consumptionRatio,
    nearCeiling: consumptionRatio !== null && consumptionRatio >= NEAR_CEILING_RATIO,
    lines: lines.map((l) => ({
      ...l,
      tiers: tiers.filter((t) => t.lineId === l.id).map(({ minQuantity, unitPriceHtCents }) => ({ minQuantity, unitPriceHtCents })),
      orderedQuantity: byProduct.get(l.productId)?.quantity ?? 0,
      orderedHtCents: byProduct.get(l.productId)?.net ?? 0,
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** A business rule broken inside a transaction: thrown to roll back, turned into a Result outside. */
class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

/** Runs a write; a Refusal or a unique violation (a parallel insert won the race) becomes a Result. */
async function guarded<T>(write: () => Promise<Result<T>>, context: { reference?: string; sku?: string; minQuantity?: number } = {}): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (isUniqueViolation(error, 'framework_agreements_reference_unique')) {
      const msg = e.referenceTaken(context.reference ?? '');
      return fail(msg, { reference: [msg] });
    }
    if (isUniqueViolation(error, 'agreement_lines_product_unique')) {
      const msg = e.duplicateProduct(context.sku ?? '');
      return fail(msg, { sku: [msg] });
    }
    if (isUniqueViolation(error, 'agreement_price_tiers_unique')) {
      const msg = e.tierTaken(context.minQuantity ?? 0);
      return fail(msg, { minQuantity: [msg] });
    }
    throw error;
  }
}

/**
 * Serialises every write that could put one product under two active agreements of a company:
 * the company row (FOR NO KEY UPDATE — a mutex that also covers agreements being created) and then
 * the company's agreements (FOR UPDATE, in id order).
 */
async function lockCompanyAgreements(tx: Tx, accountId: string): Promise<boolean> {
  const [company] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'company')))
    .for('no key update');
  if (!company) return false;
  await tx.select({ id: frameworkAgreements.id }).from(frameworkAgreements).where(eq(frameworkAgreements.accountId, accountId)).orderBy(asc(frameworkAgreements.id)).for('update');
  return true;
}

/**
 * Another ACTIVE agreement of the company, over overlapping dates, with a line on one of this
 * agreement's products (or on `productId` only): the first such conflict, or null.
 */
async function findOverlap(
  tx: Tx,
  a: { agreementId: string; accountId: string; startsOn: string; endsOn: string; productId?: string },
): Promise<{ sku: string; reference: string } | null> {
  const mine = a.productId
    ? sql`select ${a.productId}::uuid as product_id`
    : sql`select product_id from agreement_lines where agreement_id = ${a.agreementId}`;
  const rows = await tx.execute(sql`
    select p.sku, other.reference
    from (${mine}) mine
    join agreement_lines theirs on theirs.product_id = mine.product_id
    join framework_agreements other on other.id = theirs.agreement_id
    join products p on p.id = mine.product_id
    where other.account_id = ${a.accountId}
      and other.id <> ${a.agreementId}
      and other.status = 'active'
      and other.starts_on <= ${a.endsOn}::date
      and other.ends_on >= ${a.startsOn}::date
    order by p.sku, other.reference
    limit 1`);
  return rowsOf<{ sku: string; reference: string }>(rows)[0] ?? null;
}


function overlapRefusal(conflict: { sku: string; reference: string }, field: string): Refusal {
  const msg = e.overlap(conflict.sku, conflict.reference);
  return new Refusal(fail(msg, { [field]: [msg] }));
}

async function referenceTaken(tx: Tx, reference: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: frameworkAgreements.id })
    .from(frameworkAgreements)
    .where(exceptId ? and(eq(frameworkAgreements.reference, reference), ne(frameworkAgreements.id, exceptId)) : eq(frameworkAgreements.reference, reference))
    .limit(1);
  return Boolean(row);
}

/** Creates an agreement (usually a draft, lines come next); audited. */
export async function createAgreement(db: Database, actor: Actor | null, input: CreateAgreementInput): Promise<Result<{ agreementId: string }>> {
  const refused = refuseUnless<{ agreementId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        if (!(await lockCompanyAgreements(tx, input.accountId))) throw new Refusal(fail(e.companyNotFound, { accountId: [e.companyNotFound] }));
        if (await referenceTaken(tx, input.reference)) {
          const msg = e.referenceTaken(input.reference);
          throw new Refusal(fail(msg, { reference: [msg] }));
        }
        const [row] = await tx.insert(frameworkAgreements).values(input).returning({ id: frameworkAgreements.id });
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'agreement.create', entityType: 'framework_agreement', entityId: row!.id, after: input });
        return ok({ agreementId: row!.id });
      }),
    { reference: input.reference },
  );
}

const HEADER_FIELDS = ['reference', 'title', 'status', 'startsOn', 'endsOn', 'ceilingHtCents'] as const;

/**
 * Edits the header. When the agreement is (or becomes) active, none of its products may be under
 * another active agreement of the company over overlapping dates — checked under the company lock.
 */
export async function updateAgreement(db: Database, actor: Actor | null, input: UpdateAgreementInput): Promise<Result<{ changed: string[] }>> {
  const refused = refuseUnless<{ changed: string[] }>(actor, PERMISSION);
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const { agreementId, ...next } = input;
        const [owner] = await tx.select({ accountId: frameworkAgreements.accountId }).from(frameworkAgreements).where(eq(frameworkAgreements.id, agreementId));
        if (!owner) return fail<{ changed: string[] }>(e.notFound);
        await lockCompanyAgreements(tx, owner.accountId);
        const [current] = await tx
          .select({
            reference: frameworkAgreements.reference,
            title: frameworkAgreements.title,
            status: frameworkAgreements.status,
            startsOn: frameworkAgreements.startsOn,
            endsOn: frameworkAgreements.endsOn,
            ceilingHtCents: frameworkAgreements.ceilingHtCents,
          })
          .from(frameworkAgreements)
          .where(eq(frameworkAgreements.id, agreementId));
        if (!current) return fail<{ changed: string[] }>(e.notFound);
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const key of HEADER_FIELDS) {
          if (current[key] !== next[key]) {
            before[key] = current[key];
            after[key] = next[key];
          }
        }
        const changed = Object.keys(after);
        if (changed.length === 0) return ok({ changed });
        if (next.reference !== current.reference && (await referenceTaken(tx, next.reference, agreementId))) {
          const msg = e.referenceTaken(next.reference);
          throw new Refusal(fail(msg, { reference: [msg] }));
        }
        if (next.status === 'active') {
          const conflict = await findOverlap(tx, { agreementId, accountId: owner.accountId, startsOn: next.startsOn, endsOn: next.endsOn });
          if (conflict) throw overlapRefusal(conflict, current.status === 'active' ? 'startsOn' : 'status');
        }
        await tx
          .update(frameworkAgreements)
          .set({ ...(after as Partial<typeof frameworkAgreements.$inferInsert>), updatedAt: sql`now()` })
          .where(eq(frameworkAgreements.id, agreementId));
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'agreement.update', entityType: 'framework_agreement', entityId: agreementId, before, after });
        return ok({ changed });
      }),
    { reference: input.reference },
  );
}

/** The agreement of a line, for the lock and the audit. */
async function agreementOfLine(tx: Tx, lineId: string) {
  const [row] = await tx
    .select({ agreementId: agreementLines.agreementId, accountId: frameworkAgreements.accountId, sku: products.sku })
    .from(agreementLines)
    .innerJoin(frameworkAgreements, eq(frameworkAgreements.id, agreementLines.agreementId))
    .innerJoin(products, eq(products.id, agreementLines.productId))
    .where(eq(agreementLines.id, lineId));
  return row ?? null;
}

/** Adds a product by SKU at its negotiated price; refuses an unknown SKU, a product already there, or an overlap. */
export async function addAgreementLine(db: Database, actor: Actor | null, input: AddLineInput): Promise<Result<{ lineId: string }>> {
  const refused = refuseUnless<{ lineId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const [owner] = await tx.select({ accountId: frameworkAgreements.accountId }).from(frameworkAgreements).where(eq(frameworkAgreements.id, input.agreementId));
        if (!owner) return fail<{ lineId: string }>(e.notFound);
        await lockCompanyAgreements(tx, owner.accountId);
        const [agreement] = await tx
          .select({ status: frameworkAgreements.status, startsOn: frameworkAgreements.startsOn, endsOn: frameworkAgreements.endsOn })
          .from(frameworkAgreements)
          .where(eq(frameworkAgreements.id, input.agreementId));
        if (!agreement) return fail<{ lineId: string }>(e.notFound);
        const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.sku, input.sku)).for('key share');
        if (!product) {
          const msg = e.unknownSku(input.sku);
          throw new Refusal(fail(msg, { sku: [msg] }));
        }
        const [dup] = await tx
          .select({ id: agreementLines.id })
          .from(agreementLines)
          .where(and(eq(agreementLines.agreementId, input.agreementId), eq(agreementLines.productId, product.id)));
        if (dup) {
          const msg = e.duplicateProduct(input.sku);
          throw new Refusal(fail(msg, { sku: [msg] }));
        }
        if (agreement.status === 'active') {
          const conflict = await findOverlap(tx, { agreementId: input.agreementId, accountId: owner.accountId, startsOn: agreement.startsOn, endsOn: agreement.endsOn, productId: product.id });
          if (conflict) throw overlapRefusal(conflict, 'sku');
        }
        const values = { agreementId: input.agreementId, productId: product.id, unitPriceHtCents: input.unitPriceHtCents, maxQuantity: input.maxQuantity };
        const [row] = await tx.insert(agreementLines).values(values).returning({ id: agreementLines.id });
        await recordAudit(tx, {
          actorUserId: actor!.userId,
          action: 'agreement.line_add',
          entityType: 'framework_agreement',
          entityId: input.agreementId,
          after: { lineId: row!.id, sku: input.sku, ...values },
        });
        return ok({ lineId: row!.id });
      }),
    { sku: input.sku },
  );
}

/** Changes a line's negotiated price or maximum quantity; audited with before/after. */
export async function updateAgreementLine(db: Database, actor: Actor | null, input: UpdateLineInput): Promise<Result<{ agreementId: string; changed: string[] }>> {
  const refused = refuseUnless<{ agreementId: string; changed: string[] }>(actor, PERMISSION);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ agreementId: agreementLines.agreementId, unitPriceHtCents: agreementLines.unitPriceHtCents, maxQuantity: agreementLines.maxQuantity })
      .from(agreementLines)
      .where(eq(agreementLines.id, input.lineId))
      .for('update');
    if (!current) return fail(e.lineNotFound);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['unitPriceHtCents', 'maxQuantity'] as const) {
      if (current[key] !== input[key]) {
        before[key] = current[key];
        after[key] = input[key];
      }
    }
    const changed = Object.keys(after);
    if (changed.length) {
      await tx.update(agreementLines).set(after).where(eq(agreementLines.id, input.lineId));
      await tx.update(frameworkAgreements).set({ updatedAt: sql`now()` }).where(eq(frameworkAgreements.id, current.agreementId));
      await recordAudit(tx, {
        actorUserId: actor!.userId,
        action: 'agreement.line_update',
        entityType: 'framework_agreement',
        entityId: current.agreementId,
        before: { lineId: input.lineId, ...before },
        after: { lineId: input.lineId, ...after },
      });
    }
    return ok({ agreementId: current.agreementId, changed });
  });
}

/** Removes a line (and its tiers). Orders already placed keep the prices they were placed at. */
export async function removeAgreementLine(db: Database, actor: Actor | null, input: { lineId: string }): Promise<Result<{ agreementId: string }>> {
  const refused = refuseUnless<{ agreementId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const line = await agreementOfLine(tx, input.lineId);
    if (!line) return fail(e.lineNotFound);
    const tiers = await tx.select({ minQuantity: agreementPriceTiers.minQuantity, unitPriceHtCents: agreementPriceTiers.unitPriceHtCents }).from(agreementPriceTiers).where(eq(agreementPriceTiers.agreementLineId, input.lineId));
    const [removed] = await tx.delete(agreementLines).where(eq(agreementLines.id, input.lineId)).returning();
    if (!removed) return fail(e.lineNotFound);
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'agreement.line_remove',
      entityType: 'framework_agreement',
      entityId: line.agreementId,
      before: { lineId: input.lineId, sku: line.sku, unitPriceHtCents: removed.unitPriceHtCents, maxQuantity: removed.maxQuantity, tiers },
    });
    return ok({ agreementId: line.agreementId });
  });
}

/** Adds a quantity tier to a line (minimum quantity > 1, one tier per minimum); audited. */
export async function addPriceTier(db: Database, actor: Actor | null, input: AddTierInput): Promise<Result<{ agreementId: string }>> {
  const refused = refuseUnless<{ agreementId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const [line] = await tx.select({ agreementId: agreementLines.agreementId }).from(agreementLines).where(eq(agreementLines.id, input.lineId)).for('update');
        if (!line) return fail<{ agreementId: string }>(e.lineNotFound);
        const [dup] = await tx
          .select({ n: count() })
          .from(agreementPriceTiers)
          .where(and(eq(agreementPriceTiers.agreementLineId, input.lineId), eq(agreementPriceTiers.minQuantity, input.minQuantity)));
        if (dup && dup.n > 0) {
          const msg = e.tierTaken(input.minQuantity);
          throw new Refusal(fail(msg, { minQuantity: [msg] }));
        }
        await tx.insert(agreementPriceTiers).values({ agreementLineId: input.lineId, minQuantity: input.minQuantity, unitPriceHtCents: input.unitPriceHtCents });
        await recordAudit(tx, {
          actorUserId: actor!.userId,
          action: 'agreement.tier_add',
          entityType: 'framework_agreement',
          entityId: line.agreementId,
          after: { lineId: input.lineId, minQuantity: input.minQuantity, unitPriceHtCents: input.unitPriceHtCents },
        });
        return ok({ agreementId: line.agreementId });
      }),
    { minQuantity: input.minQuantity },
  );
}

/** Removes a quantity tier; audited. */
export async function removePriceTier(db: Database, actor: Actor | null, input: { lineId: string; minQuantity: number }): Promise<Result<{ agreementId: string }>> {
  const refused = refuseUnless<{ agreementId: string }>(actor, PERMISSION);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [line] = await tx.select({ agreementId: agreementLines.agreementId }).from(agreementLines).where(eq(agreementLines.id, input.lineId)).for('update');
    if (!line) return fail(e.lineNotFound);
    const [removed] = await tx
      .delete(agreementPriceTiers)
      .where(and(eq(agreementPriceTiers.agreementLineId, input.lineId), eq(agreementPriceTiers.minQuantity, input.minQuantity)))
      .returning();
    if (!removed) return fail(e.tierNotFound);
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'agreement.tier_remove',
      entityType: 'framework_agreement',
      entityId: line.agreementId,
      before: { lineId: input.lineId, minQuantity: removed.minQuantity, unitPriceHtCents: removed.unitPriceHtCents },
    });
    return ok({ agreementId: line.agreementId });
  });
}

