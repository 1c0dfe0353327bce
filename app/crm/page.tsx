import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { accountStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { listAccounts } from '@/lib/crm/accounts-service';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t.crm.accountsTitle };

export default async function CrmHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requirePermission('crm.use', '/crm');
  const params = await searchParams;
  const result = await listAccounts(await getDb(), actor, { q: params.q, page: Number(params.page) || 1 });
  if (!result.ok) forbidden();
  const { rows, page, pageCount, scope, total } = result.value;
  return (
    <>
      <PageHeader title={t.crm.accountsTitle} intro={scope === 'mine' ? t.crm.accountsIntro : t.crm.allAccountsIntro} />
      <form role="search" className="mb-4 flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <Input label={t.crm.searchLabel} name="q" type="search" defaultValue={params.q ?? ''} placeholder={t.crm.searchPlaceholder} />
        </div>
        <Button type="submit" variant="secondary">
          {t.crm.search}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t.crm.noAccounts} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
          <table className="min-w-full divide-y divide-neutral-200 text-sm">
            <caption className="sr-only">
              {t.crm.accountsTitle} ({total})
            </caption>
            <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{t.crm.name}</th>
                <th scope="col" className="px-3 py-2">{t.crm.city}</th>
                <th scope="col" className="px-3 py-2">{t.crm.country}</th>
                <th scope="col" className="px-3 py-2">{t.crm.status}</th>
                <th scope="col" className="px-3 py-2">{t.crm.owner}</th>
                <th scope="col" className="px-3 py-2 text-right">{t.crm.people}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="px-3 py-2 font-medium">{a.legalName}</td>
                  <td className="px-3 py-2">{a.city ?? '—'}</td>
                  <td className="px-3 py-2">{a.country}</td>
                  <td className="px-3 py-2">
                    <StatusBadge label={t.accountStatus[a.status]} tone={accountStatusTone[a.status]} />
                  </td>
                  <td className="px-3 py-2">{a.ownerName ?? '—'}</td>
                  <td className="tabular px-3 py-2 text-right">{a.peopleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/crm" params={{ q: params.q }} />
    </>
  );
}
