import { PGlite } from "@electric-sql/pglite";
import { join } from "node:path";
import { WriteCounter, type Database, type Queryable } from "./database.ts";
import { lockDataDir } from "./data-dir-lock.ts";

interface PgliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>; // eslint-disable-line @typescript-eslint/no-unnecessary-type-parameters -- mirrors PGlite's own signature
  exec(sql: string): Promise<unknown>;
}

function queryable(target: PgliteLike, writes: WriteCounter): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await writes.after(sql, target.query<Row>(sql, [...params]))).rows;
    },
    async execute(sql: string) {
      await writes.after(undefined, target.exec(sql));
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly). With a data directory it persists there and
 * holds that directory's lock; without one it lives in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const lock = dataDir === undefined ? undefined : lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir === undefined ? undefined : join(dataDir, "pglite"));
  } catch (error) {
    lock?.release();
    throw error;
  }
  return pgliteDatabase(pglite, () => lock?.release());
}

/** A PGlite instance opened by the caller (tests start one from a dumped data directory). */
export function pgliteDatabase(pglite: PGlite, onClose?: () => void): Database {
  const writes = new WriteCounter();
  const self = queryable(pglite, writes);
  return {
    kind: "pglite",
    ...self,
    transaction: (fn) =>
      writes.after(
        undefined,
        pglite.transaction((tx) => fn(queryable(tx, writes))),
      ),
    // PGlite has exactly one connection, so a session is the database itself.
    session: (fn) => writes.after(undefined, fn(self)),
    writes: () => writes.value,
    async ping() {
      await pglite.query("SELECT 1");
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        onClose?.();
      }
    },
  };
}
