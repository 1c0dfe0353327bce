/**
 * Lighthouse (12.2.x, Node 20) against a running production build, desktop preset, performance
 * category only, with Debian's chromium (STACK-NOTES 14 and 16).
 *
 * Method (shared/spec/performance.md): runs are interleaved across pages (round 1: every page, round
 * 2: every page, …) so that the machine's noise falls on all pages alike, each run in a fresh Chrome
 * with a fresh profile; a static control page served by the same app (`/bench-control.html`) is
 * measured in the same rounds, so a low score can be told apart from a slow machine. Each page is
 * reported as the median of its runs, with min–max.
 *
 * CLI: npx tsx bench/lighthouse.ts http://localhost:3203 / /categories/<slug> /products/<slug>
 *        [--runs 5] [--control /bench-control.html | --no-control] [--save DIR]
 * prints the scores table and each page's first-load JS (bench/js-size.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { firstLoadJs } from './js-size';

export type LighthouseOptions = {
  baseUrl: string;
  paths: string[];
  runs: number;
  /** A static page of the same app, measured in the same rounds (e.g. `/bench-control.html`). */
  controlPath?: string;
  log?: (m: string) => void;
  /** When set, every run's Lighthouse JSON report is written there (`<path-slug>.<round>.json`). */
  reportDir?: string;
};

export type LighthouseResult = {
  path: string;
  /** Performance scores (0–100, as Lighthouse shows them), one per run, in run order. */
  scores: number[];
  median: number;
  /** Medians over the runs. */
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** True for the control page. */
  control: boolean;
  /** Performance audits that scored below 0.9 in at least half of the runs ("id: title (display value)"). */
  weakAudits: string[];
};

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

type OneRun = { score: number; lcpMs: number; tbtMs: number; cls: number; weak: string[]; json: string };

