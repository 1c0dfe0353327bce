import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button, buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { COMPANY_STATUSES, companyListQuerySchema } from '@/lib/companies/admin-schemas';
import { listCompaniesForStaff } from '@/lib/companies/admin-service';
import { t } from '@/lib/i18n';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { companyStatusTone } from './status';

export const metadata: Metadata = { title: m.title };

type Search = { q?: string; status?: string; page?: string };

export default async function AdminCompaniesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('crm.use', '/admin/companies');
  const raw = await searchParams;
  const query = companyListQuerySchema.parse({
    q: typeof raw.q === 'string' ? raw.q : undefined,
    status: typeof raw.status === 'string' && raw.status ? raw.status : undefined,
    page: raw.page,
  });
  const result = await listCompaniesForStaff(await getDb(), actor, query);
  if (!result.ok) forbidden();
  const { rows, total, page, pageCount } = result.value;
  const filtered = Boolean(query.q || query.status);
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]}
        actions={
          <Link href="/admin/companies/new" className={buttonClass('primary')}>
            {m.newCompany}
          </Link>
        }
      />
      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <Input label={m.searchLabel} name="q" type="search" placeholder={m.searchPlaceholder} defaultValue={query.q ?? ''} />
        <Select label={m.statusFilter} name="status" defaultValue={query.status ?? ''}>
          <option value="">{m.allStatuses}</option>
          {COMPANY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {m.status[s]}
            </option>
          ))}
        </Select>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary">
            {m.filter}
          </Button>
          {filtered ? (
            <Link href="/admin/companies" className={buttonClass('ghost')}>
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-neutral-600" aria-live="polite">
        {m.resultCount(total)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={m.noCompanies}>
          <p>{m.noCompaniesHint}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white md:hidden" aria-label={m.listCaption}>
            {rows.map((c) => (
              <li key={c.id} className="flex items-start justify-between gap-3 px-3 py-3">
                <div className="min-w-0">
                  <Link href={`/admin/companies/${c.id}`} className="font-medium text-accent-700 hover:underline">
                    {c.legalName}
                  </Link>
                  <p className="mt-0.5 text-xs text-neutral-500">
                    {c.siren ? <span className="font-mono">{c.siren} · </span> : null}
                    {c.country}
                    {c.ownerName ? ` · ${c.ownerName}` : ''}
                  </p>
                </div>
                <StatusBadge label={m.status[c.status]} tone={companyStatusTone(c.status)} />
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white md:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.listCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.col.name}</th>
                  <th scope="col" className={th}>{m.col.siren}</th>
                  <th scope="col" className={th}>{m.col.country}</th>
                  <th scope="col" className={th}>{m.col.owner}</th>
                  <th scope="col" className={`${th} text-right`}>{m.col.agreements}</th>
                  <th scope="col" className={th}>{m.col.status}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((c) => (
                  <tr key={c.id} className="hover:bg-neutral-50">
                    <td className="px-3 py-2">
                      <Link href={`/admin/companies/${c.id}`} className="font-medium text-accent-700 hover:underline">
                        {c.legalName}
                      </Link>
                      {c.tradeName ? <span className="block text-xs text-neutral-500">{c.tradeName}</span> : null}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700">{c.siren ?? '—'}</td>
                    <td className="px-3 py-2">{c.country}</td>
                    <td className="px-3 py-2 text-neutral-700">{c.ownerName ?? <span className="text-neutral-400">—</span>}</td>
                    <td className="tabular px-3 py-2 text-right">{c.activeAgreements}</td>
                    <td className="px-3 py-2">
                      <StatusBadge label={m.status[c.status]} tone={companyStatusTone(c.status)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/companies" params={{ q: query.q, status: query.status }} />
    </>
  );
}
