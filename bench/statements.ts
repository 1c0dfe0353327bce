import fs from 'node:fs';

/** One SQL statement as the app sent it (from the driver trace, `COMPTOIR_SQL_TRACE`). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements appended to a trace file since `offset` (bytes), and the new offset. */
export function readTrace(file: string, offset: number): { statements: Statement[]; offset: number } {
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  if (size <= offset) return { statements: [], offset: size };
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    const statements = buf
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Statement)
      .map(({ sql, params }) => ({ sql, params }));
    return { statements, offset: size };
  } finally {
    fs.closeSync(fd);
  }
}

const CONTROL = /^\s*(begin|commit|rollback|start transaction|savepoint|release savepoint|rollback to savepoint)\b/i;

export function isControl(s: Statement): boolean {
  return CONTROL.test(s.sql);
}

export function isWrite(s: Statement): boolean {
  return /^\s*(insert|update|delete|with\b[\s\S]*\b(insert|update|delete)\b)/i.test(s.sql) || /\bfor (update|no key update|share)\b/i.test(s.sql);
}

/** True when every statement after the first BEGIN and before its COMMIT: the request ran in one transaction. */
export function inOneTransaction(statements: Statement[]): boolean {
  const begins = statements.filter((s) => /^\s*begin\b/i.test(s.sql)).length;
  const commits = statements.filter((s) => /^\s*commit\b/i.test(s.sql)).length;
  return begins === 1 && commits === 1;
}

/**
 * What the floor replays: the statements without the app's own transaction control. A write
 * request is replayed inside a transaction that is rolled back (the data must not change), and
 * its INSERTs skip rows that conflict (the captured order number is already taken by the app's
 * committed order). Both make the floor a little cheaper than the real work: conservative.
 */
export function replayable(statements: Statement[]): { statements: Statement[]; write: boolean } {
  const body = statements.filter((s) => !isControl(s));
  const write = body.some(isWrite);
  return {
    write,
    statements: write
      ? body.map((s) =>
          /^\s*insert\b/i.test(s.sql) && !/\bon conflict\b/i.test(s.sql)
            ? { ...s, sql: s.sql.replace(/(\s+returning\s[\s\S]*)?$/i, (ret) => ` on conflict do nothing${ret}`) }
            : s,
        )
      : body,
  };
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) {
    const items = v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/(["\\])/g, '\\$1')}"`));
    return quote(`{${items.join(',')}}`);
  }
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(String(v));
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The statement with its parameters written inline, for pgbench. */
export function inline(s: Statement): string {
  // Line comments go first: once the statement is on one line, a comment would swallow the rest.
  const bare = s.sql.replace(/^\s*--[^\n]*$/gm, '');
  return bare.replace(/\$(\d+)/g, (_, n: string) => literal(s.params[Number(n) - 1])).replace(/\s+/g, ' ').trim();
}

/** A pgbench script running the scenario's statements once (a write one in a rolled-back transaction). */
export function pgbenchScript(statements: Statement[], write: boolean): string {
  const lines = statements.map((s) => `${inline(s)};`);
  return (write ? ['BEGIN;', ...lines, 'ROLLBACK;'] : lines).join('\n') + '\n';
}
