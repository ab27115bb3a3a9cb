// Catalog search at national scale: 50,000 datasets indexed, then a mix of Swedish searches (stems,
// compounds, missing diacritics, with and without facet filters) timed one by one: p50 and p95,
// with the facet counts computed every time (cold) and kept per catalog version (warm, as a
// server answers a repeated search or the next page), beside a baseline in the same run: the
// plain full-text query that fetches one page of matches, with no ranking, total or facets. Embedded PGlite in memory, or a fresh database on
// the PostgreSQL server named by TEST_DATABASE_URL.
import { CatalogSearch, CatalogService, type CatalogSearchQuery } from "../src/catalog/index.ts";
import { prefixQuery } from "../src/catalog/search.ts";
import { RegistryService } from "../src/registry/index.ts";
import { SpecsService } from "../src/specs/index.ts";
import { createSeededDatabase } from "../test/support/platform.ts";
import { synthesizePublications } from "./support/catalog.ts";

const DATASETS = Number(process.env.BENCH_DATASETS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BASE_URL = "https://dataverkstad.example.se";

const database = await createSeededDatabase();
const { db } = database;
await synthesizePublications(db, DATASETS);
const catalog = new CatalogService(db, new SpecsService(db), new RegistryService(db));
const feeds = catalog.searchFeeds();
const search = new CatalogSearch(db, [feeds]);
const cold = new CatalogSearch(db, [feeds], { countCacheSize: 0 });

const started = performance.now();
const indexed = await search.refresh();
const indexSeconds = (performance.now() - started) / 1000;
console.log(
  `indexed ${indexed.documents} datasets in ${indexed.refreshed} feeds in ${indexSeconds.toFixed(1)} s` +
    ` (${Math.round(indexed.documents / indexSeconds)} datasets/s)`,
);

const query = (q: string, filters: CatalogSearchQuery["filters"] = {}): CatalogSearchQuery => ({
  q,
  filters,
  sort: q === "" ? "title" : "relevance",
  limit: 20,
  offset: 0,
  language: "sv",
});
const QUERIES: readonly CatalogSearchQuery[] = [
  query("badplats"),
  query("laddpunkter"),
  query("cykel"),
  query("plats"),
  query("linkoping"),
  query("förskolor"),
  query("parkering tillgänglig"),
  query("luftkvalitet"),
  query("energi byggnader"),
  query("stompunkter", { lan: ["05"] }),
  query("", { org: ["0580"] }),
  query("", { theme: ["ENVI"] }),
  query("idrott", { format: ["CSV"] }),
  query("zzzz"),
  query(""),
];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const baseline = (q: CatalogSearchQuery) => {
  const words = prefixQuery(q.q);
  return db.query(
    words === null
      ? "SELECT id, title_sv FROM catalog_search_entries LIMIT 20"
      : "SELECT id, title_sv FROM catalog_search_entries WHERE document @@ to_tsquery('simple', $1) LIMIT 20",
    words === null ? [] : [words],
  );
};

// Warm-up: plans and caches, once each.
for (const q of QUERIES)
  await Promise.all([search.search(q, BASE_URL), cold.search(q, BASE_URL), baseline(q)]);
const coldTimes: number[] = [];
const warmTimes: number[] = [];
const baselineTimes: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const q of QUERIES) {
    coldTimes.push(await timed(() => cold.search(q, BASE_URL)));
    warmTimes.push(await timed(() => search.search(q, BASE_URL)));
    baselineTimes.push(await timed(() => baseline(q)));
  }
}
const hits = await Promise.all(QUERIES.slice(0, 4).map((q) => search.search(q, BASE_URL)));

console.log(
  `\nsearch over ${indexed.documents} datasets (${process.env.TEST_DATABASE_URL === undefined ? "PGlite" : "PostgreSQL"}),` +
    ` ${ROUNDS} rounds of ${QUERIES.length} searches`,
);
console.log("                                  p50 ms    p95 ms   p95 vs baseline");
for (const [name, samples] of [
  ["search, facets counted (cold)", coldTimes],
  ["search, facets kept (warm)", warmTimes],
  ["baseline: one page of matches", baselineTimes],
] as const) {
  console.log(
    [
      name.padEnd(32),
      percentile(samples, 50).toFixed(1).padStart(8),
      percentile(samples, 95).toFixed(1).padStart(9),
      `${(percentile(samples, 95) / percentile(baselineTimes, 95)).toFixed(1)}×`.padStart(17),
    ].join(" "),
  );
}
console.log(
  `matches: ${QUERIES.slice(0, 4)
    .map((q, i) => `"${q.q}" ${hits[i]?.total ?? 0}`)
    .join(", ")}`,
);
await database.drop();
