import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { FormMessage } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { OrderDocument } from '@/app/_components/order-document';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { APPROVAL_REASON_LABELS } from '@/lib/purchasing/approval-rules';
import { listBudgets } from '@/lib/purchasing/budgets-service';
import { getCompanyOrder } from '@/lib/purchasing/orders-service';
import { parisDate } from '@/lib/purchasing/periods';
import { getSellerProfile } from '@/lib/seller/service';
import { OrderFacts } from '../../orders/order-facts';
import { DecisionForms } from '../decision-forms';

export const metadata: Metadata = { title: m.approvals.title };

export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('b2b', `/b2b/approvals/${id}`);
  if (actor.role !== 'purchaser' && actor.role !== 'company_admin') forbidden();
  const db = await getDb();
  const [result, seller, budgets] = await Promise.all([getCompanyOrder(db, actor, id), getSellerProfile(db), listBudgets(db, actor)]);
  if (!result.ok) notFound();
  const d = result.value;
  const o = d.order;
  // The budget the approval will count the order against (same choice as the service: period of
  // the order's Paris date, and its cost centre).
  const day = parisDate(o.createdAt);
  const budget = budgets.ok
    ? budgets.value
        .filter((b) => b.periodStart <= day && b.periodEnd >= day && b.costCentre === (d.costCentre ?? ''))
        .sort((a, b) => a.periodStart.localeCompare(b.periodStart))[0]
    : undefined;
  const notHeld = d.approvalReasons.includes(APPROVAL_REASON_LABELS.budget);
  const pending = o.status === 'pending_approval';
  // After a decision the page re-renders without the forms: say what happened.
  const decidedMessage =
    o.status === 'rejected'
      ? m.orders.rejectedMessage
      : o.status !== 'cancelled' && o.status !== 'expired' && d.approvalReasons.length > 0
        ? m.orders.approvedMessage
        : m.approvals.notPending;
  return (
    <>
      <PageHeader
        title={m.approvals.detailTitle(o.number)}
        intro={d.placedByName ? `${m.approvals.requester} : ${d.placedByName}` : undefined}
        crumbs={[{ label: m.approvals.title, href: '/b2b/approvals' }, { label: o.number }]}
      />
      <div className="space-y-6">
        {pending && d.approvalReasons.length > 0 ? (
          <section aria-labelledby="reasons-title" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
            <h2 id="reasons-title" className="font-semibold">
              {m.approvals.reasons}
            </h2>
            <ul className="mt-1 list-disc pl-5">
              {d.approvalReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <OrderDocument order={o} seller={seller} />
          <div className="space-y-6">
            {pending ? (
              d.canDecide ? (
                <DecisionForms orderId={o.id} contentVersion={d.contentVersion} />
              ) : (
                <FormMessage error={m.approvals.ownOrder} />
              )
            ) : (
              <FormMessage message={decidedMessage} />
            )}
            {budgets.ok ? (
              <section aria-labelledby="budget-title" className="rounded-xl border border-neutral-200 bg-white p-5 text-sm">
                <h2 id="budget-title" className="mb-2 font-semibold">
                  {m.approvals.budget}
                </h2>
                {budget ? (
                  <dl className="space-y-1">
                    <p className="font-medium">{budget.label}</p>
                    <div className="flex justify-between gap-4">
                      <dt>{m.approvals.budgetRemaining}</dt>
                      <dd>
                        <Money cents={budget.remainingHtCents} suffix="HT" />
                      </dd>
                    </div>
                    {pending ? (
                      notHeld ? (
                        <div className="flex justify-between gap-4">
                          <dt>{m.approvals.budgetAfter}</dt>
                          <dd className={budget.remainingHtCents - o.totalNetCents < 0 ? 'font-semibold text-red-700' : ''}>
                            <Money cents={budget.remainingHtCents - o.totalNetCents} suffix="HT" />
                          </dd>
                        </div>
                      ) : (
                        <p className="text-xs text-neutral-600">{m.approvals.budgetHeld}</p>
                      )
                    ) : null}
                  </dl>
                ) : (
                  <p className="text-neutral-600">{m.approvals.budgetNone}</p>
                )}
              </section>
            ) : null}
          </div>
        </div>
        <OrderFacts detail={d} hideReasons={pending} />
      </div>
    </>
  );
}
