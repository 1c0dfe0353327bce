import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { FormMessage } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { formatDelta } from '@/lib/catalog/admin-schemas';
import { getProductForStaff, listCategoryOptions, listStockMovements } from '@/lib/catalog/admin-service';
import { t } from '@/lib/i18n';
import { ProductForm } from '../product-form';
import { toFormValues } from '../product-values';
import { StockAdjustForm } from '../stock-adjust-form';
import { StockFlag } from '../stock-level';

const m = t.adminCatalog;

export const metadata: Metadata = { title: m.edit };

const kindTone = { order: 'info', cancel: 'neutral', adjustment: 'warning', receipt: 'success' } as const;

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePermission('catalog.manage', `/admin/catalogue/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const [product, cats, movements] = await Promise.all([
    getProductForStaff(db, actor, id),
    listCategoryOptions(db, actor),
    listStockMovements(db, actor, id),
  ]);
  if (!cats.ok || !movements.ok) forbidden();
  if (!product.ok) notFound();
  const p = product.value;
  const created = (await searchParams).created === '1';
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={p.name}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/catalogue' }, { label: p.sku }]}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge label={p.isActive ? m.active : m.inactive} tone={p.isActive ? 'success' : 'neutral'} />
            {p.isFeatured ? <StatusBadge label={m.featuredBadge} tone="info" /> : null}
          </div>
        }
      />
      <p className="-mt-4 mb-4 text-xs text-neutral-500">
        <span className="font-mono">{p.sku}</span> · {m.createdAt} <DateTime value={p.createdAt} /> · {m.updatedAt} <DateTime value={p.updatedAt} />
      </p>
      {created ? (
        <div className="mb-4">
          <FormMessage message={m.created} />
        </div>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <ProductForm productId={p.id} initial={toFormValues(p)} categories={cats.value} />
        <section aria-labelledby="stock-title" className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5">
          <h2 id="stock-title" className="text-xs font-semibold uppercase tracking-wide text-neutral-500">
            {m.stockTitle}
          </h2>
          <div>
            <p className="text-sm text-neutral-600">{m.currentStock}</p>
            <p className="mt-1 flex items-center gap-3 text-3xl font-semibold text-neutral-900" data-testid="current-stock">
              <span className="tabular">{p.stockOnHand.toLocaleString('fr-FR')}</span>
              <span className="text-sm font-normal text-neutral-500">{p.unit}</span>
              <StockFlag stock={p.stockOnHand} />
            </p>
          </div>
          <div className="border-t border-neutral-100 pt-4">
            <StockAdjustForm productId={p.id} />
          </div>
        </section>
      </div>

      <section aria-labelledby="history-title" className="mt-8">
        <h2 id="history-title" className="text-lg font-semibold text-neutral-900">
          {m.historyTitle}
        </h2>
        <p className="mb-3 text-sm text-neutral-600">{m.historyIntro}</p>
        {movements.value.length === 0 ? (
          <EmptyState title={m.noMovements} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.historyCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.hcol.date}</th>
                  <th scope="col" className={th}>{m.hcol.kind}</th>
                  <th scope="col" className={`${th} text-right`}>{m.hcol.delta}</th>
                  <th scope="col" className={`${th} text-right`}>{m.hcol.after}</th>
                  <th scope="col" className={th}>{m.hcol.reason}</th>
                  <th scope="col" className={th}>{m.hcol.who}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {movements.value.map((mv) => (
                  <tr key={mv.id}>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      <DateTime value={mv.createdAt} />
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge label={m.movementKinds[mv.kind]} tone={kindTone[mv.kind]} />
                    </td>
                    <td className={`tabular whitespace-nowrap px-3 py-2 text-right font-medium ${mv.quantityDelta < 0 ? 'text-red-700' : 'text-green-800'}`}>
                      {formatDelta(mv.quantityDelta)}
                    </td>
                    <td className="tabular px-3 py-2 text-right">{mv.stockAfter.toLocaleString('fr-FR')}</td>
                    <td className="px-3 py-2 text-neutral-700">
                      {mv.orderId ? (
                        <Link href={`/admin/orders/${mv.orderId}`} className="text-accent-700 hover:underline">
                          {m.orderRef(mv.orderNumber ?? '')}
                        </Link>
                      ) : null}
                      {mv.orderId && mv.reason ? ' · ' : null}
                      {mv.reason}
                      {!mv.orderId && !mv.reason ? <span className="text-neutral-400">—</span> : null}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">{mv.actorName ?? m.system}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
