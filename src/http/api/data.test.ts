import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchesIfNoneMatch, negotiateFormat } from "./data.ts";

describe("data API negotiation", () => {
  test("format wins over Accept; Accept picks by q, then specificity; JSON otherwise", () => {
    assert.equal(negotiateFormat("csv", "application/geo+json"), "csv");
    assert.equal(negotiateFormat(undefined, undefined), "json");
    assert.equal(negotiateFormat(undefined, "text/csv"), "csv");
    assert.equal(negotiateFormat(undefined, "application/geo+json"), "geojson");
    assert.equal(negotiateFormat(undefined, "text/csv;q=0.5, application/geo+json;q=0.9"), "geojson");
    assert.equal(negotiateFormat(undefined, "text/*"), "csv");
    assert.equal(negotiateFormat(undefined, "*/*"), "json");
    assert.equal(negotiateFormat(undefined, "text/html,application/xhtml+xml,*/*;q=0.8"), "json");
    assert.equal(negotiateFormat(undefined, "application/json;q=0, text/csv;q=0.1"), "csv");
    assert.equal(negotiateFormat(undefined, "image/png"), "json");
  });

  test("If-None-Match compares weakly and takes lists and *", () => {
    const etag = 'W/"abc"';
    assert.equal(matchesIfNoneMatch(undefined, etag), false);
    assert.equal(matchesIfNoneMatch('W/"abc"', etag), true);
    assert.equal(matchesIfNoneMatch('"abc"', etag), true);
    assert.equal(matchesIfNoneMatch('"x", W/"abc"', etag), true);
    assert.equal(matchesIfNoneMatch("*", etag), true);
    assert.equal(matchesIfNoneMatch('"abd"', etag), false);
  });
});
