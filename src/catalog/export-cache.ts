// The rendered catalog exports, kept on disk (plain and gzipped) by the export's ETag. The ETag
// hashes the catalog's stamp, which is read from the database on every request, so every app
// instance sharing one database agrees on when a render is stale; none holds a revision of its own.
// Concurrent requests for the same key share one render (single flight), and only a few renders
// are kept: memory stays flat whatever the catalog's size, since renders stream to files.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { access, mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";

export interface CachedExport {
  /** The plain document. */
  readonly path: string;
  readonly bytes: number;
  /** The same document gzipped, compressed once when rendered. */
  readonly gzipPath: string;
  readonly gzipBytes: number;
}

/** Renders kept at most: a national and a few organizations' catalogs in the three formats. */
export const EXPORT_CACHE_ENTRIES = 12;

/** Longest stretch the render may hold the event loop before it lets other requests in. */
const SLICE_MS = 10;

export class CatalogExportCache {
  private readonly entries = new Map<string, CachedExport>();
  private readonly flights = new Map<string, Promise<CachedExport>>();
  private cleared: Promise<void> | undefined;
  /** Renders started since the cache was made (a render shared by many requests counts once). */
  renders = 0;

  /** This process's own directory under the root: instances sharing DATA_DIR never meet. */
  private readonly dir: string;

  constructor(
    private readonly root: string,
    private readonly maxEntries = EXPORT_CACHE_ENTRIES,
  ) {
    this.dir = join(root, `${process.pid}-${randomBytes(4).toString("hex")}`);
  }

  /** The export for the key: kept, being rendered (shared), or rendered now from `render`. */
  async get(key: string, render: () => AsyncIterable<string>): Promise<CachedExport> {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.entries.delete(key); // least recently used goes first
      if (await exists(kept.path, kept.gzipPath)) {
        this.entries.set(key, kept);
        return kept;
      }
    }
    let flight = this.flights.get(key);
    if (flight === undefined) {
      flight = this.write(key, render).finally(() => this.flights.delete(key));
      this.flights.set(key, flight);
    }
    return flight;
  }

  private async write(key: string, render: () => AsyncIterable<string>): Promise<CachedExport> {
    this.cleared ??= clearLeftovers(this.root).then(async () => {
      await mkdir(this.dir, { recursive: true });
    });
    await this.cleared;
    this.renders++;
    const name = createHash("sha256").update(key).digest("hex").slice(0, 32);
    const tmp = `${randomBytes(6).toString("hex")}.tmp`;
    const plainTmp = join(this.dir, `${name}.${tmp}`);
    const gzipTmp = join(this.dir, `${name}.gz.${tmp}`);
    const plain = createWriteStream(plainTmp);
    const gzipFile = createWriteStream(gzipTmp);
    const gzip = createGzip();
    gzip.pipe(gzipFile);
    let bytes = 0;
    try {
      let slice = performance.now();
      for await (const text of render()) {
        const chunk = Buffer.from(text, "utf8");
        bytes += chunk.length;
        const waits: Promise<unknown>[] = [];
        if (!plain.write(chunk)) waits.push(once(plain, "drain"));
        if (!gzip.write(chunk)) waits.push(once(gzip, "drain"));
        await Promise.all(waits);
        if (performance.now() - slice > SLICE_MS) {
          await yieldToLoop();
          slice = performance.now();
        }
      }
      plain.end();
      gzip.end();
      await Promise.all([finished(plain), finished(gzipFile)]);
      const entry: CachedExport = {
        path: join(this.dir, name),
        bytes,
        gzipPath: join(this.dir, `${name}.gz`),
        gzipBytes: gzipFile.bytesWritten,
      };
      await rename(plainTmp, entry.path);
      await rename(gzipTmp, entry.gzipPath);
      this.keep(key, entry);
      return entry;
    } catch (error) {
      destroy(plain, gzipFile);
      gzip.destroy();
      await Promise.all([rm(plainTmp, { force: true }), rm(gzipTmp, { force: true })]);
      throw error;
    }
  }

  private keep(key: string, entry: CachedExport): void {
    this.entries.set(key, entry);
    for (const [old, stale] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(old);
      // A response still streaming an evicted file keeps reading it: Linux frees it on close.
      if (stale.path !== entry.path)
        void Promise.all([rm(stale.path, { force: true }), rm(stale.gzipPath, { force: true })]);
    }
  }
}

/** Directories of processes no longer running (on this host) are removed. */
async function clearLeftovers(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && !running(pid))
      await rm(join(root, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(...paths: string[]): Promise<boolean> {
  try {
    await Promise.all(paths.map((p) => access(p)));
    return true;
  } catch {
    return false;
  }
}

function destroy(...streams: WriteStream[]): void {
  for (const stream of streams) stream.destroy();
}
