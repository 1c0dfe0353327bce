import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { InvoicesTable } from '@/app/b2b/invoices/_components/invoices-table';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import { listClientInvoices } from '@/lib/invoicing/client-extra-queries';

export const metadata: Metadata = { title: m.account.title };

/** A consumer's invoices (B2C receipts, TTC, PDF only), newest first. */
export default async function AccountInvoicesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAudience('shop', '/account/invoices');
  const result = await listClientInvoices(await getDb(), actor, { page: Number((await searchParams).page) || 1 });
  if (!result.ok) forbidden();
  const list = result.value;
  return (
    <>
      <PageHeader title={m.account.title} intro={m.account.intro} crumbs={[{ label: m.account.crumb, href: '/account' }, { label: m.account.title }]} />
      {list.rows.length === 0 ? (
        <EmptyState title={m.account.empty}>{m.account.emptyHint}</EmptyState>
      ) : (
        <InvoicesTable
          rows={list.rows}
          caption={m.account.tableCaption}
          orderHref={(id) => `/orders/${id}`}
          pdfHref={(id) => `/account/invoices/${id}/pdf`}
          showDue={false}
        />
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/account/invoices" />
    </>
  );
}
