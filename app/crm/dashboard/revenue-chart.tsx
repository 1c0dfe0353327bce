import { formatMoney } from '@/lib/money';
import type { MonthRevenue } from '@/lib/crm/dashboard-service';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';

const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function toDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** Grouped bars (B2B, B2C) per month as inline SVG, with the same figures in a table for screen readers. */
export function RevenueChart({ months }: { months: MonthRevenue[] }) {
  const width = 720;
  const height = 260;
  const pad = { top: 16, right: 8, bottom: 36, left: 8 };
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...months.flatMap((mo) => [mo.b2bHtCents, mo.b2cHtCents]));
  const group = (width - pad.left - pad.right) / Math.max(1, months.length);
  const bar = Math.max(4, group * 0.34);
  const total = months.reduce((s, mo) => s + mo.b2bHtCents + mo.b2cHtCents, 0);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  return (
    <figure className="rounded-lg border border-neutral-200 bg-white p-4">
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <span className="text-base font-semibold text-neutral-900">{m.dashboard.chartTitle}</span>
        <span className="flex gap-4 text-xs text-neutral-700" aria-hidden="true">
          <span className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm bg-accent-600" /> {m.dashboard.b2b}
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm bg-amber-500" /> {m.dashboard.b2c}
          </span>
        </span>
      </figcaption>
      <div className="overflow-x-auto">
      <svg
        role="img"
        aria-labelledby="revenue-chart-title revenue-chart-desc"
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full min-w-[560px]"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="revenue-chart-title">{m.dashboard.chartTitle}</title>
        <desc id="revenue-chart-desc">{m.dashboard.chartDesc(formatMoney(total))}</desc>
        <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} className="stroke-neutral-300" strokeWidth={1} />
        {[0.25, 0.5, 0.75, 1].map((f) => (
          <line key={f} x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} className="stroke-neutral-100" strokeWidth={1} />
        ))}
        {months.map((mo, i) => {
          const x0 = pad.left + i * group + (group - 2 * bar) / 2;
          return (
            <g key={mo.month}>
              <rect x={x0} y={y(mo.b2bHtCents)} width={bar} height={pad.top + plotH - y(mo.b2bHtCents)} className="fill-accent-600">
                <title>{`${monthLong.format(toDate(mo.month))} — ${m.dashboard.b2b} : ${formatMoney(mo.b2bHtCents)} HT`}</title>
              </rect>
              <rect x={x0 + bar} y={y(mo.b2cHtCents)} width={bar} height={pad.top + plotH - y(mo.b2cHtCents)} className="fill-amber-500">
                <title>{`${monthLong.format(toDate(mo.month))} — ${m.dashboard.b2c} : ${formatMoney(mo.b2cHtCents)} HT`}</title>
              </rect>
              <text x={pad.left + i * group + group / 2} y={height - 14} textAnchor="middle" className="fill-neutral-600 text-[11px]">
                {monthLabel.format(toDate(mo.month))}
              </text>
            </g>
          );
        })}
      </svg>
      </div>
      <p className="mt-1 text-xs text-neutral-500">{m.dashboard.scale(formatMoney(max === 1 ? 0 : max))}</p>
      {total === 0 ? <p className="mt-2 text-sm text-neutral-600">{m.dashboard.noRevenue}</p> : null}
      <div className="sr-only">
        <table>
        <caption>{m.dashboard.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.dashboard.month}</th>
            <th scope="col">{m.dashboard.b2b}</th>
            <th scope="col">{m.dashboard.b2c}</th>
            <th scope="col">{m.dashboard.total}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((mo) => (
            <tr key={mo.month}>
              <th scope="row">{monthLong.format(toDate(mo.month))}</th>
              <td>{formatMoney(mo.b2bHtCents)} HT</td>
              <td>{formatMoney(mo.b2cHtCents)} HT</td>
              <td>{formatMoney(mo.b2bHtCents + mo.b2cHtCents)} HT</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
