import type { Config, Logger } from "../core/index.ts";
import type { Database } from "./database.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

/** The database the configuration names: a PostgreSQL server with DATABASE_URL, else embedded PGlite. */
export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  logger: Logger,
): Promise<Database> {
  if (config.databaseUrl !== undefined) {
    return openPostgres({ connectionString: config.databaseUrl, logger });
  }
  return openPglite(config.dataDir);
}
