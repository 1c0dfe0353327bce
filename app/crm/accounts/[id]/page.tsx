import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { accountStatusTone, orderStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getAccount, getBuyingCommittee, listAccountOpportunities, listAccountOrders } from '@/lib/crm/accounts-service';
import { listForecasts, listOpenTasks, listProjects } from '@/lib/crm/knowledge-service';
import { listAccountPersonOptions } from '@/lib/crm/people-service';
import { ACTIVITY_KINDS, FORECAST_STATUSES, PROJECT_STATUSES } from '@/lib/crm/schemas';
import { getAccountTimeline } from '@/lib/crm/timeline';
import { orderStatusLabels } from '@/lib/orders/order-status-labels';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { parisDate } from '@/lib/purchasing/periods';
import {
  addPersonAction,
  completeTaskAction,
  createActivityAction,
  saveForecastAction,
  saveProjectAction,
  setParentAction,
} from '../actions';
import { AccountValue } from '../../account-value';
import { CrmForm, type CrmField } from '../crm-form';
import { centsToInput, formatDay, formatMonth } from '../format';
import { AccountTimeline } from './account-timeline';

export const metadata: Metadata = { title: m.accountsTitle };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Section({ id, title, children, count }: { id: string; title: string; children: ReactNode; count?: number }) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-base font-semibold text-neutral-900">
        {title}
        {count !== undefined ? <span className="ml-2 text-sm font-normal text-neutral-500">({count})</span> : null}
      </h2>
      {children}
    </section>
  );
}

function Th({ children, right }: { children: ReactNode; right?: boolean }) {
  return (
    <th scope="col" className={`px-2 py-1.5 ${right ? 'text-right' : ''}`}>
      {children}
    </th>
  );
}

function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-neutral-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">{children}</tbody>
      </table>
    </div>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="mt-3 rounded-md border border-neutral-200 p-3 open:bg-neutral-50">
      <summary className="cursor-pointer text-sm font-medium text-accent-700">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

