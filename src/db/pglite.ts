import { PGlite } from "@electric-sql/pglite";
import { join } from "node:path";
import type { Database, Queryable } from "./database.ts";
import { lockDataDir } from "./data-dir-lock.ts";

interface PgliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>; // eslint-disable-line @typescript-eslint/no-unnecessary-type-parameters -- mirrors PGlite's own signature
  exec(sql: string): Promise<unknown>;
}

function queryable(target: PgliteLike): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, [...params])).rows;
    },
    async execute(sql: string) {
      await target.exec(sql);
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
  const self = queryable(pglite);
  return {
    kind: "pglite",
    ...self,
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    // PGlite has exactly one connection, so a session is the database itself.
    session: (fn) => fn(self),
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
