import { z } from "@hono/zod-openapi";
import { LAN_KOD, ORGANIZATION_CODE, ERROR_CODES } from "../../core/index.ts";
import { ORGANIZATION_TYPES } from "../../registry/index.ts";

export const LanCodeSchema = z
  .string()
  .regex(
    LAN_KOD,
    "Länskoden ska vara två siffror, till exempel 05 / The county code must be two digits, e.g. 05",
  )
  .openapi({ example: "05", description: "Länskod (two digits, a string)" });

export const OrganizationCodeSchema = z
  .string()
  .regex(
    ORGANIZATION_CODE,
    "Koden ska vara fyra siffror (kommun) eller två (region) / The code must be four digits (kommun) or two (region)",
  )
  .openapi({
    example: "0580",
    description: "Kommunkod (four digits) or a region's county code (two digits); Region Gotland is 0980",
  });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: "Swedish, or English with Accept-Language: en" }),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export const OrganizationSchema = z
  .object({
    code: OrganizationCodeSchema,
    name: z.string().openapi({
      example: "Linköpings kommun",
      description:
        "As the organization styles itself: Falu kommun, Stockholms stad, Göteborgs Stad, Region Gotland",
    }),
    shortName: z.string().openapi({ example: "Linköping" }),
    types: z.array(z.enum(ORGANIZATION_TYPES)).openapi({ example: ["kommun"] }),
    lanCode: LanCodeSchema,
    kommunKod: z.string().nullable().openapi({ example: "0580" }),
    organizationNumber: z.string().nullable().openapi({
      example: "212000-0449",
      description:
        "Organisationsnummer from a public source; null where none gives it (Region Sörmland, Region Västmanland)",
    }),
    website: z.string().nullable().openapi({
      example: "https://www.linkoping.se",
      description: "The organization's own website: from the registry's sources until its publisher sets it",
    }),
    contactEmail: z.string().nullable().openapi({
      example: null,
      description:
        "The organization's own contact mailbox for its data, set by its publisher. Null while none is known: the DCAT catalog then shows a placeholder and pre-flight says it is not ready for dataportal.se",
    }),
  })
  .openapi("Organization");

export const LanSchema = z
  .object({
    code: LanCodeSchema,
    name: z.string().openapi({ example: "Östergötlands län" }),
    shortName: z.string().openapi({ example: "Östergötland" }),
    kommunCount: z.number().int().openapi({ example: 13 }),
  })
  .openapi("Lan");

export const LanDetailSchema = LanSchema.extend({
  region: OrganizationSchema.nullable(),
  kommuner: z.array(OrganizationSchema),
}).openapi("LanDetail");

export function listSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().openapi({ description: "How many items match the filters in all" }),
      next: z.string().nullable().openapi({ description: "Cursor of the next page, or null on the last" }),
    })
    .openapi(name);
}

const Position = z.array(z.number()).min(2);
export const GeometrySchema = z
  .union([
    z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(Position)) }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(Position))) }),
  ])
  .openapi("AreaGeometry");

export const BoundaryFeatureSchema = z
  .object({
    type: z.literal("Feature"),
    id: z.string(),
    bbox: z.array(z.number()).length(4),
    geometry: GeometrySchema,
    properties: z.object({ code: z.string(), name: z.string(), lanCode: LanCodeSchema }),
  })
  .openapi("BoundaryFeature");

export const BoundaryCollectionSchema = z
  .object({ type: z.literal("FeatureCollection"), features: z.array(BoundaryFeatureSchema) })
  .openapi("BoundaryCollection");

/** The error responses every route can give. */
const ERROR_DESCRIPTIONS = {
  400: "Invalid parameters",
  401: "Not signed in, or the credentials are wrong",
  403: "Not allowed",
  404: "Not found",
  409: "Another write to the same object is running",
  413: "The body is larger than the limit",
  422: "The file was received and kept with its report, but not published: it has errors",
  429: "Too many attempts; try again later",
  503: "Database unavailable",
} as const;

/** The error responses a route can give, all in the contract's error shape. */
export const errorResponses = (statuses: readonly (keyof typeof ERROR_DESCRIPTIONS)[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { "application/json": { schema: ErrorSchema } },
      },
    ]),
  );

/** What the one body reader (src/http/body.ts) answers on any route that takes a body. */
const BODY_ERROR_DESCRIPTIONS = {
  408: "The body did not arrive in time (REQUEST_TIMEOUT_MS, or UPLOAD_TIMEOUT_MS for files)",
  413: ERROR_DESCRIPTIONS[413],
  415: "The body is not of a type the route takes (JSON routes need Content-Type: application/json)",
} as const;

interface OpenApiOperation {
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

/**
 * Adds the body reader's answers (408, 413, 415) to every operation that takes a body, so the
 * document says what the middleware does without each route listing it.
 */
export function withBodyErrors<D extends { paths?: object }>(document: D): D {
  for (const item of Object.values(document.paths ?? {}) as (object | undefined)[]) {
    for (const operation of Object.values(item ?? {}) as OpenApiOperation[]) {
      if (typeof operation !== "object" || operation.requestBody === undefined) continue;
      const responses = (operation.responses ??= {});
      for (const [status, description] of Object.entries(BODY_ERROR_DESCRIPTIONS)) {
        responses[status] ??= {
          description,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        };
      }
    }
  }
  return document;
}

/** A JSON response of a route: its schema and what it is. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The body that names a URL the platform fetches on a schedule (a URL source, a harvest source). */
export function scheduledUrlBody(example: string) {
  return z.object({
    url: z.string().max(2000).openapi({ example }),
    intervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(525600)
      .optional()
      .openapi({ description: "Default: daily" }),
  });
}
