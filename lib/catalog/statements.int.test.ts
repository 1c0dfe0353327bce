import { describe, expect, inject, it } from 'vitest';
import type { Database } from '@/db/client';
import { categories, products } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';
import { openCountingDb } from '@/test/statements';
import { searchProducts } from './search';
import { getCategoryBySlug, getProductBySlug, listCategoryProducts } from './service';

/** A category holding `count` active products named "Article 00…", plus an inactive one. */
async function makeCategory(db: Database, count: number) {
  const slug = unique('rayon-');
  const [cat] = await db.insert(categories).values({ slug, name: 'Rayon compté' }).returning({ id: categories.id });
  const tag = unique('A').toUpperCase();
  await db.insert(products).values(
    Array.from({ length: count + 1 }, (_, i) => ({
      sku: `${tag}-${i}`.slice(-32),
      slug: `${tag}-${i}`.toLowerCase(),
      name: i === count ? 'Article retiré' : `Article ${String(i).padStart(2, '0')}`,
      categoryId: cat!.id,
      vatRateBp: 2000,
      b2cPriceTtcCents: 100 + i,
      b2bListPriceHtCents: 50,
      stockOnHand: 3,
      isActive: i !== count,
    })),
  );
  return { id: cat!.id, slug };
}

describe.each(backends())('category listing with its total on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('gives the total on every page, and brings a page past the end back to the last one', async () => {
    const cat = await makeCategory(db(), 30);
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    const one = await listCategoryProducts(db(), cat.id, { page: 1 });
    expect(one).toMatchObject({ total: 30, page: 1, pageCount: 3, pageSize: 12 });
    expect(one.rows).toHaveLength(12);
    expect(one.rows[0]).not.toHaveProperty('total');
    const three = await listCategoryProducts(db(), cat.id, { page: 3 });
    expect(three).toMatchObject({ total: 30, page: 3, pageCount: 3 });
    expect(names(three.rows)).toEqual(['Article 24', 'Article 25', 'Article 26', 'Article 27', 'Article 28', 'Article 29']);
    expect(await listCategoryProducts(db(), cat.id, { page: 4 })).toEqual(three);
    expect(await listCategoryProducts(db(), cat.id, { page: 9999 })).toEqual(three);
  });

  it('clamps to the last full page when the total is a multiple of the page size', async () => {
    const cat = await makeCategory(db(), 24);
    const past = await listCategoryProducts(db(), cat.id, { page: 3 });
    expect(past).toMatchObject({ total: 24, page: 2, pageCount: 2 });
    expect(past.rows.map((r) => r.name).slice(-1)).toEqual(['Article 23']);
  });

  it('an empty category is one empty page, whatever page is asked for', async () => {
    const cat = await makeCategory(db(), 0);
    const empty = { rows: [], total: 0, page: 1, pageSize: 12, pageCount: 1 };
    expect(await listCategoryProducts(db(), cat.id, { page: 1 })).toEqual(empty);
    expect(await listCategoryProducts(db(), cat.id, { page: 5 })).toEqual(empty);
  });
});

describe.runIf(inject('postgresUrl'))('statements of the public catalogue pages', () => {
  it('a category page is 2 statements (category, then the page with its total); a page past the end adds 2', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const cat = await makeCategory(db, 30);
      const page = async (n: number) => {
        const category = await getCategoryBySlug(db, cat.slug);
        return listCategoryProducts(db, category!.id, { page: n, sort: 'price_desc' });
      };
      const first = await counting.record(() => page(1));
      expect(first.value.total).toBe(30);
      expect(first.statements).toHaveLength(2);
      expect((await counting.record(() => page(3))).statements).toHaveLength(2);
      const past = await counting.record(() => page(7));
      expect(past.value.page).toBe(3);
      expect(past.statements).toHaveLength(4);
    } finally {
      await counting.close();
    }
  });

  it('a product page is 1 statement; a search that finds is 1, a typo search 5 (one transaction for the similarity threshold)', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      expect((await counting.record(() => getProductBySlug(db, 'cafe-moulu-pur-arabica-250-g'))).statements).toHaveLength(1);
      const found = await counting.record(() => searchProducts(db, 'stylo bille'));
      expect(found.value).toMatchObject({ mode: 'fulltext', total: 2 });
      expect(found.statements).toHaveLength(1);
      const typo = await counting.record(() => searchProducts(db, 'stilo'));
      expect(typo.value.mode).toBe('similar');
      expect(typo.value.total).toBeGreaterThan(0);
      expect(typo.statements.map((s) => s.trim().split(/\s+/)[0]!.toLowerCase())).toEqual(['select', 'begin', 'select', 'with', 'commit']);
    } finally {
      await counting.close();
    }
  });
});
