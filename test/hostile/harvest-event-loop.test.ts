// Issue 22, item 10 (the RDF half): harvesting a large Turtle catalog must not hold the event loop.
// A generated catalog of many megabytes is served from loopback and harvested through the API while
// perf_hooks measures the server's event-loop delay; /healthz is probed all the while.
import assert from "node:assert/strict";
import type { Server } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { after, before, describe, test } from "node:test";
import { publisherToken } from "../support/accounts.ts";
import { startOrigin } from "../support/origin.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

/**
 * Longest the loop may be held while a large harvest runs. Reading the document in the thread
 * held it for 3–15 s; now the worst is a PGlite statement or a scheduling delay. 500 ms, not
 * 200, because this 2-core machine runs the suites in parallel (load average 15–24 measured
 * 330–430 ms here; see docs/decisions.md 36).
 */
const MAX_LOOP_DELAY_MS = 500;
const DATASETS = Number(process.env.HOSTILE_HARVEST_DATASETS ?? 1500);

/** A DCAT-AP-SE catalog in the shape of DIGG's mandatory example, padded the way real ones are. */
function largeCatalog(datasets: number): string {
  const parts = [
    `@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix ex: <https://example.com/extra#> .

<https://example.com/catalog> a dcat:Catalog ;
  dcterms:title "Stor katalog"@sv ; dcterms:description "En stor katalog."@sv ;
  dcterms:publisher <https://example.com/publisher> ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> .
<https://example.com/publisher> a foaf:Agent ; foaf:name "Exempelkommunen" .
<https://example.com/contact> a vcard:Organization ; vcard:fn "Öppna data" ; vcard:hasEmail <mailto:oppnadata@example.com> .
`,
  ];
  // Real catalogs are large through long descriptions and many keywords and distributions.
  const padding = "Beskrivning av datamängden med mätvärden, platser och öppettider. ".repeat(150);
  for (let i = 0; i < datasets; i++) {
    const keywords = Array.from({ length: 60 }, (_, k) => `"nyckelord ${i}-${k}"@sv`).join(", ");
    const distributions = Array.from({ length: 8 }, (_, d) => `<https://example.com/distribution${i}-${d}>`);
    parts.push(`<https://example.com/catalog> dcat:dataset <https://example.com/dataset${i}> .
<https://example.com/dataset${i}> a dcat:Dataset ;
  dcterms:title "Datamängd ${i}"@sv ;
  dcterms:description "${padding}${i}"@sv ;
  dcterms:publisher <https://example.com/publisher> ;
  dcat:keyword ${keywords} ;
  dcat:contactPoint <https://example.com/contact> ;
  dcat:distribution ${distributions.join(", ")} .
${distributions
  .map(
    (d, n) => `${d} a dcat:Distribution ;
  dcat:accessURL <https://example.com/data/${i}/${n}.csv> ;
  dcterms:title "Fil ${n} för datamängd ${i}"@sv ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> .
`,
  )
  .join("")}`);
  }
  return parts.join("");
}

describe("a large Turtle harvest and the event loop (issue 22, item 10)", () => {
  let platform: TestPlatform;
  let origin: { server: Server; base: string };
  const catalog = largeCatalog(DATASETS);

  before(async () => {
    origin = await startOrigin((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/turtle" }).end(catalog);
    });
    platform = await startTestPlatform({
      env: { ALLOWED_PRIVATE_HOSTS: new URL(origin.base).host },
    });
  });
  after(async () => {
    await platform.close();
    origin.server.closeAllConnections();
    origin.server.close();
  });

  test(`harvesting a catalog of many megabytes holds the loop under ${MAX_LOOP_DELAY_MS} ms`, async () => {
    const megabytes = Buffer.byteLength(catalog) / 1e6;
    assert.ok(megabytes > 20, `the catalog is ${megabytes.toFixed(1)} MB`);
    const token = await publisherToken(platform.db, "0580");
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const probing = { on: true };
    let slowestHealth = 0;
    const probe = (async () => {
      while (probing.on) {
        const started = performance.now();
        assert.equal((await fetch(`${platform.url}/healthz`)).status, 200);
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    delay.enable();
    const started = performance.now();
    const response = await fetch(`${platform.url}/api/v1/organizations/0580/harvest-sources`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ url: `${origin.base}/large.ttl` }),
    });
    delay.disable();
    const seconds = (performance.now() - started) / 1000;
    probing.on = false;
    await probe;
    const body = (await response.json()) as { run: { status: string; counts: { added: number } } };
    assert.equal(response.status, 201, JSON.stringify(body).slice(0, 500));
    assert.equal(body.run.counts.added, DATASETS, JSON.stringify(body.run).slice(0, 500));
    const maxMs = delay.max / 1e6;
    console.log(
      `harvest of ${megabytes.toFixed(1)} MB (${DATASETS} datasets) in ${seconds.toFixed(1)} s: loop delay max ${maxMs.toFixed(0)} ms, ` +
        `p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; slowest /healthz ${slowestHealth.toFixed(0)} ms`,
    );
    assert.ok(maxMs < MAX_LOOP_DELAY_MS, `the loop was held for ${maxMs.toFixed(0)} ms`);
  });
});
