// RDF for the tests: RDF/XML parsed to quads, and the independent SHACL check, with the shapes as
// the project keeps them (src/catalog/reference), run with rdf-validate-shacl in this process.
import { readFileSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import rdf from "@zazuko/env";
import { Parser } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { RdfXmlParser } from "rdfxml-streaming-parser";

const REFERENCE = new URL("../../src/catalog/reference/", import.meta.url);
export const CORE_SHAPES = ["dcat-ap-3.0.1-shacl.ttl", "dcat-ap-se-additions.ttl"] as const;
export const HVD_SHAPES = ["dcat-ap-hvd-3.0.0-shacl.ttl"] as const;

function shapes(files: readonly string[]) {
  const dataset = rdf.dataset();
  for (const file of files)
    dataset.addAll(new Parser().parse(readFileSync(new URL(file, REFERENCE), "utf8")));
  return dataset;
}

/** Each result as "focus path constraint": [] when the data conforms. */
export async function violations(
  quads: readonly Quad[],
  files: readonly string[] = CORE_SHAPES,
): Promise<string[]> {
  const data = rdf.dataset();
  data.addAll(quads);
  const report = await new SHACLValidator(shapes(files), { factory: rdf }).validate(data);
  // Terms the library types as present may be absent at run time (a result about a node itself).
  const shown = (term: { value: string } | null | undefined) => term?.value ?? "";
  return report.results.map(
    (r) => `${shown(r.focusNode)} ${shown(r.path)} ${shown(r.sourceConstraintComponent)}`,
  );
}

export function parseRdfXml(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser();
    parser.on("data", (quad: Quad) => quads.push(quad));
    parser.on("error", reject);
    parser.on("end", () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}
