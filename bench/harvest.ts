// Harvesting one catalog per organization: 311 sources (each of the 310 organizations, and Region
// Gotland's second catalog as a region) served by ONE local node:http server on 127.0.0.1 under
// 311 paths (/catalogs/{n}.ttl; allowed through ALLOWED_PRIVATE_HOSTS, so the real SSRF-checked
// fetcher runs). Each catalog holds 5–20 datasets built from DIGG's recommended example with
// distinct IRIs, titles and keywords. Prints the full harvest (fetch, parse, normalise, SHACL,
// store) and a second, unchanged harvest, beside a baseline in the same run: the same 311 documents
// only fetched and parsed, without storing. Datasets/s and the ratio to the baseline.
//
// Embedded PGlite in memory, or a fresh database on the PostgreSQL server named by TEST_DATABASE_URL.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HarvestService, parseDocument } from "../src/catalog/index.ts";
import { fetchUrl, readBody } from "../src/net/index.ts";
import { RegistryService } from "../src/registry/index.ts";
import { createSeededDatabase } from "../test/support/platform.ts";

const SOURCES = 311;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** 5–20 datasets per catalog, by a fixed spread so every run serves the same documents. */
const datasetsIn = (n: number) => 5 + ((n * 7) % 16);

function catalogOf(n: number, code: string): string {
  const base = `https://data.example.se/${code}/${n}`;
  let out = `@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dcatap: <http://data.europa.eu/r5r/> .

<${base}/catalog> a dcat:Catalog ; dcterms:title "Katalog ${n}"@sv ;
  dcterms:publisher <${base}/publisher> ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> .
<${base}/publisher> a foaf:Agent ; foaf:name "Organisation ${code}" .
<${base}/contact> a vcard:Organization ; vcard:fn "Öppna data-gruppen" ; vcard:hasEmail <mailto:oppnadata@example.se> ;
  vcard:hasAddress [ a vcard:Address ; vcard:street-address "Exempelgatan ${n}" ; vcard:locality "Teststaden" ] .
`;
  for (let i = 0; i < datasetsIn(n); i++) {
    const d = `${base}/dataset/${i}`;
    out += `
<${base}/catalog> dcat:dataset <${d}> .
<${d}> a dcat:Dataset ;
  dcterms:title "Bibliotek ${i} i ${code}"@sv , "Libraries ${i} in ${code}"@en ;
  dcterms:description "Plats och öppettider för bibliotek, mängd ${i}."@sv ;
  dcterms:identifier "${code}-${n}-${i}" ;
  dcterms:publisher <${base}/publisher> ;
  dcat:distribution <${d}/csv> , <${d}/api> ;
  dcterms:spatial <http://sws.geonames.org/2661886> ;
  dcat:keyword "bibliotek"@sv , "library"@en , "mängd ${i}"@sv ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/EDUC> ;
  dcterms:issued "2020-01-01"^^xsd:date ;
  dcat:contactPoint <${base}/contact> ;
  dcterms:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;
  dcterms:temporal [ a dcterms:PeriodOfTime ; dcat:startDate "2010-01-01"^^xsd:date ; dcat:endDate "2012-01-0${1 + (i % 9)}"^^xsd:date ] .
<${d}/csv> a dcat:Distribution ; dcterms:description "Förteckning ${i}."@sv ; dcterms:format "text/csv" ;
  dcat:accessURL <${d}/download> ; dcat:downloadURL <${d}/download.csv> ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> ;
  dcatap:availability <http://data.europa.eu/r5r/availability/stable> .
<${d}/api> a dcat:Distribution ; dcterms:description "API ${i}."@sv ; dcterms:format "application/json" ;
  dcat:accessURL <${d}/api> ; dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> .
`;
  }
  return out;
}

const database = await createSeededDatabase();
const { db } = database;
const organizations = await db.query<{ code: string }>("SELECT code FROM organizations ORDER BY code");
// The 311th source: Region Gotland (0980) is both kommun and region; it gets a second catalog.
const owners = [...organizations.map((o) => o.code), "0980"].slice(0, SOURCES);
const documents = owners.map((code, n) => catalogOf(n, code));
const totalDatasets = owners.reduce((sum, _, n) => sum + datasetsIn(n), 0);

