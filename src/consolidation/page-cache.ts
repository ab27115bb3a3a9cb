// Rendered pages of the national datasets, kept in memory by what they depend on: the
// specification version, the dataset's revision and the normalised query (a PreparedQuery's
// fingerprint) plus the rendering (format, BOM). Data changes only when something is published, and
// a publish bumps the revision, so an entry is never stale: it just stops being asked for and
// ages out. Several instances on one PostgreSQL each read the revision per request, so none serves
// a page of an older revision once the publish is committed.

import { gzipSync } from "node:zlib";

/** A page as the API sends it: the encoded body and what its headers need. */
export interface RenderedPage {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly total: number;
  readonly next: string | null;
}

/** The page gzipped, made once on first demand and kept with it. */
export function gzipped(page: RenderedPage): Uint8Array<ArrayBuffer> {
  const known = GZIPPED.get(page);
  if (known !== undefined) return known;
  const compressed = new Uint8Array(gzipSync(page.body, { level: 6 }));
  GZIPPED.set(page, compressed);
  return compressed;
}
const GZIPPED = new WeakMap<RenderedPage, Uint8Array<ArrayBuffer>>();

/** Bytes kept by default: a few thousand typical pages (a 50-row JSON page is ~25 KB). */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** A least-recently-used map bounded by the bytes of the bodies it holds. */
export class PageCache {
  private readonly entries = new Map<string, RenderedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number = PAGE_CACHE_BYTES) {}

  get(key: string): RenderedPage | undefined {
    const page = this.entries.get(key);
    if (page === undefined) return undefined;
    // Most recently used last: re-insert on a hit.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  set(key: string, page: RenderedPage): void {
    const size = page.body.byteLength + key.length;
    if (size > this.maxBytes) return; // one page larger than the whole cache is not kept
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.body.byteLength + key.length;
    }
    this.entries.set(key, page);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.byteLength + oldest.length;
    }
  }

  /** Bytes held now (bodies and keys). */
  get size(): number {
    return this.bytes;
  }

  get count(): number {
    return this.entries.size;
  }
}
