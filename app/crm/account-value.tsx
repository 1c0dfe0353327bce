import type { ReactNode } from 'react';
import { Money } from '@/app/_components/money';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getAccountValue } from '@/lib/crm/value-service';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A Paris calendar date ('YYYY-MM-DD') for France, with a machine-readable attribute. */
export function CalendarDate({ value }: { value: string | null }) {
  if (!value) return <>{m.value.none}</>;
  return <time dateTime={value}>{longDate.format(new Date(`${value}T00:00:00Z`))}</time>;
}

/** Customer value of one account (staff): place it on the account page. Renders nothing when refused. */
export async function AccountValue({ accountId, today }: { accountId: string; today?: string }) {
  const result = await getAccountValue(await getDb(), await getActor(), accountId, today);
  if (!result.ok) return null;
  const v = result.value;
  return (
    <section aria-labelledby={`value-${accountId}`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`value-${accountId}`} className="text-base font-semibold text-neutral-900">
          {m.value.title}
        </h2>
        {v.orderCount >= 2 ? (
          <StatusBadge label={v.overdue ? m.value.overdue : m.value.onTrack} tone={v.overdue ? 'warning' : 'success'} />
        ) : null}
      </div>
      {v.orderCount === 0 ? (
        <p className="text-sm text-neutral-600">{m.value.noOrders}</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Item label={m.value.revenue12m}>
            <Money cents={v.revenue12mHtCents} suffix="HT" />
          </Item>
          <Item label={m.value.orders12m}>{v.orders12m}</Item>
          <Item label={m.value.basket}>{v.averageBasketHtCents === null ? m.value.none : <Money cents={v.averageBasketHtCents} suffix="HT" />}</Item>
          <Item label={m.value.lifetime}>
            <Money cents={v.lifetimeRevenueHtCents} suffix="HT" />
          </Item>
          <Item label={m.value.firstOrder}>
            <CalendarDate value={v.firstOrderOn} />
          </Item>
          <Item label={m.value.lastOrder}>
            <CalendarDate value={v.lastOrderOn} />
          </Item>
          <Item label={m.value.gap}>{v.averageDaysBetweenOrders === null ? m.value.none : m.value.days(v.averageDaysBetweenOrders)}</Item>
          <Item label={m.value.expected}>
            <CalendarDate value={v.expectedNextOrderOn} />
          </Item>
        </dl>
      )}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-neutral-100 py-1">
      <dt className="text-neutral-600">{label}</dt>
      <dd className="tabular text-right font-medium text-neutral-900">{children}</dd>
    </div>
  );
}
