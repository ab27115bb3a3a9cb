import { z } from "zod";
import { patternProblem } from "./pattern.ts";
import { SLUG } from "../core/index.ts";

/**
 * A specification version as stored in `src/specs/definitions/{slug}/{version}.json`:
 * a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) with the
 * platform's extensions, each namespaced by its own property so that standard Table Schema
 * tools read the document and ignore what they do not know:
 *
 * - per field: `titles` / `descriptions` in sv and en (`title` / `description` stay the Swedish
 *   standard properties), `example`, `codeList` (values with labels), `geoRole`, `reference`;
 * - per schema: `geo` (how a row's position is given).
 */

const localized = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localized>;

export const FIELD_TYPES = [
  "string",
  "integer",
  "number",
  "boolean",
  "date",
  "datetime",
  "time",
  "year",
  "yearmonth",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** String formats the validator knows (Table Schema's, plus Swedish ones). */
export const STRING_FORMATS = ["default", "email", "uri", "uuid", "phone"] as const;

/** The schemes a `format: uri` value may have unless the field's `uriSchemes` allows more: no `javascript:` or `data:`. */
export const DEFAULT_URI_SCHEMES = ["http", "https", "mailto", "urn"] as const;

/** What a field means for the position of a row. */
export const GEO_ROLES = ["latitude", "longitude", "northing", "easting", "crs", "height"] as const;
export type GeoRole = (typeof GEO_ROLES)[number];

/** The coordinate systems a position may come in: WGS 84, SWEREF 99 TM and the 12 local zones. */
export const CRS_CODES = [
  "EPSG:4326",
  "EPSG:3006",
  ...Array.from({ length: 12 }, (_, i) => `EPSG:${3007 + i}`),
] as const;

const codeListEntry = z
  .object({ value: z.string().min(1), label: localized, description: localized.optional() })
  .strict();

const constraints = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    enum: z.array(z.string()).min(1).optional(),
    minimum: z.union([z.number(), z.string()]).optional(),
    maximum: z.union([z.number(), z.string()]).optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    /** An XML-Schema-style pattern matched against the whole value; checked for safety at load. */
    pattern: z.string().min(1).max(500).optional(),
  })
  .strict();

export const fieldDefinition = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, "field names are lowercase snake_case ASCII"),
    type: z.enum(FIELD_TYPES),
    format: z.enum(STRING_FORMATS).optional(),
    /** For `format: uri`: the schemes allowed (lowercase), instead of http, https, mailto and urn. */
    uriSchemes: z
      .array(z.string().regex(/^[a-z][a-z0-9+.-]*$/, "URI schemes are lowercase, like https or ftp"))
      .min(1)
      .optional(),
    title: z.string().min(1),
    description: z.string().min(1),
    titles: localized,
    descriptions: localized,
    example: z.string().min(1),
    constraints: constraints.optional(),
    /** For booleans: accepted spellings, Swedish ones included by default. */
    trueValues: z.array(z.string()).optional(),
    falseValues: z.array(z.string()).optional(),
    /** Values with labels; the validator treats the values as an enum. */
    codeList: z.array(codeListEntry).min(1).optional(),
    geoRole: z.enum(GEO_ROLES).optional(),
    /** The value must be a known organization: a kommunkod or a region's code (or an organisationsnummer). */
    reference: z.literal("organization").optional(),
    /** Other header names publishers use for this field; the fixer renames them. */
    synonyms: z.array(z.string()).optional(),
  })
  .strict();
export type FieldDefinition = z.infer<typeof fieldDefinition>;

const geoDefinition = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wgs84"), latitude: z.string(), longitude: z.string() }).strict(),
  z
    .object({
      kind: z.literal("projected"),
      northing: z.string(),
      easting: z.string(),
      /** The field that names each row's coordinate system, or a fixed one for the whole file. */
      crsField: z.string().optional(),
      crs: z.enum(CRS_CODES).optional(),
      height: z.string().optional(),
    })
    .strict(),
]);
export type GeoDefinition = z.infer<typeof geoDefinition>;

