/**
 * The load generator: a closed model (fixed concurrency, as many requests as the server takes:
 * requests/s) and an open model (a fixed arrival rate below saturation: latency percentiles,
 * measured from each request's scheduled start so that a slow server is not hidden by the
 * generator waiting for it — "coordinated omission").
 */
export interface StepResult {
  ok: boolean;
  bytes: number;
  /** The measured part when a step is a sequence (add-to-cart then checkout): its own duration. */
  ms?: number;
  /**
   * A server action that redirects is answered with the target page, which Next renders through an
   * internal request: the probe renders it again alone to tell the action's statements from the page's.
   */
  redirect?: { path: string; get: (path: string) => Promise<unknown> };
}
/** One logical operation of a virtual user (its index picks its session and data). */
export type Step = (vu: number) => Promise<StepResult>;

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  meanBytes: number;
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function summarize(latencies: number[], bytes: number, errors: number, seconds: number, firstError?: string): LoadResult {
  const sorted = latencies.slice().sort((a, b) => a - b);
  const done = latencies.length;
  return {
    requests: done,
    errors,
    seconds,
    perSecond: done / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    meanBytes: done ? Math.round(bytes / done) : 0,
    firstError,
  };
}

/** `concurrency` virtual users, each running its step back to back for `seconds`. */
export async function closedLoop(step: Step, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, vu) => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          const r = await step(vu);
          if (!r.ok) throw new Error('step refused');
          latencies.push(r.ms ?? performance.now() - s);
          bytes += r.bytes;
        } catch (e) {
          errors += 1;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
      }
    }),
  );
  return summarize(latencies, bytes, errors, (performance.now() - t0) / 1000, firstError);
}

/**
 * Requests started at a fixed rate for `seconds`, each on a free virtual user among `users`
 * (a user runs one step at a time: its cart and session are its own).
 */
export async function openLoop(step: Step, rate: number, seconds: number, users: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  let firstError: string | undefined;
  const free = Array.from({ length: users }, (_, i) => i);
  const waiting: Array<(vu: number) => void> = [];
  const take = () => new Promise<number>((resolve) => (free.length ? resolve(free.pop() as number) : waiting.push(resolve)));
  const give = (vu: number) => {
    const next = waiting.shift();
    if (next) next(vu);
    else free.push(vu);
  };
  const total = Math.max(1, Math.round(rate * seconds));
  const t0 = performance.now();
  const runs: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + (i * 1000) / rate;
    const delay = scheduled - performance.now();
    if (delay > 1) await new Promise((r) => setTimeout(r, delay));
    runs.push(
      (async () => {
        const vu = await take();
        try {
          const r = await step(vu);
          if (!r.ok) throw new Error('step refused');
          // From the scheduled start: time spent waiting for a free user or socket counts.
          latencies.push(r.ms ?? performance.now() - scheduled);
          bytes += r.bytes;
        } catch (e) {
          errors += 1;
          firstError ??= e instanceof Error ? e.message : String(e);
        } finally {
          give(vu);
        }
      })(),
    );
  }
  await Promise.all(runs);
  return summarize(latencies, bytes, errors, (performance.now() - t0) / 1000, firstError);
}
