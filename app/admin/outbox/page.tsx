import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { Input } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { Pagination } from '@/app/_components/pagination';
import { StatusBadge } from '@/app/_components/status-badge';
import { outboxStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { listOutbox } from '@/lib/mail/service';

export const metadata: Metadata = { title: t.admin.outboxTitle };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string; page?: string }> }) {
  const actor = await requirePermission('outbox.read', '/admin/outbox');
  const params = await searchParams;
  const result = await listOutbox(await getDb(), actor, { page: Number(params.page) || 1, to: params.to || undefined });
  if (!result.ok) forbidden();
  const { rows, page, pageCount } = result.value;
  return (
    <>
      <PageHeader title={t.admin.outboxTitle} intro={t.admin.outboxIntro} crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: t.admin.outboxTitle }]} />
      <form role="search" className="mb-4 flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <Input label={t.admin.filterTo} name="to" type="email" defaultValue={params.to ?? ''} />
        </div>
        <Button type="submit" variant="secondary">
          {t.admin.filter}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t.admin.noMail} />
      ) : (
        <ul className="space-y-2">
          {rows.map((m) => (
            <li key={m.id} className="rounded-lg border border-neutral-200 bg-white">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
                  <span className="font-medium">{m.subject}</span>
                  <span className="text-neutral-600">{m.toAddress}</span>
                  <span className="text-neutral-500">
                    <DateTime value={m.createdAt} />
                  </span>
                  <StatusBadge label={t.outboxStatus[m.status as 'pending' | 'sent' | 'failed']} tone={outboxStatusTone[m.status as 'pending' | 'sent' | 'failed']} />
                </summary>
                <pre className="whitespace-pre-wrap border-t border-neutral-100 px-4 py-3 font-sans text-sm text-neutral-800">{m.bodyText}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/outbox" params={{ to: params.to }} />
    </>
  );
}
