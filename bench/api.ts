// The national data API under load: requests/s and p99 of a filtered page of a national dataset
// beside the bare /healthz of the same server in the same run (routing, middleware and HTTP only),
// and that /healthz beside a bare Hono app's (bench/support/bare-hono.ts), printed as ratios.
//
// The dataset: badplatser from every municipality (290 × 50 rows by default), published through
// the real PublishingService (validation, staging, consolidation), or inserted directly with
// BENCH_FILL=direct. The server is `dataverkstad serve` in a child process, on a fresh embedded
// database, or on a fresh database of the PostgreSQL server in DATABASE_URL; the load comes from
// this process over keep-alive connections on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { JsonValue } from "../src/consolidation/index.ts";
import { csvRow, createLogger, loadConfig } from "../src/core/index.ts";
import { migrate, openDatabase, type Database } from "../src/db/index.ts";
import { DirectoryFileStore } from "../src/files/index.ts";
import { PublishingService } from "../src/publishing/index.ts";
import { loadRegistryReference, RegistryService, seedRegistry } from "../src/registry/index.ts";
import { seedSpecs, SpecsService } from "../src/specs/index.ts";
import { ValidationService } from "../src/validation/index.ts";
import { startCliServer } from "../test/support/cli.ts";
import { badplats, insertDatasetRows, type TestRow } from "../test/support/dataset-rows.ts";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROWS_PER_ORGANIZATION = Number(process.env.BENCH_ROWS ?? 50);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 6));
const FILL = process.env.BENCH_FILL === "direct" ? "direct" : "publishing";

interface Result {
  readonly path: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** One target under load for `ms`: its latencies and how long the round took. */
async function round(base: string, path: string, ms: number): Promise<{ latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, ms: performance.now() - started };
}

/**
 * Every target for DURATION_MS in all, in ROUNDS short rounds taken in turn: on a shared, busy
 * machine each target then sees the same mix of quiet and loaded moments, so the ratios hold.
 */
async function load(targets: readonly { base: string; path: string; label: string }[]): Promise<Result[]> {
  const all = targets.map(() => ({ latencies: [] as number[], ms: 0 }));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, t] of targets.entries()) {
      const { latencies, ms } = await round(t.base, t.path, DURATION_MS / ROUNDS);
      all[i]!.latencies.push(...latencies);
      all[i]!.ms += ms;
    }
  }
  return targets.map((t, i) => {
    const { latencies, ms } = all[i]!;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    return {
      path: t.label,
      requests: latencies.length,
      perSecond: latencies.length / (ms / 1000),
      p50: at(0.5),
      p99: at(0.99),
    };
  });
}

/** The centre of each municipality's bounding box: near enough for a bathing site of it. */
async function municipalityCentres(db: Database): Promise<Map<string, readonly [number, number]>> {
  const rows = await db.query<{ code: string; bbox: number[] }>(
    "SELECT code, bbox FROM boundaries WHERE area_type = 'kommun' ORDER BY code",
  );
  return new Map(
    rows.map((r) => {
      const [w = 0, s = 0, e = 0, n = 0] = r.bbox;
      return [r.code, [(w + e) / 2, (s + n) / 2] as const];
    }),
  );
}

function siteOf(code: string, n: number, centre: readonly [number, number]) {
  return badplats(n, {
    name: `Badplats ${n} (${code})`,
    description: "Sandstrand med brygga och grillplats.",
    longitude: Math.round((centre[0] + ((n % 10) - 5) * 0.002) * 1e5) / 1e5,
    latitude: Math.round((centre[1] + (Math.floor(n / 10) - 2) * 0.002) * 1e5) / 1e5,
  });
}

function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

