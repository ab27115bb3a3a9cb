import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { TABLE_FORMATS, type ValidationService } from "../../validation/index.ts";
import type { AppEnv } from "../context.ts";
import { toWebStream } from "../stream.ts";
import { LimitedBody } from "../upload.ts";
import { errorResponses } from "./schemas.ts";
import { ORGANIZATION_CODE, SLUG } from "../../core/index.ts";

const Localized = z.object({ sv: z.string(), en: z.string() });

const IssueSchema = z
  .object({
    type: z.string(),
    severity: z.enum(["error", "warning"]),
    constraint: z.string().optional(),
    rowNumber: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "CSV/Excel row (the header is row 1), or the 1-based object of JSON" }),
    fieldName: z.string().nullable(),
    fieldNumber: z.number().int().nullable(),
    cell: z.string().nullable(),
    message: Localized,
    fix: z.looseObject({}).optional(),
  })
  .openapi("ValidationIssue");

const ReportSchema = z
  .looseObject({
    valid: z.boolean(),
    complete: z.boolean(),
    format: z.enum(TABLE_FORMATS),
    specification: z.object({ slug: z.string(), version: z.string() }),
    stats: z.looseObject({ rows: z.number(), errors: z.number(), warnings: z.number() }),
    errors: z.array(IssueSchema),
    warnings: z.array(IssueSchema),
    summary: z.array(
      z.looseObject({ fieldName: z.string().nullable(), type: z.string(), count: z.number() }),
    ),
  })
  .openapi("ValidationReport", {
    description:
      "In the shape of a Frictionless report. Lists keep the first 1,000 issues (truncated says so); the counts in stats and summary are always exact.",
  });

const query = z.object({
  spec: z
    .string()
    .regex(
      SLUG,
      "Ange specifikationens slug, till exempel badplatser / Give the specification's slug, e.g. badplatser",
    )
    .openapi({ example: "badplatser" }),
  version: z
    .string()
    .regex(
      /^\d+\.\d+\.\d+$/,
      "Versionen ska vara semantisk, till exempel 1.0.0 / The version must be semantic, e.g. 1.0.0",
    )
    .optional()
    .openapi({ description: "The latest version when left out" }),
  format: z
    .enum(TABLE_FORMATS)
    .optional()
    .openapi({ description: "Sniffed from the first bytes when left out" }),
  org: z
    .string()
    .regex(
      ORGANIZATION_CODE,
      "Organisationens kod: fyra siffror (kommun) eller två (region) / Four digits (kommun) or two (region)",
    )
    .optional()
    .openapi({ description: "The publisher: points outside its area become warnings" }),
});

// The body is read as a stream by the handler (not by a validator), so it is described, not declared.
const FILE_BODY = {
  description:
    "The file itself: CSV (UTF-8, UTF-8 with BOM or Windows-1252; `,` `;` or tab; decimal comma accepted), JSON (an array of objects), GeoJSON (a FeatureCollection of points) or Excel .xlsx (first sheet). Send it as the raw body with any content type.",
  required: true,
  content: {
    "application/octet-stream": { schema: { type: "string" as const, format: "binary" } },
    "text/csv": { schema: { type: "string" as const } },
  },
};

const validateRoute = createRoute({
  method: "post",
  path: "/validate",
  tags: ["Validation"],
  summary: "Validera en fil mot en specifikation / Validate a file against a specification",
  request: { query },
  requestBody: FILE_BODY,
  responses: {
    200: {
      description: "The report (valid or not)",
      content: { "application/json": { schema: ReportSchema } },
    },
    ...errorResponses([400, 404, 413, 503]),
  },
});

const fixRoute = createRoute({
  method: "post",
  path: "/validate/fix",
  tags: ["Validation"],
  summary: "Rätta mekaniska fel / Fix the mechanical problems",
  description:
    "Returns the file as UTF-8 CSV with `,` and decimal points: encoding, delimiter and decimal comma normalised, lost leading zeros in codes restored, whitespace trimmed, known header synonyms renamed, SWEREF 99 converted to WGS 84 where the specification wants latitude/longitude, formula cells neutralised.",
  request: { query },
  requestBody: FILE_BODY,
  responses: {
    200: { description: "The fixed CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses([400, 404, 413, 503]),
  },
});

export function validationApi(validation: ValidationService, maxUploadBytes: number) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(validateRoute, async (c) => {
    const { spec, version, format, org } = c.req.valid("query");
    const body = new LimitedBody(c, maxUploadBytes);
    const report = await validation.validate(body, { slug: spec, version, format, organizationCode: org });
    body.assertWithinLimit();
    return c.json(report as unknown as z.infer<typeof ReportSchema>, 200, { "Cache-Control": "no-store" });
  });

  app.openapi(fixRoute, async (c) => {
    const { spec, version, format } = c.req.valid("query");
    const body = new LimitedBody(c, maxUploadBytes);
    const fixed = await validation.fix(body, { slug: spec, version, format });
    return c.body(toWebStream(fixed), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${spec}-rattad.csv"`,
      "Cache-Control": "no-store",
    });
  });

  return app;
}
