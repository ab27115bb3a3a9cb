// Harvesting organizations' own catalogs: DIGG's two DCAT-AP-SE examples (and an RDF/XML and a
// JSON-LD catalog) harvested into 0580 through the API, the exports still passing the EU shapes
// plus DIGG's additions with zero violations, incremental runs, tombstones, every bad input ending
// in a clear Swedish error with the last good metadata kept, the scheduled job and the CLI.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Quad } from "@rdfjs/types";
import jsonld from "jsonld";
import { Parser, Writer } from "n3";
import { harvestedRows, organizationDatasetIri, rebase } from "../../src/catalog/index.ts";
import { platformJobs } from "../../src/jobs/index.ts";
import { createServices } from "../../src/platform/index.ts";
import { publisherToken } from "../support/accounts.ts";
import { callCli } from "../support/cli.ts";
import { startOrigin } from "../support/origin.ts";
import { parseRdfXml, violations } from "../support/rdf.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

// The caps are read from the environment by the composition root: small, so bad sources fail fast.
process.env.HARVEST_MAX_BYTES = String(8 * 1024 * 1024);
process.env.HARVEST_IDLE_TIMEOUT_MS = "700";
process.env.HARVEST_TIMEOUT_MS = "15000";

// Copied unchanged from the shared reference data (see test/fixtures/dcat-ap-se/SOURCES.md).
const DIGG = new URL("../fixtures/dcat-ap-se/", import.meta.url);
const DCAT = "http://www.w3.org/ns/dcat#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const obligatoriskt = readFileSync(new URL("exempel-obligatoriskt.ttl", DIGG), "utf8");
// The recommended example uses the same dataset IRI as the mandatory one: given its own here.
const rekommenderat = readFileSync(new URL("exempel-rekommenderat.ttl", DIGG), "utf8").replaceAll(
  "https://example.com/dataset1",
  "https://example.com/dataset2",
);

/** The Turtle as JSON-LD (expanded), the way a JSON-LD catalog is served. */
async function asJsonLd(turtle: string): Promise<string> {
  const quads = new Parser().parse(turtle);
  const nquads = new Writer({ format: "N-Quads" }).quadsToString(quads);
  return JSON.stringify(await jsonld.fromRDF(nquads, { format: "application/n-quads" }));
}