async function runOnce(url: string, chrome: string): Promise<OneRun> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'comptoir-lh-'));
  const launched = await chromeLauncher.launch({
    chromePath: chrome,
    chromeFlags: CHROME_FLAGS,
    userDataDir,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      { port: launched.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const perf = lhr.categories.performance;
    if (!perf || perf.score === null) throw new Error(`Lighthouse gave no performance score for ${url}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const weak: string[] = [];
    for (const ref of perf.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable') continue;
      // An opportunity that would save nothing on any metric does not explain a score.
      if (a.scoreDisplayMode === 'metricSavings' && !Object.values(a.metricSavings ?? {}).some((v) => (v ?? 0) > 0)) continue;
      if (a.score < 0.9) weak.push(`${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
    return {
      score: Math.round(perf.score * 100),
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      weak,
      json: typeof result.report === 'string' ? result.report : JSON.stringify(lhr),
    };
  } finally {
    try {
      launched.kill();
    } catch {
      /* already gone */
    }
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function warmUp(url: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`runLighthouse: GET ${url} answered ${res.status}; is the app running and the path right?`);
  }
}

function slug(p: string): string {
  return p.replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9._-]+/g, '_') || 'home';
}

/**
 * Lighthouse performance scores of `paths` (and of `controlPath`, reported last with `control: true`),
 * `runs` runs each, interleaved, median per page.
 */
export async function runLighthouse(opts: LighthouseOptions): Promise<LighthouseResult[]> {
  const log = opts.log ?? (() => {});
  const chrome = chromePath();
  if (!existsSync(chrome)) {
    throw new Error(
      `runLighthouse: Chromium not found at ${chrome}. Install Debian's chromium (apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.`,
    );
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`runLighthouse: runs must be a positive integer (got ${opts.runs})`);
  const pages = opts.paths.map((p) => ({ path: p, control: false }));
  if (opts.controlPath) pages.push({ path: opts.controlPath, control: true });
  if (pages.length === 0) return [];
  if (opts.reportDir) mkdirSync(opts.reportDir, { recursive: true });

  const urlOf = (p: string) => new URL(p, opts.baseUrl).href;
  for (const p of pages) await warmUp(urlOf(p.path));

  const runs = new Map<string, OneRun[]>(pages.map((p) => [p.path, []]));
  for (let round = 1; round <= opts.runs; round++) {
    for (const p of pages) {
      const r = await runOnce(urlOf(p.path), chrome);
      runs.get(p.path)!.push(r);
      if (opts.reportDir) writeFileSync(path.join(opts.reportDir, `${slug(p.path)}.${round}.json`), r.json);
      log(`lighthouse round ${round}/${opts.runs} ${p.path}: ${r.score} (LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)})`);
    }
  }

  return pages.map((p) => {
    const rs = runs.get(p.path)!;
    const counts = new Map<string, number>();
    for (const r of rs) for (const w of new Set(r.weak.map((x) => x.split(' (')[0]!))) counts.set(w, (counts.get(w) ?? 0) + 1);
    const lastWeak = new Map(rs.flatMap((r) => r.weak.map((w) => [w.split(' (')[0]!, w] as const)));
    return {
      path: p.path,
      scores: rs.map((r) => r.score),
      median: median(rs.map((r) => r.score)),
      lcpMs: Math.round(median(rs.map((r) => r.lcpMs))),
      tbtMs: Math.round(median(rs.map((r) => r.tbtMs))),
      cls: Number(median(rs.map((r) => r.cls)).toFixed(4)),
      control: p.control,
      weakAudits: [...counts].filter(([, n]) => n * 2 >= rs.length).map(([k]) => lastWeak.get(k) ?? k),
    };
  });
}

// ---------------------------------------------------------------------------------------------- CLI

function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main(argv: string[]): Promise<number> {
  let runs = 5;
  let control: string | undefined = '/bench-control.html';
  let reportDir: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--control') control = argv[++i];
    else if (a === '--no-control') control = undefined;
    else if (a === '--save') reportDir = argv[++i];
    else positional.push(a);
  }
  const [baseUrl, ...paths] = positional;
  if (!baseUrl || paths.length === 0) {
    console.error('usage: npx tsx bench/lighthouse.ts BASE_URL PATH... [--runs 5] [--control /bench-control.html | --no-control] [--save DIR]');
    return 2;
  }
  const results = await runLighthouse({ baseUrl, paths, runs, controlPath: control, reportDir, log: (m) => console.error(m) });
  const js = new Map<string, Awaited<ReturnType<typeof firstLoadJs>>>();
  for (const r of results) js.set(r.path, await firstLoadJs(baseUrl, r.path));

  const kB = (b: number) => (b / 1000).toFixed(1);
  const rows = [['page', 'median', 'min–max', 'runs', 'LCP ms', 'TBT ms', 'CLS', 'JS files', 'JS kB gz', 'JS kB raw', 'gate']];
  let failed = false;
  for (const r of results) {
    const j = js.get(r.path)!;
    const pass = r.control || (r.median >= 95 && j.gzipBytes <= 150_000);
    if (!pass) failed = true;
    rows.push([
      r.control ? `${r.path} (control)` : r.path,
      String(r.median),
      `${Math.min(...r.scores)}–${Math.max(...r.scores)}`,
      r.scores.join(' '),
      String(r.lcpMs),
      String(r.tbtMs),
      r.cls.toFixed(3),
      String(j.scripts),
      kB(j.gzipBytes),
      kB(j.rawBytes),
      r.control ? '' : pass ? 'PASS' : 'FAIL',
    ]);
  }
  console.log(`Lighthouse ${runs} run(s) per page, desktop preset, interleaved; gate: median ≥ 95 and first-load JS ≤ 150 kB gzip`);
  console.log(formatTable(rows));
  for (const r of results) if (r.weakAudits.length) console.log(`\n${r.path} — audits below 0.9 in most runs:\n  ${r.weakAudits.join('\n  ')}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
