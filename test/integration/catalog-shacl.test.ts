// Conformance in CI: on demo content, /catalog.rdf parses as RDF/XML and it and
// /organizations/0580/catalog.ttl pass the EU DCAT-AP 3.0.1 shapes plus DIGG's DCAT-AP-SE
// additions, as the project keeps them (src/catalog/reference), with zero violations.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Quad } from "@rdfjs/types";
import { Parser } from "n3";
import { createLogger } from "../../src/core/index.ts";
import { exampleFor, fillDemo } from "../../src/demo/index.ts";
import { createServices } from "../../src/platform/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { publishCsv } from "../support/publishing.ts";
import { HVD_SHAPES, parseRdfXml, violations } from "../support/rdf.ts";

const DCAT = "http://www.w3.org/ns/dcat#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const subjectsOfType = (quads: readonly Quad[], type: string) =>
  new Set(
    quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type)
      .map((q) => q.subject.value),
  );

describe("the DCAT-AP-SE catalog on demo content", () => {
  let platform: TestPlatform;
  let publications = 0;
  // Fetched before any validation: SHACL runs on this process's event loop, the server's too, and a
  // long validation between two requests would let a kept-alive connection time out under the client.
  let national: Response;
  let nationalText: string;
  let linkoping: Response;
  let linkopingText: string;
  let highValueText: string;
  // 0580 once it has given its own contact: its pre-flight and its catalog.
  let ownContact: { report: (typeof preflights)[number]["report"]; turtle: string };
  const preflights: {
    code: string;
    status: number;
    report: {
      conforms: boolean;
      violations: { constraint: string }[];
      contact: { placeholder: boolean };
      datasets: number;
      shapes: string[];
    };
  }[] = [];

  before(async () => {
    platform = await startTestPlatform();
    const services = createServices(platform.db, { dataDir: platform.dataDir });
    const filled = await fillDemo(services, createLogger("silent"));
    publications = filled.publications;
    assert.ok(publications > 200, `demo publications: ${publications}`);
    // Luftkvalitet is a high-value dataset (earth observation and environment).
    await publishCsv(
      services.publishing,
      "0580",
      "luftkvalitet",
      await exampleFor(services, "luftkvalitet", undefined, "0580"),
    );
    highValueText = await (
      await fetch(`${platform.url}/catalog/datasets/0580.luftkvalitet`, {
        headers: { Accept: "text/turtle" },
      })
    ).text();
    national = await fetch(`${platform.url}/catalog.rdf`);
    nationalText = await national.text();
    linkoping = await fetch(`${platform.url}/organizations/0580/catalog.ttl`);
    linkopingText = await linkoping.text();
    const codes = await platform.db.query<{ organization_code: string }>(
      "SELECT DISTINCT organization_code FROM publications WHERE current_release_id IS NOT NULL ORDER BY 1 LIMIT 5",
    );
    for (const code of ["0580", ...codes.map((c) => c.organization_code)]) {
      const response = await fetch(`${platform.url}/api/v1/organizations/${code}/catalog/preflight`);
      preflights.push({
        code,
        status: response.status,
        report: (await response.json()) as (typeof preflights)[number]["report"],
      });
    }
    await platform.db.query(
      "UPDATE organizations SET contact_email = 'oppnadata@linkoping.se', contact_updated_at = now() WHERE code = '0580'",
    );
    ownContact = {
      report: (await (
        await fetch(`${platform.url}/api/v1/organizations/0580/catalog/preflight`)
      ).json()) as (typeof preflights)[number]["report"],
      turtle: await (await fetch(`${platform.url}/organizations/0580/catalog.ttl`)).text(),
    };
  });
  after(() => platform.close());

  test("/catalog.rdf parses as RDF/XML and passes DCAT-AP 3.0.1 + DCAT-AP-SE with zero violations", async () => {
    assert.equal(national.status, 200);
    assert.match(national.headers.get("content-type") ?? "", /^application\/rdf\+xml/);
    const quads = await parseRdfXml(nationalText);
    // One dataset per publication with a current release, and one per national dataset: each
    // specification with published rows.
    const [row] = await platform.db.query<{ publications: number; national: number }>(
      `SELECT count(*)::int AS publications,
              count(DISTINCT p.spec_slug) FILTER (WHERE r.rows_published > 0)::int AS national
       FROM publications p JOIN releases r ON r.id = p.current_release_id`,
    );
    assert.ok(row !== undefined && row.publications >= publications && row.national > 0);
    assert.equal(subjectsOfType(quads, `${DCAT}Dataset`).size, row.publications + row.national);
    assert.equal(subjectsOfType(quads, `${DCAT}Catalog`).size, 1);
    assert.equal(subjectsOfType(quads, `${DCAT}DataService`).size, 2);
    assert.ok(quads.every((q) => q.subject.termType === "NamedNode" && q.object.termType !== "BlankNode"));
    assert.deepEqual(await violations(quads), []);
  });

  test("/organizations/0580/catalog.ttl passes the same shapes with zero violations", async () => {
    assert.equal(linkoping.status, 200);
    assert.match(linkoping.headers.get("content-type") ?? "", /^text\/turtle/);
    const quads = new Parser().parse(linkopingText);
    const [row] = await platform.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM publications WHERE organization_code = '0580' AND current_release_id IS NOT NULL",
    );
    assert.equal(subjectsOfType(quads, `${DCAT}Dataset`).size, row?.n);
    assert.deepEqual(await violations(quads), []);
  });

  test("a high-value dataset also passes the DCAT-AP HVD 3.0.0 shapes with zero violations", async () => {
    const quads = new Parser().parse(highValueText);
    const dataset = `${platform.url}/catalog/datasets/0580.luftkvalitet`;
    assert.ok(
      quads.some(
        (q) =>
          q.subject.value === dataset &&
          q.predicate.value === "http://data.europa.eu/r5r/applicableLegislation" &&
          q.object.value === "http://data.europa.eu/eli/reg_impl/2023/138/oj",
      ),
    );
    assert.deepEqual(await violations(quads, HVD_SHAPES), []);
    const linkopingPreflight = preflights.find((p) => p.code === "0580");
    assert.ok(linkopingPreflight?.report.shapes.includes("DCAT-AP HVD 3.0.0 (EU)"));
  });

  test("the pre-flight check agrees: no shape is violated, and a placeholder contact alone keeps it from conforming", () => {
    assert.ok(preflights.length > 0);
    for (const { code, status, report } of preflights) {
      assert.equal(status, 200, code);
      assert.ok(report.datasets > 0);
      // Demo organizations have given no contact address: the placeholder is their only finding.
      assert.equal(report.contact.placeholder, true, code);
      assert.deepEqual(
        report.violations.map((v) => v.constraint),
        ["PlaceholderContact"],
        JSON.stringify(report.violations),
      );
      assert.equal(report.conforms, false, code);
    }
  });

  test("an organization that gives its own contact conforms, and its catalog still passes the shapes", async () => {
    const { report, turtle } = ownContact;
    assert.deepEqual(report.violations, []);
    assert.equal(report.conforms, true);
    const quads = new Parser().parse(turtle);
    assert.ok(quads.some((q) => q.object.value === "mailto:oppnadata@linkoping.se"));
    assert.ok(quads.some((q) => q.object.value === "http://dataportal.se/organisation/SE2120000449"));
    assert.deepEqual(await violations(quads), []);
  });
});
