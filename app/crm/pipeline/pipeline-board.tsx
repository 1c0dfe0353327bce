'use client';

import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState, type DragEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Select } from '@/app/_components/field';
import { Money } from '@/app/_components/money';
import { StatusBadge } from '@/app/_components/status-badge';
import type { BoardCard, BoardColumn } from '@/lib/crm/pipeline-service';
import { STAGES, nextStepNeedsAttention, type Stage } from '@/lib/crm/pipeline-rules';
import { frCrmPipeline as m } from '@/lib/i18n/fr-crm-pipeline';
import { moveOpportunityAction } from './actions';
import { formatDay } from './format-day';


/** Per stage: links to the column's previous and next cards (null when none), and how many come next. */
export type ColumnPageLinks = Record<Stage, { previous: string | null; next: string | null; nextCount: number }>;

/**
 * The board: columns by stage; cards move by drag-and-drop or by each card's Étape + Déplacer
 * control. A column shows one page of its cards, with links to the others.
 */
export function PipelineBoard({ columns, pageLinks, perPage, today }: { columns: BoardColumn[]; pageLinks: ColumnPageLinks; perPage: number; today: string }) {
  const [dropState, dropAction, dropPending] = useActionState(moveOpportunityAction, null);
  const [over, setOver] = useState<Stage | null>(null);
  const [lostFor, setLostFor] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (lostFor) dialog.current?.showModal();
    else dialog.current?.close();
  }, [lostFor]);

  function send(opportunityId: string, stage: Stage, reason = '') {
    const f = new FormData();
    f.set('opportunityId', opportunityId);
    f.set('stage', stage);
    f.set('reason', reason);
    startTransition(() => dropAction(f));
  }

  function onDrop(stage: Stage, ev: DragEvent) {
    ev.preventDefault();
    setOver(null);
    const id = ev.dataTransfer.getData('text/x-opportunity');
    const from = ev.dataTransfer.getData('text/x-stage');
    if (!id || from === stage) return;
    if (stage === 'lost') setLostFor(id);
    else send(id, stage);
  }

  return (
    <>
      <div aria-live="polite" className="mb-2">
        {dropPending ? <p className="text-sm text-neutral-600">{m.moving}</p> : <FormMessage error={dropState?.ok ? undefined : dropState?.error} />}
      </div>
      {/* The shell's <main> is a flex item without min-w-0: bound the board's width so it scrolls itself. */}
      <div className="relative flex snap-x gap-3 overflow-x-auto pb-4">
        {columns.map((col) => (
          <section
            key={col.stage}
            aria-labelledby={`col-${col.stage}`}
            data-stage={col.stage}
            onDragOver={(ev) => {
              ev.preventDefault();
              setOver(col.stage);
            }}
            onDragLeave={() => setOver((s) => (s === col.stage ? null : s))}
            onDrop={(ev) => onDrop(col.stage, ev)}
            className={`flex w-72 shrink-0 snap-start flex-col rounded-lg border bg-neutral-50 ${over === col.stage ? 'border-accent-600 ring-1 ring-accent-600' : 'border-neutral-200'}`}
          >
            <header className="border-b border-neutral-200 px-3 py-2">
              <h2 id={`col-${col.stage}`} className="flex items-baseline justify-between text-sm font-semibold text-neutral-900">
                <span>{m.stages[col.stage]}</span>
                <span className="text-xs font-normal text-neutral-600" data-testid={`count-${col.stage}`}>
                  {m.count(col.count)}
                </span>
              </h2>
              <dl className="mt-1 grid grid-cols-2 gap-x-2 text-xs text-neutral-600">
                <dt>{m.total}</dt>
                <dd className="text-right font-medium text-neutral-900">
                  <Money cents={col.totalCents} />
                </dd>
                <dt>{m.weighted}</dt>
                <dd className="text-right font-medium text-neutral-900">
                  <Money cents={col.weightedCents} />
                </dd>
              </dl>
            </header>
            <ul className="flex flex-col gap-2 p-2">
              {col.cards.length === 0 ? <li className="px-1 py-4 text-center text-xs text-neutral-500">{m.emptyColumn}</li> : null}
              {col.cards.map((card) => (
                <li key={card.id}>
                  <OpportunityCard card={card} today={today} />
                </li>
              ))}
            </ul>
            {col.pageCount > 1 ? <ColumnPager col={col} links={pageLinks[col.stage]} perPage={perPage} /> : null}
          </section>
        ))}
      </div>
      <dialog ref={dialog} onClose={() => setLostFor(null)} aria-labelledby="lost-title" className="w-full max-w-md rounded-lg p-0 backdrop:bg-black/30">
        <form
          className="space-y-4 p-5"
          onSubmit={(ev) => {
            ev.preventDefault();
            const reason = String(new FormData(ev.currentTarget).get('reason') ?? '');
            if (lostFor && reason.trim()) {
              send(lostFor, 'lost', reason);
              setLostFor(null);
            }
          }}
        >
          <h2 id="lost-title" className="text-base font-semibold">
            {m.lostReason}
          </h2>
          <label htmlFor="drop-lost-reason" className="sr-only">
            {m.lostReason}
          </label>
          <textarea id="drop-lost-reason" name="reason" required maxLength={500} rows={3} className="block w-full rounded-md border border-neutral-300 px-3 py-2 text-sm" />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setLostFor(null)}>
              {m.cancel}
            </Button>
            <Button type="submit" variant="danger">
              {m.confirmLost}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function ColumnPager({ col, links, perPage }: { col: BoardColumn; links: ColumnPageLinks[Stage]; perPage: number }) {
  const from = (col.page - 1) * perPage + 1;
  const stage = m.stages[col.stage];
  const link = 'rounded px-1 text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-600';
  return (
    <nav aria-label={m.columnPages(stage)} className="mt-auto border-t border-neutral-200 px-3 py-2 text-xs text-neutral-600">
      <p>{m.shownRange(from, from + col.cards.length - 1, col.count)}</p>
      <p className="mt-1 flex flex-wrap justify-between gap-2">
        {links.previous ? (
          <Link href={links.previous} className={link}>
            {m.previousCards}
            <span className="sr-only">{m.inStage(stage)}</span>
          </Link>
        ) : (
          <span />
        )}
        {links.next ? (
          <Link href={links.next} className={link}>
            {m.nextCards(links.nextCount)}
            <span className="sr-only">{m.inStage(stage)}</span>
          </Link>
        ) : null}
      </p>
    </nav>
  );
}

