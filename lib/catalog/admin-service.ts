import 'server-only';
import { and, asc, count, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor, Tx } from '@/db/client';
import { categories, orders, persons, products, stockMovements, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { frAdminCatalog } from '@/lib/i18n/fr-admin-catalog';
import { fail, ok, type Result } from '@/lib/result';
import { slugify } from '@/lib/text/slugify';
import {
  ADMIN_PRODUCTS_PAGE_SIZE,
  type AdjustStockInput,
  type CreateCategoryInput,
  type CreateProductInput,
  type ProductListQuery,
  type UpdateCategoryInput,
  type UpdateProductInput,
} from './admin-schemas';
import { escapeLike, paginate } from '@/lib/sql-helpers';

const m = frAdminCatalog;
const e = frAdminCatalog.errors;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface AdminProductRow {
  id: string;
  sku: string;
  name: string;
  categoryName: string | null;
  vatRateBp: number;
  b2cPriceTtcCents: number;
  b2bListPriceHtCents: number;
  stockOnHand: number;
  isActive: boolean;
  isFeatured: boolean;
}

export interface AdminProductPage {
  rows: AdminProductRow[];
  total: number;
  page: number;
  pageCount: number;
}


/**
 * The catalogue for staff: a search on name (accent- and case-insensitive, served by the trigram
 * index on comptoir_fold(name)) or SKU, filters on category and status, 25 per page by name.
 */
export async function listProductsForStaff(db: Database, actor: Actor | null, query: ProductListQuery): Promise<Result<AdminProductPage>> {
  const refused = refuseUnless<AdminProductPage>(actor, 'catalog.manage');
  if (refused) return refused;
  const where: SQL[] = [];
  const q = query.q?.trim();
  if (q) {
    const pattern = escapeLike(q);
    where.push(
      or(
        sql`comptoir_fold(${products.name}) like '%' || comptoir_fold(${pattern}) || '%'`,
        sql`${products.sku} ilike ${`%${pattern}%`}`,
      )!,
    );
  }
  if (query.category === 'none') where.push(isNull(products.categoryId));
  else if (query.category) where.push(eq(products.categoryId, query.category));
  if (query.status) where.push(eq(products.isActive, query.status === 'active'));
  const condition = where.length ? and(...where) : undefined;

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(products).where(condition);
  const { page, pageCount, offset } = paginate(total, ADMIN_PRODUCTS_PAGE_SIZE, query.page);
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      categoryName: categories.name,
      vatRateBp: products.vatRateBp,
      b2cPriceTtcCents: products.b2cPriceTtcCents,
      b2bListPriceHtCents: products.b2bListPriceHtCents,
      stockOnHand: products.stockOnHand,
      isActive: products.isActive,
      isFeatured: products.isFeatured,
    })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(condition)
    .orderBy(sql`comptoir_fold(${products.name})`, asc(products.name), asc(products.sku))
    .limit(ADMIN_PRODUCTS_PAGE_SIZE)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}

export interface CategoryOption {
  id: string;
  name: string;
}

/** Categories for selects and filters, in display order. */
export async function listCategoryOptions(db: Database, actor: Actor | null): Promise<Result<CategoryOption[]>> {
  const refused = refuseUnless<CategoryOption[]>(actor, 'catalog.manage');
  if (refused) return refused;
  const rows = await db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.name))
    .limit(500);
  return ok(rows);
}

export interface AdminProductDetail {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  unit: string;
  categoryId: string | null;
  vatRateBp: number;
  b2cPriceTtcCents: number;
  b2bListPriceHtCents: number;
  stockOnHand: number;
  isActive: boolean;
  isFeatured: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const detailColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  description: products.description,
  unit: products.unit,
  categoryId: products.categoryId,
  vatRateBp: products.vatRateBp,
  b2cPriceTtcCents: products.b2cPriceTtcCents,
  b2bListPriceHtCents: products.b2bListPriceHtCents,
  stockOnHand: products.stockOnHand,
  isActive: products.isActive,
  isFeatured: products.isFeatured,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};

