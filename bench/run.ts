/**
 * `npm run bench`: the app against its physical floor, on a production build and PostgreSQL.
 * Method: ../shared/spec/performance.md (README, "Performance"). Options:
 *   --size S|M|L    data size (default M; generated into the bench database when missing)
 *   --db <url>      the bench database (default postgres://postgres@127.0.0.1:5432/comptoir_bench)
 *   --rounds N      interleaved rounds app/floor (default 3)    --seconds N  per measurement (default 5)
 *   --smoke         CI: size S, 1 round of 1 s, gates statement counts only, no timing verdicts
 *   --skip-build    use the existing build (NEXT_DIST_DIR or .next)
 *   --no-lighthouse
 *   --only a,b      a few scenarios only (while working on them; targets of the others are not judged)
 *   --heap MB       the app's V8 old-space limit (NODE_OPTIONS=--max-old-space-size; default 320, 0 = none)
 *   --profile DIR   write a V8 CPU profile of the app to DIR when it stops (open it in Chrome's DevTools)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { SIZES, type Size } from '../db/generate/generate';
import { Client, closeAgents } from './http';
import { closedLoop, type LoadResult, openLoop, type Step } from './load';
import { pgbench, type Server, startServer, usage, withRssPeak } from './processes';
import { type ScenarioReport, scenarioTable, spread, type Target, targetTable } from './report';
import { at, type Context, scenarios } from './scenarios';
import { prepareData } from './setup';
import { inOneTransaction, pgbenchScript, readTrace, replayable, type Statement } from './statements';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const smoke = flag('smoke');
const size = (arg('size') ?? (smoke ? 'S' : 'M')).toUpperCase() as Size;
if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
const dbUrl = arg('db') ?? process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/comptoir_bench${smoke ? '_smoke' : ''}`;
const rounds = Number(arg('rounds') ?? (smoke ? 1 : 3));
const seconds = Number(arg('seconds') ?? (smoke ? 1 : 5));
const warmupSeconds = Number(arg('warmup') ?? (smoke ? 2 : 24));
const port = Number(arg('port') ?? 3400);
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const outDir = path.resolve('bench/results');
const work = path.resolve('.data/bench');
const concurrency = 10;
const only = arg('only')?.split(',');
// As deployed (README, Configuration): without a limit V8 grows its heap lazily, to ≈ 430 MB here.
const heapMb = arg('heap') ?? '320';
const chosen = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
const log = (m: string) => console.log(`[bench] ${m}`);

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
}

async function ensureDatabase(): Promise<void> {
  const u = new URL(dbUrl);
  const name = u.pathname.slice(1);
  const admin = postgres(Object.assign(new URL(dbUrl), { pathname: '/postgres' }).toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  let have = { products: -1, orders: -1 };
  try {
    const [r] = await sql`select (select count(*) from products where sku like 'GEN-P%')::int as products, (select count(*) from orders where number like 'GEN-O%')::int as orders`;
    have = r as typeof have;
  } catch {
    /* not migrated yet */
  }
  await sql.end();
  if (have.products === SIZES[size].products && have.orders === SIZES[size].orders) {
    log(`database ${name} already holds size ${size}`);
    return;
  }
  log(`preparing ${name}: migrations, demo seed, size ${size}`);
  run('npx', ['tsx', 'db/scripts/seed.ts'], { DATABASE_URL: dbUrl });
  run('npx', ['tsx', 'db/scripts/generate-data.ts', '--size', size], { DATABASE_URL: dbUrl });
}

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, v] of Object.entries(manifest.node)) if (v.exportedName) ids[v.exportedName] = id;
  return ids;
}

/** Sent quotes to accept, made by the app's services in parallel child processes. */
async function makeQuotes(accountId: string, productIds: string[], count: number): Promise<string[]> {
  const parts = 4;
  const each = Math.ceil(count / parts);
  const outputs = await Promise.all(
    Array.from(
      { length: parts },
      () =>
        new Promise<string[]>((resolve, reject) => {
          const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/quote-fixtures.ts', accountId, String(each), productIds.join(',')], {
            env: { ...process.env, DATABASE_URL: dbUrl },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '[]')) : reject(new Error(`quote fixtures exited ${code}`))));
        }),
    ),
  );
  return outputs.flat();
}