export const specificationDefinition = z
  .object({
    slug: z.string().regex(SLUG, "slugs are lowercase ASCII kebab-case"),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "versions are semantic: MAJOR.MINOR.PATCH"),
    /** ISO date the version was published; a published version never changes. */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    title: localized,
    description: localized,
    /** What changed in this version against the one before. */
    changelog: z.array(localized).min(1),
    /** Who is expected to publish it. */
    level: z.enum(["kommun", "region", "both"]),
    /** Where the fields come from: earlier NDV specifications, national standards, etc. */
    basis: z.array(z.object({ title: z.string(), url: z.url({ protocol: /^https?$/ }) }).strict()).min(1),
    schema: z
      .object({
        fields: z.array(fieldDefinition).min(1),
        primaryKey: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
        missingValues: z.array(z.string()).default([""]),
        geo: geoDefinition.optional(),
      })
      .strict(),
    /** Rows that form the example file; it must validate against the schema. */
    examples: z.array(z.record(z.string(), z.string())).min(2),
  })
  .strict()
  .superRefine((spec, ctx) => {
    // Cross-references the shape alone cannot express; each problem names where it is.
    const problem = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: "custom", message, path });
    const fields = new Map(spec.schema.fields.map((f) => [f.name, f]));
    if (fields.size !== spec.schema.fields.length)
      problem("field names must be unique", ["schema", "fields"]);
    spec.schema.fields.forEach((field, index) => {
      const values = field.codeList?.map((entry) => entry.value) ?? [];
      if (new Set(values).size !== values.length)
        problem("code list values must be unique", ["schema", "fields", index, "codeList"]);
      const pattern = field.constraints?.pattern;
      const unsafe = pattern === undefined ? undefined : patternProblem(pattern);
      if (unsafe !== undefined) {
        problem(`the pattern is refused (${unsafe}): it could make validation hang or is invalid`, [
          "schema",
          "fields",
          index,
          "constraints",
          "pattern",
        ]);
      }
      if (field.uriSchemes !== undefined && field.format !== "uri") {
        problem("uriSchemes applies only to a field with format uri", [
          "schema",
          "fields",
          index,
          "uriSchemes",
        ]);
      }
      if (field.uriSchemes?.some((scheme) => ["javascript", "vbscript", "data"].includes(scheme)) === true) {
        problem("javascript:, vbscript: and data: can run code in a browser and are never allowed", [
          "schema",
          "fields",
          index,
          "uriSchemes",
        ]);
      }
      if (field.codeList !== undefined && field.constraints?.enum !== undefined) {
        problem("give either codeList or constraints.enum, not both", ["schema", "fields", index]);
      }
    });
    const keys = spec.schema.primaryKey === undefined ? [] : [spec.schema.primaryKey].flat();
    for (const key of keys)
      if (!fields.has(key)) problem(`primary key field "${key}" does not exist`, ["schema", "primaryKey"]);
    const geo = spec.schema.geo;
    if (geo !== undefined) {
      const roles: [string | undefined, GeoRole][] =
        geo.kind === "wgs84"
          ? [
              [geo.latitude, "latitude"],
              [geo.longitude, "longitude"],
            ]
          : [
              [geo.northing, "northing"],
              [geo.easting, "easting"],
              [geo.crsField, "crs"],
              [geo.height, "height"],
            ];
      for (const [name, role] of roles) {
        if (name !== undefined && fields.get(name)?.geoRole !== role) {
          problem(`geo names "${name}", which must be a field with geoRole "${role}"`, ["schema", "geo"]);
        }
      }
      if (geo.kind === "projected" && (geo.crsField === undefined) === (geo.crs === undefined)) {
        problem("a projected position needs exactly one of crsField and crs", ["schema", "geo"]);
      }
    }
    spec.examples.forEach((row, index) => {
      for (const name of Object.keys(row)) {
        if (!fields.has(name)) problem(`example column "${name}" is not a field`, ["examples", index]);
      }
    });
  });

export type SpecificationDefinition = z.infer<typeof specificationDefinition>;
