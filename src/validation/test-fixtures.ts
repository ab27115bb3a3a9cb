// A small specification and file builders shared by the validation tests (not by production code).
// Written here rather than read from src/specs/definitions, so the tests do not move with them.
import type { FieldDefinition, SpecificationDefinition } from "../specs/definition.ts";

export function field(
  name: string,
  type: FieldDefinition["type"],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return {
    name,
    type,
    title: name,
    description: `Fältet ${name}`,
    titles: { sv: name, en: name },
    descriptions: { sv: `Fältet ${name}`, en: `The field ${name}` },
    example: "",
    ...extra,
  };
}

export function specification(
  fields: readonly FieldDefinition[],
  schema: Partial<SpecificationDefinition["schema"]> = {},
): SpecificationDefinition {
  return {
    slug: "laddstationer",
    version: "1.0.0",
    published: "2025-01-01",
    title: { sv: "Laddstationer", en: "Charging stations" },
    description: { sv: "Test", en: "Test" },
    changelog: [{ sv: "Första", en: "First" }],
    level: "kommun",
    basis: [{ title: "Test", url: "https://example.se" }],
    schema: { fields: [...fields], missingValues: [""], ...schema },
    examples: [{}, {}],
  };
}

/** Charging stations: every type, a code list, an organization reference, a primary key, WGS 84. */
export const STATIONS = specification(
  [
    field("id", "string", { constraints: { required: true } }),
    field("kommun", "string", { reference: "organization", constraints: { required: true } }),
    field("namn", "string", {
      titles: { sv: "Namn", en: "Name" },
      synonyms: ["benämning", "name"],
      constraints: { required: true, maxLength: 100 },
    }),
    field("antal", "integer", { constraints: { minimum: 0 } }),
    field("effekt", "number", { constraints: { minimum: 0, maximum: 1000 } }),
    field("datum", "date"),
    field("publik", "boolean"),
    field("typ", "string", {
      codeList: ["typ2", "ccs", "chademo"].map((value) => ({ value, label: { sv: value, en: value } })),
    }),
    field("latitude", "number", { geoRole: "latitude", synonyms: ["lat"] }),
    field("longitude", "number", { geoRole: "longitude", synonyms: ["lon", "lng"] }),
  ],
  { primaryKey: "id", geo: { kind: "wgs84", latitude: "latitude", longitude: "longitude" } },
);

export const KNOWN_CODES: ReadonlySet<string> = new Set(["0180", "0114", "1280", "1480", "2480", "01", "12"]);

export const HEADER = "id,kommun,namn,antal,effekt,datum,publik,typ,latitude,longitude";

/** A valid row; `i` makes the id unique. */
export function goodRow(i: number): string {
  return `s${i},0180,Station ${i},${i % 7},22.5,2024-03-05,true,ccs,59.33,18.06`;
}

export function csv(lines: readonly string[]): string {
  return lines.join("\r\n") + "\r\n";
}

/** Bytes from a generator, in chunks, for files too large to build as one string. */
export async function* generate(
  lines: (i: number) => string,
  count: number,
  chunkLines = 2000,
): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  for (let start = 0; start < count; start += chunkLines) {
    let text = "";
    const end = Math.min(count, start + chunkLines);
    for (let i = start; i < end; i++) text += lines(i) + "\n";
    yield encoder.encode(text);
    await Promise.resolve();
  }
}

export function windows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not Latin-1: ${text[i] ?? ""}`);
    out[i] = code;
  }
  return out;
}
