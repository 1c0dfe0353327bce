import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getCompanyPerson } from '@/lib/companies/people-service';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { LoginStatusBadge } from '../login-status-badge';
import { LimitsForm, LoginStatusForm, RoleForm } from './person-forms';

export const metadata: Metadata = { title: m.people.title };

export default async function CompanyPersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  const actor = await requireAudience('b2b', `/b2b/company/${personId}`);
  if (actor.role !== 'company_admin') forbidden();
  if (!z.uuid().safeParse(personId).success) notFound();
  const result = await getCompanyPerson(await getDb(), actor, personId);
  if (!result.ok) notFound();
  const p = result.value;
  const name = `${p.firstName} ${p.lastName}`;
  const accessText =
    p.loginStatus === 'deactivated' ? m.person.accessDeactivated : p.loginStatus === 'invited' ? m.person.accessInvited : m.person.accessActive;
  return (
    <>
      <PageHeader
        title={name}
        intro={`${p.email ?? '—'} · ${m.roles[p.role]}`}
        crumbs={[{ label: actor.accountName ?? '', href: '/b2b' }, { label: m.person.back, href: '/b2b/company' }, { label: name }]}
      />
      {p.isSelf ? (
        <p className="mb-4 rounded-md border border-accent-100 bg-accent-50 px-3 py-2 text-sm text-accent-800">{m.person.selfNote}</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="role-title" className="space-y-3 rounded-xl border border-neutral-200 bg-white p-5">
          <h2 id="role-title" className="font-semibold">
            {m.person.roleTitle}
          </h2>
          {p.isSelf ? <p className="text-sm">{m.roles[p.role]}</p> : <RoleForm personId={p.personId} role={p.role} name={name} />}
        </section>
        <section aria-labelledby="limits-title" className="space-y-3 rounded-xl border border-neutral-200 bg-white p-5">
          <div>
            <h2 id="limits-title" className="font-semibold">
              {m.person.limitsTitle}
            </h2>
            <p className="mt-1 text-xs text-neutral-500">{m.person.limitsIntro}</p>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-neutral-500">{m.people.orderLimit}</dt>
            <dd>{p.orderLimitHtCents === null ? m.people.noLimit : <Money cents={p.orderLimitHtCents} suffix="HT" />}</dd>
            <dt className="text-neutral-500">{m.people.monthlyLimit}</dt>
            <dd>{p.monthlyLimitHtCents === null ? m.people.noLimit : <Money cents={p.monthlyLimitHtCents} suffix="HT" />}</dd>
          </dl>
          <LimitsForm personId={p.personId} orderLimitHtCents={p.orderLimitHtCents} monthlyLimitHtCents={p.monthlyLimitHtCents} />
        </section>
        <section aria-labelledby="access-title" className="space-y-3 rounded-xl border border-neutral-200 bg-white p-5">
          <h2 id="access-title" className="flex items-center gap-2 font-semibold">
            {m.person.accessTitle} <LoginStatusBadge status={p.loginStatus} />
          </h2>
          <p className="text-sm text-neutral-700">{accessText}</p>
          {p.lastLoginAt ? (
            <p className="text-xs text-neutral-500">
              <DateTime value={p.lastLoginAt} />
            </p>
          ) : null}
          {p.isSelf || p.loginStatus === 'none' ? null : (
            <LoginStatusForm personId={p.personId} active={p.loginStatus !== 'deactivated'} name={name} />
          )}
        </section>
      </div>
    </>
  );
}