async function fill(db: Database, dataDir: string): Promise<number> {
  const centres = await municipalityCentres(db);
  if (FILL === "direct") {
    const rows: TestRow[] = [];
    for (const [code, centre] of centres) {
      for (let n = 1; n <= ROWS_PER_ORGANIZATION; n++)
        rows.push({ organization: code, data: siteOf(code, n, centre) });
    }
    await insertDatasetRows(db, "badplatser", rows);
    return rows.length;
  }
  const registry = new RegistryService(db);
  const specs = new SpecsService(db);
  const publishing = new PublishingService(
    db,
    registry,
    specs,
    new ValidationService(specs, registry),
    new DirectoryFileStore(join(dataDir, "files")),
  );
  const fields = (await specs.getSpecification("badplatser")).definition.schema.fields.map((f) => f.name);
  let published = 0;
  for (const [code, centre] of centres) {
    let csv = csvRow(fields);
    for (let n = 1; n <= ROWS_PER_ORGANIZATION; n++) {
      const site: Record<string, JsonValue> = { ...siteOf(code, n, centre), source: code };
      csv += csvRow(fields.map((f) => cellText(site[f])));
    }
    const release = await publishing.publish({
      organizationCode: code,
      slug: "badplatser",
      body: [new TextEncoder().encode(csv)],
      fileName: `badplatser-${code}.csv`,
      mode: "all",
      origin: "upload",
      audit: { actor: "system", fromAddress: null },
    });
    if (release.status !== "published") throw new Error(`${code}: release ${release.status}`);
    published += release.rows.published;
  }
  return published;
}

/** The bare Hono app in a child process of the same Node, resolved with its URL once it listens. */
function startBareHono(): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL("./support/bare-hono.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script]);
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.includes('"url"'));
      if (line !== undefined) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`bare Hono exited with ${code}: ${buffer}`)));
  });
}

// A database of our own: a temporary embedded one, or a fresh database on the given server.
const logger = createLogger("warn");
const dataDir = mkdtempSync(join(tmpdir(), "dv-bench-api-"));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (process.env.DATABASE_URL !== undefined) {
  const name = `dataverkstad_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const dropper = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}
const env = { DATA_DIR: dataDir, ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }) };

try {
  // Fill before the server starts: the embedded database belongs to one process at a time.
  const db = await openDatabase(loadConfig(env), logger);
  let rows: number;
  const fillStarted = performance.now();
  try {
    await migrate(db, logger);
    await seedRegistry(db, loadRegistryReference());
    await seedSpecs(db);
    rows = await fill(db, dataDir);
  } finally {
    await db.close();
  }
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const { child, url } = await startCliServer(env);
  const bare = await startBareHono();
  try {
    const paths = ["/healthz", "/api/v1/data/badplatser?lan=05&limit=50"];
    const check = await fetch(url + paths[1]!);
    const page = (await check.json()) as { total: number; items: unknown[] };
    const targets = [
      { base: bare.url, path: "/healthz", label: "/healthz (bare Hono)" },
      ...paths.map((path) => ({ base: url, path, label: path })),
    ];
    await load(targets); // warm-up, same length
    const [bareResult, baseline, data] = (await load(targets)) as [Result, Result, Result];
    const results = [baseline, data];

    console.log(
      `national data API, ${process.env.DATABASE_URL === undefined ? "embedded PGlite" : "PostgreSQL"}, ` +
        `badplatser: ${rows} rows (${FILL === "publishing" ? "published through PublishingService" : "inserted directly"} ` +
        `in ${fillSeconds.toFixed(1)} s); lan=05 matches ${page.total}, a page holds ${page.items.length}`,
    );
    console.log(
      `${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per endpoint in ${ROUNDS} interleaved rounds`,
    );
    console.log(
      "endpoint".padEnd(44),
      "req/s".padStart(8),
      "p50 ms".padStart(8),
      "p99 ms".padStart(8),
      "vs /healthz".padStart(12),
    );
    for (const r of [bareResult, ...results]) {
      console.log(
        r.path.padEnd(44),
        r.perSecond.toFixed(0).padStart(8),
        r.p50.toFixed(2).padStart(8),
        r.p99.toFixed(2).padStart(8),
        `${(r.perSecond / baseline.perSecond).toFixed(2)}x`.padStart(12),
      );
    }
    console.log(
      `ratio: the filtered data page serves ${(data.perSecond / baseline.perSecond).toFixed(2)}× the requests/s of /healthz, ` +
        `p99 ${(data.p99 / baseline.p99).toFixed(1)}× as long`,
    );
    console.log(
      `ratio: the platform's /healthz serves ${(baseline.perSecond / bareResult.perSecond).toFixed(2)}× the requests/s of a bare Hono app`,
    );
  } finally {
    bare.child.kill("SIGTERM");
    child.kill("SIGTERM");
    await Promise.all([once(child, "exit"), once(bare.child, "exit")]);
  }
} finally {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}
