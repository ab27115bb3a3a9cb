import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { alternativesOf, authorityCode, compoundTails, prefixQuery } from "./search.ts";

describe("catalog search text", () => {
  test("a query becomes prefix terms of its folded words; syntax characters never reach the tsquery", () => {
    assert.equal(prefixQuery("Badplats"), "badplats:*");
    assert.equal(prefixQuery("Linköping  lekplatser"), "linkoping:* & lekplatser:*");
    assert.equal(prefixQuery("bad & | ! :* ( ' \\"), "bad:*");
    assert.equal(prefixQuery("  !!  "), null);
    assert.equal(
      prefixQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))?.split(" & ").length,
      16,
    );
  });

  test("a definite form in -et and the words searchers use for the list's datasets are looked for too", () => {
    assert.equal(prefixQuery("Biblioteket"), "(biblioteket:* | bibliotek:*)");
    assert.equal(
      prefixQuery("laddstolpar i Lund"),
      "(laddstolpar:* | laddplats:* | laddpunkt:*) & i:* & lund:*",
    );
    assert.equal(prefixQuery("Badstränder"), "(badstrander:* | badplats:*)");
    assert.equal(prefixQuery("dagis"), "(dagis:* | forskol:*)");
    // Only inflections of a key: a longer word that merely begins like one is left alone.
    assert.equal(prefixQuery("eventuellt"), "eventuellt:*");
    assert.deepEqual(alternativesOf("torget"), []);
    assert.deepEqual(alternativesOf("stadshuset"), ["stadshus"]);
  });

  test("the tails of longer words let a part of a compound be found by prefix", () => {
    const tails = compoundTails("badplatser cykel").split(" ");
    assert.ok(tails.includes("platser"));
    assert.ok(tails.includes("ykel"));
    assert.ok(!tails.includes("badplatser"), "the whole word is indexed on its own");
    assert.ok(tails.every((t) => t.length >= 3));
    assert.equal(compoundTails("bad"), "");
  });

  test("an authority IRI's code is its last segment", () => {
    assert.equal(authorityCode("http://publications.europa.eu/resource/authority/data-theme/ENVI"), "ENVI");
  });
});
