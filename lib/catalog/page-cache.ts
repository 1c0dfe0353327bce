import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { catalogState } from '@/db/schema';

/** The catalogue's version (bumped by triggers on every change the shop pages show). */
export async function catalogVersion(db: Database): Promise<number> {
  const [row] = await db.select({ version: catalogState.version }).from(catalogState).where(eq(catalogState.id, 1));
  return row?.version ?? 0;
}

interface Entry {
  version: number;
  body: string;
  contentType: string;
  bytes: number;
}

/**
 * Rendered pages of this instance, each valid for one catalogue version. Least recently used
 * pages go first past the byte budget, so memory stays bounded whatever the catalogue's size.
 */
export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) {
      this.bytes -= e.bytes;
      return undefined;
    }
    this.entries.set(key, e); // most recently used last
    return e;
  }

  set(key: string, version: number, body: string, contentType: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    const bytes = Buffer.byteLength(body);
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { version, body, contentType, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.entries.size, bytes: this.bytes };
  }
}

const holder = globalThis as typeof globalThis & { __comptoirPages?: PageStore };
export function pageStore(): PageStore {
  holder.__comptoirPages ??= new PageStore(Number(process.env.COMPTOIR_PAGE_CACHE_MB ?? 16) * 1024 * 1024);
  return holder.__comptoirPages;
}
