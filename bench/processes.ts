import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A server started in its own process group (STACK-NOTES 15: `next start` forks its real server). */
export interface Server {
  name: string;
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(
  name: string,
  command: string[],
  port: number,
  env: Record<string, string>,
  readyPath: string,
  logFile: string,
): Promise<Server> {
  const log = fs.openSync(logFile, 'w');
  const [cmd = 'node', ...args] = command;
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', log, log] });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(origin + readyPath);
      if (r.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer on ${origin}${readyPath}; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    name,
    origin,
    child,
    async stop() {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      // Until the whole group is gone, so that its port is free for a server started next.
      for (let i = 0; i < 50 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const CLK_TCK = 100;
const PAGE_KB = 4;

function procStat(pid: string): { pgrp: number; comm: string; cpuMs: number; rssKb: number } | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = raw.lastIndexOf(')');
    const comm = raw.slice(raw.indexOf('(') + 1, close);
    const f = raw.slice(close + 2).split(' ');
    // Fields after the command: state(0) ppid(1) pgrp(2) … utime(11) stime(12) … rss(21)
    return { pgrp: Number(f[2]), comm, cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK, rssKb: Number(f[21]) * PAGE_KB };
  } catch {
    return null;
  }
}

/** CPU milliseconds and resident memory of a process group, or of every `postgres` process. */
export function usage(target: { pgid: number } | 'postgres'): { cpuMs: number; rssKb: number } {
  let cpuMs = 0;
  let rssKb = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const s = procStat(pid);
    if (!s) continue;
    if (target === 'postgres' ? s.comm === 'postgres' : s.pgrp === target.pgid) {
      cpuMs += s.cpuMs;
      rssKb += s.rssKb;
    }
  }
  return { cpuMs, rssKb };
}

/** Samples the group's memory every 250 ms while `work` runs; returns its result and the peak. */
export async function withRssPeak<T>(pgid: number, work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = usage({ pgid }).rssKb;
  const timer = setInterval(() => {
    peak = Math.max(peak, usage({ pgid }).rssKb);
  }, 250);
  try {
    const result = await work();
    return { result, peakRssMb: Math.round(peak / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/** pgbench on a script file: transactions per second at a fixed client count. */
export function pgbench(dbUrl: string, scriptFile: string, clients: number, seconds: number): Promise<number> {
  const u = new URL(dbUrl);
  const args = ['-n', '-f', scriptFile, '-c', String(clients), '-j', '2', '-T', String(seconds), '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
  return new Promise((resolve, reject) => {
    execFile('pgbench', args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } }, (err, stdout, stderr) => {
      const m = /tps = ([\d.]+)/.exec(stdout);
      if (!m) reject(new Error(`pgbench failed on ${path.basename(scriptFile)}: ${err?.message ?? ''} ${stderr.slice(0, 400)}`));
      else resolve(Number(m[1]));
    });
  });
}
