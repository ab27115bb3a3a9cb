// Datasets an organization describes itself: the guided form's API. A description becomes a
// catalog entry at once (published by the organization, passing DCAT-AP-SE), is found by search,
// keeps its IRI when changed, and leaves the export when removed. Bad input names its field.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Parser } from "n3";
import { publisherToken } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { violations } from "../support/rdf.ts";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const LIBRARY = {
  title: { sv: "Bibliotekens öppettider", en: "Library opening hours" },
  description: { sv: "Öppettider för kommunens bibliotek, vecka för vecka.", en: "" },
  keywords: ["bibliotek", "öppettider"],
  theme: "EDUC",
  licence: "CC0",
  accessUrl: "https://www.linkoping.se/bibliotek/oppettider",
  downloadUrl: "https://www.linkoping.se/bibliotek/oppettider.csv",
  format: "CSV",
  frequency: "WEEKLY",
  landingPage: "https://www.linkoping.se/bibliotek",
  contactEmail: "bibliotek@linkoping.se",
};

interface Described {
  id: string;
  exported: boolean | null;
  violations: string[];
  description: { title: { sv: string } };
}

describe("datasets an organization describes itself", () => {
  let platform: TestPlatform;
  let token: string;
  let other: string;

  before(async () => {
    platform = await startTestPlatform({ env: { PUBLIC_URL: "https://data.example.se" } });
    token = await publisherToken(platform.db, "0580");
    other = await publisherToken(platform.db, "1280");
  });
  after(() => platform.close());

  const send = (method: string, path: string, body?: unknown, bearer: string | null = token) =>
    fetch(`${platform.url}/api/v1/organizations/0580/catalog/described${path}`, {
      method,
      headers: {
        "Content-Type": "application/json",
        ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const catalogDatasets = async () => {
    const text = await (await fetch(`${platform.url}/organizations/0580/catalog.ttl`)).text();
    const quads = new Parser().parse(text);
    const datasets = quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)
      .map((q) => q.subject.value);
    const titles = (iri: string) =>
      quads
        .filter((q) => q.subject.value === iri && q.predicate.value === `${DCT}title`)
        .map((q) => q.object.value);
    return { quads, datasets, titles };
  };
  const search = async (q: string) =>
    (
      (await (await fetch(`${platform.url}/api/v1/catalog/datasets?q=${encodeURIComponent(q)}`)).json()) as {
        items: { title: string; kind: string; organization: { code: string } | null }[];
      }
    ).items;

  test("changing needs the right to publish for the organization", async () => {
    assert.equal((await send("POST", "", LIBRARY, null)).status, 401);
    assert.equal((await send("POST", "", LIBRARY, other)).status, 403);
  });

  test("a description that needs fixing is refused, naming each field, and nothing is kept", async () => {
    const response = await send("POST", "", {
      ...LIBRARY,
      title: { sv: " ", en: "" },
      accessUrl: "ftp://example.se/x",
      theme: "NOPE",
      contactEmail: "inte-en-adress",
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as {
      error: { message: string; details: { problems: { field: string }[] } };
    };
    assert.deepEqual(body.error.details.problems.map((p) => p.field).sort(), [
      "accessUrl",
      "contactEmail",
      "theme",
      "title",
    ]);
    assert.match(body.error.message, /Ange en titel på svenska/);
    const list = (await (await send("GET", "")).json()) as { total: number };
    assert.equal(list.total, 0);
  });

  let created: Described;
  test("a description becomes a valid catalog entry published by the organization, and is found by search", async () => {
    const response = await send("POST", "", LIBRARY);
    assert.equal(response.status, 201);
    created = (await response.json()) as Described;
    assert.equal(created.exported, true, JSON.stringify(created.violations));
    const { quads, datasets, titles } = await catalogDatasets();
    assert.equal(datasets.length, 1);
    const [dataset = ""] = datasets;
    assert.deepEqual(titles(dataset).sort(), ["Bibliotekens öppettider", "Library opening hours"]);
    const publisher = quads.find(
      (q) => q.subject.value === dataset && q.predicate.value === `${DCT}publisher`,
    );
    assert.equal(publisher?.object.value, "https://data.example.se/organizations/0580#organization");
    assert.deepEqual(await violations(quads), []);
    // Its IRI resolves: a reader is sent to the organization's described datasets.
    const resolved = await fetch(`${platform.url}${new URL(dataset).pathname}`, { redirect: "manual" });
    assert.equal(resolved.status, 303);
    assert.equal(resolved.headers.get("location"), "/organizations/0580/catalog/described");
    const hits = await search("bibliotek");
    const [hit] = hits;
    assert.ok(hit);
    assert.equal(hit.title, "Bibliotekens öppettider");
    assert.equal(hit.organization?.code, "0580");
  });

  test("a change keeps the entry's IRI; text a Turtle writer must escape comes through as typed", async () => {
    const before = (await catalogDatasets()).datasets;
    const tricky = 'Öppettider "extra" \n"""> . <http://evil.example/> a <x> ;\\';
    const response = await send("PUT", `/${created.id}`, { ...LIBRARY, title: { sv: tricky, en: "" } });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Described).exported, true);
    const { datasets, titles, quads } = await catalogDatasets();
    assert.deepEqual(datasets, before);
    assert.deepEqual(titles(datasets[0] ?? ""), [tricky]);
    assert.ok(!quads.some((q) => q.subject.value.startsWith("http://evil.example")));
  });

  test("removing it takes the entry out of the export and the search", async () => {
    assert.equal((await send("DELETE", `/${created.id}`)).status, 204);
    assert.deepEqual((await catalogDatasets()).datasets, []);
    assert.deepEqual(await search("bibliotek"), []);
    assert.equal((await send("GET", `/${created.id}`)).status, 404);
    const gone = await fetch(`${platform.url}/.well-known/genid/${"0".repeat(32)}`, { redirect: "manual" });
    assert.equal(gone.status, 404);
    assert.equal((await send("DELETE", `/${created.id}`)).status, 404);
  });
});
