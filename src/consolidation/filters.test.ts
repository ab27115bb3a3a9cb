import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../core/index.ts";
import { loadDefinitions } from "../specs/index.ts";
import {
  API_PAGING,
  decodeDataCursor,
  encodeDataCursor,
  OGC_PAGING,
  parseBbox,
  parseDataQuery,
  type ParseOptions,
  type RawParams,
} from "./filters.ts";

const badplatser = loadDefinitions().find((d) => d.definition.slug === "badplatser")!.definition;
const PAGE: ParseOptions = { paging: API_PAGING, passThrough: ["format"] };

function problemOf(params: RawParams, options: ParseOptions = PAGE): string {
  try {
    parseDataQuery(badplatser, params, options);
  } catch (error) {
    assert.ok(isAppError(error));
    assert.equal(error.code, "BAD_REQUEST");
    return error.text.en;
  }
  assert.fail("expected a BAD_REQUEST");
}

describe("parseDataQuery", () => {
  test("defaults: no filter, sort by national id, limit 100", () => {
    const parsed = parseDataQuery(badplatser, {}, PAGE);
    assert.deepEqual(parsed.filter, { fields: [] });
    assert.equal(parsed.sort.field, undefined);
    assert.equal(parsed.limit, 100);
    assert.equal(parsed.after, undefined);
  });

  test("reads the typed field filters from the specification", () => {
    const parsed = parseDataQuery(
      badplatser,
      {
        water_type: "hav",
        eu_bath: "Ja",
        "latitude.min": "58",
        "updated.max": "2025-06",
        name: "Stångebadet",
      },
      PAGE,
    );
    assert.deepEqual(
      [...parsed.filter.fields].sort((a, b) => a.field.localeCompare(b.field)),
      [
        { kind: "boolean", field: "eu_bath", value: true },
        { kind: "number", field: "latitude", op: ">=", value: "58" },
        { kind: "text", field: "name", value: "Stångebadet" },
        { kind: "prefix", field: "updated", op: "<=", value: "2025-06" },
        { kind: "text", field: "water_type", value: "hav" },
      ],
    );
  });

  test("the canonical form ignores parameter order and spelling of booleans", () => {
    const a = parseDataQuery(badplatser, { lan: "05", eu_bath: "ja", limit: "10" }, PAGE);
    const b = parseDataQuery(badplatser, { limit: "10", eu_bath: "true", lan: "05" }, PAGE);
    assert.equal(a.canonical, b.canonical);
    assert.equal(a.filterKey, b.filterKey);
    const c = parseDataQuery(badplatser, { lan: "05", eu_bath: "ja", limit: "11" }, PAGE);
    assert.notEqual(a.canonical, c.canonical);
    assert.equal(a.filterKey, c.filterKey, "the count does not depend on the page size");
  });

  test("every problem is reported at once, naming the parameter", () => {
    const message = problemOf({ kommun: "58", water_type: "ocean", colour: "blue" });
    assert.match(message, /query parameter kommun: must be a municipality code of four digits.*\(got "58"\)/);
    assert.match(
      message,
      /query parameter water_type: the field water_type takes the values hav, sjo, vattendrag/,
    );
    assert.match(
      message,
      /query parameter colour: unknown parameter\. The parameters accepted for badplatser are: kommun, lan/,
    );
  });

  test("ranges only for ordered fields; strings and booleans have none", () => {
    assert.match(problemOf({ "name.min": "A" }), /unknown parameter/);
    assert.match(problemOf({ "eu_bath.max": "true" }), /unknown parameter/);
    assert.match(problemOf({ "latitude.min": "58,5" }), /dot as decimal separator/);
    assert.match(problemOf({ updated: "15/6/2025" }), /YYYY-MM-DD/);
  });

  test("limit: 1..1000 for the API; OGC lowers anything above 10000 to 10000", () => {
    assert.match(problemOf({ limit: "0" }), /from 1 to 1000/);
    assert.match(problemOf({ limit: "1001" }), /from 1 to 1000/);
    assert.match(problemOf({ limit: "-5" }), /from 1 to 1000/);
    assert.equal(parseDataQuery(badplatser, { limit: "99999" }, { paging: OGC_PAGING }).limit, 10_000);
    assert.equal(parseDataQuery(badplatser, {}, { paging: OGC_PAGING }).limit, 10);
  });

  test("exports take no limit or cursor", () => {
    assert.match(problemOf({ limit: "5" }, { paging: undefined }), /limit: unknown parameter/);
    assert.match(problemOf({ cursor: "x" }, { paging: undefined }), /cursor: unknown parameter/);
  });

  test("a parameter given twice is refused", () => {
    assert.match(problemOf({ lan: ["05", "06"] }), /must be given once, it was given 2 times/);
  });
});

