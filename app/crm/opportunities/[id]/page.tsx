import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getOpportunity } from '@/lib/crm/pipeline-service';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { frCrmQuotes as mq } from '@/lib/i18n/fr-crm-quotes';
import { formatDay } from '../../pipeline/format-day';
import { OpportunityForm } from '../opportunity-form';
import { StageForm } from '../stage-form';
import { AddStakeholderForm, RemoveStakeholderButton } from '../stakeholders';
import { LinkedQuotes } from './linked-quotes';

export const metadata: Metadata = { title: m.opportunity };

const card = 'rounded-lg border border-neutral-200 bg-white p-4';

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('crm.use', `/crm/opportunities/${id}`);
  const result = await getOpportunity(await getDb(), actor, id);
  if (!result.ok) notFound();
  const o = result.value;
  const tone = o.stage === 'won' ? 'success' : o.stage === 'lost' ? 'danger' : 'info';
  return (
    <>
      <PageHeader
        title={o.title}
        crumbs={[{ label: m.pipelineTitle, href: '/crm/pipeline' }, { label: o.title }]}
        actions={<StatusBadge label={m.stages[o.stage]} tone={tone} />}
      />
      <dl className="mb-6 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div className={card}>
          <dt className="text-xs text-neutral-500">{m.account}</dt>
          <dd className="font-medium">
            <Link href={`/crm/accounts/${o.accountId}`} className="text-accent-700 hover:underline">
              {o.accountName}
            </Link>
          </dd>
        </div>
        <div className={card}>
          <dt className="text-xs text-neutral-500">{m.amount}</dt>
          <dd className="font-medium">
            <Money cents={o.amountCents} suffix="HT" />
          </dd>
        </div>
        <div className={card}>
          <dt className="text-xs text-neutral-500">{m.probability}</dt>
          <dd className="font-medium">{o.probabilityOverride === null ? m.defaultProbability(o.probability) : m.overriddenProbability(o.probability)}</dd>
        </div>
        <div className={card}>
          <dt className="text-xs text-neutral-500">{m.closeDate}</dt>
          <dd className="font-medium">{o.expectedCloseDate ? formatDay(o.expectedCloseDate) : '—'}</dd>
        </div>
      </dl>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <section aria-labelledby="stage-title" className={card}>
            <h2 id="stage-title" className="mb-3 text-base font-semibold">
              {m.stage}
            </h2>
            <StageForm opportunityId={o.id} stage={o.stage} />
            {o.closedAt ? (
              <p className="mt-3 text-sm text-neutral-600">
                {m.closedOn} <DateTime value={o.closedAt} />
                {o.closeReason ? ` — ${m.closeReason} : ${o.closeReason}` : ''}
                <br />
                <span className="text-xs">{m.reopenHint}</span>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="quotes-title" className={card}>
            <h2 id="quotes-title" className="mb-3 text-base font-semibold">
              {mq.linkedTitle}
            </h2>
            <LinkedQuotes requests={o.requests} quotes={o.quotes} order={o.order} />
          </section>
          <section aria-labelledby="details-title" className={card}>
            <h2 id="details-title" className="mb-3 text-base font-semibold">
              {m.details}
            </h2>
            <OpportunityForm
              mode="update"
              id={o.id}
              initial={{
                title: o.title,
                amountCents: o.amountCents,
                probabilityOverride: o.probabilityOverride,
                expectedCloseDate: o.expectedCloseDate,
                nextStep: o.nextStep,
                nextStepDue: o.nextStepDue,
                ownerUserId: o.ownerUserId,
                budgetForecastId: o.budgetForecastId,
                projectId: o.projectId,
              }}
              owners={o.owners}
              forecasts={o.forecasts}
              projects={o.projects}
            />
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="stakeholders-title" className={card}>
            <h2 id="stakeholders-title" className="mb-3 text-base font-semibold">
              {m.stakeholders}
            </h2>
            {o.stakeholders.length === 0 ? (
              <p className="text-sm text-neutral-600">{m.noStakeholders}</p>
            ) : (
              <ul className="divide-y divide-neutral-100 text-sm">
                {o.stakeholders.map((s) => (
                  <li key={s.personId} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{s.name}</span> — {s.role} <span className="text-neutral-500">({s.weight})</span>
                    </span>
                    <RemoveStakeholderButton opportunityId={o.id} personId={s.personId} name={s.name} />
                  </li>
                ))}
              </ul>
            )}
            {o.people.length ? <AddStakeholderForm opportunityId={o.id} people={o.people} /> : null}
          </section>
          <section aria-labelledby="history-title" className={card}>
            <h2 id="history-title" className="mb-3 text-base font-semibold">
              {m.history}
            </h2>
            {o.history.length === 0 ? (
              <EmptyState title={m.noHistory} />
            ) : (
              <table className="w-full text-sm">
                <caption className="sr-only">{m.history}</caption>
                <thead className="text-left text-xs text-neutral-500">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">{m.historyWhen}</th>
                    <th scope="col" className="py-1 pr-2 font-medium">{m.historyFrom}</th>
                    <th scope="col" className="py-1 pr-2 font-medium">{m.historyTo}</th>
                    <th scope="col" className="py-1 font-medium">{m.historyWho}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {o.history.map((h) => (
                    <tr key={h.id}>
                      <td className="py-1 pr-2 whitespace-nowrap">
                        <DateTime value={h.at} />
                      </td>
                      <td className="py-1 pr-2">{h.fromStage ? m.stages[h.fromStage] : m.created}</td>
                      <td className="py-1 pr-2">{m.stages[h.toStage]}</td>
                      <td className="py-1">{h.actorName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
