import { createLogger, type Config, type Logger } from "../core/index.ts";
import { migrate, openDatabase, type Database, type MigrationOutcome } from "../db/index.ts";
import { loadRegistryReference, seedRegistry, type RegistrySeedOutcome } from "../registry/index.ts";
import { seedSpecs, type SpecsSeedOutcome } from "../specs/index.ts";

/** CLI logs go to stderr so stdout stays clean for --json results; the server logs to stdout. */
export function cliLogger(config: Config, toStdout = false): Logger {
  return createLogger(config.logLevel, (line) =>
    (toStdout ? process.stdout : process.stderr).write(line + "\n"),
  );
}

export async function withDatabase<T>(
  config: Config,
  logger: Logger,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(config, logger);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function runMigrations(db: Database, logger: Logger): Promise<MigrationOutcome> {
  return migrate(db, logger);
}

export async function runSeed(
  db: Database,
): Promise<{ registry: RegistrySeedOutcome; specs: SpecsSeedOutcome }> {
  const registry = await seedRegistry(db, loadRegistryReference());
  return { registry, specs: await seedSpecs(db) };
}
