import { and, count, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, categories, products, stockMovements, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';

// The actions read the session through getActor(); here the test decides who is calling.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const Redirect = vi.hoisted(
  () =>
    class Redirect extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

const { adjustStockAction, createCategoryAction, createProductAction, deleteCategoryAction, updateCategoryAction, updateProductAction } = await import(
  './actions'
);

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const sku = (prefix = 'T') => unique(prefix).toUpperCase().slice(0, 32);

function productForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    sku: sku('ADM'),
    name: `Carnet de notes ${unique('n')}`,
    slug: '',
    description: 'Carnet A5 ligné.',
    unit: 'pièce',
    categoryId: '',
    vatRateBp: '2000',
    b2cPriceTtc: '19,99',
    b2bListPriceHt: '1 234,56 €',
    isActive: 'on',
    initialStock: '0',
    ...overrides,
  };
}

describe.each(backends())('back-office catalogue actions on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function counts() {
    const [p] = await db().select({ n: count() }).from(products);
    const [c] = await db().select({ n: count() }).from(categories);
    const [s] = await db().select({ n: count() }).from(stockMovements);
    const [a] = await db().select({ n: count() }).from(auditLog);
    return { products: p!.n, categories: c!.n, movements: s!.n, audit: a!.n };
  }

  async function productBySku(code: string) {
    const [row] = await db().select().from(products).where(eq(products.sku, code));
    return row!;
  }

  /** Creates a product as the admin and returns its id (the action ends with a redirect to its page). */
  async function createAsAdmin(values: Record<string, string>): Promise<string> {
    session.actor = await actorOf('admin@comptoir.test');
    const err = await createProductAction(null, form(values)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Redirect);
    const match = /^\/admin\/catalogue\/([0-9a-f-]{36})\?created=1$/.exec((err as InstanceType<typeof Redirect>).url);
    expect(match).not.toBeNull();
    return match![1]!;
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a company admin', 'admin@atelier-lumiere.test'],
  ])('refuses every catalogue change to %s and changes nothing', async (_label, email) => {
    const target = await productBySku('BUR-STY-BLEU');
    const [category] = await db().select().from(categories).where(eq(categories.slug, 'mobilier'));
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();

    const results = [
      await createProductAction(null, form(productForm({ initialStock: '5' }))),
      await updateProductAction(null, form(productForm({ productId: target.id, sku: target.sku, b2cPriceTtc: '0,01' }))),
      await adjustStockAction(null, form({ productId: target.id, delta: '+100', reason: 'Tentative' })),
      await createCategoryAction(null, form({ name: `Intrus ${unique()}` })),
      await updateCategoryAction(null, form({ categoryId: category!.id, name: 'Piraté', sortOrder: '0' })),
      await deleteCategoryAction(null, form({ categoryId: category!.id })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(await productBySku('BUR-STY-BLEU')).toEqual(target);
    const [after] = await db().select().from(categories).where(eq(categories.id, category!.id));
    expect(after).toEqual(category);
  });

  it('creates a product with its prices parsed exactly, its initial stock as a receipt, and an audit record', async () => {
    const values = productForm({ sku: sku('new').toLowerCase(), name: 'Carnet à spirale été', initialStock: '7', isFeatured: 'on' });
    const before = await counts();
    const id = await createAsAdmin(values);
    const admin = session.actor!;
    const [row] = await db().select().from(products).where(eq(products.id, id));
    expect(row).toMatchObject({
      sku: values.sku!.toUpperCase(),
      name: 'Carnet à spirale été',
      vatRateBp: 2000,
      b2cPriceTtcCents: 1999,
      b2bListPriceHtCents: 123456,
      stockOnHand: 7,
      isActive: true,
      isFeatured: true,
    });
    expect(row!.slug).toMatch(/^carnet-a-spirale-ete(-|$)/);
    const moves = await db().select().from(stockMovements).where(eq(stockMovements.productId, id));
    expect(moves).toEqual([expect.objectContaining({ kind: 'receipt', quantityDelta: 7, stockAfter: 7, actorUserId: admin.userId, reason: expect.any(String) })]);
    const trail = await db().select().from(auditLog).where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, id)));
    expect(trail).toEqual([expect.objectContaining({ action: 'product.create', actorUserId: admin.userId })]);
    expect(await counts()).toEqual({ ...before, products: before.products + 1, movements: before.movements + 1, audit: before.audit + 1 });

    // Without initial stock, no movement at all.
    const id2 = await createAsAdmin(productForm({ b2cPriceTtc: '12,50', b2bListPriceHt: '8,00' }));
    const [row2] = await db().select().from(products).where(eq(products.id, id2));
    expect(row2).toMatchObject({ b2cPriceTtcCents: 1250, b2bListPriceHtCents: 800, stockOnHand: 0 });
    expect(await db().select().from(stockMovements).where(eq(stockMovements.productId, id2))).toEqual([]);
  });

  it('refuses a duplicate SKU or slug and bad amounts with field errors, keeping what was typed', async () => {
    session.actor = await actorOf('commercial@comptoir.test');
    const before = await counts();
    expect(await createProductAction(null, form(productForm({ sku: 'bur-sty-bleu' })))).toMatchObject({
      ok: false,
      fieldErrors: { sku: ['La référence BUR-STY-BLEU est déjà utilisée par un autre produit.'] },
      values: { sku: 'bur-sty-bleu' },
    });
    expect(await createProductAction(null, form(productForm({ slug: 'stylo-bille-bleu' })))).toMatchObject({
      ok: false,
      fieldErrors: { slug: [expect.stringContaining('stylo-bille-bleu')] },
    });
    const bad = await createProductAction(null, form(productForm({ b2cPriceTtc: '12,345', b2bListPriceHt: 'douze', vatRateBp: '1960' })));
    expect(bad).toMatchObject({
      ok: false,
      error: 'Vérifiez les champs signalés.',
      fieldErrors: {
        b2cPriceTtc: [expect.stringContaining('plus de deux décimales')],
        b2bListPriceHt: [expect.stringContaining('n’est pas un montant')],
        vatRateBp: expect.any(Array),
      },
      values: { b2cPriceTtc: '12,345' },
    });
    expect(await createProductAction(null, form(productForm({ categoryId: '00000000-0000-4000-8000-000000000000' })))).toMatchObject({
      ok: false,
      fieldErrors: { categoryId: expect.any(Array) },
    });
    expect(await counts()).toEqual(before);
  });

  it('edits a product, auditing only the fields that changed', async () => {
    const values = productForm();
    const id = await createAsAdmin(values);
    const sales = await actorOf('commercial@comptoir.test');
    session.actor = sales;
    const [created] = await db().select().from(products).where(eq(products.id, id));
    const edit = { ...values, productId: id, slug: created!.slug, b2cPriceTtc: '24,90', name: 'Carnet renommé' };
    delete (edit as Record<string, string>).initialStock;
    delete (edit as Record<string, string>).isActive;
    expect(await updateProductAction(null, form(edit))).toEqual({ ok: true, message: 'Modifications enregistrées.' });
    const [row] = await db().select().from(products).where(eq(products.id, id));
    expect(row).toMatchObject({ name: 'Carnet renommé', b2cPriceTtcCents: 2490, b2bListPriceHtCents: 123456, isActive: false, stockOnHand: 0 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'product.update')));
    expect(audit).toMatchObject({
      actorUserId: sales.userId,
      before: { name: values.name, b2cPriceTtcCents: 1999, isActive: true },
      after: { name: 'Carnet renommé', b2cPriceTtcCents: 2490, isActive: false },
    });
    expect(Object.keys(audit!.after as object).sort()).toEqual(['b2cPriceTtcCents', 'isActive', 'name']);

    // The same form again changes nothing and writes nothing.
    const before = await counts();
    expect(await updateProductAction(null, form(edit))).toEqual({ ok: true, message: 'Aucune modification à enregistrer.' });
    expect(await counts()).toEqual(before);

    // Taking another product's SKU is refused on the field.
    expect(await updateProductAction(null, form({ ...edit, sku: 'BUR-STY-NOIR' }))).toMatchObject({ ok: false, fieldErrors: { sku: expect.any(Array) } });
    expect(await updateProductAction(null, form({ ...edit, productId: 'nope' }))).toMatchObject({ ok: false, fieldErrors: { productId: expect.any(Array) } });
    expect(await updateProductAction(null, form({ ...edit, productId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      ok: false,
      error: 'Produit introuvable.',
    });
  });

  it('records a stock adjustment as a movement by the actor, and refuses to go negative', async () => {
    const id = await createAsAdmin(productForm({ initialStock: '4' }));
    const sales = await actorOf('commercial@comptoir.test');
    session.actor = sales;
    expect(await adjustStockAction(null, form({ productId: id, delta: '+10', reason: 'Livraison fournisseur', kind: 'receipt' }))).toEqual({
      ok: true,
      message: 'Stock mis à jour : 14.',
    });
    expect(await adjustStockAction(null, form({ productId: id, delta: '−3', reason: 'Casse en réserve' }))).toMatchObject({ ok: true });
    const before = await counts();
    const refused = await adjustStockAction(null, form({ productId: id, delta: '-12', reason: 'Inventaire' }));
    expect(refused).toMatchObject({
      ok: false,
      error: 'Refusé : le stock ne peut pas devenir négatif (stock actuel 11).',
      fieldErrors: { delta: ['Sortie maximale possible : 11.'] },
      values: { delta: '-12' },
    });
    expect(await adjustStockAction(null, form({ productId: id, delta: '-1', reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await adjustStockAction(null, form({ productId: id, delta: '-1', kind: 'receipt', reason: 'Retour' }))).toMatchObject({
      ok: false,
      fieldErrors: { delta: expect.any(Array) },
    });
    expect(await counts()).toEqual(before);

    const [row] = await db().select({ stock: products.stockOnHand }).from(products).where(eq(products.id, id));
    expect(row!.stock).toBe(11);
    const moves = await db()
      .select({ kind: stockMovements.kind, delta: stockMovements.quantityDelta, after: stockMovements.stockAfter, reason: stockMovements.reason, actor: stockMovements.actorUserId })
      .from(stockMovements)
      .where(eq(stockMovements.productId, id))
      .orderBy(desc(stockMovements.id));
    expect(moves).toEqual([
      { kind: 'adjustment', delta: -3, after: 11, reason: 'Casse en réserve', actor: sales.userId },
      { kind: 'receipt', delta: 10, after: 14, reason: 'Livraison fournisseur', actor: sales.userId },
      expect.objectContaining({ kind: 'receipt', delta: 4, after: 4 }),
    ]);
  });

  it('manages categories: create, rename, refuse deleting one in use, delete an empty one', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const name = `Bagagerie ${unique()}`;
    expect(await createCategoryAction(null, form({ name, description: 'Sacs et valises', sortOrder: '12' }))).toMatchObject({ ok: true });
    const [cat] = await db().select().from(categories).where(eq(categories.name, name));
    expect(cat).toMatchObject({ description: 'Sacs et valises', sortOrder: 12 });
    expect(cat!.slug).toMatch(/^bagagerie-/);
    expect(await createCategoryAction(null, form({ name: name.toUpperCase() }))).toMatchObject({ ok: false, fieldErrors: { name: expect.any(Array) } });

    expect(await updateCategoryAction(null, form({ categoryId: cat!.id, name: `${name} & voyage`, slug: cat!.slug, description: '', sortOrder: '3' }))).toMatchObject({ ok: true });
    const [renamed] = await db().select().from(categories).where(eq(categories.id, cat!.id));
    expect(renamed).toMatchObject({ name: `${name} & voyage`, description: null, sortOrder: 3, slug: cat!.slug });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, cat!.id), eq(auditLog.action, 'category.update')));
    expect(audit).toMatchObject({ before: { name, description: 'Sacs et valises', sortOrder: 12 }, after: { name: `${name} & voyage`, description: null, sortOrder: 3 } });

    const [used] = await db().select().from(categories).where(eq(categories.slug, 'mobilier'));
    const inUse = await deleteCategoryAction(null, form({ categoryId: used!.id }));
    expect(inUse).toMatchObject({ ok: false, error: expect.stringMatching(/Impossible de supprimer cette catégorie : \d+ produits? l’utilise/) });
    expect(await db().select().from(categories).where(eq(categories.id, used!.id))).toHaveLength(1);

    expect(await deleteCategoryAction(null, form({ categoryId: cat!.id }))).toMatchObject({ ok: true });
    expect(await db().select().from(categories).where(eq(categories.id, cat!.id))).toEqual([]);
    expect(await deleteCategoryAction(null, form({ categoryId: cat!.id }))).toMatchObject({ ok: false, error: 'Catégorie introuvable.' });
    expect(await deleteCategoryAction(null, form({ categoryId: 'not-a-uuid' }))).toMatchObject({ ok: false });
  });
});
