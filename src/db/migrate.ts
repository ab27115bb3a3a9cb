import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError, type Logger } from "../core/index.ts";
import type { Database } from "./database.ts";

export interface Migration {
  readonly id: string;
  readonly sql: string;
  readonly checksum: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

// Any fixed 64-bit number; all instances must agree on it.
const MIGRATION_LOCK_KEY = 4_711_000_001;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), "utf8");
      return {
        id: name.replace(/\.sql$/, ""),
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      };
    });
}

export interface MigrationOutcome {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

/**
 * Applies pending migrations, each in its own transaction. A session-level advisory lock
 * makes concurrent starters (several app instances on one PostgreSQL) wait for each other,
 * so each migration runs exactly once. A migration already applied whose file has since
 * changed is an error: published migrations never change.
 */
export async function migrate(
  db: Database,
  logger: Logger,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<MigrationOutcome> {
  return db.session(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await conn.execute(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          id          text PRIMARY KEY,
          checksum    text NOT NULL,
          applied_at  timestamptz NOT NULL DEFAULT now()
        )`);
      const rows = await conn.query<{ id: string; checksum: string }>(
        "SELECT id, checksum FROM schema_migrations",
      );
      const done = new Map(rows.map((row) => [row.id, row.checksum]));
      const applied: string[] = [];
      const alreadyApplied: string[] = [];
      for (const migration of migrations) {
        const checksum = done.get(migration.id);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) throw changedMigration(migration.id);
          alreadyApplied.push(migration.id);
          continue;
        }
        await conn.execute("BEGIN");
        try {
          await conn.execute(migration.sql);
          await conn.query("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", [
            migration.id,
            migration.checksum,
          ]);
          await conn.execute("COMMIT");
        } catch (error) {
          await conn.execute("ROLLBACK").catch(() => undefined);
          throw error;
        }
        logger.info("migration applied", { migration: migration.id });
        applied.push(migration.id);
      }
      return { applied, alreadyApplied };
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  });
}

function changedMigration(id: string): AppError {
  return new AppError(
    "CONFLICT",
    {
      sv: `Migreringen ${id} är redan körd men filen har ändrats sedan dess. Lägg ändringen i en ny migrering.`,
      en: `Migration ${id} was already applied but its file has changed since. Put the change in a new migration.`,
    },
    { details: { migration: id } },
  );
}
