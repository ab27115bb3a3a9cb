import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createLogger, loadConfig, type Logger } from "../../src/core/index.ts";
import { PGlite } from "@electric-sql/pglite";
import { openPglite, openPostgres, pgliteDatabase, type Database } from "../../src/db/index.ts";
import { createApp, startServer } from "../../src/http/index.ts";
import { migrateAndSeed, pgliteTemplateBlob, postgresTemplateName } from "./seeded-template.ts";

/**
 * Tests run on embedded PGlite (in memory) by default, and on a PostgreSQL server when
 * TEST_DATABASE_URL names one: each test database is created fresh and dropped afterwards.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  readonly db: Database;
  /** The connection string of this test's own database, on PostgreSQL. */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/** An empty database (not migrated). */
export async function createTestDatabase(logger: Logger = createLogger("silent")): Promise<TestDatabase> {
  if (TEST_DATABASE_URL === undefined) {
    const db = await openPglite();
    return { db, url: undefined, drop: () => db.close() };
  }
  return createServerDatabase(TEST_DATABASE_URL, logger);
}

async function createServerDatabase(
  serverUrl: string,
  logger: Logger,
  template?: string,
): Promise<TestDatabase> {
  const name = `dataverkstad_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template === undefined ? "" : ` TEMPLATE ${template}`}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres({ connectionString: url.toString(), logger, connectTimeoutMs: 2000 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A fresh database of this test's own, migrated and seeded: a clone of the run's template
 * (see seeded-template.ts), so no test sees another's writes.
 */
export async function createSeededDatabase(logger: Logger = createLogger("silent")): Promise<TestDatabase> {
  if (TEST_DATABASE_URL === undefined) {
    const db = pgliteDatabase(await PGlite.create({ loadDataDir: await pgliteTemplateBlob() }));
    return { db, url: undefined, drop: () => db.close() };
  }
  const template = postgresTemplateName();
  if (template !== undefined) return createServerDatabase(TEST_DATABASE_URL, logger, template);
  // A file run on its own against a server: no run-wide template to clone.
  const test = await createServerDatabase(TEST_DATABASE_URL, logger);
  await migrateAndSeed(test.db, logger);
  return test;
}

export interface TestPlatform {
  readonly url: string;
  readonly db: Database;
  /** Every structured log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** DATA_DIR of this platform: a temporary directory removed on close. */
  readonly dataDir: string;
  close(): Promise<void>;
}

/** The whole platform on a free port, over a freshly migrated and seeded database. */
export async function startTestPlatform(
  options: { database?: TestDatabase; env?: NodeJS.ProcessEnv } = {},
): Promise<TestPlatform> {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger("debug", (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const database = options.database ?? (await createSeededDatabase(logger));
  // Uploaded files go to a directory of this test's own, never into the project's ./data.
  const dataDir = await mkdtemp(join(tmpdir(), "dv-platform-"));
  const config = loadConfig({ DATA_DIR: dataDir, ...options.env });
  const app = createApp({ db: database.db, logger, config });
  const running = await startServer(app.fetch, {
    port: 0,
    host: "127.0.0.1",
    logger,
    bodyTimeoutMs: Math.max(config.requestTimeoutMs, config.uploadTimeoutMs),
  });
  // The test's fetch and this server share one event loop. When a test blocks it for longer than
  // the keep-alive timeout (SHACL, big exports on a loaded machine), both idle timers fire late and
  // the server could close a socket just as fetch reuses it: ECONNRESET. Idle sockets stay open
  // for the test instead; close() still ends them.
  running.server.keepAliveTimeout = 10 * 60_000;
  return {
    url: running.url,
    db: database.db,
    logs,
    dataDir,
    async close() {
      await running.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
