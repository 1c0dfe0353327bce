import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button, buttonClass } from '@/app/_components/button';
import { Input, Select } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getBoard } from '@/lib/crm/pipeline-service';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { parisDate } from '@/lib/purchasing/periods';
import { PipelineBoard } from './pipeline-board';

export const metadata: Metadata = { title: m.pipelineTitle };

export default async function PipelinePage({ searchParams }: { searchParams: Promise<{ owner?: string; month?: string }> }) {
  const actor = await requirePermission('crm.use', '/crm/pipeline');
  const params = await searchParams;
  const result = await getBoard(await getDb(), actor, { owner: params.owner || undefined, month: params.month || undefined });
  if (!result.ok) forbidden();
  const board = result.value;
  const ownerValue = board.owner === actor.userId ? 'me' : board.owner;
  return (
    <>
      <PageHeader
        title={m.pipelineTitle}
        intro={m.pipelineIntro}
        actions={
          <Link href="/crm/opportunities/new" className={buttonClass('primary')}>
            {m.newOpportunity}
          </Link>
        }
      />
      <form role="search" aria-label={m.filters} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Select label={m.owner} name="owner" id="filter-owner" defaultValue={ownerValue}>
            <option value="me">{m.ownerMe}</option>
            <option value="all">{m.ownerAll}</option>
            {board.owners
              .filter((o) => o.id !== actor.userId)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </Select>
        </div>
        <div className="w-48">
          <Input label={m.closeMonth} name="month" id="filter-month" type="month" defaultValue={board.month ?? ''} />
        </div>
        <Button type="submit" variant="secondary">
          {m.filter}
        </Button>
        <Link href="/crm/pipeline" className={buttonClass('ghost')}>
          {m.resetFilters}
        </Link>
      </form>
      <p className="mb-3 text-xs text-neutral-500">{m.dragHint}</p>
      <PipelineBoard columns={board.columns} today={parisDate()} />
    </>
  );
}
