/**
 * The floor: a bare node:http server with postgres.js running, for each scenario, the very SQL the
 * app sent for one request (captured by the driver trace) and returning the same data as JSON.
 * It is what the hardware does for that work without a framework.
 *
 *   tsx bench/floor-server.ts <port> <database url>
 *   POST /scenario/<name>  {"statements":[{sql,params}],"write":bool}   (load a scenario)
 *   GET  /s/<name>                                                     (one request's work)
 *   GET  /time/<name>?n=20   mean execution time (EXPLAIN ANALYZE) of each statement, in ms
 */
import http from 'node:http';
import postgres from 'postgres';
import type { Statement } from './statements';

const [portArg, url] = process.argv.slice(2);
if (!portArg || !url) {
  console.error('usage: floor-server <port> <database url>');
  process.exit(2);
}
const sql = postgres(url, { max: 10, onnotice: () => {} });
const scenarios = new Map<string, { statements: Statement[]; write: boolean }>();

/**
 * Each statement's execution time as PostgreSQL measures it (EXPLAIN ANALYZE), so that the load of
 * the machine on the client side does not count; a statement EXPLAIN cannot take is timed by the clock.
 */
async function timeOnce(name: string, timings: number[]): Promise<void> {
  const sc = scenarios.get(name);
  if (!sc) throw new Error(`unknown scenario ${name}`);
  const reserved = await sql.reserve();
  try {
    await reserved.unsafe('begin');
    try {
      for (let i = 0; i < sc.statements.length; i++) {
        const st = sc.statements[i] as Statement;
        const params = st.params as postgres.ParameterOrJSON<never>[];
        await reserved.unsafe('savepoint timing');
        let ms: number;
        try {
          // Timing off: per-node timing would add its own overhead to every loop of a nested loop.
          const [plan] = await reserved.unsafe(`explain (analyze, timing off, format json) ${st.sql}`, params);
          const top = (plan as Record<string, Array<{ 'Execution Time': number }>>)['QUERY PLAN']?.[0];
          ms = top?.['Execution Time'] ?? Number.NaN;
        } catch {
          await reserved.unsafe('rollback to savepoint timing');
          const t0 = performance.now();
          await reserved.unsafe(st.sql, params);
          ms = performance.now() - t0;
        }
        timings[i] = (timings[i] ?? 0) + ms;
      }
    } finally {
      await reserved.unsafe('rollback');
    }
  } finally {
    reserved.release();
  }
}

/**
 * The statements of a write request that cannot run again as captured (a data-modifying CTE
 * inserting a row the app has since committed): found by a trial in a rolled-back transaction, and
 * left out of the floor, which is then a little cheaper than the real work.
 */
async function failingStatements(statements: Statement[]): Promise<number[]> {
  const failing: number[] = [];
  const reserved = await sql.reserve();
  try {
    await reserved.unsafe('begin');
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i] as Statement;
      await reserved.unsafe('savepoint trial');
      try {
        await reserved.unsafe(st.sql, st.params as postgres.ParameterOrJSON<never>[]);
        await reserved.unsafe('release savepoint trial');
      } catch {
        await reserved.unsafe('rollback to savepoint trial');
        failing.push(i);
      }
    }
    await reserved.unsafe('rollback');
  } finally {
    reserved.release();
  }
  return failing;
}

async function runOnce(name: string, timings?: number[]): Promise<unknown[]> {
  const sc = scenarios.get(name);
  if (!sc) throw new Error(`unknown scenario ${name}`);
  const results: unknown[] = [];
  const exec = async (q: postgres.Sql | postgres.ReservedSql) => {
    for (let i = 0; i < sc.statements.length; i++) {
      const st = sc.statements[i] as Statement;
      const t0 = performance.now();
      // Prepared, as the app's driver sends them (db/client.ts): one round trip, a reusable plan.
      results.push(await q.unsafe(st.sql, st.params as postgres.ParameterOrJSON<never>[], { prepare: true }));
      if (timings) timings[i] = (timings[i] ?? 0) + (performance.now() - t0);
    }
  };
  if (!sc.write) {
    await exec(sql);
    return results;
  }
  const reserved = await sql.reserve();
  try {
    await reserved.unsafe('begin');
    try {
      await exec(reserved);
    } finally {
      await reserved.unsafe('rollback');
    }
  } finally {
    reserved.release();
  }
  return results;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const u = new URL(req.url ?? '/', 'http://floor');
    const [, kind = '', name = ''] = u.pathname.split('/');
    if (req.method === 'POST' && kind === 'scenario') {
      const sc = JSON.parse(await readBody(req)) as { statements: Statement[]; write: boolean };
      const skipped = sc.write ? await failingStatements(sc.statements) : [];
      scenarios.set(name, { write: sc.write, statements: sc.statements.filter((_, i) => !skipped.includes(i)) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ skipped }));
    } else if (kind === 's') {
      const body = JSON.stringify(await runOnce(name), (_, v) => (typeof v === 'bigint' ? v.toString() : v));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (kind === 'time') {
      const n = Number(u.searchParams.get('n') ?? 20);
      const timings: number[] = [];
      await runOnce(name); // warm the caches
      for (let i = 0; i < n; i++) await timeOnce(name, timings);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(timings.map((t) => t / n)));
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portArg), '127.0.0.1', () => console.log(`floor listening on ${portArg}`));
