import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** lib/einvoice is pure, like lib/tax: checked on every run rather than trusted. */
describe('lib/einvoice layering', () => {
  const sources = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(__dirname, f), 'utf8') }));

  it('imports no framework, database, I/O or XML library', () => {
    const imports = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/from '([^']+)'/g)].map((m) => ({ file, module: m[1]! })),
    );
    const allowed = (module: string) =>
      module.startsWith('./') || module === '@/lib/documents/types' || module === '@/lib/tax';
    expect(imports.filter((i) => !allowed(i.module))).toEqual([]);
  });

  it('uses no floating-point arithmetic on amounts (no parseFloat, toFixed or Number(…) of a text)', () => {
    const offenders = sources.filter(({ text }) => /parseFloat|toFixed|Number\(\s*\w*[Tt]ext/.test(text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
