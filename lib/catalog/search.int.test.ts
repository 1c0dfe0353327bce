import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { categories, products } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';
import { searchProducts } from './search';
import { getCategoryBySlug, getProductBySlug, listCategoryProducts } from './service';

const CAFE = 'Café moulu pur arabica 250 g';
const STYLO = 'Stylo bille bleu';

describe.each(backends())('catalogue search and listing on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  const names = async (q: string) => (await searchProducts(db(), q, { pageSize: 48 })).rows.map((r) => r.name);

  async function addProduct(values: {
    name: string;
    categoryId?: string | null;
    ttc?: number;
    active?: boolean;
    createdAt?: Date;
    description?: string;
  }) {
    const sku = unique('T').toUpperCase().slice(0, 32);
    const [row] = await db()
      .insert(products)
      .values({
        sku,
        slug: sku.toLowerCase(),
        name: values.name,
        description: values.description ?? '',
        categoryId: values.categoryId ?? null,
        vatRateBp: 2000,
        b2cPriceTtcCents: values.ttc ?? 100,
        b2bListPriceHtCents: 50,
        stockOnHand: 5,
        isActive: values.active ?? true,
        ...(values.createdAt ? { createdAt: values.createdAt } : {}),
      })
      .returning({ id: products.id, slug: products.slug });
    return row!;
  }

  describe('searchProducts', () => {
    it.each(['cafe', 'cafés', 'CAFÉ', 'Café', '  café  moulu ', 'arabica', 'caf'])('%j finds the ground coffee by full text', async (q) => {
      const result = await searchProducts(db(), q);
      expect(result.mode).toBe('fulltext');
      expect(result.rows.map((r) => r.name)).toContain(CAFE);
    });

    it.each(['stylos', 'stylo bille', 'Stylos BILLE bleus', 'BUR-STY', 'bur-sty-bleu', 'BUR-STY-BLEU'])('%j finds the blue ballpoint', async (q) => {
      expect(await names(q)).toContain(STYLO);
    });

    it('requires every word: "stylo bille" leaves out the gel pen, "stylo bleu" the black one', async () => {
      expect(await names('stylo bille')).toEqual(['Stylo bille bleu', 'Stylo bille noir']);
      expect(await names('stylo bleu')).toEqual([STYLO]);
    });

    it('ranks name matches above description matches', async () => {
      const found = await names('cafe');
      // "Biscuits spéculoos" only mentions coffee in its description.
      expect(found).toContain('Biscuits spéculoos, 300 sachets');
      expect(found.indexOf(CAFE)).toBeLessThan(found.indexOf('Biscuits spéculoos, 300 sachets'));
      expect(found.indexOf('Café en grains 1 kg')).toBeLessThan(found.indexOf('Biscuits spéculoos, 300 sachets'));
    });

    it.each([
      ['cafee', CAFE],
      ['stilo', STYLO],
      ['stilos', STYLO],
      ['agrafeuze', 'Agrafeuse de bureau 24/6'],
      ['fauteil', 'Fauteuil de bureau ergonomique'],
    ])('%j (a typo) finds %j by similar names', async (q, name) => {
      const result = await searchProducts(db(), q);
      expect(result.mode).toBe('similar');
      expect(result.rows.map((r) => r.name)).toContain(name);
      expect(result.total).toBe(result.rows.length);
    });

    it('keeps only the close look-alikes of a typo', async () => {
      const found = await names('cafee');
      expect(found).toEqual(expect.arrayContaining([CAFE, 'Café en grains 1 kg']));
      expect(found).not.toContain('Cahier A4 grands carreaux');
      expect(found).not.toContain('Caisson mobile 3 tiroirs');
    });

    it.each(['', '   ', "%_'\\", "'; drop table products; --", '!!! & | <-> :*', 'de la', 'a b c', 'xqzwvk', '日本語'])(
      '%j finds nothing, without error',
      async (q) => {
        const result = await searchProducts(db(), q);
        expect(result).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
      },
    );

    it('never throws, whatever is typed', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 })), async (q) => {
          const result = await searchProducts(db(), q, { pageSize: 3 });
          expect(result.rows.length).toBeLessThanOrEqual(3);
          expect(result.total).toBeGreaterThanOrEqual(result.rows.length);
        }),
        { numRuns: 60 },
      );
    });

    it('leaves out inactive products, by full text and by similarity', async () => {
      const tag = unique('zq').replace(/[^a-z]/g, '');
      await addProduct({ name: `Cafetière italienne ${tag}`, active: false });
      await addProduct({ name: `Cafetière à piston ${tag}` });
      expect(await names(`cafetiere ${tag}`)).toEqual([`Cafetière à piston ${tag}`]);
      expect(await names('cafe')).not.toContain(`Cafetière italienne ${tag}`);
      const typo = await searchProducts(db(), `cafetierre italiene ${tag}x`);
      expect(typo.rows.map((r) => r.name)).not.toContain(`Cafetière italienne ${tag}`);
    });

    it('pages through results without overlap and brings a page past the end back to the last', async () => {
      const all = await searchProducts(db(), 'cafe', { pageSize: 48 });
      expect(all.total).toBeGreaterThan(3);
      const first = await searchProducts(db(), 'cafe', { page: 1, pageSize: 2 });
      const second = await searchProducts(db(), 'cafe', { page: 2, pageSize: 2 });
      expect(first.total).toBe(all.total);
      expect(first.pageCount).toBe(Math.ceil(all.total / 2));
      expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 4).map((r) => r.id));
      const past = await searchProducts(db(), 'cafe', { page: 999, pageSize: 2 });
      expect(past.page).toBe(past.pageCount);
      expect(past.rows.length).toBeGreaterThan(0);
    });

    it('returns cards with the TTC price, VAT rate and category', async () => {
      const [card] = (await searchProducts(db(), 'CAF-MOU-250')).rows;
      expect(card).toMatchObject({ name: CAFE, sku: 'CAF-MOU-250', b2cPriceTtcCents: 499, vatRateBp: 550, categorySlug: 'cafe-epicerie' });
    });
  });

  describe('category pages', () => {
    it('finds a category by slug, and nothing for an unknown one', async () => {
      expect(await getCategoryBySlug(db(), 'cafe-epicerie')).toMatchObject({ name: 'Café & épicerie', parent: null });
      expect(await getCategoryBySlug(db(), 'nope')).toBeNull();
      expect(await getCategoryBySlug(db(), '')).toBeNull();
    });

    it('sorts by price both ways and by name in French order', async () => {
      const cat = (await getCategoryBySlug(db(), 'fournitures-de-bureau'))!;
      const asc = await listCategoryProducts(db(), cat.id, { sort: 'price_asc' });
      const prices = asc.rows.map((r) => r.b2cPriceTtcCents);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      expect(asc.total).toBe(11);
      const desc = await listCategoryProducts(db(), cat.id, { sort: 'price_desc' });
      expect(desc.rows[0]!.name).toBe('Enveloppes C5, boîte de 500');
      expect(desc.rows.map((r) => r.b2cPriceTtcCents)).toEqual([...prices].sort((a, b) => b - a));
    });

    it('pages 12 at a time, leaves out inactive products, includes sub-categories, orders accents with their letter', async () => {
      const slug = unique('cat-');
      const [cat] = await db().insert(categories).values({ slug, name: 'Rayon de test' }).returning({ id: categories.id });
      const [child] = await db()
        .insert(categories)
        .values({ slug: `${slug}-sous`, name: 'Sous-rayon', parentId: cat!.id })
        .returning({ id: categories.id });
      const base = new Date('2026-01-01T00:00:00Z').getTime();
      for (let i = 0; i < 12; i++) {
        await addProduct({ name: `Fiche ${String(i).padStart(2, '0')}`, categoryId: cat!.id, ttc: 1000 + i, createdAt: new Date(base + i * 1000) });
      }
      await addProduct({ name: 'Étui', categoryId: child!.id, ttc: 5, createdAt: new Date(base + 50_000) });
      await addProduct({ name: 'Enveloppe', categoryId: cat!.id, ttc: 7, createdAt: new Date(base + 99_000) });
      await addProduct({ name: 'Agenda retiré', categoryId: cat!.id, active: false });

      const one = await listCategoryProducts(db(), cat!.id, { sort: 'name', page: 1 });
      const two = await listCategoryProducts(db(), cat!.id, { sort: 'name', page: 2 });
      expect(one).toMatchObject({ total: 14, pageCount: 2, page: 1 });
      expect(one.rows).toHaveLength(12);
      expect(two.rows.map((r) => r.name)).toEqual(['Fiche 10', 'Fiche 11']);
      expect(one.rows.slice(0, 3).map((r) => r.name)).toEqual(['Enveloppe', 'Étui', 'Fiche 00']);
      expect(new Set([...one.rows, ...two.rows].map((r) => r.id)).size).toBe(14);

      const newest = await listCategoryProducts(db(), cat!.id, { sort: 'newest' });
      expect(newest.rows[0]!.name).toBe('Enveloppe');
      const cheapest = await listCategoryProducts(db(), cat!.id, { sort: 'price_asc' });
      expect(cheapest.rows.slice(0, 2).map((r) => r.name)).toEqual(['Étui', 'Enveloppe']);
      const past = await listCategoryProducts(db(), cat!.id, { page: 50 });
      expect(past.page).toBe(2);
      expect(await getCategoryBySlug(db(), `${slug}-sous`)).toMatchObject({ parent: { slug, name: 'Rayon de test' } });

      const [empty] = await db().insert(categories).values({ slug: unique('vide-'), name: 'Vide' }).returning({ id: categories.id });
      expect(await listCategoryProducts(db(), empty!.id)).toEqual({ rows: [], total: 0, page: 1, pageSize: 12, pageCount: 1 });
    });
  });

  describe('product pages', () => {
    it('finds an active product by slug with its category', async () => {
      expect(await getProductBySlug(db(), 'cafe-moulu-pur-arabica-250-g')).toMatchObject({
        name: CAFE,
        sku: 'CAF-MOU-250',
        unit: 'pièce',
        description: 'Torréfaction artisanale, mouture filtre.',
        b2cPriceTtcCents: 499,
        vatRateBp: 550,
        category: { slug: 'cafe-epicerie', name: 'Café & épicerie' },
      });
    });

    it('does not show an unknown or inactive product', async () => {
      expect(await getProductBySlug(db(), 'nope')).toBeNull();
      const p = await addProduct({ name: 'Produit retiré', active: false });
      expect(await getProductBySlug(db(), p.slug)).toBeNull();
      await db().update(products).set({ isActive: true }).where(eq(products.id, p.id));
      expect(await getProductBySlug(db(), p.slug)).toMatchObject({ name: 'Produit retiré', category: null, categorySlug: null });
    });
  });
});
