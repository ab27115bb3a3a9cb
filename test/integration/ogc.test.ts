import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { validate } from "@readme/openapi-parser";
import type { JsonValue } from "../../src/consolidation/index.ts";
import { badplats, insertDatasetRows, type TestRow } from "../support/dataset-rows.ts";
import { getJson } from "../support/http.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}
interface Collection {
  id: string;
  title: string;
  itemType: string;
  crs: string[];
  extent: { spatial: { bbox: number[][]; crs: string }; temporal: { interval: (string | null)[][] } };
  links: Link[];
}
interface FeatureCollection {
  type: "FeatureCollection";
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
  features: {
    type: "Feature";
    id: string;
    geometry: { type: "Point"; coordinates: [number, number] } | null;
    properties: Record<string, JsonValue>;
  }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

let platform: TestPlatform;
const ROWS = 25;
before(async () => {
  platform = await startTestPlatform();
  const rows: TestRow[] = [];
  for (let n = 1; n <= 20; n++) rows.push({ organization: "0580", data: badplats(n) });
  for (let n = 1; n <= 5; n++)
    rows.push({ organization: "1280", data: badplats(n, n === 1 ? { id: "BAD/12 x" } : {}) });
  await insertDatasetRows(platform.db, "badplatser", rows);
});
after(async () => {
  await platform.close();
});

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller states the body it expects
const get = <T>(path: string, init?: RequestInit) => getJson<T>(platform.url, path, init);
const rel = (links: Link[], name: string) => links.find((l) => l.rel === name);

describe("OGC API Features", () => {
  test("the landing page links to itself, the API definition, conformance and the data", async () => {
    const { status, headers, body } = await get<{ title: string; links: Link[] }>("/ogc");
    assert.equal(status, 200);
    assert.match(headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(headers.get("access-control-allow-origin"), "*");
    assert.ok(body.title.length > 0);
    assert.equal(rel(body.links, "self")?.href, `${platform.url}/ogc`);
    const desc = rel(body.links, "service-desc");
    assert.equal(desc?.href, `${platform.url}/ogc/api`);
    assert.equal(desc.type, "application/vnd.oai.openapi+json;version=3.0");
    assert.equal(rel(body.links, "conformance")?.href, `${platform.url}/ogc/conformance`);
    assert.equal(rel(body.links, "data")?.href, `${platform.url}/ogc/collections`);
  });

  test("/ogc/api is an OpenAPI 3.0 document of the OGC endpoints", async () => {
    const res = await fetch(`${platform.url}/ogc/api`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/vnd\.oai\.openapi\+json;version=3\.0/);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\.0\./);
    const checked = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    assert.ok(checked.valid, JSON.stringify(checked));
    for (const path of ["/", "/conformance", "/collections", "/collections/{collectionId}/items"]) {
      assert.ok(path in doc.paths, path);
    }
  });

  test("conformance declares Core, GeoJSON and OpenAPI 3.0", async () => {
    const { body } = await get<{ conformsTo: string[] }>("/ogc/conformance");
    assert.deepEqual(body.conformsTo, [
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ]);
  });

  test("collections: one per specification with a position, titled in Swedish or English", async () => {
    const { body } = await get<{ collections: Collection[]; links: Link[] }>("/ogc/collections");
    const ids = body.collections.map((c) => c.id);
    assert.ok(ids.includes("badplatser"));
    assert.ok(ids.includes("stompunkter"), "projected positions count too");
    assert.ok(!ids.includes("leverantorsreskontra"), "no position, no collection");
    const bad = body.collections.find((c) => c.id === "badplatser")!;
    assert.equal(bad.title, "Badplatser");
    assert.equal(bad.itemType, "feature");
    assert.deepEqual(bad.crs, ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]);
    assert.equal(bad.extent.spatial.bbox[0]!.length, 4);
    assert.equal(rel(bad.links, "items")?.href, `${platform.url}/ogc/collections/badplatser/items`);
    assert.equal(rel(bad.links, "items")?.type, "application/geo+json");

    const english = await get<{ collections: Collection[] }>("/ogc/collections", {
      headers: { "Accept-Language": "en" },
    });
    assert.equal(english.body.collections.find((c) => c.id === "badplatser")?.title, "Bathing sites");

    const one = await get<Collection>("/ogc/collections/badplatser");
    assert.equal(one.status, 200);
    assert.equal(one.body.id, "badplatser");
  });

  test("unknown collections and specifications without a position are 404 in the platform's shape", async () => {
    for (const id of ["finns-inte", "leverantorsreskontra"]) {
      for (const path of [`/ogc/collections/${id}`, `/ogc/collections/${id}/items`]) {
        const { status, headers, body } = await get<ErrorBody>(path, { headers: { Accept: "text/html" } });
        assert.equal(status, 404, path);
        assert.match(headers.get("content-type") ?? "", /^application\/json/);
        assert.equal(body.error.code, "NOT_FOUND");
        assert.match(body.error.message, /\/ogc\/collections/);
      }
    }
    const nul = await get<ErrorBody>("/ogc/collections/bad%00platser/items");
    assert.equal(nul.status, 400, "a NUL in the path is the client's mistake, not a database error");
    assert.equal(nul.body.error.code, "BAD_REQUEST");
    const nothing = await get<ErrorBody>("/ogc/nothing-here", { headers: { Accept: "text/html" } });
    assert.equal(nothing.status, 404);
    assert.equal(nothing.body.error.code, "NOT_FOUND");
  });

  test("items: a GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp and links", async () => {
    const { status, headers, body } = await get<FeatureCollection>("/ogc/collections/badplatser/items");
    assert.equal(status, 200);
    assert.match(headers.get("content-type") ?? "", /^application\/geo\+json/);
    assert.ok(headers.get("etag"));
    assert.equal(body.type, "FeatureCollection");
    assert.equal(body.numberMatched, ROWS);
    assert.equal(body.numberReturned, 10, "the default limit is 10");
    assert.ok(!Number.isNaN(Date.parse(body.timeStamp)));
    assert.equal(rel(body.links, "self")?.href, `${platform.url}/ogc/collections/badplatser/items`);
    assert.equal(rel(body.links, "collection")?.href, `${platform.url}/ogc/collections/badplatser`);
    assert.match(rel(body.links, "next")?.href ?? "", /cursor=/);
    const feature = body.features[0]!;
    assert.equal(feature.type, "Feature");
    assert.equal(feature.id, "0580:BAD-0001");
    assert.equal(feature.geometry?.type, "Point");
    assert.equal(feature.properties.name, "Badplats 1");
    assert.equal(feature.properties._organization, "0580");
  });

  test("next links visit every feature once and stop on the last page", async () => {
    const seen: string[] = [];
    let url: string | undefined = `${platform.url}/ogc/collections/badplatser/items?limit=4`;
    let pages = 0;
    while (url !== undefined) {
      const res: Response = await fetch(url);
      assert.equal(res.status, 200);
      const page = (await res.json()) as FeatureCollection;
      assert.equal(page.numberMatched, ROWS);
      assert.equal(page.numberReturned, page.features.length);
      seen.push(...page.features.map((f) => f.id));
      url = rel(page.links, "next")?.href;
      if (url !== undefined) assert.match(url, /limit=4/, "the next link keeps the query");
      pages++;
    }
    assert.equal(pages, Math.ceil(ROWS / 4));
    assert.equal(seen.length, ROWS);
    assert.equal(new Set(seen).size, ROWS);
  });

  test("limit above 10000 is lowered, not refused; bad parameters are 400", async () => {
    const big = await get<FeatureCollection>("/ogc/collections/badplatser/items?limit=50000");
    assert.equal(big.status, 200);
    assert.equal(big.body.numberReturned, ROWS);
    assert.equal(rel(big.body.links, "next"), undefined);
    for (const query of [
      "limit=0",
      "limit=abc",
      "bbox=1,2,3",
      "datetime=yesterday",
      "datetime=2025-13-45T00:00:00Z",
      "color=blue",
      "f=html",
      "f=xml",
    ]) {
      const { status, body } = await get<ErrorBody>(`/ogc/collections/badplatser/items?${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.error.code, "BAD_REQUEST", query);
    }
  });

  test("bbox, kommun, lan and datetime on items", async () => {
    const malmo = await get<FeatureCollection>("/ogc/collections/badplatser/items?kommun=1280");
    assert.equal(malmo.body.numberMatched, 5);
    const lan = await get<FeatureCollection>("/ogc/collections/badplatser/items?lan=05&limit=100");
    assert.equal(lan.body.numberMatched, 20);
    const bbox = await get<FeatureCollection>(
      "/ogc/collections/badplatser/items?bbox=11.0,55.0,12.05,56.05&limit=100",
    );
    assert.ok(bbox.body.numberMatched > 0 && bbox.body.numberMatched < ROWS);
    for (const f of bbox.body.features) {
      const [lon, lat] = f.geometry!.coordinates;
      assert.ok(lon >= 11 && lon <= 12.05 && lat >= 55 && lat <= 56.05);
    }
    for (const datetime of [
      "2025-06-01T12:00:00Z",
      "2025-01-01/..",
      "../2025-01-01T00:00:00+02:00",
      "2025-06-01",
    ]) {
      const { status, body } = await get<FeatureCollection>(
        `/ogc/collections/badplatser/items?datetime=${encodeURIComponent(datetime)}`,
      );
      assert.equal(status, 200, datetime);
      assert.equal(body.numberMatched, ROWS, "no temporal extent: a datetime selects everything");
    }
  });

  test("one feature by its URL-encoded national id", async () => {
    const res = await fetch(
      `${platform.url}/ogc/collections/badplatser/items/${encodeURIComponent("0580:BAD-0012")}`,
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/geo\+json/);
    const feature = (await res.json()) as FeatureCollection["features"][number] & { links: Link[] };
    assert.equal(feature.id, "0580:BAD-0012");
    assert.equal(feature.properties.name, "Badplats 12");
    assert.equal(rel(feature.links, "collection")?.href, `${platform.url}/ogc/collections/badplatser`);
    const odd = await get<{ id: string }>(
      `/ogc/collections/badplatser/items/${encodeURIComponent("1280:BAD/12 x")}`,
    );
    assert.equal(odd.status, 200);
    assert.equal(odd.body.id, "1280:BAD/12 x");
    const nulId = await get<ErrorBody>(
      `/ogc/collections/badplatser/items/${encodeURIComponent("0580:BAD\u0000")}`,
    );
    assert.equal(nulId.status, 400, "a NUL in the path is the client's mistake");
    for (const id of ["0580:BAD-9999", "0580", "nothing"]) {
      const missing = await get<ErrorBody>(`/ogc/collections/badplatser/items/${encodeURIComponent(id)}`);
      assert.equal(missing.status, 404, id);
      assert.equal(missing.body.error.code, "NOT_FOUND");
    }
  });

  test("f=json is accepted everywhere; f=html is refused with a pointer to the web site", async () => {
    assert.equal((await get("/ogc?f=json")).status, 200);
    assert.equal((await get("/ogc/collections?f=json")).status, 200);
    const html = await get<ErrorBody>("/ogc?f=html");
    assert.equal(html.status, 400);
    assert.match(html.body.error.message, /f=json/);
  });
});
