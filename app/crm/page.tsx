import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getTodoView } from '@/lib/crm/todo-service';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { frCrmQuotes as mq } from '@/lib/i18n/fr-crm-quotes';
import { DoneButton } from './pipeline/done-button';
import { formatDay } from './pipeline/format-day';

export const metadata: Metadata = { title: m.todoTitle };

const link = 'font-medium text-accent-700 hover:underline';

function Section({ id, title, intro, empty, count, children }: { id: string; title: string; intro?: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-neutral-200 bg-white">
      <header className="flex items-baseline justify-between gap-2 border-b border-neutral-200 px-4 py-2">
        <h2 id={id} className="text-sm font-semibold text-neutral-900">
          {title}
        </h2>
        <span className="tabular text-xs text-neutral-500">{count}</span>
      </header>
      {intro ? <p className="px-4 pt-2 text-xs text-neutral-500">{intro}</p> : null}
      {count === 0 ? <p className="px-4 py-6 text-center text-sm text-neutral-500">{empty}</p> : <ul className="divide-y divide-neutral-100 text-sm">{children}</ul>}
    </section>
  );
}

function AccountLink({ id, name }: { id: string; name: string }) {
  return (
    <Link href={`/crm/accounts/${id}`} className="text-neutral-700 hover:underline">
      {name}
    </Link>
  );
}

export default async function CrmTodoPage() {
  const actor = await requirePermission('crm.use', '/crm');
  const result = await getTodoView(await getDb(), actor);
  if (!result.ok) forbidden();
  const v = result.value;
  return (
    <>
      <PageHeader title={m.todoTitle} intro={v.scope === 'mine' ? m.todoIntroMine : m.todoIntroAll} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="todo-activities" title={m.activitiesDue} intro={m.activitiesDueIntro} empty={m.noActivities} count={v.activities.length}>
          {v.activities.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <div>
                <p className="font-medium">{a.subject}</p>
                <p className="text-xs text-neutral-600">
                  <AccountLink id={a.accountId} name={a.accountName} /> · {m.dueOn} {formatDay(a.dueOn)}{' '}
                  {a.overdue ? <StatusBadge label={m.overdue} tone="danger" /> : null}
                  {a.opportunityId ? (
                    <>
                      {' · '}
                      <Link href={`/crm/opportunities/${a.opportunityId}`} className="hover:underline">
                        {m.opportunity}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              <DoneButton activityId={a.id} subject={a.subject} />
            </li>
          ))}
        </Section>
        <Section id="todo-next-step" title={m.withoutNextStep} empty={m.noWithoutNextStep} count={v.withoutNextStep.length}>
          {v.withoutNextStep.map((o) => (
            <li key={o.id} className="px-4 py-2">
              <Link href={`/crm/opportunities/${o.id}`} className={link}>
                {o.title}
              </Link>
              <p className="text-xs text-neutral-600">
                <AccountLink id={o.accountId} name={o.accountName} /> · {m.stages[o.stage]}
                {o.expectedCloseDate ? ` · ${m.closeDate} ${formatDay(o.expectedCloseDate)}` : ''}
              </p>
            </li>
          ))}
        </Section>
        <Section id="todo-quotes" title={mq.expiringTitle} intro={mq.expiringIntro} empty={mq.noExpiring} count={v.expiringQuotes.length}>
          {v.expiringQuotes.map((q) => (
            <li key={q.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <div>
                <p>
                  <Link href={`/admin/quotes/${q.id}`} className={link}>
                    {mq.quote(q.number)}
                  </Link>{' '}
                  — {q.title}
                </p>
                <p className="flex flex-wrap items-center gap-x-1 text-xs text-neutral-600">
                  <AccountLink id={q.accountId} name={q.accountName} />
                  <span>
                    · {mq.version(q.version)} · {mq.validUntil} {formatDay(q.validUntil)}
                  </span>
                  <StatusBadge label={m.inDays(q.daysLeft)} tone={q.daysLeft <= 2 ? 'danger' : 'warning'} />
                </p>
              </div>
              <Money cents={q.totalNetCents} suffix="HT" />
            </li>
          ))}
        </Section>
        <Section id="todo-budgets" title={m.budgetReleases} empty={m.noBudgetReleases} count={v.budgetReleases.length}>
          {v.budgetReleases.map((b) => (
            <li key={b.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <div>
                <p className="font-medium">{b.label}</p>
                <p className="text-xs text-neutral-600">
                  <AccountLink id={b.accountId} name={b.accountName} /> · {m.releaseOn} {formatDay(b.releaseDate)}
                </p>
              </div>
              {b.amountCents !== null ? <Money cents={b.amountCents} suffix="HT" /> : null}
            </li>
          ))}
        </Section>
        <Section id="todo-fiscal" title={m.fiscalYearEnds} empty={m.noFiscalYearEnds} count={v.fiscalYearEnds.length}>
          {v.fiscalYearEnds.map((f) => (
            <li key={f.accountId} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <div>
                <Link href={`/crm/accounts/${f.accountId}`} className={link}>
                  {f.accountName}
                </Link>
                <p className="text-xs text-neutral-600">
                  {m.fiscalYearEnd} {formatDay(f.fiscalYearEnd)} ({m.inDays(f.daysLeft)})
                </p>
              </div>
              <span className="text-xs text-neutral-600">
                {m.unspent} <Money cents={f.unspentCents} suffix="HT" />
              </span>
            </li>
          ))}
        </Section>
        <Section id="todo-agreements" title={m.agreements} empty={m.noAgreements} count={v.agreements.length}>
          {v.agreements.map((a) => (
            <li key={a.id} className="px-4 py-2">
              <p>
                <Link href={`/admin/agreements/${a.id}`} className={link}>
                  {a.reference}
                </Link>{' '}
                — {a.title}
              </p>
              <p className="flex flex-wrap items-center gap-2 text-xs text-neutral-600">
                <AccountLink id={a.accountId} name={a.accountName} />
                <span>
                  {m.endsOn} {formatDay(a.endsOn)}
                </span>
                {a.ceilingCents ? (
                  <span>
                    {m.consumed} <Money cents={a.consumedCents} /> / <Money cents={a.ceilingCents} /> ({Math.floor((a.consumedCents * 100) / a.ceilingCents)} %)
                  </span>
                ) : null}
                {a.endingSoon ? <StatusBadge label={m.endingSoon} tone="warning" /> : null}
                {a.nearCeiling ? <StatusBadge label={m.nearCeiling} tone="warning" /> : null}
              </p>
            </li>
          ))}
        </Section>
        <Section id="todo-reorders" title={m.reorder} empty={m.noReorder} count={v.reorders.length}>
          {v.reorders.map((r) => (
            <li key={r.accountId} className="px-4 py-2">
              <Link href={`/crm/accounts/${r.accountId}`} className={link}>
                {r.accountName}
              </Link>
              <p className="text-xs text-neutral-600">
                {m.lastOrder} {formatDay(r.lastOrderOn)} · {m.meanGap(Math.round(r.meanGapDays))} · {m.expectedNext} {formatDay(r.expectedOn)}
              </p>
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}