describe("parseBbox", () => {
  test("four numbers, or six with heights", () => {
    assert.deepEqual(parseBbox("15.5,58.3,15.7,58.5"), { value: [15.5, 58.3, 15.7, 58.5] });
    assert.deepEqual(parseBbox("15.5,58.3,0,15.7,58.5,100"), { value: [15.5, 58.3, 15.7, 58.5] });
  });

  test("refuses wrong counts, text, reversed corners and out-of-range values", () => {
    for (const text of [
      "1,2,3",
      "1,2,3,4,5",
      "a,b,c,d",
      "15,58,14,59",
      "15,59,16,58",
      "181,0,182,1",
      "0,-91,1,0",
      "",
    ]) {
      assert.ok("problem" in parseBbox(text), text);
    }
  });
});

describe("data cursors", () => {
  const byName = parseDataQuery(badplatser, { sort: "-name" }, PAGE).sort;
  const byLatitude = parseDataQuery(badplatser, { sort: "latitude" }, PAGE).sort;
  const byId = parseDataQuery(badplatser, {}, PAGE).sort;

  test("round-trip", () => {
    const position = { sortValue: "Ängsbadet", organization: "0580", record: "BAD:1" };
    assert.deepEqual(decodeDataCursor(encodeDataCursor(byName, position), byName), position);
    const missing = { sortValue: null, organization: "05", record: "x" };
    assert.deepEqual(decodeDataCursor(encodeDataCursor(byName, missing), byName), missing);
  });

  test("refuses garbage, edits and another sort", () => {
    const cursor = encodeDataCursor(byName, { sortValue: "A", organization: "0580", record: "1" });
    const expectBad = (text: string, sort = byName, reason = /cursor parameter is invalid/) =>
      assert.throws(
        () => decodeDataCursor(text, sort),
        (error: unknown) => isAppError(error) && error.code === "BAD_REQUEST" && reason.test(error.text.en),
      );
    expectBad("not a cursor");
    expectBad("");
    expectBad(Buffer.from("{").toString("base64url"));
    expectBad(
      Buffer.from(JSON.stringify({ v: 1, s: "-name", k: "A", o: "x", r: "1" })).toString("base64url"),
    );
    expectBad(
      Buffer.from(JSON.stringify({ v: 1, s: "latitude", k: "1; DROP", o: "0580", r: "1" })).toString(
        "base64url",
      ),
      byLatitude,
    );
    expectBad(
      Buffer.from(JSON.stringify({ v: 1, s: "", k: "A", o: "0580", r: "1" })).toString("base64url"),
      byId,
    );
    expectBad(cursor, byLatitude, /belongs to sort=-name, but the request sorts by latitude/);
  });

  test("a cursor is checked when the query is parsed", () => {
    assert.match(problemOrCursor({ sort: "name", cursor: "###" }), /cursor parameter is invalid/);
  });
});

function problemOrCursor(params: RawParams): string {
  try {
    parseDataQuery(badplatser, params, PAGE);
  } catch (error) {
    return isAppError(error) ? error.text.en : String(error);
  }
  return "";
}
