import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormMessage } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { agreementStatusTone } from '@/app/admin/companies/status';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { centsToInput } from '@/lib/companies/admin-schemas';
import { t } from '@/lib/i18n';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import { getAgreementForStaff } from '@/lib/purchasing/agreements-service';
import { AgreementForm } from '../agreement-form';
import { ConsumptionBar } from '../consumption-bar';
import { formatDay, formatPercent } from '../format';
import { AddLineForm, AddTierForm, EditLineForm, RemoveLineButton, RemoveTierButton } from '../line-forms';

export const metadata: Metadata = { title: m.title };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const qty = (n: number) => n.toLocaleString('fr-FR');

export default async function AdminAgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('crm.use', `/admin/agreements/${id}`);
  if (!UUID.test(id)) notFound();
  const result = await getAgreementForStaff(await getDb(), actor, id);
  if (!result.ok) notFound();
  const a = result.value;
  const created = (await searchParams).created === '1';
  return (
    <>
      <PageHeader
        title={`${a.reference} — ${a.title}`}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/agreements' }, { label: a.reference }]}
        actions={
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge label={m.status[a.status]} tone={agreementStatusTone(a.status)} />
            {a.endingSoon ? <StatusBadge label={m.endingSoon} tone="warning" /> : null}
            {a.nearCeiling ? <StatusBadge label={m.nearCeiling} tone={a.consumptionRatio! > 1 ? 'danger' : 'warning'} /> : null}
          </div>
        }
      />
      {created ? (
        <div className="mb-4">
          <FormMessage message={m.created} />
        </div>
      ) : null}

      <section aria-labelledby="consumption-title" className="mb-6 grid gap-4 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-3">
        <h2 id="consumption-title" className="sr-only">
          {m.consumption}
        </h2>
        <div>
          <p className="text-xs uppercase tracking-wide text-neutral-500">{m.company}</p>
          <Link href={`/admin/companies/${a.accountId}`} className="font-medium text-accent-700 hover:underline">
            {a.companyName}
          </Link>
          <p className="text-sm text-neutral-600">{m.validity(formatDay(a.startsOn), formatDay(a.endsOn))}</p>
        </div>
        <div>
          <p className="text-xs uppercase tracking-wide text-neutral-500">{m.consumedTotal}</p>
          <p className="text-lg font-semibold text-neutral-900">
            <Money cents={a.consumedHtCents} suffix="HT" />
          </p>
          <p className="text-xs text-neutral-500">{m.consumptionNote}</p>
        </div>
        <div>
          <p className="text-xs uppercase tracking-wide text-neutral-500">{m.ceiling}</p>
          {a.ceilingHtCents !== null ? (
            <>
              <p className="text-lg font-semibold text-neutral-900">
                <Money cents={a.ceilingHtCents} suffix="HT" />
              </p>
              <ConsumptionBar ratio={a.consumptionRatio ?? 0} label={m.ofCeiling(formatPercent(a.consumptionRatio ?? 0))} />
            </>
          ) : (
            <p className="text-sm text-neutral-600">{m.noCeiling}</p>
          )}
        </div>
      </section>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="header-title">
          <h2 id="header-title" className="mb-2 text-lg font-semibold text-neutral-900">
            {m.header}
          </h2>
          <AgreementForm
            agreementId={a.id}
            companyName={a.companyName}
            companies={[]}
            initial={{
              reference: a.reference,
              accountId: a.accountId,
              title: a.title,
              startsOn: a.startsOn,
              endsOn: a.endsOn,
              ceiling: centsToInput(a.ceilingHtCents),
              status: a.status,
            }}
          />
        </section>

        <section aria-labelledby="lines-title" className="space-y-3">
          <h2 id="lines-title" className="text-lg font-semibold text-neutral-900">
            {m.lines} <span className="text-sm font-normal text-neutral-500">({a.lines.length})</span>
          </h2>
          <AddLineForm agreementId={a.id} />
          {a.lines.length === 0 ? (
            <p className="rounded-lg border border-dashed border-neutral-300 bg-white px-4 py-6 text-center text-sm text-neutral-600">{m.noLines}</p>
          ) : (
            <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white" aria-label={m.linesCaption}>
              {a.lines.map((l) => (
                <li key={l.id} className="px-4 py-3" aria-label={l.sku}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-mono text-xs text-neutral-600">{l.sku}</p>
                      <p className="font-medium text-neutral-900">{l.productName}</p>
                    </div>
                    <div className="flex items-start gap-3">
                      <div className="text-right">
                        <Money cents={l.unitPriceHtCents} suffix="HT" className="font-semibold" />
                        <p className="text-xs text-neutral-500">
                          {t.adminCatalog.b2bShort} <Money cents={l.listPriceHtCents} />
                        </p>
                      </div>
                      <RemoveLineButton lineId={l.id} sku={l.sku} />
                    </div>
                  </div>
                  <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="text-xs text-neutral-500">{m.lineCol.ordered}</dt>
                      <dd className="tabular">
                        {qty(l.orderedQuantity)}
                        {l.maxQuantity !== null ? <span className="text-neutral-500"> {m.ofMax(qty(l.maxQuantity))}</span> : null}
                        {l.maxQuantity !== null ? (
                          <span className="ml-2 inline-block align-middle">
                            <ConsumptionBar ratio={l.orderedQuantity / l.maxQuantity} label={formatPercent(l.orderedQuantity / l.maxQuantity)} />
                          </span>
                        ) : null}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs text-neutral-500">{m.lineCol.orderedHt}</dt>
                      <dd>
                        <Money cents={l.orderedHtCents} />
                      </dd>
                    </div>
                    <div className="col-span-2 sm:col-span-1">
                      <dt className="text-xs text-neutral-500">{m.lineCol.tiers}</dt>
                      <dd>
                        {l.tiers.length === 0 ? (
                          <span className="text-neutral-500">{m.noTiers}</span>
                        ) : (
                          <ul className="flex flex-wrap gap-1.5">
                            {l.tiers.map((tier) => (
                              <li key={tier.minQuantity} className="inline-flex items-center rounded-full bg-neutral-100 py-0.5 pl-2 text-xs text-neutral-800">
                                {m.tierFrom(qty(tier.minQuantity))} : <Money cents={tier.unitPriceHtCents} className="ml-1" />
                                <RemoveTierButton lineId={l.id} minQuantity={tier.minQuantity} label={qty(tier.minQuantity)} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </div>
                  </dl>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium text-accent-700 hover:underline">{m.editLineLabel(l.sku)}</summary>
                    <EditLineForm lineId={l.id} sku={l.sku} unitPrice={centsToInput(l.unitPriceHtCents)} maxQuantity={l.maxQuantity === null ? '' : String(l.maxQuantity)} />
                    <AddTierForm lineId={l.id} sku={l.sku} />
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
