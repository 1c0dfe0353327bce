import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** The layering of CONVENTIONS.md, checked on every run rather than trusted. */
describe('architecture', () => {
  it('routes never query the database: no schema or drizzle import outside tests', () => {
    const offenders = filesUnder('app')
      .filter((f) => !f.endsWith('.int.test.ts'))
      .filter((f) => /from '(@\/db\/schema[^']*|drizzle-orm[^']*)'/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('lib/tax imports no framework, database or I/O module', () => {
    const offenders = filesUnder('lib/tax').filter((f) => /from '(next|react|node:|@\/db|postgres|drizzle)/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('no route multiplies a price by a VAT rate: amounts come from lib/tax', () => {
    const offenders = filesUnder('app').filter((f) => /vatRateBp\s*[*/]|[*/]\s*\w*vatRateBp/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it("no read module is marked 'use server' (that would expose every export as an endpoint)", () => {
    const offenders = [...filesUnder('lib'), ...filesUnder('app')]
      .filter((f) => source(f).startsWith("'use server'"))
      .filter((f) => !/actions\.ts$/.test(f));
    expect(offenders).toEqual([]);
  });

  it('the shop ships no message catalogue or next-auth client to the browser (first-load JS ≤ 150 kB)', () => {
    // Every client component on a shop page adds its imports to the first-load JS: the whole
    // French catalogue weighs about 24 kB gzip and next-auth/react about 12 kB (bench/js-size.ts).
    const shopClients = [...filesUnder('app/(shop)'), ...filesUnder('app/_components')].filter((f) => /^['"]use client['"]/.test(source(f)));
    const offenders = shopClients.filter((f) => /from '(@\/lib\/i18n[^']*|next-auth\/react)'/.test(source(f)));
    expect(offenders).toEqual([]);
  });
});
