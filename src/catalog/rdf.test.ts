import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Quad } from "@rdfjs/types";
import jsonld from "jsonld";
import { Parser } from "n3";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { iri, rdfWriter, text, typed, type RdfFormat, type RdfNode } from "./rdf.ts";

const NASTY = 'Citat "så" \\ och <taggar> & ny\nrad\ttabb\r, emoji 🏊 och styrtecken \u0001 slut';
// What survives: characters XML 1.0 cannot carry at all are dropped in every format alike.
const SURVIVES = NASTY.replace("\u0001", "");

const nodes: RdfNode[] = [
  {
    id: "https://example.se/catalog/datasets/0580.badplatser",
    types: ["dcat:Dataset"],
    statements: [
      ["dcterms:title", text(NASTY, "sv")],
      ["dcterms:title", text("Bathing sites", "en")],
      ["dcterms:issued", typed("2026-06-01T00:00:00.000Z", "xsd:dateTime")],
      ["dcat:landingPage", iri("https://example.se/organizations/0580/publications/badplatser")],
      ["rdfs:label", { value: "utan språk" }],
    ],
  },
  {
    id: "https://example.se/catalog",
    types: [],
    statements: [["dcat:dataset", iri("https://example.se/x")]],
  },
  { id: "https://example.se/empty", types: [], statements: [] },
];

function write(format: RdfFormat): string {
  const writer = rdfWriter(format);
  return writer.start() + nodes.map((n) => writer.node(n)).join("") + writer.end();
}

function parseXml(source: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser();
    parser.on("data", (q: Quad) => quads.push(q));
    parser.on("error", reject);
    parser.on("end", () => resolve(quads));
    parser.end(source);
  });
}

const key = (q: Quad) =>
  [
    q.subject.value,
    q.predicate.value,
    q.object.value,
    q.object.termType === "Literal" ? q.object.language : "",
  ].join(" ");

describe("the RDF writers", () => {
  test("Turtle, RDF/XML and JSON-LD give the same triples, awkward text included", async () => {
    const fromTurtle = new Parser().parse(write("ttl"));
    const fromXml = await parseXml(write("rdf"));
    const fromJsonLd = (await jsonld.toRDF(JSON.parse(write("jsonld")) as object)) as unknown as Quad[];
    assert.equal(fromTurtle.length, 7);
    assert.deepEqual(fromXml.map(key).sort(), fromTurtle.map(key).sort());
    assert.deepEqual(fromJsonLd.map(key).sort(), fromTurtle.map(key).sort());
    const title = fromTurtle.find(
      (q) => q.predicate.value.endsWith("title") && q.object.value.startsWith("Citat"),
    );
    assert.equal(title?.object.value, SURVIVES);
    const xmlTitle = fromXml.find(
      (q) => q.predicate.value.endsWith("title") && q.object.value.startsWith("Citat"),
    );
    assert.equal(xmlTitle?.object.value, SURVIVES);
  });

  test("a node with nothing to say writes nothing in Turtle", () => {
    assert.equal(rdfWriter("ttl").node({ id: "https://example.se/x", types: [], statements: [] }), "");
  });
});