const rdfXmlCatalog = (extra = "") => `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
    xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/"
    xmlns:vcard="http://www.w3.org/2006/vcard/ns#">
  <dcat:Catalog rdf:about="https://example.com/catalog3">
    <dcat:dataset>
      <dcat:Dataset rdf:about="https://example.com/dataset3">
        <dcterms:title xml:lang="sv">Badplatser i Linköping${extra}</dcterms:title>
        <dcterms:description xml:lang="sv">Kommunens badplatser med vattentemperatur.</dcterms:description>
        <dcterms:identifier>badplatser-3</dcterms:identifier>
        <dcterms:publisher rdf:resource="https://example.com/publisher3"/>
        <dcat:contactPoint>
          <vcard:Organization><vcard:fn>Kontaktcenter</vcard:fn><vcard:hasEmail rdf:resource="mailto:kontakt@example.com"/></vcard:Organization>
        </dcat:contactPoint>
        <dcat:distribution>
          <dcat:Distribution>
            <dcat:accessURL rdf:resource="https://example.com/badplatser.csv"/>
            <dcterms:format>CSV</dcterms:format>
            <dcterms:license rdf:resource="http://creativecommons.org/publicdomain/zero/1.0/"/>
          </dcat:Distribution>
        </dcat:distribution>
      </dcat:Dataset>
    </dcat:dataset>
  </dcat:Catalog>
  <foaf:Agent rdf:about="https://example.com/publisher3"><foaf:name>Linköpings kommun</foaf:name></foaf:Agent>
</rdf:RDF>
`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="https://example.com/x"><dcterms:title>&secret;</dcterms:title></rdf:Description>
</rdf:RDF>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="https://example.com/x">&lol9;</rdf:Description></rdf:RDF>`;

interface Served {
  type: string;
  body: string;
}

/** The IRI a harvested dataset of 0580 is exported under: the organization's, not the source's. */
const exportedIri = (base: string, sourceIri: string) =>
  rebase([{ id: organizationDatasetIri("0580", sourceIri), types: [], statements: [] }], base)[0]?.id ?? "";

const datasetsIn = (quads: readonly Quad[]) =>
  new Set(
    quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)
      .map((q) => q.subject.value),
  );

interface RunBody {
  status: string;
  counts: { added: number; updated: number; unchanged: number; tombstoned: number; rejected: number };
  error: string | null;
  errorKind: string | null;
  notes: string[];
}

describe("harvesting organizations' own catalogs", () => {
  let platform: TestPlatform;
  let origin: { server: Server; base: string };
  let token: string;
  const served = new Map<string, Served>();
  let hugeBytesSent = 0;
  const sources: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

  before(async () => {
    served.set("/oblig.ttl", { type: "text/turtle", body: obligatoriskt });
    served.set("/oblig-copy.ttl", { type: "text/turtle; charset=utf-8", body: obligatoriskt });
    served.set("/rek.jsonld", { type: "application/ld+json", body: await asJsonLd(rekommenderat) });
    // No useful Content-Type: the syntax is sniffed.
    served.set("/catalog.rdf", { type: "application/octet-stream", body: rdfXmlCatalog() });
    origin = await startOrigin((req, res) => {
      const path = req.url ?? "/";
      if (path === "/metadata") {
        res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
        return;
      }
      if (path === "/huge.ttl") {
        // 200 MB streamed without allocating it, honouring backpressure; the harvester's cap stops it.
        res.writeHead(200, { "Content-Type": "text/turtle" });
        const chunk = Buffer.from("# kommentar som fyller ut katalogen\n".repeat(2000));
        const limit = 200 * 1024 * 1024;
        const pump = () => {
          while (hugeBytesSent < limit) {
            hugeBytesSent += chunk.byteLength;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => undefined);
        pump();
        return;
      }
      if (path === "/trickle.ttl") {
        res.writeHead(200, { "Content-Type": "text/turtle" });
        const timer = setInterval(() => res.write("#"), 1000);
        res.on("close", () => clearInterval(timer));
        return;
      }
      const found = served.get(path);
      if (found === undefined) {
        res.writeHead(404).end("saknas");
        return;
      }
      res.writeHead(200, { "Content-Type": found.type }).end(found.body);
    });
    platform = await startTestPlatform({ env: { ALLOWED_PRIVATE_HOSTS: new URL(origin.base).host } });
    token = await publisherToken(platform.db, "0580");
  });
  after(async () => {
    await platform.close();
    origin.server.closeAllConnections();
    origin.server.close();
  });

  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${platform.url}/api/v1/organizations/0580/harvest-sources${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const register = async (path: string) => {
    const response = await api("POST", "", { url: `${origin.base}${path}` });
    const body = (await response.json()) as { source: { id: string }; run: RunBody };
    return { status: response.status, ...body };
  };
  const runNow = async (id: string) => (await (await api("POST", `/${id}/run`)).json()) as RunBody;
  const exportOf = async (path: string) => {
    const response = await fetch(`${platform.url}${path}`);
    assert.equal(response.status, 200, path);
    return { text: await response.text(), etag: response.headers.get("etag") };
  };
  const searchIris = async (q: string) => {
    const response = await fetch(
      `${platform.url}/api/v1/catalog/datasets?q=${encodeURIComponent(q)}&org=0580`,
    );
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: { iri: string }[] }).items.map((item) => item.iri);
  };
  const activeIris = async () =>
    (await harvestedRows(platform.db, "0580")).filter((r) => r.status === "active").map((r) => r.iri);

  test("registering needs the right to publish for the organization", async () => {
    const anonymous = await fetch(`${platform.url}/api/v1/organizations/0580/harvest-sources`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ url: `${origin.base}/oblig.ttl` }),
    });
    assert.equal(anonymous.status, 401);
    const other = await fetch(`${platform.url}/api/v1/organizations/1280/harvest-sources`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ url: `${origin.base}/oblig.ttl` }),
    });
    assert.equal(other.status, 403);
    const bad = await api("POST", "", { url: "ftp://example.com/catalog.ttl" });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, "BAD_REQUEST");
  });

  test("both DIGG examples (Turtle, JSON-LD) and an RDF/XML catalog are harvested with publisher, licence and distributions", async () => {
    const a = await register("/oblig.ttl");
    assert.equal(a.status, 201);
    assert.equal(a.run.status, "harvested", a.run.error ?? "");
    assert.deepEqual(a.run.counts, { added: 1, updated: 0, unchanged: 0, tombstoned: 0, rejected: 0 });
    const b = await register("/rek.jsonld");
    assert.equal(b.run.status, "harvested", b.run.error ?? "");
    assert.equal(b.run.counts.added, 1);
    assert.equal(b.run.counts.rejected, 0);
    const c = await register("/catalog.rdf");
    assert.equal(c.run.status, "harvested", c.run.error ?? "");
    assert.equal(c.run.counts.added, 1);
    sources.a = a.source.id;
    sources.b = b.source.id;
    sources.c = c.source.id;
    assert.deepEqual(await activeIris(), [
      "https://example.com/dataset1",
      "https://example.com/dataset2",
      "https://example.com/dataset3",
    ]);

    const { text } = await exportOf("/organizations/0580/catalog.ttl");
    const quads = new Parser().parse(text);
    const about = (s: string, p: string) =>
      quads.filter((q) => q.subject.value === s && q.predicate.value === p);
    for (const source of [
      "https://example.com/dataset1",
      "https://example.com/dataset2",
      "https://example.com/dataset3",
    ]) {
      const dataset = exportedIri(platform.url, source);
      assert.equal(about(dataset, "http://purl.org/dc/terms/publisher").length, 1, dataset);
      assert.ok(about(dataset, `${DCAT}distribution`).length >= 1, dataset);
    }
    // The recommended example's distributions: licence kept, the format literal now the EU file type.
    const distribution = "https://example.com/distribution1";
    assert.deepEqual(
      about(distribution, "http://purl.org/dc/terms/license").map((q) => q.object.value),
      ["http://creativecommons.org/publicdomain/zero/1.0/"],
    );
    assert.deepEqual(
      about(distribution, "http://purl.org/dc/terms/format").map((q) => q.object.value),
      ["http://publications.europa.eu/resource/authority/file-type/CSV"],
    );
    // The RDF/XML catalog's blank nodes are skolem IRIs under the platform's base.
    const [dist3] = about(exportedIri(platform.url, "https://example.com/dataset3"), `${DCAT}distribution`);
    assert.match(dist3?.object.value ?? "", new RegExp(`^${platform.url}/\\.well-known/genid/[0-9a-f]{32}$`));
    // The catalog links them.
    const catalog = `${platform.url}/organizations/0580/catalog`;
    assert.equal(about(catalog, `${DCAT}dataset`).length, 3);

    const list = (await (await api("GET", "")).json()) as {
      items: { status: string; datasets: { active: number; exported: number } }[];
      total: number;
    };
    assert.equal(list.total, 3);
    assert.ok(list.items.every((s) => s.status === "harvested" && s.datasets.exported === 1));
  });

  test("the exports with harvested datasets pass DCAT-AP 3.0.1 + DCAT-AP-SE with zero violations", async () => {
    const ttl = new Parser().parse((await exportOf("/organizations/0580/catalog.ttl")).text);
    const national = await parseRdfXml((await exportOf("/catalog.rdf")).text);
    const jsonldText = (await exportOf("/organizations/0580/catalog.jsonld")).text;
    const fromJsonLd = new Parser({ format: "N-Quads" }).parse(
      (await jsonld.toRDF(JSON.parse(jsonldText) as jsonld.JsonLdDocument, {
        format: "application/n-quads",
      })) as unknown as string,
    );
    for (const quads of [ttl, national, fromJsonLd]) {
      assert.equal(datasetsIn(quads).size, 3);
      assert.ok(quads.every((q) => q.subject.termType === "NamedNode" && q.object.termType !== "BlankNode"));
      assert.deepEqual(await violations(quads), []);
    }
    const preflight = (await (
      await fetch(`${platform.url}/api/v1/organizations/0580/catalog/preflight`)
    ).json()) as {
      violations: { constraint: string }[];
      harvested: { datasets: number; exported: number; items: { normalisation: { message: string }[] }[] };
    };
    // Only the placeholder contact (0580 has given no address of its own) keeps it from conforming.
    assert.deepEqual(
      preflight.violations.map((v) => v.constraint),
      ["PlaceholderContact"],
    );
    assert.equal(preflight.harvested.datasets, 3);
    assert.equal(preflight.harvested.exported, 3);
    const notes = preflight.harvested.items.flatMap((i) => i.normalisation.map((n) => n.message)).join("\n");
    assert.match(
      notes,
      /dcterms:format "text\/csv" blev http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/CSV/,
    );
    assert.match(notes, /fick typen vcard:Kind/);
  });

  test("harvested datasets are found by catalog search, with their organization and formats", async () => {
    const response = await fetch(`${platform.url}/api/v1/catalog/datasets?q=bibliotek`);
    assert.equal(response.status, 200);
    const page = (await response.json()) as {
      items: { kind: string; title: string; organization: { code: string } | null; formats: string[] }[];
    };
    const hit = page.items.find((item) => item.title === "Bibliotek i Sverige");
    assert.ok(hit, JSON.stringify(page.items));
    assert.equal(hit.kind, "harvested");
    assert.equal(hit.organization?.code, "0580");
    // Without diacritics and by the stem: "Matvaruaffärer i Sverige".
    assert.equal((await searchIris("matvaruaffar")).length, 1);
  });

  test("harvesting again is unchanged, creates no duplicates and keeps the ETag; the same dataset from another source is merged", async () => {
    const before = await exportOf("/organizations/0580/catalog.ttl");
    const again = await runNow(sources.a);
    assert.equal(again.status, "unchanged");
    assert.equal(again.counts.unchanged, 1);
    const copy = await register("/oblig-copy.ttl");
    assert.equal(copy.run.status, "harvested");
    assert.equal(copy.run.counts.added, 0);
    assert.match(copy.run.notes.join(" "), /finns redan från en annan skördekälla/);
    assert.equal((await harvestedRows(platform.db, "0580")).length, 3);
    const afterRuns = await exportOf("/organizations/0580/catalog.ttl");
    assert.equal(afterRuns.etag, before.etag);
  });

  test("a dataset missing from a later harvest becomes a tombstone, leaves the export, and can come back", async () => {
    const extra = rdfXmlCatalog().replace(
      "</rdf:RDF>",
      `<dcat:Dataset xmlns:dcat="http://www.w3.org/ns/dcat#" rdf:about="https://example.com/dataset4">
        <dcterms:title xml:lang="sv">Lekplatser</dcterms:title><dcterms:description xml:lang="sv">Kommunens lekplatser.</dcterms:description>
        <dcterms:publisher rdf:resource="https://example.com/publisher3"/>
      </dcat:Dataset></rdf:RDF>`,
    );
    served.set("/catalog.rdf", { type: "application/octet-stream", body: extra });
    const added = await runNow(sources.c);
    assert.equal(added.counts.added, 1);
    assert.equal(added.counts.unchanged, 1);
    const withFour = await exportOf("/organizations/0580/catalog.ttl");
    const four = exportedIri(platform.url, "https://example.com/dataset4");
    assert.ok(datasetsIn(new Parser().parse(withFour.text)).has(four));
    assert.deepEqual(await searchIris("lekplats"), ["https://example.com/dataset4"]);

    served.set("/catalog.rdf", { type: "application/octet-stream", body: rdfXmlCatalog() });
    const removed = await runNow(sources.c);
    assert.deepEqual(removed.counts, { added: 0, updated: 0, unchanged: 1, tombstoned: 1, rejected: 0 });
    const rows = await harvestedRows(platform.db, "0580");
    assert.equal(rows.find((r) => r.iri === "https://example.com/dataset4")?.status, "tombstoned");
    const withoutFour = await exportOf("/organizations/0580/catalog.ttl");
    assert.ok(!datasetsIn(new Parser().parse(withoutFour.text)).has(four));
    assert.notEqual(withoutFour.etag, withFour.etag);
    assert.deepEqual(await searchIris("lekplats"), [], "a tombstone is not found");

    served.set("/catalog.rdf", { type: "application/octet-stream", body: extra });
    const back = await runNow(sources.c);
    assert.equal(back.counts.added, 1);
    assert.equal(rows.length, (await harvestedRows(platform.db, "0580")).length, "revived, not duplicated");
    served.set("/catalog.rdf", { type: "application/octet-stream", body: rdfXmlCatalog() });
    assert.equal((await runNow(sources.c)).counts.tombstoned, 1);
  });

  test("every bad source fails with a clear Swedish error and keeps the last good metadata", async () => {
    const good = await activeIris();
    const goodExport = await exportOf("/organizations/0580/catalog.ttl");
    const cases: { name: string; path: string; serve?: Served; kind: string; message: RegExp }[] = [
      {
        name: "XXE",
        path: "/oblig.ttl",
        serve: { type: "application/rdf+xml", body: XXE },
        kind: "xml-declaration",
        message: /DOCTYPE.*XXE/s,
      },
      {
        name: "billion laughs",
        path: "/oblig.ttl",
        serve: { type: "application/rdf+xml", body: BILLION_LAUGHS },
        kind: "xml-declaration",
        message: /billion laughs/,
      },
      {
        name: "malformed Turtle",
        path: "/oblig.ttl",
        serve: {
          type: "text/turtle",
          body: '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://example.com/x> a dcat:Dataset ; dcat:title "ej avslutad .',
        },
        kind: "syntax",
        message: /gick inte att läsa som Turtle/,
      },
      {
        name: "remote @context",
        path: "/oblig.ttl",
        serve: {
          type: "application/ld+json",
          body: JSON.stringify({
            "@context": "https://example.org/evil-context.jsonld",
            "@id": "https://example.com/x",
            title: "x",
          }),
        },
        kind: "remote-context",
        message: /extern @context \(https:\/\/example\.org\/evil-context\.jsonld\)/,
      },
      { name: "200 MB", path: "/huge.ttl", kind: "too-large", message: /högst 8 MB/ },
      { name: "trickle", path: "/trickle.ttl", kind: "timeout", message: /svar|tid|sekund|ms/i },
      {
        name: "redirect to 169.254.169.254",
        path: "/metadata",
        kind: "forbidden-address",
        message: /169\.254\.169\.254/,
      },
      { name: "404", path: "/saknas.ttl", kind: "http-status", message: /404/ },
    ];
    for (const c of cases) {
      if (c.serve !== undefined) served.set(c.path, c.serve);
      // Each case runs through source a, pointed at the case's URL.
      await platform.db.query("UPDATE harvest_sources SET url = $2 WHERE id = $1", [
        sources.a,
        `${origin.base}${c.path}`,
      ]);
      const started = Date.now();
      const run = await runNow(sources.a);
      assert.equal(run.status, "failed", c.name);
      assert.equal(run.errorKind, c.kind, `${c.name}: ${run.error ?? ""}`);
      assert.match(run.error ?? "", c.message, c.name);
      assert.deepEqual(await activeIris(), good, `${c.name}: the harvested datasets are kept`);
      const source = (await (await api("GET", `/${sources.a}`)).json()) as { status: string; error: string };
      assert.equal(source.status, "failed");
      assert.equal(source.error, run.error);
      if (c.name === "trickle") assert.ok(Date.now() - started < 5000, "the idle timeout cut it off");
    }
    assert.ok(
      hugeBytesSent < 64 * 1024 * 1024,
      `the cap stopped the 200 MB source early (${hugeBytesSent} bytes sent)`,
    );
    const english = (await (
      await fetch(`${platform.url}/api/v1/organizations/0580/harvest-sources/${sources.a}/run`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Accept-Language": "en" },
      })
    ).json()) as RunBody;
    assert.match(english.error ?? "", /404/);
    const stillThere = await exportOf("/organizations/0580/catalog.ttl");
    assert.equal(stillThere.etag, goodExport.etag, "the export did not change");

    // Back to the good document: harvested again (the failed run forgot nothing it had).
    served.set("/oblig.ttl", { type: "text/turtle", body: obligatoriskt });
    await platform.db.query("UPDATE harvest_sources SET url = $2 WHERE id = $1", [
      sources.a,
      `${origin.base}/oblig.ttl`,
    ]);
    const recovered = await runNow(sources.a);
    assert.equal(recovered.status, "unchanged");
  });

  test("the scheduled job claims due sources and harvests them", async () => {
    const services = createServices(platform.db, {
      dataDir: platform.dataDir,
      allowedPrivateHosts: [new URL(origin.base).host],
    });
    const job = platformJobs(services).find((j) => j.name === "harvest-sources");
    assert.ok(job !== undefined);
    assert.deepEqual(await services.harvest.runDueSources(), [], "nothing is due yet");
    served.set("/rek.jsonld", {
      type: "application/ld+json",
      body: await asJsonLd(rekommenderat.replace("Bibliotek i Sverige", "Bibliotek i hela Sverige")),
    });
    await platform.db.query(
      "UPDATE harvest_sources SET next_run_at = now() - interval '1 minute' WHERE id = $1",
      [sources.b],
    );
    const result = (await job.run()) as { sourceId: string; status: string; updated: number }[];
    assert.deepEqual(
      result.map((r) => [r.sourceId, r.status, r.updated]),
      [[sources.b, "harvested", 1]],
    );
    const [source] = await platform.db.query<{ due: boolean }>(
      "SELECT next_run_at > now() + interval '23 hours' AS due FROM harvest_sources WHERE id = $1",
      [sources.b],
    );
    assert.equal(source?.due, true, "the next run is a day away");
    const { text } = await exportOf("/organizations/0580/catalog.ttl");
    assert.match(text, /Bibliotek i hela Sverige/);
  });

  test("dataverkstad harvest URL --org CODE: a Swedish summary and exit codes 0, 1 and 2", async () => {
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "dv-harvest-cli-")),
      DATABASE_URL: "",
      ALLOWED_PRIVATE_HOSTS: new URL(origin.base).host,
      LOG_LEVEL: "warn",
      // A busy machine: the short idle timeout is for the cases above.
      HARVEST_IDLE_TIMEOUT_MS: "10000",
    };
    const ok = await callCli(["harvest", `${origin.base}/oblig-copy.ttl`, "--org", "0580"], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /Skördade .* för 0580: 1 nya, 0 ändrade, 0 oförändrade, 0 borttagna datamängder\./,
    );
    const again = await callCli(["harvest", `${origin.base}/oblig-copy.ttl`, "--org", "0580", "--json"], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { status: string }).status, "unchanged");
    const failed = await callCli(["harvest", `${origin.base}/saknas.ttl`, "--org", "0580"], env);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /misslyckades.*404[\s\S]*ligger kvar/);
    const refused = await callCli(["harvest", `${origin.base}/metadata`, "--org", "0580", "--json"], env);
    assert.equal(refused.code, 1);
    assert.equal((JSON.parse(refused.stdout) as { error: { kind: string } }).error.kind, "forbidden-address");
    const usage = await callCli(["harvest", `${origin.base}/oblig.ttl`], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--org/);
  });
});
