import type { FieldDefinition, SpecificationDefinition } from "../../src/specs/definition.ts";

function field(
  name: string,
  type: FieldDefinition["type"],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return {
    name,
    type,
    title: name,
    description: name,
    titles: { sv: name, en: name },
    descriptions: { sv: name, en: name },
    example: "",
    ...extra,
  };
}

/** Ten fields of mixed types: a primary key, an organization reference, a code list, WGS 84. */
export const BENCH_SPEC: SpecificationDefinition = {
  slug: "bench",
  version: "1.0.0",
  published: "2025-01-01",
  title: { sv: "Bänk", en: "Bench" },
  description: { sv: "Bänk", en: "Bench" },
  changelog: [{ sv: "Första", en: "First" }],
  level: "kommun",
  basis: [{ title: "Bench", url: "https://example.se" }],
  schema: {
    fields: [
      field("id", "string", { constraints: { required: true } }),
      field("kommun", "string", { reference: "organization", constraints: { required: true } }),
      field("namn", "string", { constraints: { required: true, maxLength: 200 } }),
      field("antal", "integer", { constraints: { minimum: 0 } }),
      field("belopp", "number", { constraints: { minimum: 0, maximum: 1_000_000 } }),
      field("datum", "date"),
      field("aktiv", "boolean"),
      field("kategori", "string", {
        codeList: ["bibliotek", "skola", "idrott", "vard", "kultur"].map((value) => ({
          value,
          label: { sv: value, en: value },
        })),
      }),
      field("latitude", "number", { geoRole: "latitude" }),
      field("longitude", "number", { geoRole: "longitude" }),
    ],
    primaryKey: "id",
    missingValues: [""],
    geo: { kind: "wgs84", latitude: "latitude", longitude: "longitude" },
  },
  examples: [{}, {}],
};
