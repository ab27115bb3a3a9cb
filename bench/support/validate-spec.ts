import type { SpecificationDefinition } from "../../src/specs/definition.ts";
import { field, specification } from "../../src/validation/test-fixtures.ts";

/** Ten fields of mixed types: a primary key, an organization reference, a code list, WGS 84. */
export const BENCH_SPEC: SpecificationDefinition = {
  ...specification(
    [
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
    { primaryKey: "id", geo: { kind: "wgs84", latitude: "latitude", longitude: "longitude" } },
  ),
  slug: "bench",
};
