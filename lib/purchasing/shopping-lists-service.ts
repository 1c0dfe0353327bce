import 'server-only';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts, persons, products, shoppingListLines, shoppingLists, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { fail, ok, type Result } from '@/lib/result';
import { isPortalActor, NOT_FOUND, type PortalActor, portalRefusal } from './access';
import { quickOrder, type QuickOrderLineError } from './b2b-cart-service';

export interface ShoppingListRow {
  id: string;
  name: string;
  createdByName: string | null;
  lineCount: number;
  updatedAt: Date;
  canDelete: boolean;
}

export interface ShoppingListLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  active: boolean;
}

export interface ShoppingListDetail extends Omit<ShoppingListRow, 'lineCount'> {
  lines: ShoppingListLine[];
}

const MAX_LISTS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mayDelete(actor: PortalActor, createdBy: string | null): boolean {
  return actor.role === 'company_admin' || createdBy === actor.userId;
}

/** Saves the actor's current portal cart as a list shared with the company. */
export async function createListFromCart(db: Database, actor: Actor | null, input: { name: string }): Promise<Result<{ listId: string }>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80) return fail('Donnez un nom à la liste (1 à 80 caractères).', { name: ['Donnez un nom à la liste (1 à 80 caractères).'] });
  return db.transaction(async (tx) => {
    const lines = await tx
      .select({ productId: cartLines.productId, quantity: cartLines.quantity })
      .from(cartLines)
      .innerJoin(carts, eq(carts.id, cartLines.cartId))
      .where(and(eq(carts.userId, actor.userId), eq(carts.channel, 'b2b')))
      .orderBy(asc(cartLines.addedAt));
    if (lines.length === 0) return fail<{ listId: string }>('Votre panier est vide : rien à enregistrer.');
    const [list] = await tx.insert(shoppingLists).values({ accountId: actor.accountId, name, createdByUserId: actor.userId }).returning({ id: shoppingLists.id });
    // One line per product (a cart has at most one per product already); quantities stay within the CHECK.
    await tx.insert(shoppingListLines).values(lines.map((l) => ({ listId: list!.id, productId: l.productId, quantity: Math.min(Math.max(1, Math.ceil(l.quantity)), 99_999) })));
    await recordAudit(tx, { actorUserId: actor.userId, action: 'shopping_list.create', entityType: 'shopping_list', entityId: list!.id, after: { name, lines: lines.length } });
    return ok({ listId: list!.id });
  });
}

/** The company's lists, most recently changed first. */
export async function listShoppingLists(db: Database, actor: Actor | null): Promise<Result<ShoppingListRow[]>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const lineCount = db
    .select({ listId: shoppingListLines.listId, n: count().as('n') })
    .from(shoppingListLines)
    .groupBy(shoppingListLines.listId)
    .as('line_count');
  const rows = await db
    .select({
      id: shoppingLists.id,
      name: shoppingLists.name,
      createdBy: shoppingLists.createdByUserId,
      first: persons.firstName,
      last: persons.lastName,
      lineCount: sql<number>`coalesce(${lineCount.n}, 0)`.mapWith(Number),
      updatedAt: shoppingLists.updatedAt,
    })
    .from(shoppingLists)
    .leftJoin(lineCount, eq(lineCount.listId, shoppingLists.id))
    .leftJoin(users, eq(users.id, shoppingLists.createdByUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(eq(shoppingLists.accountId, actor.accountId))
    .orderBy(desc(shoppingLists.updatedAt), asc(shoppingLists.name))
    .limit(MAX_LISTS);
  return ok(
    rows.map(({ first, last, createdBy, ...r }) => ({ ...r, createdByName: first ? `${first} ${last}` : null, canDelete: mayDelete(actor, createdBy) })),
  );
}

async function findList(db: Database, actor: PortalActor, listId: string) {
  if (!UUID.test(listId)) return null;
  const [row] = await db
    .select({
      id: shoppingLists.id,
      name: shoppingLists.name,
      createdBy: shoppingLists.createdByUserId,
      first: persons.firstName,
      last: persons.lastName,
      updatedAt: shoppingLists.updatedAt,
    })
    .from(shoppingLists)
    .leftJoin(users, eq(users.id, shoppingLists.createdByUserId))
    .leftJoin(persons, eq(persons.id, users.personId))
    .where(and(eq(shoppingLists.id, listId), eq(shoppingLists.accountId, actor.accountId)));
  return row ?? null;
}

async function linesOf(db: Database, listId: string): Promise<ShoppingListLine[]> {
  return db
    .select({ productId: products.id, sku: products.sku, name: products.name, quantity: shoppingListLines.quantity, active: products.isActive })
    .from(shoppingListLines)
    .innerJoin(products, eq(products.id, shoppingListLines.productId))
    .where(eq(shoppingListLines.listId, listId))
    .orderBy(asc(products.sku));
}

/** One of the company's lists; another company's list is "not found". */
export async function getShoppingList(db: Database, actor: Actor | null, listId: string): Promise<Result<ShoppingListDetail>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const row = await findList(db, actor, listId);
  if (!row) return fail(NOT_FOUND);
  return ok({
    id: row.id,
    name: row.name,
    createdByName: row.first ? `${row.first} ${row.last}` : null,
    updatedAt: row.updatedAt,
    canDelete: mayDelete(actor, row.createdBy),
    lines: await linesOf(db, row.id),
  });
}

/**
 * Adds a list's lines to the actor's portal cart with the quick order's semantics: contract rules
 * apply (off-contract only when the company allows it), and nothing is added unless every line is.
 */
export async function addListToCart(
  db: Database,
  actor: Actor | null,
  listId: string,
): Promise<Result<{ added: number }> & { lineErrors?: QuickOrderLineError[] }> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const row = await findList(db, actor, listId);
  if (!row) return fail(NOT_FOUND);
  const lines = await linesOf(db, row.id);
  if (lines.length === 0) return fail('Cette liste est vide.');
  return quickOrder(db, actor, lines.map((l) => `${l.sku} ${l.quantity}`).join('\n'));
}

/** Deletes a list: its creator or a company admin. */
export async function deleteShoppingList(db: Database, actor: Actor | null, listId: string): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  return db.transaction(async (tx) => {
    if (!UUID.test(listId)) return fail<null>(NOT_FOUND);
    const [row] = await tx
      .select({ id: shoppingLists.id, name: shoppingLists.name, createdBy: shoppingLists.createdByUserId })
      .from(shoppingLists)
      .where(and(eq(shoppingLists.id, listId), eq(shoppingLists.accountId, actor.accountId)))
      .for('update');
    if (!row) return fail<null>(NOT_FOUND);
    if (!mayDelete(actor, row.createdBy)) return fail<null>('Seuls son auteur et un administrateur de l’entreprise peuvent supprimer cette liste.');
    await tx.delete(shoppingLists).where(eq(shoppingLists.id, row.id));
    await recordAudit(tx, { actorUserId: actor.userId, action: 'shopping_list.delete', entityType: 'shopping_list', entityId: row.id, before: { name: row.name } });
    return ok(null);
  });
}
