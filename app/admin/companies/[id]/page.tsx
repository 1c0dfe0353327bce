import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { formatDay } from '@/app/admin/agreements/format';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getCompanyForStaff, listOwnerOptions } from '@/lib/companies/admin-service';
import { t } from '@/lib/i18n';
import { frAdminAgreements } from '@/lib/i18n/fr-admin-agreements';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { AddressEditor } from '../address-forms';
import { CompanyForm } from '../company-form';
import { companyToValues } from '../company-values';
import { agreementStatusTone, companyStatusTone } from '../status';

export const metadata: Metadata = { title: m.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminCompanyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('crm.use', `/admin/companies/${id}`);
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const [result, owners] = await Promise.all([getCompanyForStaff(db, actor, id), listOwnerOptions(db, actor)]);
  if (!owners.ok) forbidden();
  if (!result.ok) notFound();
  const { company, addresses, people, agreements } = result.value;
  const created = (await searchParams).created === '1';
  const th = 'px-3 py-2 font-medium';
  return (
    <>
      <PageHeader
        title={company.legalName}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/companies' }, { label: company.legalName }]}
        actions={<StatusBadge label={m.status[company.status]} tone={companyStatusTone(company.status)} />}
      />
      {created ? (
        <div className="mb-4">
          <FormMessage message={m.created} />
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CompanyForm accountId={company.id} initial={companyToValues(company)} owners={owners.value} />
        <div className="space-y-6">
          <section aria-labelledby="addresses-title">
            <h2 id="addresses-title" className="mb-2 text-lg font-semibold text-neutral-900">
              {m.addresses}
            </h2>
            <AddressEditor accountId={company.id} addresses={addresses} />
          </section>

          <section aria-labelledby="agreements-title">
            <div className="mb-2 flex items-center justify-between gap-2">
              <h2 id="agreements-title" className="text-lg font-semibold text-neutral-900">
                {m.agreements}
              </h2>
              <Link href={`/admin/agreements/new?company=${company.id}`} className={buttonClass('secondary', 'sm')}>
                {m.newAgreement}
              </Link>
            </div>
            {agreements.length === 0 ? (
              <p className="text-sm text-neutral-600">{m.noAgreements}</p>
            ) : (
              <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
                {agreements.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                    <div className="min-w-0">
                      <Link href={`/admin/agreements/${a.id}`} className="font-medium text-accent-700 hover:underline">
                        {a.reference}
                      </Link>
                      <span className="block text-xs text-neutral-500">
                        {a.title} · {formatDay(a.startsOn)} → {formatDay(a.endsOn)}
                      </span>
                    </div>
                    <StatusBadge label={frAdminAgreements.status[a.status]} tone={agreementStatusTone(a.status)} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="people-title">
            <h2 id="people-title" className="mb-2 text-lg font-semibold text-neutral-900">
              {m.people}
            </h2>
            {people.length === 0 ? (
              <p className="text-sm text-neutral-600">{m.noPeople}</p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
                <table className="min-w-full divide-y divide-neutral-200 text-sm">
                  <caption className="sr-only">{m.people}</caption>
                  <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className={th}>{m.person}</th>
                      <th scope="col" className={th}>{m.portalRole}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {people.map((p) => (
                      <tr key={p.positionId}>
                        <td className="px-3 py-2">
                          <span className="font-medium text-neutral-900">{p.name}</span>
                          <span className="block text-xs text-neutral-500">{[p.title, p.email].filter(Boolean).join(' · ')}</span>
                        </td>
                        <td className="px-3 py-2">
                          {p.portalRole ? (
                            <StatusBadge label={m.portalRoles[p.portalRole] ?? p.portalRole} tone={p.loginActive === false ? 'neutral' : 'info'} />
                          ) : (
                            <span className="text-neutral-500">{m.noPortalAccess}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