export default async function CrmAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('crm.use', `/crm/accounts/${id}`);
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const account = await getAccount(db, actor, id);
  if (!account.ok) {
    if (account.error === m.errors.accountNotFound) notFound();
    forbidden();
  }
  const [committee, forecasts, projects, opps, orders, tasks, timeline, people] = await Promise.all([
    getBuyingCommittee(db, actor, id),
    listForecasts(db, actor, id),
    listProjects(db, actor, id),
    listAccountOpportunities(db, actor, id),
    listAccountOrders(db, actor, id),
    listOpenTasks(db, actor, id),
    getAccountTimeline(db, actor, id),
    listAccountPersonOptions(db, actor, id),
  ]);
  if (!committee.ok || !forecasts.ok || !projects.ok || !opps.ok || !orders.ok || !tasks.ok || !timeline.ok || !people.ok) forbidden();
  const a = account.value;
  const c = committee.value;
  const personOptions = (empty: string) => [{ value: '', label: empty }, ...people.value.map((p) => ({ value: p.id, label: p.name }))];
  const year = Number(parisDate().slice(0, 4));

  const forecastFields = (f?: (typeof forecasts.value)[number]): CrmField[] => [
    { name: 'accountId', kind: 'hidden', value: a.id },
    ...(f ? [{ name: 'forecastId', kind: 'hidden' as const, value: f.id }] : []),
    { name: 'label', kind: 'text', label: m.forecastLabel, required: true, defaultValue: f?.label },
    { name: 'estimatedAmountHt', kind: 'text', label: m.estimatedAmount, inputMode: 'decimal', defaultValue: centsToInput(f?.estimatedAmountHtCents ?? null) },
    { name: 'fiscalYear', kind: 'text', label: m.fiscalYear, inputMode: 'numeric', required: true, defaultValue: String(f?.fiscalYear ?? year) },
    { name: 'releaseDate', kind: 'date', label: m.releaseDate, defaultValue: f?.releaseDate ?? '' },
    { name: 'expiresOn', kind: 'date', label: m.expiresOn, defaultValue: f?.expiresOn ?? '' },
    { name: 'status', kind: 'select', label: m.status, defaultValue: f?.status ?? 'expected', options: FORECAST_STATUSES.map((s) => ({ value: s, label: m.forecastStatus[s] })) },
    { name: 'holderPersonId', kind: 'select', label: m.holder, defaultValue: f?.holderPersonId ?? '', options: personOptions(m.noHolder) },
    { name: 'notes', kind: 'textarea', label: m.notes, defaultValue: f?.notes ?? '' },
  ];
  const projectFields = (p?: (typeof projects.value)[number]): CrmField[] => [
    { name: 'accountId', kind: 'hidden', value: a.id },
    ...(p ? [{ name: 'projectId', kind: 'hidden' as const, value: p.id }] : []),
    { name: 'title', kind: 'text', label: m.projectTitle, required: true, defaultValue: p?.title },
    { name: 'expectedStart', kind: 'date', label: m.expectedStart, defaultValue: p?.expectedStart ?? '' },
    { name: 'estimatedValueHt', kind: 'text', label: m.estimatedValue, inputMode: 'decimal', defaultValue: centsToInput(p?.estimatedValueHtCents ?? null) },
    { name: 'status', kind: 'select', label: m.status, defaultValue: p?.status ?? 'idea', options: PROJECT_STATUSES.map((s) => ({ value: s, label: m.projectStatus[s] })) },
    { name: 'sponsorPersonId', kind: 'select', label: m.sponsor, defaultValue: p?.sponsorPersonId ?? '', options: personOptions(m.noPerson) },
    { name: 'description', kind: 'textarea', label: m.description, defaultValue: p?.description ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={a.legalName}
        crumbs={[{ label: m.crm, href: '/crm' }, { label: m.accounts, href: '/crm/accounts' }, { label: a.legalName }]}
      />
      <div className="mb-4">
        <AccountValue accountId={a.id} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Section id="overview" title={m.overview}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-neutral-500">{m.status}</dt>
            <dd>
              <StatusBadge label={m.accountStatus[a.status]} tone={accountStatusTone[a.status]} />
            </dd>
            <dt className="text-neutral-500">{m.siren}</dt>
            <dd className="tabular">{a.siren ?? m.none}</dd>
            <dt className="text-neutral-500">{m.country}</dt>
            <dd>{a.country}</dd>
            <dt className="text-neutral-500">{m.owner}</dt>
            <dd>{a.ownerName ?? m.none}</dd>
            <dt className="text-neutral-500">{m.parentAccount}</dt>
            <dd>
              {a.parent ? (
                <Link className="text-accent-700 hover:underline" href={`/crm/accounts/${a.parent.id}`}>
                  {a.parent.legalName}
                </Link>
              ) : (
                m.none
              )}
            </dd>
            <dt className="text-neutral-500">{m.subsidiaries}</dt>
            <dd>
              {a.subsidiaries.length ? (
                <ul>
                  {a.subsidiaries.map((s) => (
                    <li key={s.id}>
                      <Link className="text-accent-700 hover:underline" href={`/crm/accounts/${s.id}`}>
                        {s.legalName}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                m.noSubsidiaries
              )}
            </dd>
          </dl>
          {a.kind === 'company' ? (
            <Disclosure summary={m.changeParent}>
              <CrmForm
                action={setParentAction}
                idPrefix="parent"
                compact
                submitLabel={m.save}
                pendingLabel={m.saving}
                variant="secondary"
                fields={[
                  { name: 'accountId', kind: 'hidden', value: a.id },
                  {
                    name: 'parentAccountId',
                    kind: 'select',
                    label: m.parentAccount,
                    defaultValue: a.parent?.id ?? '',
                    options: [{ value: '', label: m.noParent }, ...a.parentOptions.map((o) => ({ value: o.id, label: o.legalName }))],
                  },
                ]}
              />
            </Disclosure>
          ) : null}
        </Section>

        <div className="lg:col-span-2">
          <Section id="committee" title={m.committee}>
            {c.warnings.length ? (
              <div role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <p className="font-medium">{m.warnings}</p>
                <ul className="list-disc pl-5">
                  {c.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {c.buyers.length + c.users.length === 0 ? (
              <p className="text-sm text-neutral-600">{m.committeeEmpty}</p>
            ) : (
              <div className="grid gap-4 sm:grid-cols-2">
                {([
                  [m.committeeBuyers, c.buyers],
                  [m.committeeUsers, c.users],
                ] as const).map(([label, list]) => (
                  <div key={label}>
                    <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</h3>
                    <ul className="divide-y divide-neutral-100 text-sm">
                      {list.map((p) => (
                        <li key={p.positionId} className="flex items-center justify-between gap-2 py-1">
                          <span>
                            <Link className="text-accent-700 hover:underline" href={`/crm/people/${p.personId}`}>
                              {p.name}
                            </Link>
                            <span className="text-neutral-500"> · {p.title ?? m.noTitle}</span>
                          </span>
                          <span className="tabular font-medium" title={m.decisionWeight}>
                            {p.decisionWeight ?? 0}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
            <p className="mt-2 text-sm text-neutral-600">{m.weightSum(c.weightSum)}</p>
          </Section>
        </div>
      </div>

      <div className="mt-4 grid gap-4">
        <Section id="people" title={m.currentPeople} count={c.people.length}>
          {c.people.length === 0 ? (
            <EmptyState title={m.noPeople} />
          ) : (
            <Table
              caption={m.currentPeople}
              head={
                <>
                  <Th>{m.personName}</Th>
                  <Th>{m.title}</Th>
                  <Th>{m.department}</Th>
                  <Th>{m.purchaseProfileLabel}</Th>
                  <Th right>{m.decisionWeight}</Th>
                  <Th>{m.portalRole}</Th>
                  <Th>{m.since}</Th>
                </>
              }
            >
              {c.people.map((p) => (
                <tr key={p.positionId}>
                  <td className="px-2 py-1.5 font-medium">
                    <Link className="text-accent-700 hover:underline" href={`/crm/people/${p.personId}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-2 py-1.5">{p.title ?? m.none}</td>
                  <td className="px-2 py-1.5">{p.department ?? m.none}</td>
                  <td className="px-2 py-1.5">{p.purchaseProfile ? m.purchaseProfile[p.purchaseProfile] : m.noProfile}</td>
                  <td className="tabular px-2 py-1.5 text-right">{p.decisionWeight ?? m.none}</td>
                  <td className="px-2 py-1.5">{p.portalRole ? m.portalRoles[p.portalRole] : m.noPortal}</td>
                  <td className="px-2 py-1.5">{formatMonth(p.startedOn)}</td>
                </tr>
              ))}
            </Table>
          )}
          <Disclosure summary={m.addPerson}>
            <CrmForm
              action={addPersonAction}
              idPrefix="person"
              submitLabel={m.addPersonSubmit}
              pendingLabel={m.saving}
              fields={[
                { name: 'accountId', kind: 'hidden', value: a.id },
                { name: 'firstName', kind: 'text', label: m.firstName, required: true },
                { name: 'lastName', kind: 'text', label: m.lastName, required: true },
                { name: 'email', kind: 'email', label: m.email },
                { name: 'phone', kind: 'text', label: m.phone },
                { name: 'title', kind: 'text', label: m.title },
                { name: 'department', kind: 'text', label: m.department },
                { name: 'startedOn', kind: 'date', label: m.startedOn },
                {
                  name: 'purchaseProfile',
                  kind: 'select',
                  label: m.purchaseProfileLabel,
                  options: [{ value: '', label: m.noProfile }, ...(['user', 'buyer', 'both'] as const).map((p) => ({ value: p, label: m.purchaseProfile[p] }))],
                },
                { name: 'decisionWeight', kind: 'number', label: m.decisionWeight, hint: m.decisionWeightHint, inputMode: 'numeric' },
              ]}
            />
          </Disclosure>
        </Section>

        <Section id="forecasts" title={m.forecasts} count={forecasts.value.length}>
          {forecasts.value.length === 0 ? (
            <EmptyState title={m.noForecasts} />
          ) : (
            <Table
              caption={m.forecasts}
              head={
                <>
                  <Th>{m.forecastLabel}</Th>
                  <Th right>{m.estimatedAmount}</Th>
                  <Th>{m.fiscalYear}</Th>
                  <Th>{m.releaseDate}</Th>
                  <Th>{m.expiresOn}</Th>
                  <Th>{m.status}</Th>
                  <Th>{m.holder}</Th>
                </>
              }
            >
              {forecasts.value.map((f) => (
                <tr key={f.id}>
                  <td className="px-2 py-1.5 align-top font-medium">
                    {f.label}
                    <Disclosure summary={m.edit}>
                      <CrmForm
                        action={saveForecastAction}
                        idPrefix={`forecast-${f.id}`}
                        title={m.editForecast(f.label)}
                        submitLabel={m.save}
                        pendingLabel={m.saving}
                        compact
                        fields={forecastFields(f)}
                      />
                    </Disclosure>
                  </td>
                  <td className="px-2 py-1.5 text-right align-top">{f.estimatedAmountHtCents === null ? m.none : <Money cents={f.estimatedAmountHtCents} suffix="HT" />}</td>
                  <td className="tabular px-2 py-1.5 align-top">{f.fiscalYear}</td>
                  <td className="px-2 py-1.5 align-top">{formatDay(f.releaseDate)}</td>
                  <td className="px-2 py-1.5 align-top">{formatDay(f.expiresOn)}</td>
                  <td className="px-2 py-1.5 align-top">{m.forecastStatus[f.status]}</td>
                  <td className="px-2 py-1.5 align-top">{f.holderName ?? m.none}</td>
                </tr>
              ))}
            </Table>
          )}
          <Disclosure summary={m.addForecast}>
            <CrmForm action={saveForecastAction} idPrefix="forecast-new" submitLabel={m.addForecast} pendingLabel={m.saving} fields={forecastFields()} />
          </Disclosure>
        </Section>

        <Section id="projects" title={m.projects} count={projects.value.length}>
          {projects.value.length === 0 ? (
            <EmptyState title={m.noProjects} />
          ) : (
            <Table
              caption={m.projects}
              head={
                <>
                  <Th>{m.projectTitle}</Th>
                  <Th>{m.expectedStart}</Th>
                  <Th right>{m.estimatedValue}</Th>
                  <Th>{m.sponsor}</Th>
                  <Th>{m.status}</Th>
                </>
              }
            >
              {projects.value.map((p) => (
                <tr key={p.id}>
                  <td className="px-2 py-1.5 align-top">
                    <span className="font-medium">{p.title}</span>
                    {p.description ? <p className="text-xs text-neutral-600">{p.description}</p> : null}
                    <Disclosure summary={m.edit}>
                      <CrmForm
                        action={saveProjectAction}
                        idPrefix={`project-${p.id}`}
                        title={m.editProject(p.title)}
                        submitLabel={m.save}
                        pendingLabel={m.saving}
                        compact
                        fields={projectFields(p)}
                      />
                    </Disclosure>
                  </td>
                  <td className="px-2 py-1.5 align-top">{formatDay(p.expectedStart)}</td>
                  <td className="px-2 py-1.5 text-right align-top">{p.estimatedValueHtCents === null ? m.none : <Money cents={p.estimatedValueHtCents} suffix="HT" />}</td>
                  <td className="px-2 py-1.5 align-top">{p.sponsorName ?? m.none}</td>
                  <td className="px-2 py-1.5 align-top">{m.projectStatus[p.status]}</td>
                </tr>
              ))}
            </Table>
          )}
          <Disclosure summary={m.addProject}>
            <CrmForm action={saveProjectAction} idPrefix="project-new" submitLabel={m.addProject} pendingLabel={m.saving} fields={projectFields()} />
          </Disclosure>
        </Section>

        <div className="grid gap-4 lg:grid-cols-2">
          <Section id="opportunities" title={m.opportunities} count={opps.value.length}>
            {opps.value.length === 0 ? (
              <EmptyState title={m.noOpportunities} />
            ) : (
              <Table
                caption={m.opportunities}
                head={
                  <>
                    <Th>{m.opportunity}</Th>
                    <Th>{m.stage}</Th>
                    <Th right>{m.amount}</Th>
                    <Th>{m.expectedClose}</Th>
                  </>
                }
              >
                {opps.value.map((o) => (
                  <tr key={o.id}>
                    <td className="px-2 py-1.5">
                      <Link className="text-accent-700 hover:underline" href={`/crm/opportunities/${o.id}`}>
                        {o.title}
                      </Link>
                    </td>
                    <td className="px-2 py-1.5">{m.stages[o.stage] ?? o.stage}</td>
                    <td className="px-2 py-1.5 text-right">
                      <Money cents={o.amountHtCents} suffix="HT" />
                    </td>
                    <td className="px-2 py-1.5">{formatDay(o.expectedCloseDate)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>

          <Section id="orders" title={m.latestOrders} count={orders.value.length}>
            {orders.value.length === 0 ? (
              <EmptyState title={m.noOrders} />
            ) : (
              <Table
                caption={m.latestOrders}
                head={
                  <>
                    <Th>{m.orderNumber}</Th>
                    <Th>{m.date}</Th>
                    <Th>{m.status}</Th>
                    <Th right>{m.amount}</Th>
                  </>
                }
              >
                {orders.value.map((o) => (
                  <tr key={o.id}>
                    <td className="px-2 py-1.5">
                      <Link className="text-accent-700 hover:underline" href={`/admin/orders/${o.id}`}>
                        {o.number}
                      </Link>
                    </td>
                    <td className="px-2 py-1.5">
                      <DateTime value={o.at} withTime={false} />
                    </td>
                    <td className="px-2 py-1.5">
                      <StatusBadge
                        label={orderStatusLabels[o.status]}
                        tone={orderStatusTone[o.status]}
                      />
                    </td>
                    <td className="px-2 py-1.5 text-right">
                      <Money cents={o.totalNetCents} suffix="HT" />
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>
        </div>

        <div className="grid gap-4 lg:grid-cols-2">
          <Section id="activities" title={m.activities}>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{m.openTasks}</h3>
            {tasks.value.length === 0 ? (
              <p className="mb-3 text-sm text-neutral-600">{m.noActivities}</p>
            ) : (
              <ul className="mb-3 divide-y divide-neutral-100 text-sm">
                {tasks.value.map((task) => (
                  <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <span>
                      <span className="font-medium">{task.subject}</span>
                      <span className="text-neutral-500">
                        {' '}
                        · {m.dueOn} {formatDay(task.dueOn)}
                        {task.personName ? ` · ${task.personName}` : ''}
                      </span>
                    </span>
                    <CrmForm
                      action={completeTaskAction}
                      idPrefix={`task-${task.id}`}
                      submitLabel={m.markDone}
                      pendingLabel={m.saving}
                      variant="secondary"
                      fields={[{ name: 'activityId', kind: 'hidden', value: task.id }]}
                    />
                  </li>
                ))}
              </ul>
            )}
            <CrmForm
              action={createActivityAction}
              idPrefix="activity"
              title={m.newActivity}
              submitLabel={m.addActivity}
              pendingLabel={m.saving}
              compact
              fields={[
                { name: 'accountId', kind: 'hidden', value: a.id },
                { name: 'kind', kind: 'select', label: m.activityKindLabel, defaultValue: 'call', options: ACTIVITY_KINDS.map((k) => ({ value: k, label: m.activityKind[k] })) },
                { name: 'subject', kind: 'text', label: m.subject, required: true },
                { name: 'personId', kind: 'select', label: m.person, options: personOptions(m.noPerson) },
                { name: 'dueOn', kind: 'date', label: m.dueOn, hint: m.dueOnHint },
                { name: 'body', kind: 'textarea', label: m.body },
              ]}
            />
          </Section>

          <Section id="timeline" title={m.timeline}>
            <AccountTimeline entries={timeline.value} />
          </Section>
        </div>
      </div>
    </>
  );
}
