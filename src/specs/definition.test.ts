import assert from "node:assert/strict";
import { test } from "node:test";
import { specificationDefinition } from "./definition.ts";

const field = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: "string",
  title: name,
  description: name,
  titles: { sv: name, en: name },
  descriptions: { sv: name, en: name },
  example: "x",
  ...extra,
});

const valid = {
  slug: "exempel",
  version: "1.0.0",
  published: "2026-11-27",
  title: { sv: "Exempel", en: "Example" },
  description: { sv: "Ett exempel", en: "An example" },
  changelog: [{ sv: "Första versionen.", en: "First version." }],
  level: "kommun",
  basis: [{ title: "NDV", url: "https://www.vgregion.se/ov/dataverkstad/" }],
  schema: {
    fields: [
      field("id"),
      field("latitude", { type: "number", geoRole: "latitude" }),
      field("longitude", { type: "number", geoRole: "longitude" }),
    ],
    primaryKey: ["id"],
    geo: { kind: "wgs84", latitude: "latitude", longitude: "longitude" },
  },
  examples: [
    { id: "1", latitude: "58.4", longitude: "15.6" },
    { id: "2", latitude: "58.5", longitude: "15.7" },
  ],
};

function problems(change: (spec: typeof valid) => unknown): string[] {
  const result = specificationDefinition.safeParse(change(structuredClone(valid)));
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

test("a well-formed specification parses, with missingValues defaulting to the empty string", () => {
  const parsed = specificationDefinition.parse(valid);
  assert.deepEqual(parsed.schema.missingValues, [""]);
});

test("a primary key naming no field is refused", () => {
  assert.deepEqual(
    problems((s) => ({ ...s, schema: { ...s.schema, primaryKey: ["nope"] } })),
    ['primary key field "nope" does not exist'],
  );
});

test("geo must name fields with the matching role", () => {
  assert.deepEqual(
    problems((s) => ({
      ...s,
      schema: { ...s.schema, geo: { kind: "wgs84", latitude: "id", longitude: "longitude" } },
    })),
    ['geo names "id", which must be a field with geoRole "latitude"'],
  );
});

test("duplicate field names and unknown example columns are refused", () => {
  assert.ok(
    problems((s) => ({ ...s, schema: { ...s.schema, fields: [...s.schema.fields, field("id")] } })).includes(
      "field names must be unique",
    ),
  );
  assert.deepEqual(
    problems((s) => ({ ...s, examples: [...s.examples, { id: "3", lat: "1" }] })),
    ['example column "lat" is not a field'],
  );
});

test("a basis link must be http(s)", () => {
  assert.equal(problems((s) => ({ ...s, basis: [{ title: "x", url: "javascript:alert(1)" }] })).length, 1);
});

test("a pattern built for catastrophic backtracking is refused when the specification loads", () => {
  const withPattern = (pattern: string) =>
    problems((s) => ({
      ...s,
      schema: {
        ...s.schema,
        fields: [field("id", { constraints: { pattern } }), ...s.schema.fields.slice(1)],
      },
    }));
  assert.equal(withPattern("^(a+)+$").length, 1);
  assert.equal(withPattern("^(a|aa)+$").length, 1);
  assert.deepEqual(withPattern("^[0-9]{4}$"), []);
});

test("uriSchemes widens format uri, only on a uri field, and never to javascript:", () => {
  const withUri = (extra: Record<string, unknown>) =>
    problems((s) => ({
      ...s,
      schema: { ...s.schema, fields: [field("id", extra), ...s.schema.fields.slice(1)] },
    }));
  assert.deepEqual(withUri({ format: "uri", uriSchemes: ["https", "ftp"] }), []);
  assert.deepEqual(withUri({ uriSchemes: ["ftp"] }), ["uriSchemes applies only to a field with format uri"]);
  assert.equal(withUri({ format: "uri", uriSchemes: ["javascript"] }).length, 1);
  assert.equal(withUri({ format: "uri", uriSchemes: ["HTTP"] }).length, 1);
});