function OpportunityCard({ card, today }: { card: BoardCard; today: string }) {
  const [state, action, pending] = useActionState(moveOpportunityAction, null);
  const [target, setTarget] = useState<Stage>(card.stage);
  const attention = nextStepNeedsAttention(card.nextStep, card.nextStepDue, today);
  const fe = state?.ok ? undefined : state?.fieldErrors;
  return (
    <article
      aria-label={card.title}
      draggable
      onDragStart={(ev) => {
        ev.dataTransfer.setData('text/x-opportunity', card.id);
        ev.dataTransfer.setData('text/x-stage', card.stage);
        ev.dataTransfer.effectAllowed = 'move';
      }}
      className="cursor-grab rounded-md border border-neutral-200 bg-white p-3 text-sm shadow-sm active:cursor-grabbing"
    >
      <p className="text-xs text-neutral-600">{card.accountName}</p>
      <h3 className="font-medium leading-snug">
        <Link href={`/crm/opportunities/${card.id}`} className="text-neutral-900 hover:underline focus-visible:underline">
          {card.title}
        </Link>
      </h3>
      <p className="mt-1 flex items-baseline justify-between gap-2">
        <Money cents={card.amountCents} suffix="HT" className="font-medium" />
        <span className="text-xs text-neutral-600">{card.probability} %</span>
      </p>
      <dl className="mt-1 space-y-0.5 text-xs text-neutral-600">
        {card.expectedCloseDate ? (
          <div className="flex gap-1">
            <dt>{m.closeDate} :</dt>
            <dd>{formatDay(card.expectedCloseDate)}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt>{m.owner} :</dt>
          <dd>{card.ownerName ?? m.noOwner}</dd>
        </div>
        {card.nextStep ? (
          <div className="flex gap-1">
            <dt className="sr-only">{m.nextStep}</dt>
            <dd>
              → {card.nextStep}
              {card.nextStepDue ? ` (${formatDay(card.nextStepDue)})` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      {attention ? (
        <p className="mt-1">
          <StatusBadge label={attention === 'missing' ? m.noNextStep : m.overdueNextStep} tone="warning" />
        </p>
      ) : null}
      <form action={action} className="mt-2 space-y-2 border-t border-neutral-100 pt-2">
        <input type="hidden" name="opportunityId" value={card.id} />
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <Select label={m.stage} name="stage" id={`stage-${card.id}`} value={target} onChange={(ev) => setTarget(ev.target.value as Stage)}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {m.stages[s]}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" size="sm" variant="secondary" pending={pending} pendingLabel={m.moving} disabled={target === card.stage}>
            {m.move}
          </Button>
        </div>
        {target === 'lost' || target === 'won' ? (
          <div>
            <label htmlFor={`reason-${card.id}`} className="mb-1 block text-xs font-medium text-neutral-800">
              {target === 'lost' ? m.lostReason : m.closeReason}
            </label>
            <input
              id={`reason-${card.id}`}
              name="reason"
              required={target === 'lost'}
              maxLength={500}
              aria-invalid={fe?.reason ? true : undefined}
              aria-describedby={fe?.reason ? `reason-${card.id}-error` : undefined}
              className="block w-full rounded-md border border-neutral-300 px-2 py-1 text-sm"
            />
            {fe?.reason ? (
              <p id={`reason-${card.id}-error`} className="mt-1 text-xs text-red-700">
                {fe.reason.join(' ')}
              </p>
            ) : null}
          </div>
        ) : null}
        <FormMessage error={state?.ok ? undefined : state?.error} />
      </form>
    </article>
  );
}
