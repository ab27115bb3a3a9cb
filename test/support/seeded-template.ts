// The migrated and seeded database every test database is cloned from. Starting PGlite runs
// initdb (seconds per database); migrating and seeding adds more. scripts/run-tests.mjs builds
// the template once per run, before the test processes start, and names it in the environment:
//   PGlite:      a dumped data directory (tar), started with PGlite's loadDataDir
//   PostgreSQL:  a database cloned with CREATE DATABASE … TEMPLATE
// A test file run on its own builds its PGlite template in its own process, once.
//
//   node --import tsx test/support/seeded-template.ts prepare   prints the environment to add, as JSON
//   node --import tsx test/support/seeded-template.ts drop      removes what prepare made (same environment)
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createLogger, type Logger } from "../../src/core/index.ts";
import { migrate, openPostgres, pgliteDatabase, type Database } from "../../src/db/index.ts";
import { loadRegistryReference, seedRegistry } from "../../src/registry/index.ts";
import { seedSpecs } from "../../src/specs/index.ts";

/** Path of the run's PGlite template (a tar of the data directory). */
export const PGLITE_TEMPLATE_ENV = "TEST_PGLITE_TEMPLATE";
/** Name of the run's template database on the TEST_DATABASE_URL server. */
export const POSTGRES_TEMPLATE_ENV = "TEST_POSTGRES_TEMPLATE";

const TEMPLATE_NAME = /^dataverkstad_template_[0-9a-f]{12}$/;

export async function migrateAndSeed(db: Database, logger: Logger = createLogger("silent")): Promise<void> {
  await migrate(db, logger);
  await seedRegistry(db, loadRegistryReference());
  await seedSpecs(db);
}

/** A fresh in-memory PGlite, migrated and seeded, dumped as an uncompressed tar. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const pglite = await PGlite.create();
  const db = pgliteDatabase(pglite);
  try {
    await migrateAndSeed(db);
    // Uncompressed: loading a 43 MB tar is faster than gunzipping a 6 MB one.
    return await pglite.dumpDataDir("none");
  } finally {
    await db.close();
  }
}

let pgliteTemplate: Promise<Blob> | undefined;

/** The run's PGlite template, read once per process; built here when no run prepared one. */
export function pgliteTemplateBlob(): Promise<Blob> {
  if (pgliteTemplate === undefined) {
    const file = process.env[PGLITE_TEMPLATE_ENV];
    const loading = (async () =>
      file === undefined || file === "" ? await buildPgliteTemplate() : new Blob([await readFile(file)]))();
    // A failed build is not remembered, so the next test gets its own error rather than this one.
    loading.catch(() => {
      if (pgliteTemplate === loading) pgliteTemplate = undefined;
    });
    pgliteTemplate = loading;
  }
  return pgliteTemplate;
}

/** The run's template database, if scripts/run-tests.mjs prepared one. */
export function postgresTemplateName(): string | undefined {
  const name = process.env[POSTGRES_TEMPLATE_ENV];
  if (name === undefined || name === "") return undefined;
  if (!TEMPLATE_NAME.test(name)) throw new Error(`${POSTGRES_TEMPLATE_ENV} is not a template name: ${name}`);
  return name;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates, migrates and seeds a template database; returns its name. */
export async function createPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `dataverkstad_template_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const logger = createLogger("silent");
  const db = openPostgres({ connectionString: databaseUrl(serverUrl, name), logger, maxConnections: 1 });
  try {
    await migrateAndSeed(db, logger);
  } finally {
    // Cloning needs the template without sessions: close them all before anyone clones.
    await db.close();
  }
  return name;
}

export async function dropPostgresTemplate(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function main(command: string | undefined): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (command === "prepare") {
    if (serverUrl !== undefined && serverUrl !== "") {
      const name = await createPostgresTemplate(serverUrl);
      process.stdout.write(JSON.stringify({ [POSTGRES_TEMPLATE_ENV]: name }) + "\n");
    } else {
      const dir = await mkdtemp(join(tmpdir(), "dv-test-template-"));
      const file = join(dir, "pglite.tar");
      await writeFile(file, Buffer.from(await (await buildPgliteTemplate()).arrayBuffer()));
      process.stdout.write(JSON.stringify({ [PGLITE_TEMPLATE_ENV]: file }) + "\n");
    }
  } else if (command === "drop") {
    const name = postgresTemplateName();
    if (serverUrl !== undefined && serverUrl !== "" && name !== undefined)
      await dropPostgresTemplate(serverUrl, name);
    const file = process.env[PGLITE_TEMPLATE_ENV];
    // Only a directory prepare made: the variable could name any file.
    if (file !== undefined && basename(dirname(file)).startsWith("dv-test-template-")) {
      await rm(dirname(file), { recursive: true, force: true });
    }
  } else {
    throw new Error("usage: seeded-template.ts prepare|drop");
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2]);
}
