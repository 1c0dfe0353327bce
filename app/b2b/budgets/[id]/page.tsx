import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge, type StatusTone } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { BUDGET_LEDGER_LIMIT } from '@/lib/purchasing/budget-schemas';
import { getBudget } from '@/lib/purchasing/budgets-service';
import { BudgetUsage } from '../budget-usage';
import { periodDates, periodLabel } from '../period';
import { AmountForm } from './amount-form';

export const metadata: Metadata = { title: m.budgets.title };

const kindTone: Record<'hold' | 'commit' | 'release', StatusTone> = { hold: 'warning', commit: 'info', release: 'neutral' };

export default async function BudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/budgets/${id}`);
  if (actor.role !== 'purchaser' && actor.role !== 'company_admin') forbidden();
  if (!z.uuid().safeParse(id).success) notFound();
  const result = await getBudget(await getDb(), actor, id);
  if (!result.ok) notFound();
  const { budget: b, entries } = result.value;
  return (
    <>
      <PageHeader
        title={b.label}
        intro={`${periodLabel(b.periodKind, b.periodStart, b.periodEnd)} · ${periodDates(b.periodStart, b.periodEnd)} · ${m.budgets.costCentre} : ${b.costCentre || m.budgets.companyWide}`}
        crumbs={[{ label: actor.accountName ?? '', href: '/b2b' }, { label: m.budgetDetail.back, href: '/b2b/budgets' }, { label: b.label }]}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <section aria-label={m.budgets.usage} className="rounded-xl border border-neutral-200 bg-white p-5">
            <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
              {(
                [
                  [m.budgets.amount, b.amountHtCents],
                  [m.budgets.held, b.heldHtCents],
                  [m.budgets.committed, b.committedHtCents],
                  [m.budgets.remaining, b.remainingHtCents],
                ] as const
              ).map(([label, cents]) => (
                <div key={label}>
                  <dt className="text-xs uppercase tracking-wide text-neutral-500">{label}</dt>
                  <dd className="mt-1 text-base font-semibold">
                    <Money cents={cents} suffix="HT" />
                  </dd>
                </div>
              ))}
            </dl>
            <div className="mt-4">
              <BudgetUsage label={b.label} amount={b.amountHtCents} held={b.heldHtCents} committed={b.committedHtCents} />
            </div>
          </section>
          <section aria-labelledby="ledger-title" className="space-y-3">
            <h2 id="ledger-title" className="font-semibold">
              {m.budgetDetail.ledgerTitle}
            </h2>
            {entries.length === 0 ? (
              <EmptyState title={m.budgetDetail.noEntries} />
            ) : (
              <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
                <table className="min-w-full divide-y divide-neutral-200 text-sm">
                  <caption className="sr-only">{m.budgetDetail.ledgerCaption}</caption>
                  <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className="px-3 py-2">{m.budgetDetail.date}</th>
                      <th scope="col" className="px-3 py-2">{m.budgetDetail.order}</th>
                      <th scope="col" className="px-3 py-2">{m.budgetDetail.kind}</th>
                      <th scope="col" className="px-3 py-2 text-right">{m.budgetDetail.entryAmount}</th>
                      <th scope="col" className="px-3 py-2">{m.budgetDetail.by}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {entries.map((x) => (
                      <tr key={x.id}>
                        <td className="whitespace-nowrap px-3 py-2">
                          <DateTime value={x.createdAt} />
                        </td>
                        <td className="whitespace-nowrap px-3 py-2 tabular">
                          {x.orderNumber && x.orderId ? (
                            <Link href={`/b2b/orders/${x.orderId}`} className="text-accent-700 hover:underline">
                              {x.orderNumber}
                            </Link>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td className="px-3 py-2">
                          <StatusBadge label={m.budgetDetail.kinds[x.kind]} tone={kindTone[x.kind]} />
                        </td>
                        <td className="px-3 py-2 text-right">
                          <Money cents={x.amountHtCents} />
                        </td>
                        <td className="px-3 py-2">{x.actorName ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {entries.length >= BUDGET_LEDGER_LIMIT ? (
                  <p className="border-t border-neutral-100 px-3 py-2 text-xs text-neutral-500">{m.budgetDetail.latest(BUDGET_LEDGER_LIMIT)}</p>
                ) : null}
              </div>
            )}
          </section>
        </div>
        {actor.role === 'company_admin' ? (
          <AmountForm budgetId={b.id} amountHtCents={b.amountHtCents} usedHtCents={b.heldHtCents + b.committedHtCents} />
        ) : null}
      </div>
    </>
  );
}