/** One product, every editable field, for the edit page. */
export async function getProductForStaff(db: Database, actor: Actor | null, productId: string): Promise<Result<AdminProductDetail>> {
  const refused = refuseUnless<AdminProductDetail>(actor, 'catalog.manage');
  if (refused) return refused;
  const [row] = await db.select(detailColumns).from(products).where(eq(products.id, productId)).limit(1);
  return row ? ok(row) : fail(e.productNotFound);
}

export interface StockMovementRow {
  id: number;
  kind: 'order' | 'cancel' | 'adjustment' | 'receipt';
  quantityDelta: number;
  stockAfter: number;
  reason: string | null;
  orderId: string | null;
  orderNumber: string | null;
  actorName: string | null;
  createdAt: Date;
}

/** The product's latest stock movements (50 by default), newest first, with who made them. */
export async function listStockMovements(
  db: Database,
  actor: Actor | null,
  productId: string,
  limit = 50,
): Promise<Result<StockMovementRow[]>> {
  const refused = refuseUnless<StockMovementRow[]>(actor, 'catalog.manage');
  if (refused) return refused;
  const rows = await db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      quantityDelta: stockMovements.quantityDelta,
      stockAfter: stockMovements.stockAfter,
      reason: stockMovements.reason,
      orderId: stockMovements.orderId,
      orderNumber: orders.number,
      firstName: persons.firstName,
      lastName: persons.lastName,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .leftJoin(orders, eq(orders.id, stockMovements.orderId))
    .leftJoin(users, eq(users.id, stockMovements.actorUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(eq(stockMovements.productId, productId))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(Math.min(Math.max(1, limit), 200));
  return ok(
    rows.map(({ firstName, lastName, ...r }) => ({ ...r, actorName: firstName ? `${firstName} ${lastName ?? ''}`.trim() : null })),
  );
}

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

type ProductFields = Omit<CreateProductInput, 'initialStock'>;
const AUDITED_FIELDS = [
  'sku',
  'slug',
  'name',
  'description',
  'unit',
  'categoryId',
  'vatRateBp',
  'b2cPriceTtcCents',
  'b2bListPriceHtCents',
  'isActive',
  'isFeatured',
] as const satisfies readonly (keyof ProductFields & keyof AdminProductDetail)[];

/** A business rule broken inside a transaction: thrown to roll back, turned into a Result outside. */
class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

async function skuTaken(tx: Executor, sku: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: products.id })
    .from(products)
    .where(exceptId ? and(eq(products.sku, sku), ne(products.id, exceptId)) : eq(products.sku, sku))
    .limit(1);
  return Boolean(row);
}

async function productSlugTaken(tx: Executor, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: products.id })
    .from(products)
    .where(exceptId ? and(eq(products.slug, slug), ne(products.id, exceptId)) : eq(products.slug, slug))
    .limit(1);
  return Boolean(row);
}

/** The typed slug if free (else a field error); without one, the name's slug made unique. */
async function resolveProductSlug(tx: Executor, input: ProductFields, exceptId?: string): Promise<string> {
  if (input.slug) {
    if (await productSlugTaken(tx, input.slug, exceptId)) throw new Refusal(fail(e.slugTaken(input.slug), { slug: [e.slugTaken(input.slug)] }));
    return input.slug;
  }
  const base = slugify(input.name).slice(0, 100).replace(/-+$/, '') || slugify(input.sku);
  if (!base) throw new Refusal(fail(e.slugEmpty, { slug: [e.slugEmpty] }));
  const candidates = [base, `${base}-${slugify(input.sku)}`];
  for (let i = 2; i <= 50; i++) candidates.push(`${base}-${i}`);
  for (const candidate of candidates) {
    if (!(await productSlugTaken(tx, candidate, exceptId))) return candidate;
  }
  throw new Refusal(fail(e.slugTaken(base), { slug: [e.slugTaken(base)] }));
}

