import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import { listAgreementCompanyOptions } from '@/lib/purchasing/agreements-service';
import { AgreementForm } from '../agreement-form';

export const metadata: Metadata = { title: m.newTitle };

export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ company?: string }> }) {
  const actor = await requirePermission('crm.use', '/admin/agreements/new');
  const companies = await listAgreementCompanyOptions(await getDb(), actor);
  if (!companies.ok) forbidden();
  const { company } = await searchParams;
  const year = new Date().getFullYear();
  return (
    <>
      <PageHeader title={m.newTitle} crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/agreements' }, { label: m.newTitle }]} />
      <AgreementForm
        initial={{
          reference: '',
          accountId: typeof company === 'string' && companies.value.some((c) => c.id === company) ? company : '',
          title: '',
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
          ceiling: '',
          status: 'draft',
        }}
        companies={companies.value}
      />
    </>
  );
}
