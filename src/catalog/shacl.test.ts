import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Parser } from "n3";
import { datasetOf, validate } from "./shacl.ts";

// A dataset as a careless catalog writes it: no publisher, and a licence nobody typed.
const BROKEN = `
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://example.se/d1> a dcat:Dataset ;
  dcterms:title "Badplatser"@sv ;
  dcterms:description "Kommunens badplatser."@sv ;
  dcat:distribution <https://example.se/d1/csv> .
<https://example.se/d1/csv> a dcat:Distribution ;
  dcat:accessURL <https://example.se/badplatser.csv> ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> .
`;

describe("SHACL results in plain words", () => {
  test("say which property, what was expected and what was found, in Swedish and English", async () => {
    const results = await validate(datasetOf(new Parser().parse(BROKEN)));
    const publisher = results.find((r) => r.path === "http://purl.org/dc/terms/publisher");
    assert.ok(publisher, JSON.stringify(results));
    assert.equal(publisher.focusNode, "https://example.se/d1");
    assert.equal(publisher.constraint, "MinCountConstraintComponent");
    assert.equal(
      publisher.message.sv,
      "Utgivare (dcterms:publisher): förväntade minst 1 värde, fann inget värde.",
    );
    assert.equal(
      publisher.message.en,
      "Publisher (dcterms:publisher): expected at least 1 value, found no value.",
    );
    const licence = results.find((r) => r.path === "http://purl.org/dc/terms/license");
    assert.ok(licence);
    assert.equal(licence.expected.sv, "en resurs av typen dcterms:LicenseDocument");
    assert.equal(licence.found.sv, "http://creativecommons.org/publicdomain/zero/1.0/, utan typ");
    assert.equal(results.length, 2);
  });

  test("run off the calling thread: the event loop keeps turning while a catalog is checked", async () => {
    const dataset = datasetOf(new Parser().parse(BROKEN));
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      // Several checks in a row, each answered in order, while timers keep firing.
      const all = await Promise.all([validate(dataset), validate(dataset), validate(dataset)]);
      assert.deepEqual(
        all.map((r) => r.length),
        [2, 2, 2],
      );
    } finally {
      clearInterval(ticker);
    }
    assert.ok(ticks > 0, "no timer fired while the validations ran");
  });
});
