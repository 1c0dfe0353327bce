import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { PageStore } = await import('./page-cache');

describe('PageStore', () => {
  it('serves a page only for the catalogue version it was rendered for', () => {
    const store = new PageStore(1_000_000);
    store.set('/', 7, '<html>7</html>', 'text/html');
    expect(store.get('/', 7)?.body).toBe('<html>7</html>');
    expect(store.get('/', 8)).toBeUndefined();
    // A stale entry is dropped, not kept for an older version.
    expect(store.get('/', 7)).toBeUndefined();
    expect(store.size).toEqual({ pages: 0, bytes: 0 });
  });

  it('drops the least recently used pages past its byte budget', () => {
    const store = new PageStore(400);
    store.set('/a', 1, 'a'.repeat(100), 'text/html');
    store.set('/b', 1, 'b'.repeat(100), 'text/html');
    store.set('/c', 1, 'c'.repeat(100), 'text/html');
    store.get('/a', 1); // /b is now the least recently used
    store.set('/d', 1, 'd'.repeat(100), 'text/html');
    store.set('/e', 1, 'e'.repeat(100), 'text/html');
    expect(store.get('/b', 1)).toBeUndefined();
    expect(store.get('/a', 1)).toBeDefined();
    expect(store.size.bytes).toBeLessThanOrEqual(400);
  });

  it('never keeps a page larger than a quarter of its budget', () => {
    const store = new PageStore(400);
    store.set('/big', 1, 'x'.repeat(101), 'text/html');
    expect(store.get('/big', 1)).toBeUndefined();
  });

  it('keeps its byte count exact and within budget whatever the sequence', () => {
    const op = fc.record({ key: fc.constantFrom('/a', '/b', '/c', '/d', '/e'), version: fc.integer({ min: 1, max: 3 }), size: fc.integer({ min: 0, max: 120 }), read: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new PageStore(300);
        const model = new Map<string, { version: number; size: number }>();
        for (const o of ops) {
          if (o.read) {
            const got = store.get(o.key, o.version);
            const m = model.get(o.key);
            if (got) expect(m?.version).toBe(o.version);
            if (m && m.version !== o.version) model.delete(o.key);
            if (!got) model.delete(o.key);
          } else {
            store.set(o.key, o.version, 'x'.repeat(o.size), 'text/html');
            if (o.size <= 75) model.set(o.key, { version: o.version, size: o.size });
            else model.delete(o.key);
          }
          expect(store.size.bytes).toBeLessThanOrEqual(300);
          expect(store.size.bytes).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