async function checkProductFields(tx: Tx, input: ProductFields, exceptId?: string): Promise<string> {
  if (await skuTaken(tx, input.sku, exceptId)) throw new Refusal(fail(e.skuTaken(input.sku), { sku: [e.skuTaken(input.sku)] }));
  if (input.categoryId) {
    // FOR KEY SHARE: the category cannot be deleted before this transaction ends.
    const [cat] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId)).for('key share');
    if (!cat) throw new Refusal(fail(e.categoryGone, { categoryId: [e.categoryGone] }));
  }
  return resolveProductSlug(tx, input, exceptId);
}

/** Runs a write; a Refusal or a unique violation (a parallel insert won the race) becomes a Result. */
async function guarded<T>(write: () => Promise<Result<T>>, sku: string): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (isUniqueViolation(error, 'products_sku_unique')) return fail(e.skuTaken(sku), { sku: [e.skuTaken(sku)] });
    if (isUniqueViolation(error, 'products_slug_unique') || isUniqueViolation(error, 'categories_slug_unique')) {
      return fail(e.slugTakenRace, { slug: [e.slugTakenRace] });
    }
    throw error;
  }
}

type MovementOutcome = { ok: true; stockAfter: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'negative'; current: number };

/**
 * Moves a product's stock by `delta` with one conditional UPDATE (`stock + delta >= 0`), which row-locks
 * the product, so parallel movements serialize and none can take the stock below zero; then records
 * the movement with the stock it left. Call inside the transaction of the change.
 */
async function moveStock(
  tx: Tx,
  movement: { productId: string; delta: number; kind: 'adjustment' | 'receipt'; reason: string; actorUserId: string },
): Promise<MovementOutcome> {
  const [updated] = await tx
    .update(products)
    .set({ stockOnHand: sql`${products.stockOnHand} + ${movement.delta}`, updatedAt: sql`now()` })
    .where(and(eq(products.id, movement.productId), sql`${products.stockOnHand} + ${movement.delta} >= 0`))
    .returning({ stock: products.stockOnHand });
  if (!updated) {
    const [current] = await tx.select({ stock: products.stockOnHand }).from(products).where(eq(products.id, movement.productId));
    return current ? { ok: false, reason: 'negative', current: current.stock } : { ok: false, reason: 'not_found' };
  }
  await tx.insert(stockMovements).values({
    productId: movement.productId,
    kind: movement.kind,
    quantityDelta: movement.delta,
    stockAfter: updated.stock,
    reason: movement.reason,
    actorUserId: movement.actorUserId,
  });
  return { ok: true, stockAfter: updated.stock };
}

/**
 * Creates a product. Its initial stock, if any, is booked as a `receipt` movement by the actor, so
 * the history explains every unit; the creation is audited.
 */
export async function createProduct(db: Database, actor: Actor | null, input: CreateProductInput): Promise<Result<{ productId: string }>> {
  const refused = refuseUnless<{ productId: string }>(actor, 'catalog.manage');
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const { initialStock, ...fields } = input;
        const slug = await checkProductFields(tx, fields);
        const values = { ...fields, slug };
        const [row] = await tx.insert(products).values({ ...values, stockOnHand: 0 }).returning({ id: products.id });
        const productId = row!.id;
        if (initialStock > 0) {
          const moved = await moveStock(tx, { productId, delta: initialStock, kind: 'receipt', reason: m.initialStockReason, actorUserId: actor!.userId });
          if (!moved.ok) throw new Error('initial receipt refused on a new product');
        }
        await recordAudit(tx, {
          actorUserId: actor!.userId,
          action: 'product.create',
          entityType: 'product',
          entityId: productId,
          after: { ...values, initialStock },
        });
        return ok({ productId });
      }),
    input.sku,
  );
}