const server = createServer((req, res) => {
  const match = /^\/catalogs\/(\d+)\.ttl$/.exec(req.url ?? "");
  const body = match === null ? undefined : documents[Number(match[1])];
  if (body === undefined) res.writeHead(404).end();
  else res.writeHead(200, { "Content-Type": "text/turtle; charset=utf-8" }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const allowed = [new URL(origin).host];
const urlOf = (n: number) => `${origin}/catalogs/${n}.ttl`;

async function inParallel(count: number, work: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < count; n = next++) await work(n);
    }),
  );
}

// Baseline: the same documents fetched through the same fetcher and parsed, nothing stored.
async function baseline(): Promise<{ seconds: number; triples: number }> {
  const started = performance.now();
  let triples = 0;
  await inParallel(SOURCES, async (n) => {
    const result = await fetchUrl(urlOf(n), { allowedPrivateHosts: allowed });
    if (result.kind !== "ok") throw new Error("not modified?");
    const text = new TextDecoder().decode(await readBody(result.body));
    triples += (
      await parseDocument(text, { baseIri: urlOf(n), contentType: result.contentType, maxTriples: 1e6 })
    ).triples.length;
  });
  return { seconds: (performance.now() - started) / 1000, triples };
}

const harvest = new HarvestService(db, new RegistryService(db), { allowedPrivateHosts: allowed });
const audit = { actor: "bench", fromAddress: null };
for (let n = 0; n < SOURCES; n++) {
  const owner = owners[n] ?? "";
  await harvest.registerSource(owner, { url: urlOf(n) }, audit);
}

await baseline(); // warm-up: JIT, parsers, sockets
const base = await baseline();

// The real path: the scheduler's claim (SKIP LOCKED) and runs, CONCURRENCY at a time.
let started = performance.now();
const runs = await harvest.runDueSources(SOURCES, CONCURRENCY);
const full = (performance.now() - started) / 1000;
const failed = runs.filter((r) => r.status === "failed");
const added = runs.reduce((sum, r) => sum + r.counts.added, 0);
const rejected = runs.reduce((sum, r) => sum + r.counts.rejected, 0);

await db.query("UPDATE harvest_sources SET next_run_at = now()");
started = performance.now();
const again = await harvest.runDueSources(SOURCES, CONCURRENCY);
const unchangedSeconds = (performance.now() - started) / 1000;

const [stored] = await db.query<{ n: number; valid: number }>(
  "SELECT count(*)::int AS n, count(*) FILTER (WHERE valid)::int AS valid FROM harvested_datasets WHERE status = 'active'",
);
const rate = (seconds: number) => (totalDatasets / seconds).toFixed(0);
const engine = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in memory)" : "PostgreSQL";
console.log(
  `harvest bench on ${engine}: ${SOURCES} sources, ${totalDatasets} datasets, concurrency ${CONCURRENCY}`,
);
console.log(`  one server, ${SOURCES} paths on 127.0.0.1; ${base.triples} triples in all`);
console.log(`  baseline fetch + parse   ${base.seconds.toFixed(2)} s   ${rate(base.seconds)} datasets/s`);
console.log(
  `  harvest (first run)      ${full.toFixed(2)} s   ${rate(full)} datasets/s   ${(full / base.seconds).toFixed(1)}× baseline` +
    `   (${added} added, ${rejected} rejected, ${failed.length} failed)`,
);
console.log(
  `  harvest (unchanged)      ${unchangedSeconds.toFixed(2)} s   ${rate(unchangedSeconds)} datasets/s   ${(unchangedSeconds / base.seconds).toFixed(1)}× baseline` +
    `   (${again.filter((r) => r.status === "unchanged").length} unchanged)`,
);
console.log(`  stored: ${stored?.n ?? 0} active datasets, ${stored?.valid ?? 0} valid`);
if (failed.length > 0) console.log("  first failure:", failed[0]?.error?.sv);

server.close();
await database.drop();
