// The DCAT-AP-SE export at national scale: 50,000 datasets (publications with a current release)
// written as RDF/XML, Turtle and JSON-LD, beside a baseline in the same run: the same publication
// rows read by the same keyset queries and written with plain JSON.stringify. Prints time, MB/s
// and the ratio to the baseline.
//
// The data: see bench/support/catalog.ts. Embedded PGlite in memory, or a fresh database on the PostgreSQL server
// named by TEST_DATABASE_URL.
import { CatalogService, type RdfFormat } from "../src/catalog/index.ts";
import { publicationBatches } from "../src/catalog/source.ts";
import { RegistryService } from "../src/registry/index.ts";
import { SpecsService } from "../src/specs/index.ts";
import { createSeededDatabase } from "../test/support/platform.ts";
import { synthesizePublications } from "./support/catalog.ts";

const DATASETS = Number(process.env.BENCH_DATASETS ?? 50_000);
const BASE_URL = "https://dataverkstad.example.se";

const database = await createSeededDatabase();
const { db } = database;

interface Run {
  readonly name: string;
  readonly seconds: number;
  readonly bytes: number;
}

async function time(name: string, chunks: () => AsyncIterable<string>): Promise<Run> {
  const encoder = new TextEncoder();
  const started = performance.now();
  let bytes = 0;
  // Encoded as the HTTP response encodes it; nothing is kept.
  for await (const chunk of chunks()) bytes += encoder.encode(chunk).byteLength;
  return { name, seconds: (performance.now() - started) / 1000, bytes };
}

async function* baseline(): AsyncGenerator<string> {
  for await (const rows of publicationBatches(db, null)) yield JSON.stringify(rows);
}

const started = performance.now();
await synthesizePublications(db, DATASETS);
const [count] = await db.query<{ n: number }>(
  "SELECT count(*)::int AS n FROM publications WHERE current_release_id IS NOT NULL",
);
console.log(
  `${count?.n ?? 0} publications synthesized in ${((performance.now() - started) / 1000).toFixed(1)} s;` +
    ` RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB before the exports`,
);

const catalog = new CatalogService(db, new SpecsService(db), new RegistryService(db));
const context = { baseUrl: BASE_URL };
const exportOf = (format: RdfFormat) => () => catalog.export({ kind: "national" }, format, context);

// A warm-up of each, so the first measured run does not pay for compilation.
for (const run of [baseline, exportOf("rdf"), exportOf("ttl")]) {
  let n = 0;
  for await (const chunk of run()) if (++n > 3 || chunk.length < 0) break;
}

const runs: Run[] = [];
runs.push(await time("baseline: same rows, JSON.stringify", baseline));
for (const format of ["rdf", "ttl", "jsonld"] as const)
  runs.push(await time(`catalog.${format}`, exportOf(format)));
const base = runs[0];
console.log(
  `\nexport of ${count?.n ?? 0} datasets (${process.env.TEST_DATABASE_URL === undefined ? "PGlite" : "PostgreSQL"})`,
);
console.log(
  "format                                   seconds        MB     MB/s  datasets/s  time vs baseline",
);
for (const run of runs) {
  const mb = run.bytes / 1e6;
  console.log(
    [
      run.name.padEnd(38),
      run.seconds.toFixed(2).padStart(9),
      mb.toFixed(1).padStart(9),
      (mb / run.seconds).toFixed(1).padStart(8),
      Math.round((count?.n ?? 0) / run.seconds)
        .toString()
        .padStart(11),
      `${(run.seconds / (base?.seconds ?? run.seconds)).toFixed(2)}×`.padStart(17),
    ].join(" "),
  );
}
console.log(`RSS after the exports ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await database.drop();