/** Edits a product's catalogue fields (not its stock); the audit keeps before/after of what changed. */
export async function updateProduct(
  db: Database,
  actor: Actor | null,
  input: UpdateProductInput,
): Promise<Result<{ changed: string[] }>> {
  const refused = refuseUnless<{ changed: string[] }>(actor, 'catalog.manage');
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const { productId, ...fields } = input;
        const [current] = await tx.select(detailColumns).from(products).where(eq(products.id, productId)).for('update');
        if (!current) return fail<{ changed: string[] }>(e.productNotFound);
        const slug = await checkProductFields(tx, fields, productId);
        const next = { ...fields, slug };
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const key of AUDITED_FIELDS) {
          if (current[key] !== next[key]) {
            before[key] = current[key];
            after[key] = next[key];
          }
        }
        const changed = Object.keys(after);
        if (changed.length === 0) return ok({ changed });
        await tx
          .update(products)
          .set({ ...(after as Partial<typeof products.$inferInsert>), updatedAt: sql`now()` })
          .where(eq(products.id, productId));
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'product.update', entityType: 'product', entityId: productId, before, after });
        return ok({ changed });
      }),
    input.sku,
  );
}

/**
 * Applies a signed stock movement (an `adjustment`, or a `receipt` of goods) with its reason. Refused
 * when the stock would go below zero, with the current stock in the message.
 */
export async function adjustStock(db: Database, actor: Actor | null, input: AdjustStockInput): Promise<Result<{ stockAfter: number }>> {
  const refused = refuseUnless<{ stockAfter: number }>(actor, 'catalog.manage');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const moved = await moveStock(tx, { ...input, actorUserId: actor!.userId });
    if (!moved.ok) {
      if (moved.reason === 'not_found') return fail<{ stockAfter: number }>(e.productNotFound);
      return fail<{ stockAfter: number }>(e.negativeStock(moved.current), { delta: [e.maxWithdrawal(moved.current)] });
    }
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: `product.stock_${input.kind}`,
      entityType: 'product',
      entityId: input.productId,
      before: { stockOnHand: moved.stockAfter - input.delta },
      after: { stockOnHand: moved.stockAfter, delta: input.delta, reason: input.reason },
    });
    return ok({ stockAfter: moved.stockAfter });
  });
}

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

export interface AdminCategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  sortOrder: number;
  productCount: number;
  childCount: number;
}

/** Every category with how many products and subcategories use it. */
export async function listCategoriesForStaff(db: Database, actor: Actor | null): Promise<Result<AdminCategoryRow[]>> {
  const refused = refuseUnless<AdminCategoryRow[]>(actor, 'catalog.manage');
  if (refused) return refused;
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      sortOrder: categories.sortOrder,
      // Written out in full: inside a select, drizzle renders columns unqualified, and a bare "id"
      // in the subquery would mean the subquery's own table.
      productCount: sql<number>`(select count(*)::int from products p where p.category_id = "categories"."id")`,
      childCount: sql<number>`(select count(*)::int from categories child where child.parent_id = "categories"."id")`,
    })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.name))
    .limit(500);
  return ok(rows.map((r) => ({ ...r, productCount: Number(r.productCount), childCount: Number(r.childCount) })));
}

async function checkCategoryFields(tx: Tx, input: CreateCategoryInput, exceptId?: string): Promise<string> {
  const notSelf = exceptId ? ne(categories.id, exceptId) : undefined;
  const [sameName] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(sql`comptoir_fold(${categories.name}) = comptoir_fold(${input.name})`, notSelf))
    .limit(1);
  if (sameName) throw new Refusal(fail(e.categoryNameTaken, { name: [e.categoryNameTaken] }));
  const slugTaken = async (slug: string) =>
    (await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.slug, slug), notSelf)).limit(1)).length > 0;
  if (input.slug) {
    if (await slugTaken(input.slug)) throw new Refusal(fail(e.slugTaken(input.slug), { slug: [e.slugTaken(input.slug)] }));
    return input.slug;
  }
  const base = slugify(input.name).slice(0, 100).replace(/-+$/, '');
  if (!base) throw new Refusal(fail(e.slugEmpty, { slug: [e.slugEmpty] }));
  for (let i = 1; i <= 50; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!(await slugTaken(candidate))) return candidate;
  }
  throw new Refusal(fail(e.slugTaken(base), { slug: [e.slugTaken(base)] }));
}

