import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { AddressCard } from '@/app/_components/address-card';
import { buttonClass } from '@/app/_components/button';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getCompanyOverview } from '@/lib/companies/service';
import { t } from '@/lib/i18n';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';

export const metadata: Metadata = { title: t.b2b.dashboardTitle };

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });
const monthName = (m: number) => monthFormat.format(Date.UTC(2026, m - 1, 1));

export default async function B2bHome() {
  const actor = await requireAudience('b2b', '/b2b');
  const result = await getCompanyOverview(await getDb(), actor);
  if (!result.ok) forbidden();
  const c = result.value;
  const terms = `${c.paymentTermDays} jours${c.paymentEndOfMonth ? ' fin de mois' : ''}`;
  return (
    <>
      <PageHeader
        title={`${t.b2b.welcome} ${actor.name.split(' ')[0]}`}
        intro={`${c.legalName} · ${t.b2b.role} : ${t.roles[actor.role]}`}
        actions={
          <Link href="/b2b/requests/new" className={buttonClass('secondary')}>
            {frQuotesPortal.dashboard.askQuote}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="identite" className="rounded-xl border border-neutral-200 bg-white p-5">
          <h2 id="identite" className="mb-3 font-semibold">
            {t.b2b.identity}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-neutral-500">{t.b2b.company}</dt>
            <dd>{c.legalName}</dd>
            <dt className="text-neutral-500">{t.b2b.siren}</dt>
            <dd className="tabular">{c.siren ?? t.b2b.none}</dd>
            <dt className="text-neutral-500">{t.b2b.vatNumber}</dt>
            <dd className="tabular">{c.vatNumber ?? t.b2b.none}</dd>
            <dt className="text-neutral-500">{t.b2b.paymentTerms}</dt>
            <dd>{terms}</dd>
            <dt className="text-neutral-500">{t.b2b.creditLimit}</dt>
            <dd>{c.creditLimitCents === null ? t.b2b.none : <Money cents={c.creditLimitCents} suffix="HT" />}</dd>
            <dt className="text-neutral-500">{t.b2b.fiscalYearEnd}</dt>
            <dd>{monthName(c.fiscalYearEndMonth)}</dd>
            <dt className="text-neutral-500">{t.b2b.salesRep}</dt>
            <dd>{c.salesRep ? `${c.salesRep.name} — ${c.salesRep.email}` : t.b2b.noSalesRep}</dd>
          </dl>
        </section>
        <section aria-labelledby="adresses">
          <h2 id="adresses" className="mb-3 font-semibold">
            {t.b2b.addresses}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {c.addresses.map((a) => (
              <li key={a.id}>
                <AddressCard address={a} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
