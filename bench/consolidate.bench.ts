// Consolidation of one specification across every municipality: each of N organizations publishes
// a file of M badplatser rows through the real path (store, validate, stage, one-transaction
// replace), beside a plain bulk load (COPY) of the same rows into a table of the same shape on the
// same engine. Runs on embedded PGlite and on the PostgreSQL server (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres; skipped when it does not answer).
//
//   npm run bench:consolidate                       # 290 organizations × 1,000 rows
//   BENCH_ORGS=50 BENCH_ROWS=200 npm run bench:consolidate
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createLogger, csvRow } from "../src/core/index.ts";
import { migrate, openPglite, openPostgres, type Database } from "../src/db/index.ts";
import { DirectoryFileStore } from "../src/files/index.ts";
import { createServices } from "../src/platform/index.ts";
import { loadRegistryReference, seedRegistry } from "../src/registry/index.ts";
import { seedSpecs } from "../src/specs/index.ts";

const ORGS = Number(process.env.BENCH_ORGS ?? 290);
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const SERVER = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const HEADER = [
  "source",
  "id",
  "name",
  "description",
  "latitude",
  "longitude",
  "water_type",
  "shore",
  "toilet",
];

/** One kommun's file: rows spread over a small box around the kommun's own point. */
function fileFor(code: string, lat: number, lon: number): string {
  let csv = csvRow(HEADER);
  for (let i = 0; i < ROWS; i++) {
    csv += csvRow([
      code,
      `B-${i}`,
      `Badplats ${i} i ${code}`,
      "Sandstrand med brygga och grillplats",
      (lat + ((i % 40) - 20) * 0.0004).toFixed(5),
      (lon + (Math.floor(i / 40) - 12) * 0.0004).toFixed(5),
      i % 3 === 0 ? "hav" : "sjo",
      "sand",
      i % 2 === 0 ? "ja" : "nej",
    ]);
  }
  return csv;
}

/** The same rows as the bulk load sees them: the consolidated table's columns, as CSV. */
function copyRows(files: readonly { code: string; csv: string }[]): string {
  let out = "";
  for (const { code, csv } of files) {
    const lines = csv.trim().split("\r\n").slice(1);
    lines.forEach((line, i) => {
      const cells = line.split(",");
      const data = Object.fromEntries(HEADER.map((h, j) => [h, cells[j] ?? ""]));
      out += csvRow([
        "badplatser",
        code,
        `B-${i}`,
        String(i + 2),
        code,
        code.slice(0, 2),
        cells[4] ?? "",
        cells[5] ?? "",
        JSON.stringify(data),
      ]);
    });
  }
  return out;
}

const COPY_TABLE = `CREATE TABLE bulk_rows (spec_slug text, organization_code text, record_id text, source_row int,
  kommun_code text, lan_code text, latitude double precision, longitude double precision, data jsonb,
  PRIMARY KEY (spec_slug, organization_code, record_id))`;
const COPY_SQL = "COPY bulk_rows FROM STDIN WITH (FORMAT csv)";

async function consolidate(db: Database, files: readonly { code: string; csv: string }[]): Promise<number> {
  const logger = createLogger("silent");
  await migrate(db, logger);
  await seedRegistry(db, loadRegistryReference());
  await seedSpecs(db);
  const root = await mkdtemp(join(tmpdir(), "dv-bench-files-"));
  try {
    const { publishing } = createServices(db, { dataDir: root }, new DirectoryFileStore(root));
    const started = performance.now();
    for (const { code, csv } of files) {
      const release = await publishing.publish({
        organizationCode: code,
        slug: "badplatser",
        body: [Buffer.from(csv)],
        mode: "all",
        origin: "upload",
        audit: { actor: "system:bench" },
      });
      if (release.status !== "published") throw new Error(`${code}: ${release.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const [count] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM dataset_rows");
    if (count?.n !== files.length * ROWS)
      throw new Error(`expected ${files.length * ROWS} rows, found ${count?.n}`);
    return seconds;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function copyPglite(rows: string): Promise<number> {
  const db = await PGlite.create();
  await db.exec(COPY_TABLE);
  const started = performance.now();
  await db.query("COPY bulk_rows FROM '/dev/blob' WITH (FORMAT csv)", [], { blob: new Blob([rows]) });
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return seconds;
}

async function withServerDatabase<T>(fn: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `dataverkstad_bench_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function copyPostgres(url: string, rows: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(COPY_TABLE);
    const started = performance.now();
    await pipeline(Readable.from([rows]), client.query(copyFrom(COPY_SQL)));
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

function line(engine: string, consolidated: number, copied: number): void {
  const rows = ORGS * ROWS;
  console.log(
    engine.padEnd(11),
    `${consolidated.toFixed(1)} s`.padStart(9),
    Math.round(rows / consolidated)
      .toLocaleString("en")
      .padStart(12),
    `${copied.toFixed(2)} s`.padStart(9),
    Math.round(rows / copied)
      .toLocaleString("en")
      .padStart(12),
    `${(consolidated / copied).toFixed(1)}x`.padStart(8),
  );
}

const registry = loadRegistryReference();
const kommuner = registry.organizations.filter((o) => o.kommunKod !== null).slice(0, ORGS);
const boundaries = new Map(
  registry.boundaries.filter((b) => b.areaType === "kommun").map((b) => [b.code, b]),
);
const files = kommuner.map((k) => {
  const [west, south, east, north] = boundaries.get(k.code)?.bbox ?? [15, 58, 16, 59];
  return { code: k.code, csv: fileFor(k.code, (south + north) / 2, (west + east) / 2) };
});
const bulk = copyRows(files);

console.log(
  `consolidation of badplatser: ${files.length} organizations × ${ROWS} rows = ${(files.length * ROWS).toLocaleString("en")} rows`,
);
console.log(
  "engine".padEnd(11),
  "publish".padStart(9),
  "rows/s".padStart(12),
  "COPY".padStart(9),
  "rows/s".padStart(12),
  "ratio".padStart(8),
);
const embedded = await openPglite();
const pgliteSeconds = await consolidate(embedded, files);
await embedded.close();
line("PGlite", pgliteSeconds, await copyPglite(bulk));

const server = await withServerDatabase(async (url) => {
  const db = openPostgres({ connectionString: url, logger: createLogger("silent") });
  try {
    const seconds = await consolidate(db, files);
    return { seconds, copy: await copyPostgres(url, bulk) };
  } finally {
    await db.close();
  }
});
if (server === undefined) console.log("PostgreSQL  skipped: no server at", SERVER);
else line("PostgreSQL", server.seconds, server.copy);
console.log("ratio = publish (store + validate + stage + replace, per organization) / COPY of the same rows");
