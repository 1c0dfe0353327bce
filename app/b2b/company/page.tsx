import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { listCompanyPeople } from '@/lib/companies/people-service';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { InviteForm } from './invite-form';
import { LoginStatusBadge } from './login-status-badge';

export const metadata: Metadata = { title: m.people.title };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export default async function CompanyPeoplePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireAudience('b2b', '/b2b/company');
  if (actor.role !== 'company_admin') forbidden();
  const result = await listCompanyPeople(await getDb(), actor);
  if (!result.ok) forbidden();
  const raw = (await searchParams).q;
  const q = (typeof raw === 'string' ? raw : '').trim().slice(0, 100);
  const needle = fold(q);
  const rows = needle
    ? result.value.filter((p) => fold(`${p.firstName} ${p.lastName} ${p.email ?? ''}`).includes(needle))
    : result.value;
  return (
    <>
      <PageHeader title={m.people.title} intro={m.people.intro} crumbs={[{ label: actor.accountName ?? '', href: '/b2b' }, { label: m.nav.people }]} />
      <div className="grid items-start gap-6 2xl:grid-cols-[1fr_24rem]">
        <section aria-labelledby="people-title" className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="people-title" className="font-semibold">
              {m.people.count(result.value.length)}
            </h2>
            <form role="search" className="flex gap-2" action="/b2b/company">
              <label htmlFor="people-q" className="sr-only">
                {m.people.search}
              </label>
              <input
                id="people-q"
                name="q"
                type="search"
                defaultValue={q}
                placeholder={m.people.search}
                className="w-56 rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
              />
              <button type="submit" className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100">
                {m.people.searchButton}
              </button>
            </form>
          </div>
          {rows.length === 0 ? (
            <EmptyState title={q ? m.people.noMatch : m.people.none} />
          ) : (
            <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
              <table className="min-w-full divide-y divide-neutral-200 text-sm">
                <caption className="sr-only">{m.people.tableCaption}</caption>
                <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className="px-3 py-2">{m.people.name}</th>
                    <th scope="col" className="px-3 py-2">{m.people.role}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.people.orderLimit}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.people.monthlyLimit}</th>
                    <th scope="col" className="px-3 py-2">{m.people.login}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {rows.map((p) => (
                    <tr key={p.personId}>
                      <td className="px-3 py-2">
                        <Link href={`/b2b/company/${p.personId}`} className="font-medium text-accent-700 hover:underline">
                          {p.firstName} {p.lastName}
                        </Link>
                        {p.isSelf ? <span className="ml-1 text-xs text-neutral-500">({m.people.you})</span> : null}
                        <div className="text-xs text-neutral-500">{p.email ?? '—'}</div>
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">{m.roles[p.role]}</td>
                      <td className="px-3 py-2 text-right">
                        {p.orderLimitHtCents === null ? <span className="text-neutral-500">{m.people.noLimit}</span> : <Money cents={p.orderLimitHtCents} suffix="HT" />}
                      </td>
                      <td className="px-3 py-2 text-right">
                        {p.monthlyLimitHtCents === null ? <span className="text-neutral-500">{m.people.noLimit}</span> : <Money cents={p.monthlyLimitHtCents} suffix="HT" />}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <LoginStatusBadge status={p.loginStatus} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <InviteForm />
      </div>
    </>
  );
}
