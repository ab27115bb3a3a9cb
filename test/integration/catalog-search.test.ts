// Catalog search over HTTP: Swedish stems, diacritics and compounds, facets, paging, freshness
// right after a publish, and clear errors for bad parameters.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exampleFor } from "../../src/demo/index.ts";
import { createServices, type Services } from "../../src/platform/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv, publishCsv } from "../support/publishing.ts";

const PUBLIC_URL = "https://data.example.se";

interface Hit {
  id: string;
  title: string;
  iri: string;
  landingPage: string;
  organization: { code: string; name: string } | null;
  lan: { code: string; name: string } | null;
  formats: string[];
  themes: { code: string; label: string }[];
  specification: { slug: string; title: string } | null;
}
interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
interface SearchPage {
  items: Hit[];
  total: number;
  next: string | null;
  facets: Record<string, FacetValue[]>;
}

describe("catalog search", () => {
  let platform: TestPlatform;
  let services: Services;

  const publish = async (organizationCode: string, slug: string, body?: string) => {
    const csv = body ?? (await exampleFor(services, slug, undefined, organizationCode));
    await publishCsv(services.publishing, organizationCode, slug, csv);
  };
  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}/api/v1/catalog/datasets${query}`, { headers });
  const search = async (query: string, headers: Record<string, string> = {}): Promise<SearchPage> => {
    const response = await get(query, headers);
    assert.equal(response.status, 200, `${query}: ${await response.clone().text()}`);
    return (await response.json()) as SearchPage;
  };
  const ids = (page: SearchPage) => page.items.map((hit) => hit.id).sort();
  /** The organizations' own datasets, without the national compilations. */
  const own = (page: SearchPage) => ids(page).filter((id) => !id.startsWith("national."));

  before(async () => {
    platform = await startTestPlatform({ env: { PUBLIC_URL } });
    services = createServices(platform.db, { dataDir: platform.dataDir });
  });
  after(() => platform.close());

  test("an empty catalog answers with no matches and empty facets", async () => {
    const page = await search("?q=badplats");
    assert.equal(page.total, 0);
    assert.deepEqual(page.items, []);
    assert.equal(page.next, null);
    assert.deepEqual(page.facets.org, []);
  });

  test("a dataset is found right after it is published, by its Swedish stem", async () => {
    await publish("0580", "badplatser", badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]));
    const page = await search("?q=badplats");
    // The publication, and the national dataset it now contributes to.
    assert.deepEqual(ids(page), ["0580.badplatser", "national.badplatser"]);
    const hit = page.items.find((h) => h.id === "0580.badplatser");
    assert.ok(hit);
    assert.equal(hit.title, "Badplatser – Linköpings kommun");
    assert.equal(hit.iri, `${PUBLIC_URL}/catalog/datasets/0580.badplatser`);
    assert.equal(hit.organization?.code, "0580");
    assert.equal(hit.lan?.code, "05");
    assert.deepEqual(hit.formats, ["CSV", "JSON", "GEOJSON"]);
    assert.equal(hit.specification?.slug, "badplatser");
  });

  test("inflections, capitals, missing diacritics and parts of compounds all find it", async () => {
    await publish("0180", "lekplatser");
    for (const q of ["Badplatser", "BADPLATSERNA", "badpl", "linkoping badplatser", "Linköping"]) {
      assert.deepEqual(own(await search(`?q=${encodeURIComponent(q)}`)), ["0580.badplatser"], q);
    }
    // "plats" is the tail of both compounds.
    assert.deepEqual(own(await search("?q=plats")), ["0180.lekplatser", "0580.badplatser"]);
    assert.deepEqual(ids(await search("?q=lekplats")), ["0180.lekplatser", "national.lekplatser"]);
    // The words searchers use for them: a beach is a bathing place, a park to play in a playground.
    assert.deepEqual(own(await search("?q=badstränder")), ["0580.badplatser"]);
    assert.deepEqual(own(await search("?q=lekparker")), ["0180.lekplatser"]);
  });

  test("the national dataset is published by the platform, for the whole country", async () => {
    const page = await search("?q=badplats");
    const national = page.items.find((hit) => hit.id === "national.badplatser");
    assert.ok(national);
    assert.equal(national.organization, null);
    assert.equal(national.landingPage, `${PUBLIC_URL}/data/badplatser`);
  });

  test("facets count every match, and a facet filter narrows the matches", async () => {
    const all = await search("?q=plats");
    const org = Object.fromEntries(all.facets.org?.map((v) => [v.value, v.count]) ?? []);
    assert.deepEqual(org, { "0180": 1, "0580": 1 });
    const lan = all.facets.lan?.find((v) => v.value === "05");
    assert.equal(lan?.label, "Östergötlands län");
    assert.ok(all.facets.format?.some((v) => v.value === "CSV" && v.count >= 2));
    assert.ok(all.facets.license?.some((v) => v.label === "CC0 1.0"));

    const narrowed = await search("?q=plats&org=0580");
    assert.deepEqual(ids(narrowed), ["0580.badplatser"]);
    assert.equal(narrowed.facets.org?.[0]?.selected, true);
    assert.deepEqual(ids(await search("?q=plats&lan=01")), ["0180.lekplatser"]);
    assert.deepEqual(ids(await search("?q=plats&org=0580,0180")), ["0180.lekplatser", "0580.badplatser"]);
    assert.deepEqual(ids(await search("?q=plats&org=0580&org=0180")), ["0180.lekplatser", "0580.badplatser"]);
    assert.deepEqual(ids(await search("?q=plats&spec=lekplatser")), [
      "0180.lekplatser",
      "national.lekplatser",
    ]);
    assert.equal((await search("?q=plats&hvd=true")).total, 0);
    assert.equal((await search("?q=plats&theme=NOPE")).total, 0);
  });

  test("pages follow one another by cursor without repeats", async () => {
    const first = await search("?limit=1&sort=title");
    assert.ok(first.total >= 2);
    assert.equal(first.items.length, 1);
    assert.ok(first.next !== null);
    const second = await search(`?limit=1&sort=title&cursor=${first.next}`);
    assert.equal(second.total, first.total);
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);
  });

  test("titles come in English on request", async () => {
    const page = await search("?q=badplats", { "Accept-Language": "en" });
    assert.equal(page.items[0]?.title, "Bathing sites – Linköpings kommun");
  });

  test("query syntax characters are words, never an error", async () => {
    for (const q of ["bad & | ! :* ( ' \"", "<>", "'); DROP TABLE x; --", "—", "%_\\"]) {
      const page = await search(`?q=${encodeURIComponent(q)}`);
      assert.ok(page.total >= 0, q);
    }
  });

  test("bad parameters are refused with a clear message naming the parameter", async () => {
    for (const [query, parameter] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      [`?q=${"a".repeat(201)}`, "q"],
      ["?cursor=bm90LWEtbnVtYmVy", "cursor"],
      ["?sort=random", "sort"],
      ["?hvd=maybe", "hvd"],
      [`?theme=${Array.from({ length: 51 }, (_, i) => `T${i}`).join(",")}`, "theme"],
    ] as const) {
      const response = await get(query);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
      assert.equal(body.error.code, "BAD_REQUEST");
      assert.match(JSON.stringify(body.error), new RegExp(parameter), query);
    }
  });
});
