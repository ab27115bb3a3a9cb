import assert from "node:assert/strict";
import { test } from "node:test";
import { exampleUrl, localizeDocText, readOpenApiDocument } from "./openapi.ts";

const DOCUMENT = {
  openapi: "3.1.0",
  info: { title: "Test API", version: "2.0.0" },
  tags: [{ name: "Registry", description: "Register / Registry" }],
  components: {
    schemas: { Code: { type: "string", pattern: "^\\d{4}$", example: "0580" } },
    parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer", default: 100 } } },
    responses: { NotFound: { description: "Not found", content: { "application/json": {} } } },
  },
  paths: {
    "/api/v1/things/{code}": {
      parameters: [
        { name: "code", in: "path", required: true, schema: { $ref: "#/components/schemas/Code" } },
      ],
      get: {
        tags: ["Registry"],
        summary: "En sak / One thing",
        parameters: [
          { $ref: "#/components/parameters/Limit" },
          { name: "type", in: "query", schema: { type: "string", enum: ["kommun", "region"] } },
          { name: "when", in: "query", schema: { type: ["string", "null"], format: "date" } },
        ],
        responses: {
          "404": { $ref: "#/components/responses/NotFound" },
          "200": { description: "The thing", content: { "application/geo+json": {} } },
        },
      },
      delete: { responses: { "204": { description: "Gone" } } },
    },
    "/healthz": { get: { tags: ["Operations"], responses: { "200": { description: "Up" } } } },
  },
};

test("operations come out with their parameters, references followed", () => {
  const doc = readOpenApiDocument(DOCUMENT);
  assert.equal(doc.title, "Test API");
  assert.equal(doc.version, "2.0.0");
  assert.deepEqual(
    doc.operations.map((op) => `${op.method} ${op.path}`),
    ["GET /api/v1/things/{code}", "DELETE /api/v1/things/{code}", "GET /healthz"],
  );
  const get = doc.operations[0]!;
  assert.equal(get.id, "get-api-v1-things-code");
  assert.deepEqual(
    get.parameters.map((p) => [p.name, p.in, p.required, p.type, p.enumValues, p.defaultValue]),
    [
      ["code", "path", true, "Code", [], undefined],
      ["limit", "query", false, "integer", [], "100"],
      ["type", "query", false, "string", ["kommun", "region"], undefined],
      ["when", "query", false, "string | null (date)", [], undefined],
    ],
  );
  assert.deepEqual(get.responses, [
    { status: "200", description: "The thing", mediaTypes: ["application/geo+json"] },
    { status: "404", description: "Not found", mediaTypes: ["application/json"] },
  ]);
});

test("tags the document does not list are added after the listed ones", () => {
  const doc = readOpenApiDocument(DOCUMENT);
  assert.deepEqual(
    doc.tags.map((t) => t.name),
    ["Registry", "Operations"],
  );
});

test("a malformed document gives an empty one, not a crash", () => {
  for (const raw of [null, 42, "x", { paths: { "/a": { get: "nope" } } }, { paths: [], tags: "x" }]) {
    const doc = readOpenApiDocument(raw);
    assert.deepEqual(doc.operations, []);
  }
});

test("texts written 'svenska / English' are split; others are taken as English", () => {
  assert.deepEqual(localizeDocText("En sak / One thing", "sv"), { text: "En sak", lang: undefined });
  assert.deepEqual(localizeDocText("En sak / One thing", "en"), { text: "One thing", lang: undefined });
  assert.deepEqual(localizeDocText("Not found", "sv"), { text: "Not found", lang: "en" });
  assert.deepEqual(localizeDocText("Not found", "en"), { text: "Not found", lang: undefined });
});

test("a GET with examples for its path parameters can be tried", () => {
  const doc = readOpenApiDocument(DOCUMENT);
  assert.equal(exampleUrl(doc.operations[0]!), "/api/v1/things/0580");
  assert.equal(exampleUrl(doc.operations[1]!), undefined, "not a GET");
  assert.equal(exampleUrl(doc.operations[2]!), "/healthz");
});