async function main(): Promise<void> {
  const t0 = Date.now();
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  await ensureDatabase();
  if (!flag('skip-build')) {
    log('production build');
    run('npx', ['next', 'build']);
  }
  const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  const data = await prepareData(sql);
  const actions = actionIds();
  const quotesWanted = Number(arg("quotes") ?? (smoke ? 150 : 1200));
  log(`making ${quotesWanted} sent quotes to accept`);
  const quoteCompany = at(data.b2bCompanies, 0);
  const quotes = await makeQuotes(quoteCompany.accountId, quoteCompany.products, quotesWanted);

  const traceFile = path.join(work, 'sql-trace.jsonl');
  fs.writeFileSync(traceFile, '');
  const secret = 'bench-secret-not-for-production-0123456789';
  const appEnv = (p: number): Record<string, string> => ({
    DATABASE_URL: dbUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${p}`,
    NEXTAUTH_SECRET: secret,
    NODE_ENV: 'production',
    ...(heapMb !== '0' ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
    NEXT_DIST_DIR: distDir,
    PORT: String(p),
  });
  const profileDir = arg('profile');
  // --cpu-prof is refused in NODE_OPTIONS, hence a node argument; the profile is written on exit.
  const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const nextBin = [process.execPath, ...profileArgs, 'node_modules/next/dist/bin/next', 'start', '-p'];
  const servers: Server[] = [];
  const stopAll = async () => Promise.all(servers.map((s) => s.stop()));
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    let app = await startServer('app', [...nextBin, String(port)], port, { ...appEnv(port), COMPTOIR_SQL_TRACE: traceFile }, '/login', path.join(work, 'app.log'));
    servers.push(app);
    const floorPort = port + 10;
    const floor = await startServer('floor', [process.execPath, '--import', 'tsx', 'bench/floor-server.ts', String(floorPort), dbUrl], floorPort, {}, '/', path.join(work, 'floor.log'));
    servers.push(floor);
    let appPgid = app.child.pid as number;
    // The app has applied its migrations: statistics and visibility map as autovacuum would keep
    // them (it may be off on a test server), so that plans are the production ones.
    await sql.unsafe('vacuum (analyze)');
    const floorPgid = floor.child.pid as number;

    // Probe: one request of each scenario at a time, its statements read from the trace.
    let probing = false;
    let markOffset = 0;
    const ctx: Context = {
      origins: [app.origin],
      sql,
      actions,
      quotes,
      data,
      mark: () => {
        if (probing) markOffset = fs.statSync(traceFile).size;
      },
    };
    const steps = new Map<string, Step>();
    const captured = new Map<string, { measured: Statement[]; step: Statement[] }>();
    const floorSkipped = new Map<string, number[]>();
    for (const sc of chosen) {
      const step = await sc.prepare(ctx, [app.origin]);
      steps.set(sc.name, step);
      await step(0); // first call: sessions, carts and caches settle
      probing = true;
      const start = fs.statSync(traceFile).size;
      const r = await step(0);
      probing = false;
      if (!r.ok) throw new Error(`${sc.name}: probe refused`);
      const all = readTrace(traceFile, start).statements;
      let measured = readTrace(traceFile, markOffset).statements;
      let rendered = 0;
      if (r.redirect) {
        const before = fs.statSync(traceFile).size;
        await r.redirect.get(r.redirect.path);
        rendered = readTrace(traceFile, before).statements.length;
        // The internal render comes after the action has answered: the action's statements come first.
        measured = measured.slice(0, Math.max(0, measured.length - rendered));
      }
      captured.set(sc.name, { measured, step: all });
      if (flag('probe-only')) {
        console.log(`\n${sc.name}: ${measured.length} statements (+${rendered} rendering the redirect target, step ${all.length})`);
        for (const s of measured) console.log(`  ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
        continue;
      }
      const replay = replayable(all);
      const res = await fetch(`${floor.origin}/scenario/${sc.name}`, { method: 'POST', body: JSON.stringify(replay) });
      if (!res.ok) throw new Error(`floor: ${await res.text()}`);
      const { skipped } = (await res.json()) as { skipped: number[] };
      floorSkipped.set(sc.name, skipped);
      const check = await fetch(`${floor.origin}/s/${sc.name}`);
      if (!check.ok) throw new Error(`floor replay of ${sc.name}: ${await check.text()}`);
      log(`${sc.name}: ${measured.length} statements (step ${all.length}), ${r.bytes} bytes`);
    }

    if (flag('probe-only')) return;
    // The trace appends every statement to a file synchronously: the timed rounds measure the app
    // as it runs in production, without it (the floor has none either).
    await app.stop();
    servers.splice(servers.indexOf(app), 1);
    app = await startServer('app', [...nextBin, String(port)], port, appEnv(port), '/login', path.join(work, 'app-timed.log'));
    servers.push(app);
    appPgid = app.child.pid as number;
    log(`warm-up ${warmupSeconds} s`);
    const warmEach = Math.max(0.5, warmupSeconds / chosen.length);
    for (const sc of chosen) await closedLoop(steps.get(sc.name) as Step, concurrency, warmEach);

    const reports: ScenarioReport[] = [];
    let peakRssMb = 0;
    const roundsBy = new Map<string, Array<{ app: LoadResult; floor: LoadResult; open: LoadResult; rssMb: number; cpu: { app: number; pg: number; floor: number } }>>();
    const pgbenchBy = new Map<string, number>();
    for (let round = 1; round <= rounds; round++) {
      for (const sc of chosen) {
        const step = steps.get(sc.name) as Step;
        const floorClient = new Client(floor.origin);
        const floorStep: Step = async () => {
          const r = await floorClient.get(`/s/${sc.name}`);
          return { ok: r.status === 200, bytes: r.body.length };
        };
        const before = { app: usage({ pgid: appPgid }).cpuMs, pg: usage('postgres').cpuMs };
        const measured = await withRssPeak(appPgid, () => closedLoop(step, concurrency, seconds));
        const after = { app: usage({ pgid: appPgid }).cpuMs, pg: usage('postgres').cpuMs };
        peakRssMb = Math.max(peakRssMb, measured.peakRssMb);
        const fBefore = usage({ pgid: floorPgid }).cpuMs;
        const floorRun = await closedLoop(floorStep, concurrency, seconds);
        const fAfter = usage({ pgid: floorPgid }).cpuMs;
        const appRun = measured.result;
        const rate = Math.max(1, Math.min(sc.maxRate, Math.floor(appRun.perSecond / 2)));
        const open = await openLoop(step, rate, seconds, sc.users * 4);
        const list = roundsBy.get(sc.name) ?? [];
        list.push({
          app: appRun,
          floor: floorRun,
          open,
          rssMb: measured.peakRssMb,
          cpu: {
            app: (after.app - before.app) / Math.max(1, appRun.requests),
            pg: (after.pg - before.pg) / Math.max(1, appRun.requests),
            floor: (fAfter - fBefore) / Math.max(1, floorRun.requests),
          },
        });
        roundsBy.set(sc.name, list);
        if (round === 1) {
          const replay = replayable(captured.get(sc.name)?.step ?? []);
          const skipped = floorSkipped.get(sc.name) ?? [];
          const file = path.join(work, `pgbench-${sc.name}.sql`);
          fs.writeFileSync(file, pgbenchScript(replay.statements.filter((_, i) => !skipped.includes(i)), replay.write));
          pgbenchBy.set(sc.name, await pgbench(dbUrl, file, concurrency, Math.max(1, Math.round(seconds / 2))));
        }
        log(`round ${round} ${sc.name}: app ${appRun.perSecond.toFixed(1)}/s, floor ${floorRun.perSecond.toFixed(0)}/s, p95 ${open.p95.toFixed(0)} ms at ${rate}/s${appRun.errors + open.errors ? `, ${appRun.errors + open.errors} errors (${appRun.firstError ?? open.firstError})` : ''}`);
      }
    }

    for (const sc of chosen) {
      const list = roundsBy.get(sc.name) ?? [];
      const cap = captured.get(sc.name) ?? { measured: [], step: [] };
      const timings = (await (await fetch(`${floor.origin}/time/${sc.name}?n=${smoke ? 3 : 20}`)).json()) as number[];
      const replay = replayable(cap.step);
      const slowest = timings.reduce((best, t, i) => (t > (timings[best] ?? 0) ? i : best), 0);
      const opens = list.map((l) => l.open);
      const pick = (k: 'p50' | 'p95' | 'p99') => spread(opens.map((o) => o[k])).median;
      reports.push({
        name: sc.name,
        label: sc.label,
        statements: cap.measured.length,
        stepStatements: cap.step.length,
        oneTransaction: inOneTransaction(cap.measured),
        maxStatementMeanMs: timings[slowest] ?? 0,
        slowestStatement: replay.statements[slowest]?.sql.slice(0, 160) ?? '',
        appRps: spread(list.map((l) => l.app.perSecond)),
        floorRps: spread(list.map((l) => l.floor.perSecond)),
        pgbenchTps: pgbenchBy.get(sc.name) ?? Number.NaN,
        ratio: spread(list.map((l) => l.app.perSecond / l.floor.perSecond)),
        appCpuMsPerReq: spread(list.map((l) => l.cpu.app)).median,
        pgCpuMsPerReq: spread(list.map((l) => l.cpu.pg)).median,
        floorCpuMsPerReq: spread(list.map((l) => l.cpu.floor)).median,
        rate: opens[0] ? Math.round((opens[0].requests + opens[0].errors) / opens[0].seconds) : 0,
        p50: pick('p50'),
        p95: pick('p95'),
        p99: pick('p99'),
        bytes: list[0]?.app.meanBytes ?? 0,
        errors: list.reduce((n, l) => n + l.app.errors + l.open.errors, 0),
        firstError: list.map((l) => l.app.firstError ?? l.open.firstError).find(Boolean),
        floorSkippedStatements: floorSkipped.get(sc.name)?.length ?? 0,
        peakRssMb: Math.max(0, ...list.map((l) => l.rssMb)),
        rounds: list.map(({ app: a, floor: f, open: o }) => ({ app: a, floor: f, open: o })),
      });
    }

    // Two app instances on one database, the load generator alternating between them.
    const { twoInstances } = await import('./two-instances');
    let two: Awaited<ReturnType<typeof twoInstances>> = { ok: true, problems: [], summary: 'not run (--only)', b2cOrdersPerSecond: 0, b2bOrdersPerSecond: 0, invoicesPerSecond: 0, orders: 0, invoices: 0 };
    if (!only) {
      const port2 = port + 1;
      const app2 = await startServer('app2', [...nextBin, String(port2)], port2, appEnv(port2), '/login', path.join(work, 'app2.log'));
      servers.push(app2);
      two = await twoInstances(sql, ctx, [app.origin, app2.origin], seconds * 2, concurrency);
      await app2.stop();
    }

    let lighthouse: Awaited<ReturnType<typeof import('./lighthouse').runLighthouse>> = [];
    let jsSizes: Array<{ path: string; gzipBytes: number }> = [];
    const shopPaths = ['/', `/categories/${data.categorySlug}`, `/products/${data.productSlug}`];
    const { firstLoadJs } = await import('./js-size');
    jsSizes = await Promise.all(shopPaths.map(async (p) => ({ path: p, gzipBytes: (await firstLoadJs(app.origin, p)).gzipBytes })));
    if (!flag('no-lighthouse') && !only) {
      const { runLighthouse } = await import('./lighthouse');
      lighthouse = await runLighthouse({ baseUrl: app.origin, paths: shopPaths, runs: smoke ? 1 : 5, controlPath: '/bench-control.html', log });
    }

    const by = (n: string) => reports.find((r) => r.name === n) as ScenarioReport;
    const has = (...names: string[]) => names.every((n) => reports.some((r) => r.name === n));
    const targets: Target[] = [];
    const t = (name: string, measured: number, limit: number, unit: string, atMost = true) =>
      targets.push({ name, measured: `${Number.isInteger(measured) ? measured : measured.toFixed(2)} ${unit}`.trim(), limit: `${atMost ? '≤' : '≥'} ${limit} ${unit}`.trim(), pass: atMost ? measured <= limit : measured >= limit });
    for (const sc of chosen) {
      const r = by(sc.name);
      if (sc.statementBudget !== undefined) t(`${sc.name}: SQL statements per request`, r.statements, sc.statementBudget, '');
      if (sc.oneTransaction) targets.push({ name: `${sc.name}: in one transaction`, measured: r.oneTransaction ? 'yes' : 'no', limit: 'yes', pass: r.oneTransaction });
    }
    const timing: Target[] = [];
    const tt = (name: string, measured: number, limit: number, unit: string, atMost = true) => {
      const before = targets.length;
      t(name, measured, limit, unit, atMost);
      timing.push(...targets.splice(before));
    };
    for (const sc of chosen.filter((s) => s.page)) tt(`${sc.name}: slowest statement (mean execution)`, by(sc.name).maxStatementMeanMs, 5, 'ms');
    if (has('b2b-catalogue', 'category-dynamic')) tt('b2b-catalogue ratio ÷ category-dynamic ratio', by('b2b-catalogue').ratio.median / by('category-dynamic').ratio.median, 0.85, '', false);
    if (has('category')) tt('category: p95', by('category').p95, 150, 'ms');
    if (has('category')) tt('category: requests/s (c=10)', by('category').appRps.median, 100, 'req/s', false);
    if (has('checkout-b2c')) tt('checkout-b2c: orders/s (c=10)', by('checkout-b2c').appRps.median, 20, 'orders/s', false);
    if (has('checkout-b2b')) tt('checkout-b2b: orders/s (c=10)', by('checkout-b2b').appRps.median, 20, 'orders/s', false);
    if (has('crm-pipeline')) tt('crm-pipeline: p95', by('crm-pipeline').p95, 100, 'ms');
    if (has('admin-orders-last')) tt('admin-orders-last: p95', by('admin-orders-last').p95, 100, 'ms');
    tt('next-server RSS under load', peakRssMb, 400, 'MB');
    for (const l of lighthouse.filter((x) => x.path !== '/bench-control.html')) tt(`Lighthouse desktop ${l.path}`, l.median, 95, '', false);
    for (const j of jsSizes) tt(`first-load JS ${j.path}`, Math.round(j.gzipBytes / 1024), 150, 'kB');
    targets.push({ name: 'two instances: stock, budgets, numbers exact', measured: two.ok ? 'exact' : two.problems.join('; '), limit: 'exact', pass: two.ok });
    // The smoke gates what is exact (statement counts, invariants); timings there are not verdicts.
    const gating = smoke ? targets : [...targets, ...timing];

    const result = {
      date: new Date().toISOString(),
      size,
      smoke,
      rounds,
      seconds,
      concurrency,
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      data: { category: data.categorySlug, product: data.productSlug, search: data.searchTerm },
      scenarios: reports,
      twoInstances: two,
      lighthouse,
      firstLoadJs: jsSizes,
      peakRssMb,
      targets: gating,
      informative: smoke ? timing : [],
      passed: gating.every((x) => x.pass),
      minutes: (Date.now() - t0) / 60000,
    };
    // A partial run (--only) must not replace the full one the README quotes.
    const file = path.join(outDir, smoke ? 'smoke.json' : only ? `${size.toLowerCase()}-partial.json` : `${size.toLowerCase()}-latest.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nComptoir benchmark, size ${size}, ${rounds} round(s) of ${seconds} s, c=${concurrency}\n`);
    console.log(scenarioTable(reports));
    console.log('\nSQL = statements of the measured request (/whole step when it is a sequence); "tx" = one transaction.');
    console.log('ratio = app req/s ÷ floor req/s (same SQL on bare node:http + postgres.js), median (min–max) of the rounds.');
    console.log(`p50/p95/p99 in ms at the fixed rate shown (open model). Two instances: ${two.summary}`);
    if (lighthouse.length) console.log(`Lighthouse desktop: ${lighthouse.map((l) => `${l.path} ${l.median} (${Math.min(...l.scores)}–${Math.max(...l.scores)})`).join(', ')}`);
    console.log(`\n${targetTable(gating)}`);
    if (smoke && timing.length) console.log(`\n(smoke: timing figures not judged)\n${targetTable(timing)}`);
    console.log(`\nWritten to ${path.relative(process.cwd(), file)} in ${result.minutes.toFixed(1)} min: ${result.passed ? 'every target PASSes' : 'some targets FAIL'}`);
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    closeAgents();
    await stopAll();
    await sql.end();
  }
}

await main();
