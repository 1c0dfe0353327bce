import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { Select } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getNewOpportunityContext } from '@/lib/crm/pipeline-service';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { OpportunityForm } from '../opportunity-form';

export const metadata: Metadata = { title: m.newOpportunity };

export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const actor = await requirePermission('crm.use', '/crm/opportunities/new');
  const { account } = await searchParams;
  const result = await getNewOpportunityContext(await getDb(), actor, account);
  if (!result.ok) forbidden();
  const c = result.value;
  return (
    <>
      <PageHeader title={m.newOpportunity} crumbs={[{ label: m.pipelineTitle, href: '/crm/pipeline' }, { label: m.newOpportunity }]} />
      <div className="max-w-3xl space-y-6">
        <form className="flex flex-wrap items-end gap-2 rounded-lg border border-neutral-200 bg-white p-4">
          <div className="min-w-64 flex-1">
            <Select label={m.account} name="account" id="new-account" defaultValue={c.account?.id ?? ''}>
              <option value="" disabled>
                {m.selectAccount}
              </option>
              {c.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            {m.selectAccount}
          </Button>
        </form>
        {c.account ? (
          <section aria-label={c.account.name} className="rounded-lg border border-neutral-200 bg-white p-4">
            <h2 className="mb-3 text-base font-semibold">{c.account.name}</h2>
            <OpportunityForm mode="create" id={c.account.id} initial={null} owners={c.owners} forecasts={c.forecasts} projects={c.projects} />
          </section>
        ) : null}
      </div>
    </>
  );
}
