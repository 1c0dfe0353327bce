import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { CompanyOrdersTable } from '../_components/company-orders-table';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { listCompanyOrders } from '@/lib/purchasing/orders-service';

export const metadata: Metadata = { title: m.approvals.title };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/approvals');
  if (actor.role !== 'purchaser' && actor.role !== 'company_admin') forbidden();
  const sp = await searchParams;
  const result = await listCompanyOrders(await getDb(), actor, { page: Number(sp.page) || 1, status: 'pending_approval' });
  if (!result.ok) forbidden();
  const list = result.value;
  return (
    <>
      <PageHeader title={m.approvals.title} intro={m.approvals.intro} />
      {list.rows.length === 0 ? (
        <EmptyState title={m.approvals.empty}>{m.approvals.emptyHint}</EmptyState>
      ) : (
        <CompanyOrdersTable
          rows={list.rows}
          caption={m.approvals.tableCaption}
          personHeader={m.approvals.requester}
          href={(id) => `/b2b/approvals/${id}`}
          linkLabel={m.approvals.open}
          showStatus={false}
        />
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/b2b/approvals" />
    </>
  );
}
