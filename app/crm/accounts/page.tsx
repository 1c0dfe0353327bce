import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Input, Select } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { accountStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { listAccounts, listStaffOwners } from '@/lib/crm/accounts-service';
import { accountListQuerySchema } from '@/lib/crm/schemas';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { createProspectAction } from './actions';
import { CrmForm } from './crm-form';

export const metadata: Metadata = { title: m.accountsTitle };

export default async function CrmAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission('crm.use', '/crm/accounts');
  const params = await searchParams;
  const query = accountListQuerySchema.parse(params);
  // A sales rep lands on their own accounts; "Tous les commerciaux" (owner=all) shows everything.
  const owner = query.owner ?? (actor.role === 'sales' ? actor.userId : 'all');
  const db = await getDb();
  const [result, owners] = await Promise.all([listAccounts(db, actor, { ...query, owner }), listStaffOwners(db, actor)]);
  if (!result.ok || !owners.ok) forbidden();
  const { rows, page, pageCount, total } = result.value;
  return (
    <>
      <PageHeader title={m.accountsTitle} intro={m.accountsIntro} crumbs={[{ label: m.crm, href: '/crm' }, { label: m.accounts }]} />
      <form role="search" aria-label={m.accountsTitle} className="mb-4 grid items-end gap-2 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        <Input label={m.searchLabel} name="q" type="search" defaultValue={query.q ?? ''} placeholder={m.searchPlaceholder} />
        <Select label={m.owner} name="owner" defaultValue={owner}>
          <option value="all">{m.anyOwner}</option>
          <option value="none">{m.noOwner}</option>
          {owners.value.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <Select label={m.status} name="status" defaultValue={query.status ?? ''}>
          <option value="">{m.anyStatus}</option>
          {(['prospect', 'active', 'suspended'] as const).map((s) => (
            <option key={s} value={s}>
              {m.accountStatus[s]}
            </option>
          ))}
        </Select>
        <Select label={m.relation} name="relation" defaultValue={query.relation ?? ''}>
          <option value="">{m.anyRelation}</option>
          <option value="customer">{m.customer}</option>
          <option value="prospect">{m.prospect}</option>
        </Select>
        <Button type="submit" variant="secondary">
          {m.filter}
        </Button>
      </form>
      <p className="mb-2 text-sm text-neutral-600" aria-live="polite">
        {m.total(total)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={m.noAccounts} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
          <table className="min-w-full divide-y divide-neutral-200 text-sm">
            <caption className="sr-only">
              {m.accountsTitle} ({total})
            </caption>
            <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">{m.name}</th>
                <th scope="col" className="px-3 py-2">{m.siren}</th>
                <th scope="col" className="px-3 py-2">{m.city}</th>
                <th scope="col" className="px-3 py-2">{m.status}</th>
                <th scope="col" className="px-3 py-2">{m.relation}</th>
                <th scope="col" className="px-3 py-2">{m.owner}</th>
                <th scope="col" className="px-3 py-2 text-right">{m.people}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {rows.map((a) => (
                <tr key={a.id} className="hover:bg-neutral-50">
                  <td className="px-3 py-2 font-medium">
                    <Link href={`/crm/accounts/${a.id}`} className="text-accent-700 hover:underline">
                      {a.legalName}
                    </Link>
                  </td>
                  <td className="tabular px-3 py-2">{a.siren ?? m.none}</td>
                  <td className="px-3 py-2">{a.city ? `${a.city} (${a.country})` : a.country}</td>
                  <td className="px-3 py-2">
                    <StatusBadge label={m.accountStatus[a.status]} tone={accountStatusTone[a.status]} />
                  </td>
                  <td className="px-3 py-2">{a.isCustomer ? m.customer : m.prospect}</td>
                  <td className="px-3 py-2">{a.ownerName ?? m.none}</td>
                  <td className="tabular px-3 py-2 text-right">{a.peopleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        basePath="/crm/accounts"
        params={{ q: query.q, owner, status: query.status, relation: query.relation }}
      />
      <section aria-labelledby="new-prospect-title" className="mt-8 rounded-lg border border-neutral-200 bg-white p-4">
        <h2 id="new-prospect-title" className="mb-3 text-base font-semibold">
          {m.newProspect}
        </h2>
        <CrmForm
          action={createProspectAction}
          idPrefix="prospect"
          submitLabel={m.createProspect}
          pendingLabel={m.creating}
          fields={[
            { name: 'legalName', kind: 'text', label: m.name, required: true },
            { name: 'siren', kind: 'text', label: m.siren, hint: m.sirenHint, inputMode: 'numeric' },
            { name: 'country', kind: 'text', label: m.country, hint: m.countryHint, defaultValue: 'FR', required: true },
            {
              name: 'ownerUserId',
              kind: 'select',
              label: m.owner,
              defaultValue: actor.userId,
              options: owners.value.map((o) => ({ value: o.id, label: o.name })),
            },
          ]}
        />
      </section>
    </>
  );
}
