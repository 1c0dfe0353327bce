import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2bCompany as m } from '@/lib/i18n/fr-b2b-company';
import { fiscalYearLabel, fiscalYearStartDate } from '@/lib/purchasing/budget-schemas';
import { getFiscalYearEndMonth, listBudgets } from '@/lib/purchasing/budgets-service';
import { fiscalYearOf, parisDate } from '@/lib/purchasing/periods';
import { BudgetForm } from './budget-form';
import { BudgetUsage } from './budget-usage';
import { periodDates, periodLabel } from './period';

export const metadata: Metadata = { title: m.budgets.title };

export default async function BudgetsPage() {
  const actor = await requireAudience('b2b', '/b2b/budgets');
  if (actor.role !== 'purchaser' && actor.role !== 'company_admin') forbidden();
  const db = await getDb();
  const result = await listBudgets(db, actor);
  if (!result.ok) forbidden();
  const budgets = result.value;
  const isAdmin = actor.role === 'company_admin';
  const today = parisDate();

  let yearOptions: { value: string; label: string }[] = [];
  if (isAdmin) {
    const fy = await getFiscalYearEndMonth(db, actor);
    const endMonth = fy.ok ? fy.value : 12;
    const currentStartYear = Number(fiscalYearOf(today, endMonth).start.slice(0, 4));
    yearOptions = [-1, 0, 1, 2].map((d) => {
      const y = currentStartYear + d;
      const p = fiscalYearOf(fiscalYearStartDate(y, endMonth), endMonth);
      return { value: String(y), label: `${fiscalYearLabel(p.start, p.end)}${d === 0 ? ` (${m.budgets.current})` : ''}` };
    });
  }

  return (
    <>
      <PageHeader title={m.budgets.title} intro={m.budgets.intro} crumbs={[{ label: actor.accountName ?? '', href: '/b2b' }, { label: m.nav.budgets }]} />
      <div className={isAdmin ? 'grid items-start gap-6 2xl:grid-cols-[1fr_22rem]' : ''}>
        <section aria-label={m.budgets.tableCaption} className="min-w-0">
          {budgets.length === 0 ? (
            <EmptyState title={m.budgets.none}>{isAdmin ? m.budgets.noneAdminHint : null}</EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
              <table className="min-w-full divide-y divide-neutral-200 text-sm">
                <caption className="sr-only">{m.budgets.tableCaption}</caption>
                <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className="px-3 py-2">{m.budgets.label}</th>
                    <th scope="col" className="px-3 py-2">{m.budgets.costCentre}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.budgets.amount}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.budgets.held}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.budgets.committed}</th>
                    <th scope="col" className="px-3 py-2 text-right">{m.budgets.remaining}</th>
                    <th scope="col" className="px-3 py-2">{m.budgets.usage}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {budgets.map((b) => {
                    const current = b.periodStart <= today && today <= b.periodEnd;
                    return (
                      <tr key={b.id} className={current ? '' : 'text-neutral-600'}>
                        <td className="px-3 py-2">
                          <Link href={`/b2b/budgets/${b.id}`} className="font-medium text-accent-700 hover:underline">
                            {b.label}
                          </Link>
                          <div className="text-xs text-neutral-500">
                            <span className="whitespace-nowrap">{periodLabel(b.periodKind, b.periodStart, b.periodEnd)}</span>
                            {current ? <span className="ml-1 font-medium text-accent-700">· {m.budgets.current}</span> : null}
                            <span className="block whitespace-nowrap tabular">{periodDates(b.periodStart, b.periodEnd)}</span>
                          </div>
                        </td>
                        <td className="whitespace-nowrap px-3 py-2">{b.costCentre || <span className="text-neutral-500">{m.budgets.companyWide}</span>}</td>
                        <td className="px-3 py-2 text-right">
                          <Money cents={b.amountHtCents} suffix="HT" />
                        </td>
                        <td className="px-3 py-2 text-right">
                          <Money cents={b.heldHtCents} />
                        </td>
                        <td className="px-3 py-2 text-right">
                          <Money cents={b.committedHtCents} />
                        </td>
                        <td className="px-3 py-2 text-right font-medium">
                          <Money cents={b.remainingHtCents} />
                        </td>
                        <td className="px-3 py-2">
                          <BudgetUsage label={b.label} amount={b.amountHtCents} held={b.heldHtCents} committed={b.committedHtCents} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {isAdmin ? <BudgetForm yearOptions={yearOptions} defaultYear={yearOptions[1]!.value} defaultMonth={today.slice(0, 7)} /> : null}
      </div>
    </>
  );
}
