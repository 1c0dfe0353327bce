import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { listOwnerOptions } from '@/lib/companies/admin-service';
import { t } from '@/lib/i18n';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { CompanyForm } from '../company-form';
import { emptyCompanyValues } from '../company-values';

export const metadata: Metadata = { title: m.newTitle };

export default async function NewCompanyPage() {
  const actor = await requirePermission('crm.use', '/admin/companies/new');
  const owners = await listOwnerOptions(await getDb(), actor);
  if (!owners.ok) forbidden();
  return (
    <>
      <PageHeader
        title={m.newTitle}
        intro={m.newIntro}
        crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: m.title, href: '/admin/companies' }, { label: m.newTitle }]}
      />
      <CompanyForm initial={{ ...emptyCompanyValues, ownerUserId: actor.role === 'sales' ? actor.userId : '' }} owners={owners.value} />
    </>
  );
}
