import type { Metadata } from 'next';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { ProductGrid } from '@/app/_components/product-card';
import { getDb } from '@/db/client';
import { parsePage, parseQuery } from '@/lib/catalog/listing';
import { searchProducts } from '@/lib/catalog/search';
import { listCategories } from '@/lib/catalog/service';
import { t } from '@/lib/i18n';
import { CategoryLinks } from '../_components/category-links';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = parseQuery((await searchParams).q).trim();
  // Result pages are endless variations of the catalogue: keep them out of search engines.
  return { title: q ? t.catalog.search.metaTitleFor(q) : t.catalog.search.title, robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = parseQuery(params.q).trim();
  const m = t.catalog.search;
  const db = await getDb();
  const crumbs = [{ label: t.catalog.home, href: '/' }, { label: m.title }];

  if (q === '') {
    return (
      <>
        <PageHeader title={m.title} crumbs={crumbs} />
        <EmptyState title={m.prompt}>
          <p>{m.promptHint}</p>
          <CategoryLinks categories={await listCategories(db)} label={t.catalog.allCategories} />
        </EmptyState>
      </>
    );
  }

  const result = await searchProducts(db, q, { page: parsePage(params.page) });
  return (
    <>
      <PageHeader title={m.titleFor(q)} crumbs={crumbs} />
      {result.total === 0 ? (
        <EmptyState title={m.noResults(q)}>
          <p className="font-medium text-neutral-700">{m.suggestionsTitle}</p>
          <ul className="mx-auto mt-1 max-w-md list-disc space-y-0.5 pl-5 text-left">
            {m.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <CategoryLinks categories={await listCategories(db)} label={t.catalog.allCategories} />
        </EmptyState>
      ) : (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="mb-1 text-sm font-medium text-neutral-700">
            {m.resultCount(result.total)}
            {result.pageCount > 1 ? <span className="font-normal text-neutral-500"> · {t.catalog.pageOf(result.page, result.pageCount)}</span> : null}
          </h2>
          {result.mode === 'similar' ? <p className="mb-3 text-sm text-neutral-600">{m.similarNotice(q)}</p> : <div className="mb-3" />}
          <ProductGrid products={result.rows} />
          <Pagination page={result.page} pageCount={result.pageCount} basePath="/search" params={{ q }} />
        </section>
      )}
    </>
  );
}
