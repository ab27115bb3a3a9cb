// The DCAT-AP-SE catalog over HTTP: what a publication and a national dataset become, the
// three formats, ETags, the pre-flight check and the quality score.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Quad } from "@rdfjs/types";
import jsonld from "jsonld";
import { Parser } from "n3";
import { createServices, type Services } from "../../src/platform/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const PUBLIC_URL = "https://data.example.se";
const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const R5R = "http://data.europa.eu/r5r/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

class Graph {
  constructor(readonly quads: readonly Quad[]) {}
  objects(subject: string, predicate: string): string[] {
    return this.quads
      .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
      .map((q) => q.object.value);
  }
  one(subject: string, predicate: string): string {
    const [value, ...rest] = this.objects(subject, predicate);
    assert.ok(
      value !== undefined && rest.length === 0,
      `${subject} ${predicate}: ${this.objects(subject, predicate).join(", ")}`,
    );
    return value;
  }
  ofType(type: string): string[] {
    return [
      ...new Set(
        this.quads
          .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type)
          .map((q) => q.subject.value),
      ),
    ];
  }
}

describe("the catalog API", () => {
  let platform: TestPlatform;
  let services: Services;

  const publish = (organizationCode: string, slug: string, csv: string) =>
    services.publishing.publish({
      organizationCode,
      slug,
      body: [Buffer.from(csv)],
      mode: "all",
      origin: "upload",
      audit: { actor: "system:test" },
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}${path}`, { headers });
  const turtle = async (path: string) => {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    return new Graph(new Parser().parse(await response.text()));
  };

  before(async () => {
    platform = await startTestPlatform({ env: { PUBLIC_URL } });
    services = createServices(platform.db, { dataDir: platform.dataDir });
  });
  after(() => platform.close());

  test("an empty platform has a valid catalog with its services and no datasets", async () => {
    const graph = await turtle("/catalog.ttl");
    assert.deepEqual(graph.ofType(`${DCAT}Catalog`), [`${PUBLIC_URL}/catalog`]);
    assert.deepEqual(graph.ofType(`${DCAT}Dataset`), []);
    assert.equal(
      graph.one(`${PUBLIC_URL}/catalog`, `${DCT}license`),
      "http://creativecommons.org/publicdomain/zero/1.0/",
    );
    assert.deepEqual(graph.ofType(`${DCAT}DataService`).sort(), [
      `${PUBLIC_URL}/catalog/services/data-api`,
      `${PUBLIC_URL}/catalog/services/ogc-api-features`,
    ]);
  });

  test("a publication becomes a dataset published by the organization, with working distributions", async () => {
    const release = await publish(
      "0580",
      "badplatser",
      badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]),
    );
    assert.equal(release.status, "published");
    const graph = await turtle("/organizations/0580/catalog.ttl");
    const dataset = `${PUBLIC_URL}/catalog/datasets/0580.badplatser`;
    assert.deepEqual(graph.ofType(`${DCAT}Dataset`), [dataset]);
    assert.deepEqual(graph.objects(dataset, `${DCT}title`).sort(), [
      "Badplatser – Linköpings kommun",
      "Bathing sites – Linköpings kommun",
    ]);
    const publisher = graph.one(dataset, `${DCT}publisher`);
    assert.equal(publisher, `${PUBLIC_URL}/organizations/0580#organization`);
    assert.equal(graph.one(publisher, `${DCT}type`), "http://purl.org/adms/publishertype/LocalAuthority");
    // DCAT-AP-SE: the organisationsnummer, and the IRI dataportal.se knows the organization by.
    assert.equal(graph.one(publisher, `${DCT}identifier`), "212000-0449");
    assert.equal(
      graph.one(publisher, "http://www.w3.org/2002/07/owl#sameAs"),
      "http://dataportal.se/organisation/SE2120000449",
    );
    assert.deepEqual(
      new Set(graph.objects(publisher, "http://xmlns.com/foaf/0.1/name")),
      new Set(["Linköpings kommun"]),
    );
    assert.equal(graph.one(dataset, `${DCT}conformsTo`), `${PUBLIC_URL}/specifications/badplatser/1.0.0`);
    assert.equal(graph.one(dataset, `${DCT}spatial`), `${PUBLIC_URL}/api/v1/organizations/0580/boundary`);
    assert.equal(
      graph.one(dataset, `${DCT}accrualPeriodicity`),
      "http://publications.europa.eu/resource/authority/frequency/IRREG",
    );
    assert.deepEqual(graph.objects(dataset, `${DCAT}theme`).sort(), [
      "http://publications.europa.eu/resource/authority/data-theme/EDUC",
      "http://publications.europa.eu/resource/authority/data-theme/ENVI",
    ]);
    const contact = graph.one(dataset, `${DCAT}contactPoint`);
    assert.equal(
      graph.one(contact, "http://www.w3.org/2006/vcard/ns#hasEmail"),
      "mailto:dataverkstad+0580@data.example.se",
    );
    assert.ok(graph.objects(dataset, `${DCAT}keyword`).includes("Badplatser"));
    assert.equal(graph.objects(dataset, `${R5R}hvdCategory`).length, 0);

    const distributions = graph.objects(dataset, `${DCAT}distribution`).sort();
    assert.deepEqual(
      distributions.map((d) => d.slice(dataset.length)),
      ["/distributions/csv", "/distributions/geojson", "/distributions/json", "/distributions/original"],
    );
    const formats = distributions.map((d) => graph.one(d, `${DCT}format`).split("/").pop());
    assert.deepEqual(formats, ["CSV", "GEOJSON", "JSON", "CSV"]);
    const mediaTypes = distributions.map((d) => graph.one(d, `${DCAT}mediaType`));
    assert.deepEqual(mediaTypes, [
      "https://www.iana.org/assignments/media-types/text/csv",
      "https://www.iana.org/assignments/media-types/application/geo+json",
      "https://www.iana.org/assignments/media-types/application/json",
      "https://www.iana.org/assignments/media-types/text/csv",
    ]);
    for (const distribution of distributions) {
      assert.equal(
        graph.one(distribution, `${DCT}license`),
        "http://creativecommons.org/publicdomain/zero/1.0/",
      );
      // Every download URL answers on this server (the IRIs carry PUBLIC_URL; the test server is local).
      const url = graph.one(distribution, `${DCAT}downloadURL`).replace(PUBLIC_URL, platform.url);
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      await response.arrayBuffer();
    }
    assert.equal(
      graph.one(`${dataset}/distributions/original`, `${DCAT}byteSize`),
      String(release.file.bytes),
    );
  });

  test("the national catalog adds the national dataset published by the platform, with the OGC collection", async () => {
    const graph = await turtle("/catalog.ttl");
    const national = `${PUBLIC_URL}/catalog/datasets/national.badplatser`;
    assert.ok(graph.ofType(`${DCAT}Dataset`).includes(national));
    const publisher = graph.one(national, `${DCT}publisher`);
    assert.equal(graph.one(publisher, `${DCT}type`), "http://purl.org/adms/publishertype/NationalAuthority");
    assert.equal(
      graph.one(national, `${DCT}spatial`),
      "http://publications.europa.eu/resource/authority/country/SWE",
    );
    const distributions = graph.objects(national, `${DCAT}distribution`);
    assert.ok(distributions.includes(`${national}/distributions/ogc`));
    assert.equal(
      graph.one(`${national}/distributions/csv`, `${DCAT}downloadURL`),
      `${PUBLIC_URL}/api/v1/data/badplatser/download.csv`,
    );
    assert.ok(
      graph
        .objects(`${PUBLIC_URL}/catalog/services/ogc-api-features`, `${DCAT}servesDataset`)
        .includes(national),
    );
    assert.ok(
      graph.objects(`${PUBLIC_URL}/catalog/services/data-api`, `${DCAT}servesDataset`).includes(national),
    );
    assert.ok(graph.objects(`${PUBLIC_URL}/catalog`, `${DCAT}dataset`).includes(national));
  });

  test("a high-value dataset carries the legislation and its HVD category, on its distributions too", async () => {
    const example = await (await get("/api/v1/specifications/luftkvalitet/1.0.0/example.csv")).text();
    const [header = "", ...lines] = example.trim().split(/\r?\n/);
    const stockholm = [header, ...lines.filter((line) => line.startsWith("0180"))].join("\r\n") + "\r\n";
    const release = await publish("0180", "luftkvalitet", stockholm);
    assert.equal(release.status, "published");
    const graph = await turtle("/organizations/0180/catalog.ttl");
    const dataset = `${PUBLIC_URL}/catalog/datasets/0180.luftkvalitet`;
    const legislation = "http://data.europa.eu/eli/reg_impl/2023/138/oj";
    assert.equal(graph.one(dataset, `${R5R}applicableLegislation`), legislation);
    assert.equal(graph.one(dataset, `${R5R}hvdCategory`), "http://data.europa.eu/bna/c_dd313021");
    for (const distribution of graph.objects(dataset, `${DCAT}distribution`)) {
      assert.equal(graph.one(distribution, `${R5R}applicableLegislation`), legislation);
    }
    assert.ok(graph.objects(`${PUBLIC_URL}/catalog/services/data-api`, `${R5R}hvdCategory`).length > 0);
  });

  test("a region is a regional authority covering its county", async () => {
    const example = await (await get("/api/v1/specifications/laddplatser/1.0.0/example.csv")).text();
    // The example's Linköping rows, published by Region Östergötland (Linköping lies in its county).
    const [header = "", ...lines] = example.trim().split(/\r?\n/);
    const rows = lines.filter((line) => line.startsWith("0580")).map((line) => line.replace(/^0580/, "05"));
    const release = await publish("05", "laddplatser", [header, ...rows].join("\r\n") + "\r\n");
    assert.equal(release.status, "published");
    const graph = await turtle("/organizations/05/catalog.ttl");
    const dataset = `${PUBLIC_URL}/catalog/datasets/05.laddplatser`;
    assert.equal(
      graph.one(graph.one(dataset, `${DCT}publisher`), `${DCT}type`),
      "http://purl.org/adms/publishertype/RegionalAuthority",
    );
    assert.equal(graph.one(dataset, `${DCT}spatial`), `${PUBLIC_URL}/api/v1/lan/05/boundary`);
  });

  test("RDF/XML, Turtle and JSON-LD carry the same triples, each with its media type", async () => {
    const ttl = await get("/catalog.ttl");
    assert.match(ttl.headers.get("content-type") ?? "", /^text\/turtle/);
    const fromTurtle = new Parser().parse(await ttl.text());
    const ld = await get("/catalog.jsonld");
    assert.match(ld.headers.get("content-type") ?? "", /^application\/ld\+json/);
    const document = (await ld.json()) as object;
    const fromJsonLd = (await jsonld.toRDF(document, { format: "application/n-quads" })) as unknown as string;
    const count = (text: string) => new Set(text.trim().split("\n")).size;
    const key = (q: Quad) =>
      `${q.subject.value} ${q.predicate.value} ${q.object.value} ${q.object.termType === "Literal" ? `${q.object.language}^^${q.object.datatype.value}` : ""}`;
    assert.equal(count(fromJsonLd), new Set(fromTurtle.map(key)).size);
    const xml = await get("/catalog.rdf");
    assert.match(xml.headers.get("content-type") ?? "", /^application\/rdf\+xml/);
    assert.match(await xml.text(), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rdf:RDF/);
  });

  test("ETags: If-None-Match gives 304 until something is published", async () => {
    const first = await get("/catalog.rdf");
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    assert.ok(etag !== null && etag.startsWith('W/"'));
    const again = await get("/catalog.rdf", { "If-None-Match": etag });
    assert.equal(again.status, 304);
    const ttl = await get("/catalog.ttl", { "If-None-Match": etag });
    assert.equal(ttl.status, 200, "another format has another ETag");
    await ttl.arrayBuffer();
    await publish(
      "0580",
      "badplatser",
      badplatserCsv([
        { id: "B1", name: "Stångebrobadet" },
        { id: "B2", name: "Tinnis" },
      ]),
    );
    const changed = await get("/catalog.rdf", { "If-None-Match": etag });
    assert.equal(changed.status, 200);
    await changed.arrayBuffer();
    assert.notEqual(changed.headers.get("etag"), etag);
  });

  test("an unknown organization is a 404 that says so, in Swedish or English", async () => {
    const sv = await get("/organizations/9999/catalog.rdf");
    assert.equal(sv.status, 404);
    const body = (await sv.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "NOT_FOUND");
    const en = await get("/api/v1/organizations/9999/catalog/preflight", { "Accept-Language": "en" });
    assert.equal(en.status, 404);
    assert.match(((await en.json()) as { error: { message: string } }).error.message, /9999/);
  });

  test("pre-flight: a placeholder contact is a finding, in Swedish and in English, and never conforms", async () => {
    const response = await get("/api/v1/organizations/0580/catalog/preflight");
    assert.equal(response.status, 200);
    const report = (await response.json()) as {
      conforms: boolean;
      datasets: number;
      shapes: string[];
      violations: { constraint: string; resource: string; message: string }[];
      contact: { email: string; placeholder: boolean };
      notices: string[];
    };
    assert.equal(report.conforms, false);
    assert.deepEqual(report.contact, { email: "dataverkstad+0580@data.example.se", placeholder: true });
    // The shapes pass: the placeholder is the only finding.
    assert.deepEqual(
      report.violations.map((v) => [v.constraint, v.resource]),
      [["PlaceholderContact", `${PUBLIC_URL}/organizations/0580#contact`]],
    );
    assert.match(report.violations[0]?.message ?? "", /inte klar för dataportal\.se/);
    assert.equal(report.datasets, 1);
    assert.equal(report.shapes.length, 2);
    assert.match(report.notices[0] ?? "", /Katalogen är inte klar för dataportal\.se/);
    const etag = response.headers.get("etag") ?? "";
    assert.equal(
      (await get("/api/v1/organizations/0580/catalog/preflight", { "If-None-Match": etag })).status,
      304,
    );
    const en = (await (
      await get("/api/v1/organizations/0580/catalog/preflight", { "Accept-Language": "en" })
    ).json()) as {
      notices: string[];
    };
    assert.match(en.notices[0] ?? "", /not ready for dataportal\.se/);
  });

  test("pre-flight: with the organization's own contact the catalog conforms, and the export carries it", async () => {
    const before = (await get("/organizations/0580/catalog.ttl")).headers.get("etag") ?? "";
    await platform.db.query(
      "UPDATE organizations SET contact_email = 'oppnadata@linkoping.se', contact_updated_at = now() WHERE code = '0580'",
    );
    const report = (await (await get("/api/v1/organizations/0580/catalog/preflight")).json()) as {
      conforms: boolean;
      violations: unknown[];
      contact: { email: string; placeholder: boolean };
      notices: string[];
    };
    assert.deepEqual(report.violations, []);
    assert.equal(report.conforms, true);
    assert.deepEqual(report.contact, { email: "oppnadata@linkoping.se", placeholder: false });
    assert.ok(report.notices.every((n) => !/platshållare/.test(n)));
    // A new contact is a new export: the old ETag no longer matches.
    assert.equal((await get("/organizations/0580/catalog.ttl", { "If-None-Match": before })).status, 200);
    const graph = await turtle("/organizations/0580/catalog.ttl");
    const contact = graph.one(`${PUBLIC_URL}/catalog/datasets/0580.badplatser`, `${DCAT}contactPoint`);
    assert.equal(
      graph.one(contact, "http://www.w3.org/2006/vcard/ns#hasEmail"),
      "mailto:oppnadata@linkoping.se",
    );
  });

  test("quality: every point of the 405 has its reason", async () => {
    const response = await get("/api/v1/catalog/datasets/0580.badplatser/quality");
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      dataset: { id: string; title: string };
      score: {
        points: number;
        maxPoints: number;
        rating: string;
        dimensions: Record<string, { points: number; maxPoints: number }>;
        indicators: { dimension: string; weight: number; points: number; reason: string }[];
      };
    };
    assert.equal(body.dataset.id, "0580.badplatser");
    assert.equal(body.score.maxPoints, 405);
    assert.equal(
      body.score.indicators.reduce((sum, i) => sum + i.weight, 0),
      405,
    );
    const sum = body.score.indicators.reduce((total, i) => total + i.points, 0);
    assert.ok(Math.abs(sum - body.score.points) < 0.01);
    assert.ok(body.score.indicators.every((i) => i.reason.length > 0));
    assert.deepEqual(
      Object.fromEntries(Object.entries(body.score.dimensions).map(([k, v]) => [k, v.maxPoints])),
      { findability: 100, accessibility: 100, interoperability: 110, reusability: 75, contextuality: 20 },
    );
    assert.equal(body.score.rating, "excellent");
    const compliance = body.score.indicators.find(
      (i) => i.weight === 30 && i.dimension === "interoperability",
    );
    assert.equal(compliance?.points, 30);

    const org = (await (await get("/api/v1/organizations/0580/catalog/quality")).json()) as {
      score: { points: number } | null;
      datasets: unknown[];
    };
    assert.equal(org.datasets.length, 1);
    assert.equal(org.score?.points, body.score.points);
    const none = (await (await get("/api/v1/organizations/2580/catalog/quality")).json()) as {
      score: unknown;
    };
    assert.equal(none.score, null);
    assert.equal((await get("/api/v1/catalog/datasets/0580.lekplatser/quality")).status, 404);
    assert.equal((await get("/api/v1/catalog/datasets/not-an-id/quality")).status, 400);
    assert.equal((await get("/api/v1/catalog/datasets/national.badplatser/quality")).status, 200);
  });

  test("a dataset's IRI resolves: RDF by Accept, else 303 to its page", async () => {
    const graph = new Graph(
      new Parser().parse(
        await (await get("/catalog/datasets/0580.badplatser", { Accept: "text/turtle" })).text(),
      ),
    );
    const dataset = `${PUBLIC_URL}/catalog/datasets/0580.badplatser`;
    assert.deepEqual(graph.ofType(`${DCAT}Dataset`), [dataset]);
    assert.equal(graph.objects(dataset, `${DCAT}distribution`).length, 4);
    const xml = await get("/catalog/datasets/national.badplatser", { Accept: "application/rdf+xml" });
    assert.match(xml.headers.get("content-type") ?? "", /^application\/rdf\+xml/);
    await xml.arrayBuffer();
    const page = await fetch(`${platform.url}/catalog/datasets/0580.badplatser`, {
      headers: { Accept: "text/html" },
      redirect: "manual",
    });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get("location"), `${PUBLIC_URL}/organizations/0580/publications/badplatser`);
    assert.equal((await get("/catalog/datasets/0580.lekplatser", { Accept: "text/turtle" })).status, 404);
  });

  test("the catalog routes are in the OpenAPI document", async () => {
    const document = (await (await get("/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of [
      "/catalog.rdf",
      "/organizations/{code}/catalog.ttl",
      "/api/v1/organizations/{code}/catalog/preflight",
      "/api/v1/catalog/datasets/{id}/quality",
    ]) {
      assert.ok(path in document.paths, path);
    }
  });
});
