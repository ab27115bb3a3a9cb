export type { Database, DatabaseKind, Queryable } from "./database.ts";
export { isUnreachable, translateError } from "./errors.ts";
export { loadMigrations, migrate, type Migration, type MigrationOutcome } from "./migrate.ts";
export { openDatabase } from "./open.ts";
export { openPglite, pgliteDatabase } from "./pglite.ts";
export { openPostgres, type PostgresOptions } from "./postgres.ts";
export { SqlParams } from "./params.ts";
