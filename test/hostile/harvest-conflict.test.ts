// Issue 22, item 11: two organizations' harvested catalogs describe the same dataset IRI (all of
// DIGG's examples use https://example.com/dataset1). Nothing may be lost silently: the export
// carries both descriptions, each under its organization's own IRI with the source IRI kept as
// adms:identifier, still with zero SHACL violations, and both organizations are told, in their
// harvest results and in pre-flight, in Swedish and English.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { after, before, describe, test } from "node:test";
import { Parser } from "n3";
import { publisherToken } from "../support/accounts.ts";
import { startOrigin } from "../support/origin.ts";
import { parseRdfXml, violations } from "../support/rdf.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const DIGG = new URL("../fixtures/dcat-ap-se/", import.meta.url);
const SHARED_IRI = "https://example.com/dataset1";
const DCAT = "http://www.w3.org/ns/dcat#";
const ADMS = "http://www.w3.org/ns/adms#";
const SKOS = "http://www.w3.org/2004/02/skos/core#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const example = readFileSync(new URL("exempel-obligatoriskt.ttl", DIGG), "utf8");
// Stockholm's catalog copies the example and only changes the title: the same dataset IRI.
const stockholms = example.replace("Matvaruaffärer i Sverige", "Matvaruaffärer i Stockholm");

interface SourceList {
  items: { notes: string[] }[];
}

describe("the same dataset IRI in two organizations' catalogs (issue 22, item 11)", () => {
  let platform: TestPlatform;
  let origin: { server: Server; base: string };
  const tokens: Record<string, string> = {};

  before(async () => {
    origin = await startOrigin((req, res) => {
      const body = req.url === "/stockholm.ttl" ? stockholms : example;
      res.writeHead(200, { "Content-Type": "text/turtle" }).end(body);
    });
    platform = await startTestPlatform({ env: { ALLOWED_PRIVATE_HOSTS: new URL(origin.base).host } });
    tokens["0580"] = await publisherToken(platform.db, "0580");
    tokens["0180"] = await publisherToken(platform.db, "0180");
  });
  after(async () => {
    await platform.close();
    origin.server.closeAllConnections();
    origin.server.close();
  });

  const sources = (code: string, init: RequestInit = {}, language = "sv") =>
    fetch(`${platform.url}/api/v1/organizations/${code}/harvest-sources`, {
      ...init,
      headers: {
        Authorization: `Bearer ${tokens[code] ?? ""}`,
        "Content-Type": "application/json",
        "Accept-Language": language,
      },
    });
  const register = async (code: string, path: string) => {
    const response = await sources(code, {
      method: "POST",
      body: JSON.stringify({ url: `${origin.base}${path}` }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { run: { status: string; notes: string[] } }).run;
  };

  test("both descriptions are exported, the conflict is told to both, and the shapes still pass", async () => {
    const linkoping = await register("0580", "/linkoping.ttl");
    assert.equal(linkoping.status, "harvested");
    assert.deepEqual(linkoping.notes, [], "no conflict yet");
    const stockholm = await register("0180", "/stockholm.ttl");
    assert.equal(stockholm.status, "harvested");

    // The export: two datasets, each the organization's own, each naming the source IRI.
    const quads = await parseRdfXml(await (await fetch(`${platform.url}/catalog.rdf`)).text());
    const datasets = [
      ...new Set(
        quads
          .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)
          .map((q) => q.subject.value),
      ),
    ];
    assert.equal(datasets.length, 2, datasets.join(", "));
    assert.ok(!datasets.includes(SHARED_IRI), "the shared IRI is nobody's export IRI");
    assert.ok(datasets.some((d) => d.includes("/organizations/0580/")));
    assert.ok(datasets.some((d) => d.includes("/organizations/0180/")));
    const titles = quads
      .filter((q) => datasets.includes(q.subject.value) && q.predicate.value === `${DCT}title`)
      .map((q) => q.object.value)
      .sort();
    assert.deepEqual(titles, ["Matvaruaffärer i Stockholm", "Matvaruaffärer i Sverige"]);
    for (const dataset of datasets) {
      const identifier = quads.find(
        (q) => q.subject.value === dataset && q.predicate.value === `${ADMS}identifier`,
      );
      assert.ok(identifier !== undefined, `${dataset} keeps the source IRI`);
      const notation = quads.find(
        (q) => q.subject.value === identifier.object.value && q.predicate.value === `${SKOS}notation`,
      );
      assert.equal(notation?.object.value, SHARED_IRI);
    }
    assert.deepEqual(await violations(quads), []);
    const turtle = new Parser().parse(await (await fetch(`${platform.url}/catalog.ttl`)).text());
    assert.deepEqual(await violations(turtle), []);
    // Each organization-scoped IRI resolves to its organization's page.
    for (const dataset of datasets) {
      const path = new URL(dataset).pathname;
      const answer = await fetch(`${platform.url}${path}`, { redirect: "manual" });
      assert.equal(answer.status, 303, path);
      assert.match(answer.headers.get("location") ?? "", /^\/organizations\/(0580|0180)$/);
    }

    // Harvest results: the later run says so, and the earlier organization's source now does too.
    assert.ok(
      stockholm.notes.some((n) => n.includes(SHARED_IRI) && n.includes("0580")),
      stockholm.notes.join("\n"),
    );
    const linkopingNotes = ((await (await sources("0580")).json()) as SourceList).items.flatMap(
      (s) => s.notes,
    );
    assert.ok(
      linkopingNotes.some((n) => n.includes(SHARED_IRI) && n.includes("0180")),
      linkopingNotes.join("\n"),
    );
    const inEnglish = ((await (await sources("0580", {}, "en")).json()) as SourceList).items.flatMap(
      (s) => s.notes,
    );
    assert.ok(
      inEnglish.some((n) => /is also described in the catalog harvested from/.test(n)),
      inEnglish.join("\n"),
    );

    // Pre-flight, both organizations, Swedish and English: with their own contacts given, the
    // shared IRI is told but breaks no shape, so both still conform.
    await platform.db.query(
      "UPDATE organizations SET contact_email = 'oppnadata@' || code || '.example.se', contact_updated_at = now() WHERE code IN ('0580', '0180')",
    );
    for (const [code, other] of [
      ["0580", "0180"],
      ["0180", "0580"],
    ] as const) {
      for (const [language, pattern] of [
        ["sv", /beskrivs också i katalogen/],
        ["en", /is also described in the catalog/],
      ] as const) {
        const preflight = (await (
          await fetch(`${platform.url}/api/v1/organizations/${code}/catalog/preflight`, {
            headers: { "Accept-Language": language },
          })
        ).json()) as { notices: string[]; conforms: boolean };
        const notice = preflight.notices.find((n) => n.includes(SHARED_IRI));
        assert.ok(notice !== undefined, `${code} ${language}: ${preflight.notices.join("\n")}`);
        assert.match(notice, pattern);
        assert.ok(notice.includes(other), notice);
        assert.equal(preflight.conforms, true);
      }
    }
  });
});
