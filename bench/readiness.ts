// Readiness for all 310 organizations, recomputed after a change (a declaration), beside a
// baseline in the same run: the plain SQL queries that read the same rows readiness is computed
// from (organizations, the prioritized list, current releases, declarations), with no model.
// Prints the median of N runs of each and their ratio; also the first and the cached projection
// of the national map.
//
// The platform: a fresh embedded PGlite with the real registry and specifications, filled with the
// demo content through the real publishing path (as `npm start` does), or a fresh database of the
// PostgreSQL server named by TEST_DATABASE_URL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../src/core/index.ts";
import { fillDemo } from "../src/demo/index.ts";
import { createServices } from "../src/platform/index.ts";
import { createSeededDatabase } from "../test/support/platform.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 31);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const database = await createSeededDatabase();
const dataDir = await mkdtemp(join(tmpdir(), "dv-bench-readiness-"));
try {
  const services = createServices(database.db, { dataDir });
  const { db, progress } = services;

  let started = performance.now();
  const demo = await fillDemo(services, createLogger("silent"));
  console.log(
    `demo: ${demo.publications} publications, ${demo.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The same rows ProgressService reads, with the same queries, and nothing computed from them.
  const baseline = () =>
    Promise.all([
      db.query(
        "SELECT code, name, short_name, types, lan_code, organization_number FROM organizations ORDER BY code",
      ),
      db.query(
        `SELECT p.*, (SELECT v.version FROM specification_versions v WHERE v.slug = p.slug
           ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1) AS spec_version
         FROM priority_list p ORDER BY p.rank`,
      ),
      db.query(
        `SELECT p.organization_code, p.spec_slug, r.status, r.created_at
         FROM publications p JOIN releases r ON r.id = p.current_release_id`,
      ),
      db.query(
        `SELECT organization_code, criterion, evidence_url, contact_name, contact_email, declared_at, declared_by
         FROM readiness_declarations`,
      ),
    ]);

  const audit = { actor: "bench", fromAddress: null };
  // Each run changes something first (a declaration made or withdrawn), so nothing is reused.
  const change = async (i: number) => {
    if (i % 2 === 0)
      await progress.declare("0580", "open-data-policy", { url: `https://x.se/beslut/${i}` }, audit);
    else await progress.withdraw("0580", "open-data-policy", audit);
  };

  // Warm-up: compilation and the database's caches.
  for (let i = 0; i < 3; i++) {
    await baseline();
    await progress.all();
  }

  const recompute: number[] = [];
  const plain: number[] = [];
  const declareTimes: number[] = [];
  let organizations = 0;
  for (let i = 0; i < RUNS; i++) {
    declareTimes.push(await timed(() => change(i)));
    // Alternate the order, so neither always runs on a cache the other warmed.
    if (i % 2 === 0) {
      plain.push(await timed(baseline));
      recompute.push(await timed(async () => (organizations = (await progress.all()).length)));
    } else {
      recompute.push(await timed(async () => (organizations = (await progress.all()).length)));
      plain.push(await timed(baseline));
    }
  }

  started = performance.now();
  const map = await progress.kommunMap();
  const firstMap = performance.now() - started;
  const cachedMap = await timed(() => progress.kommunMap());
  const mapBytes = map.areas.reduce((sum, area) => sum + area.d.length, 0);

  const engine = process.env.TEST_DATABASE_URL === undefined ? "PGlite" : "PostgreSQL";
  const r = median(recompute);
  const b = median(plain);
  console.log(`\nreadiness of ${organizations} organizations (${engine}), median of ${RUNS} runs`);
  console.log(`  recompute after a change (ProgressService.all)   ${r.toFixed(1).padStart(8)} ms`);
  console.log(`  baseline: the same rows by plain SQL            ${b.toFixed(1).padStart(8)} ms`);
  console.log(`  ratio recompute / baseline                      ${(r / b).toFixed(2).padStart(8)}×`);
  console.log(
    `  the change itself (declare or withdraw)         ${median(declareTimes).toFixed(1).padStart(8)} ms`,
  );
  console.log(
    `national map: projected in ${firstMap.toFixed(0)} ms once, ${cachedMap.toFixed(2)} ms cached; ${map.areas.length} paths, ${(mapBytes / 1024).toFixed(0)} KiB`,
  );
} finally {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
