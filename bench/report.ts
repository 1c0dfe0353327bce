import type { LoadResult } from './load';

/** The median and the range of a figure measured in several interleaved rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mid = Math.floor(v.length / 2);
  const at = (i: number) => v[i] as number;
  return { median: v.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2, min: at(0), max: at(v.length - 1) };
}

export interface ScenarioReport {
  name: string;
  label: string;
  statements: number;
  stepStatements: number;
  oneTransaction: boolean;
  maxStatementMeanMs: number;
  slowestStatement: string;
  appRps: Spread;
  floorRps: Spread;
  pgbenchTps: number;
  ratio: Spread;
  appCpuMsPerReq: number;
  pgCpuMsPerReq: number;
  floorCpuMsPerReq: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
  firstError?: string;
  /** Statements of a write the floor cannot replay as captured (they conflict with the app's committed rows). */
  floorSkippedStatements: number;
  /** The app server's resident memory at its highest while this scenario ran (closed model). */
  peakRssMb: number;
  rounds: Array<{ app: LoadResult; floor: LoadResult; open: LoadResult }>;
}

export interface Target {
  name: string;
  measured: string;
  limit: string;
  pass: boolean;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toString() : '–');
const fr = (s: Spread) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function scenarioTable(rows: ScenarioReport[]): string {
  return table(
    ['scenario', 'SQL', 'max ms', 'app req/s', 'floor req/s', 'pgbench tps', 'ratio (min–max)', 'app CPU ms', 'PG CPU ms', 'rate', 'p50', 'p95', 'p99', 'bytes', 'RSS MB', 'err'],
    rows.map((r) => [
      r.name,
      `${r.statements}${r.stepStatements !== r.statements ? `/${r.stepStatements}` : ''}${r.oneTransaction ? ' tx' : ''}`,
      f1(r.maxStatementMeanMs),
      f1(r.appRps.median),
      f0(r.floorRps.median),
      f0(r.pgbenchTps),
      fr(r.ratio),
      f1(r.appCpuMsPerReq),
      f1(r.pgCpuMsPerReq),
      f0(r.rate),
      f0(r.p50),
      f0(r.p95),
      f0(r.p99),
      f0(r.bytes),
      f0(r.peakRssMb),
      String(r.errors),
    ]),
  );
}

export function targetTable(targets: Target[]): string {
  return table(
    ['target', 'measured', 'limit', 'result'],
    targets.map((t) => [t.name, t.measured, t.limit, t.pass ? 'PASS' : 'FAIL']),
  );
}
