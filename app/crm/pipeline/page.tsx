import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Button, buttonClass } from '@/app/_components/button';
import { Input, Select } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { BOARD_CARDS_PER_STAGE, boardFilterSchema, getBoard } from '@/lib/crm/pipeline-service';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { parisDate } from '@/lib/purchasing/periods';
import type { Stage } from '@/lib/crm/pipeline-rules';
import { PipelineBoard, type ColumnPageLinks } from './pipeline-board';

export const metadata: Metadata = { title: m.pipelineTitle };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function PipelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('crm.use', '/crm/pipeline');
  const params = await searchParams;
  const filter = boardFilterSchema.parse({ owner: first(params.owner), month: first(params.month), stage: first(params.stage), page: first(params.page) });
  const result = await getBoard(await getDb(), actor, filter);
  if (!result.ok) forbidden();
  const board = result.value;
  const ownerValue = board.owner === actor.userId ? 'me' : board.owner;
  // Links to a column's other cards keep the filters as the URL had them.
  const pageHref = (stage: Stage, page: number) => {
    const q = new URLSearchParams();
    if (filter.owner) q.set('owner', filter.owner);
    if (board.month) q.set('month', board.month);
    if (page > 1) {
      q.set('stage', stage);
      q.set('page', String(page));
    }
    const s = q.toString();
    return s ? `/crm/pipeline?${s}` : '/crm/pipeline';
  };
  const pageLinks = Object.fromEntries(
    board.columns.map((c) => [
      c.stage,
      {
        previous: c.page > 1 ? pageHref(c.stage, c.page - 1) : null,
        next: c.page < c.pageCount ? pageHref(c.stage, c.page + 1) : null,
        nextCount: Math.min(BOARD_CARDS_PER_STAGE, c.count - c.page * BOARD_CARDS_PER_STAGE),
      },
    ]),
  ) as ColumnPageLinks;
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
      <PipelineBoard columns={board.columns} pageLinks={pageLinks} perPage={BOARD_CARDS_PER_STAGE} today={parisDate()} />
    </>
  );
}
