import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { FormMessage } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { listShoppingLists } from '@/lib/purchasing/shopping-lists-service';

export const metadata: Metadata = { title: m.lists.title };

export default async function ShoppingListsPage({ searchParams }: { searchParams: Promise<{ supprimee?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/lists');
  const { supprimee } = await searchParams;
  const result = await listShoppingLists(await getDb(), actor);
  if (!result.ok) forbidden();
  const lists = result.value;
  return (
    <>
      <PageHeader title={m.lists.title} intro={m.lists.intro} />
      {supprimee ? (
        <div className="mb-4">
          <FormMessage message={m.lists.deleted} />
        </div>
      ) : null}
      {lists.length === 0 ? (
        <EmptyState title={m.lists.empty}>{m.lists.emptyHint}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{m.lists.tableCaption}</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.lists.name}</th>
                <th scope="col" className="px-3 py-2">{m.lists.createdBy}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.lists.lines}</th>
                <th scope="col" className="px-3 py-2">{m.lists.updated}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {lists.map((l) => (
                <tr key={l.id}>
                  <td className="px-3 py-2">
                    <Link href={`/b2b/lists/${l.id}`} className="font-medium text-accent-700 hover:underline">
                      {l.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{l.createdByName ?? '—'}</td>
                  <td className="tabular px-3 py-2 text-right">{l.lineCount}</td>
                  <td className="px-3 py-2">
                    <DateTime value={l.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
