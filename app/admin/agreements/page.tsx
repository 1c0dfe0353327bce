import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button, buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { agreementStatusTone } from '@/app/admin/companies/status';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import { AGREEMENT_STATUSES, agreementListQuerySchema } from '@/lib/purchasing/agreement-schemas';
import { type AgreementListRow, listAgreementCompanyOptions, listAgreementsForStaff } from '@/lib/purchasing/agreements-service';
import { ConsumptionBar } from './consumption-bar';
import { formatDay, formatPercent } from './format';

export const metadata: Metadata = { title: m.title };

type Search = { company?: string; status?: string; page?: string };

function Flags({ row }: { row: AgreementListRow }) {
  return (
    <>
      {row.endingSoon ? <StatusBadge label={m.endingSoon} tone="warning" /> : null}
      {row.nearCeiling ? <StatusBadge label={m.nearCeiling} tone={row.consumptionRatio! > 1 ? 'danger' : 'warning'} /> : null}
    </>
  );
}

export default async function AdminAgreementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('crm.use', '/admin/agreements');
  const raw = await searchParams;
  const query = agreementListQuerySchema.parse({
    company: typeof raw.company === 'string' && raw.company ? raw.company : undefined,
    status: typeof raw.status === 'string' && raw.status ? raw.status : undefined,
    page: raw.page,
  });
  const db = await getDb();
  const [result, companies] = await Promise.all([listAgreementsForStaff(db, actor, query), listAgreementCompanyOptions(db, actor)]);
  if (!result.ok || !companies.ok) forbidden();
  const { rows, total, page, pageCount } = result.value;
  const filtered = Boolean(query.company || query.status);
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title }]}
        actions={
          <Link href="/admin/agreements/new" className={buttonClass('primary')}>
            {m.newAgreement}
          </Link>
        }
      />
      <form role="search" aria-label={m.filtersLabel} className="mb-4 grid gap-3 rounded-lg border border-neutral-200 bg-white p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <Select label={m.companyFilter} name="company" defaultValue={query.company ?? ''}>
          <option value="">{m.allCompanies}</option>
          {companies.value.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select label={m.statusFilter} name="status" defaultValue={query.status ?? ''}>
          <option value="">{m.allStatuses}</option>
          {AGREEMENT_STATUSES.map((s) => (
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
            <Link href="/admin/agreements" className={buttonClass('ghost')}>
              {m.resetFilters}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-neutral-600" aria-live="polite">
        {m.resultCount(total)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={m.noAgreements}>
          <p>{m.noAgreementsHint}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white md:hidden" aria-label={m.listCaption}>
            {rows.map((a) => (
              <li key={a.id} className="space-y-1 px-3 py-3">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Link href={`/admin/agreements/${a.id}`} className="font-medium text-accent-700 hover:underline">
                      {a.reference}
                    </Link>
                    <p className="text-xs text-neutral-500">{a.companyName}</p>
                  </div>
                  <StatusBadge label={m.status[a.status]} tone={agreementStatusTone(a.status)} />
                </div>
                <p className="text-xs text-neutral-600">{m.validity(formatDay(a.startsOn), formatDay(a.endsOn))}</p>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Money cents={a.consumedHtCents} suffix="HT" />
                  {a.ceilingHtCents !== null ? (
                    <>
                      <span className="text-neutral-500">/</span>
                      <Money cents={a.ceilingHtCents} suffix="HT" />
                      <ConsumptionBar ratio={a.consumptionRatio ?? 0} label={m.ofCeiling(formatPercent(a.consumptionRatio ?? 0))} />
                    </>
                  ) : (
                    <span className="text-xs text-neutral-500">{m.noCeiling}</span>
                  )}
                  <Flags row={a} />
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 bg-white md:block">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{m.listCaption}</caption>
              <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className={th}>{m.col.reference}</th>
                  <th scope="col" className={th}>{m.col.company}</th>
                  <th scope="col" className={th}>{m.col.status}</th>
                  <th scope="col" className={th}>{m.col.validity}</th>
                  <th scope="col" className={`${th} text-right`}>{m.col.ceiling}</th>
                  <th scope="col" className={`${th} text-right`}>{m.col.consumed}</th>
                  <th scope="col" className={th}>{m.col.consumption}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((a) => (
                  <tr key={a.id} className="hover:bg-neutral-50">
                    <td className="px-3 py-2">
                      <Link href={`/admin/agreements/${a.id}`} className="font-medium text-accent-700 hover:underline">
                        {a.reference}
                      </Link>
                      <span className="block max-w-56 truncate text-xs text-neutral-500">{a.title}</span>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/admin/companies/${a.accountId}`} className="text-neutral-800 hover:underline">
                        {a.companyName}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge label={m.status[a.status]} tone={agreementStatusTone(a.status)} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-neutral-700">
                      {formatDay(a.startsOn)} → <span className="font-medium text-neutral-900">{formatDay(a.endsOn)}</span>
                    </td>
                    <td className="px-3 py-2 text-right">{a.ceilingHtCents !== null ? <Money cents={a.ceilingHtCents} /> : <span className="text-neutral-400">—</span>}</td>
                    <td className="px-3 py-2 text-right">
                      <Money cents={a.consumedHtCents} />
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap items-center gap-1.5">
                        {a.consumptionRatio !== null ? (
                          <ConsumptionBar ratio={a.consumptionRatio} label={m.ofCeiling(formatPercent(a.consumptionRatio))} />
                        ) : (
                          <span className="text-xs text-neutral-500">{m.noCeiling}</span>
                        )}
                        <Flags row={a} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/agreements" params={{ company: query.company, status: query.status }} />
    </>
  );
}
