import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { getShoppingList } from '@/lib/purchasing/shopping-lists-service';
import { ListActions } from '../list-actions';

export const metadata: Metadata = { title: m.lists.title };

export default async function ShoppingListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/lists/${id}`);
  const result = await getShoppingList(await getDb(), actor, id);
  if (!result.ok) notFound();
  const list = result.value;
  return (
    <>
      <PageHeader
        title={list.name}
        intro={list.createdByName ? `${m.lists.createdBy} ${list.createdByName}` : undefined}
        crumbs={[{ label: m.lists.title, href: '/b2b/lists' }, { label: list.name }]}
      />
      <div className="mb-4 overflow-x-auto rounded-xl border border-neutral-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{list.name}</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th scope="col" className="px-3 py-2">{m.common.sku}</th>
              <th scope="col" className="px-3 py-2">{m.common.product}</th>
              <th scope="col" className="px-3 py-2 text-right">{m.common.quantity}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {list.lines.map((l) => (
              <tr key={l.productId}>
                <td className="tabular px-3 py-2">{l.sku}</td>
                <td className="px-3 py-2">
                  {l.name} {!l.active ? <StatusBadge label={m.lists.inactive} tone="neutral" /> : null}
                </td>
                <td className="tabular px-3 py-2 text-right">{l.quantity.toLocaleString('fr-FR')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListActions listId={list.id} canDelete={list.canDelete} />
    </>
  );
}
