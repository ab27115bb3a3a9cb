import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";

export interface StoredFile {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Where originals are kept, by content. A directory here; an S3-compatible store can implement
 * the same interface. `put` makes a file visible only once it is complete, so nothing that points
 * at a hash can find half a file.
 */
export interface FileStore {
  put(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredFile>;
  /** The file's bytes as a stream. Throws ENOENT for an unknown hash. */
  read(sha256: string): AsyncIterable<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /**
   * Removes what interrupted writes left behind, untouched for at least `idleMs` (a write in
   * progress elsewhere keeps touching its file); returns how many files.
   */
  removeTemporary(idleMs?: number): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class DirectoryFileStore implements FileStore {
  private readonly temporary: string;

  constructor(private readonly root: string) {
    this.temporary = join(root, "tmp");
  }

  async put(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StoredFile> {
    await mkdir(this.temporary, { recursive: true });
    const temporaryPath = join(this.temporary, `${randomUUID()}.part`);
    const hash = createHash("sha256");
    let bytes = 0;
    const handle = await open(temporaryPath, "wx");
    try {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.byteLength;
        await handle.write(chunk);
      }
      // Durable before it gets its name: a crash after the rename must not leave a short file.
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temporaryPath, { force: true });
      throw error;
    }
    await handle.close();
    const sha256 = hash.digest("hex");
    const finalPath = this.pathOf(sha256);
    await mkdir(join(finalPath, ".."), { recursive: true });
    // Same content, same name: an existing copy is as good as this one.
    await rename(temporaryPath, finalPath);
    return { sha256, bytes };
  }

  read(sha256: string): AsyncIterable<Uint8Array> {
    return createReadStream(this.pathOf(sha256), { highWaterMark: 256 * 1024 });
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async removeTemporary(idleMs = 0): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.temporary);
    } catch {
      return 0;
    }
    const cutoff = Date.now() - idleMs;
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(".part"))) {
      const path = join(this.temporary, name);
      const modified = await stat(path).then(
        (s) => s.mtimeMs,
        () => undefined,
      );
      if (modified === undefined || modified > cutoff) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
    return join(this.root, "sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
