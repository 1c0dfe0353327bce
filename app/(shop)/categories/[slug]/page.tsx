import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { EmptyState } from '@/app/_components/empty-state';
import { type Crumb, PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { ProductGrid } from '@/app/_components/product-card';
import { getDb } from '@/db/client';
import { categoryHref } from '@/lib/catalog/links';
import { DEFAULT_SORT, parsePage, parseSort } from '@/lib/catalog/listing';
import { getCategoryBySlug, listCategories, listCategoryProducts } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { CategoryLinks } from '../../_components/category-links';
import { SortLinks } from './sort-links';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Metadata and page read the same category: one query per request.
const loadCategory = cache(async (slug: string) => getCategoryBySlug(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await loadCategory((await params).slug);
  return category ? { title: category.name, description: category.description ?? undefined } : {};
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const category = await loadCategory(slug);
  if (!category) notFound();
  const sort = parseSort(query.sort);
  const db = await getDb();
  const list = await listCategoryProducts(db, category.id, { sort, page: parsePage(query.page) });
  const m = t.catalog;

  const crumbs: Crumb[] = [{ label: m.home, href: '/' }];
  if (category.parent) crumbs.push({ label: category.parent.name, href: categoryHref(category.parent.slug) });
  crumbs.push({ label: category.name });

  return (
    <>
      <PageHeader title={category.name} intro={category.description ?? undefined} crumbs={crumbs} />
      {list.total === 0 ? (
        <EmptyState title={m.emptyCategory}>
          <p>{m.emptyCategoryHint}</p>
          <CategoryLinks categories={(await listCategories(db)).filter((c) => c.id !== category.id)} label={m.allCategories} />
        </EmptyState>
      ) : (
        <section aria-labelledby="category-products">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="category-products" className="text-sm font-medium text-neutral-700">
              {m.productCount(list.total)}
              {list.pageCount > 1 ? <span className="font-normal text-neutral-500"> · {m.pageOf(list.page, list.pageCount)}</span> : null}
            </h2>
            <SortLinks slug={category.slug} current={sort} />
          </div>
          <ProductGrid products={list.rows} />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            basePath={categoryHref(category.slug)}
            params={{ sort: sort === DEFAULT_SORT ? undefined : sort }}
          />
        </section>
      )}
    </>
  );
}