/** Creates a category (slug from the name unless given); audited. */
export async function createCategory(db: Database, actor: Actor | null, input: CreateCategoryInput): Promise<Result<{ categoryId: string }>> {
  const refused = refuseUnless<{ categoryId: string }>(actor, 'catalog.manage');
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const slug = await checkCategoryFields(tx, input);
        const values = { name: input.name, slug, description: input.description || null, sortOrder: input.sortOrder };
        const [row] = await tx.insert(categories).values(values).returning({ id: categories.id });
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'category.create', entityType: 'category', entityId: row!.id, after: values });
        return ok({ categoryId: row!.id });
      }),
    '',
  );
}

/** Renames a category or changes its slug, description or order; audited with before/after. */
export async function updateCategory(db: Database, actor: Actor | null, input: UpdateCategoryInput): Promise<Result<{ changed: string[] }>> {
  const refused = refuseUnless<{ changed: string[] }>(actor, 'catalog.manage');
  if (refused) return refused;
  return guarded(
    () =>
      db.transaction(async (tx) => {
        const [current] = await tx
          .select({ name: categories.name, slug: categories.slug, description: categories.description, sortOrder: categories.sortOrder })
          .from(categories)
          .where(eq(categories.id, input.categoryId))
          .for('update');
        if (!current) return fail<{ changed: string[] }>(e.categoryNotFound);
        const slug = await checkCategoryFields(tx, input, input.categoryId);
        const next = { name: input.name, slug, description: input.description || null, sortOrder: input.sortOrder };
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const key of ['name', 'slug', 'description', 'sortOrder'] as const) {
          if (current[key] !== next[key]) {
            before[key] = current[key];
            after[key] = next[key];
          }
        }
        const changed = Object.keys(after);
        if (changed.length === 0) return ok({ changed });
        await tx.update(categories).set(after as Partial<typeof categories.$inferInsert>).where(eq(categories.id, input.categoryId));
        await recordAudit(tx, { actorUserId: actor!.userId, action: 'category.update', entityType: 'category', entityId: input.categoryId, before, after });
        return ok({ changed });
      }),
    '',
  );
}

/**
 * Deletes a category no product (and no subcategory) uses. The row is locked FOR UPDATE first, which
 * waits for, and then blocks, any transaction attaching a product to it (they take FOR KEY SHARE).
 */
export async function deleteCategory(db: Database, actor: Actor | null, input: { categoryId: string }): Promise<Result<null>> {
  const refused = refuseUnless<null>(actor, 'catalog.manage');
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: categories.name, slug: categories.slug, description: categories.description, sortOrder: categories.sortOrder })
      .from(categories)
      .where(eq(categories.id, input.categoryId))
      .for('update');
    if (!current) return fail(e.categoryNotFound);
    const [used] = await tx.select({ n: count() }).from(products).where(eq(products.categoryId, input.categoryId));
    if (used && used.n > 0) return fail(e.categoryInUse(used.n));
    const [children] = await tx.select({ n: count() }).from(categories).where(eq(categories.parentId, input.categoryId));
    if (children && children.n > 0) return fail(e.categoryHasChildren);
    await tx.delete(categories).where(eq(categories.id, input.categoryId));
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'category.delete', entityType: 'category', entityId: input.categoryId, before: current });
    return ok(null);
  });
}
