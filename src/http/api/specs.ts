import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  exampleCsv,
  LEVELS,
  PRIORITY_STATUSES,
  tableSchemaDocument,
  templateCsv,
  type SpecsService,
} from "../../specs/index.ts";
import { actorOf } from "../../accounts/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { exampleFor } from "../../demo/index.ts";
import type { RegistryService } from "../../registry/index.ts";
import { errorResponses, listSchema, OrganizationCodeSchema, jsonResponse as json } from "./schemas.ts";
import { SLUG } from "../../core/index.ts";

const Localized = z.object({ sv: z.string(), en: z.string() });

const PriorityEntrySchema = z
  .object({
    rank: z.number().int().openapi({ description: "Position on the platform's list (1–100)" }),
    officialRank: z.number().int().nullable().openapi({ description: "NDV's confirmed rank, where known" }),
    slug: z.string().openapi({ example: "lekplatser" }),
    name: Localized,
    area: Localized,
    level: z.enum(LEVELS),
    hvdCategory: z.object({ uri: z.string(), label: Localized }).nullable(),
    status: z.enum(PRIORITY_STATUSES),
    confirmation: z.enum(["official", "candidate"]).openapi({
      description: "official: confirmed on NDV's list; candidate: the platform's own compilation",
    }),
    basisUrl: z.string(),
    notes: z.string(),
    specification: z.object({ slug: z.string(), version: z.string() }).nullable(),
  })
  .openapi("PriorityListEntry");

const SpecificationSummarySchema = z
  .object({
    slug: z.string(),
    title: Localized,
    description: Localized,
    level: z.enum(LEVELS),
    latestVersion: z.string(),
    versions: z.array(z.string()),
    priorityRank: z.number().int().nullable(),
  })
  .openapi("SpecificationSummary");

const TableSchemaDocument = z
  .looseObject({
    name: z.string(),
    version: z.string(),
    fields: z.array(z.looseObject({ name: z.string() })),
  })
  .openapi("TableSchema", { description: "A Frictionless Table Schema with the platform's extensions" });

const Slug = z
  .string()
  .regex(SLUG, "Ett slug skrivs med små bokstäver och bindestreck / A slug is lowercase kebab-case")
  .openapi({ example: "badplatser" });
const Version = z
  .string()
  .regex(
    /^\d+\.\d+\.\d+$/,
    "Versionen ska vara semantisk, till exempel 1.0.0 / The version must be semantic, e.g. 1.0.0",
  )
  .openapi({ example: "1.0.0" });

const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

const priorityList = createRoute({
  method: "get",
  path: "/priority-list",
  tags: ["Specifications"],
  summary: "Den prioriterade listan / The prioritized list",
  description:
    "The platform's compilation of NDV's list of especially important municipal and regional datasets: confirmed entries keep NDV's rank, the rest are well-founded candidates.",
  request: {
    query: z.object({
      area: z.string().max(100).optional().openapi({ example: "Besöksnäring och rekreation" }),
      level: z
        .enum(LEVELS)
        .optional()
        .openapi({ description: "kommun also lists entries for both; likewise region" }),
      status: z.enum(PRIORITY_STATUSES).optional(),
    }),
  },
  responses: {
    200: json(listSchema(PriorityEntrySchema, "PriorityList"), "Entries by rank"),
    ...errorResponses([400, 503]),
  },
});

const editPriorityEntry = createRoute({
  method: "patch",
  path: "/priority-list/{slug}",
  tags: ["Specifications"],
  summary: "Ändra en post i listan / Change an entry of the list",
  description:
    "For the national coordinator, signed in (a session cookie; an organization's API token cannot edit the list). Moving an entry to a rank another holds swaps the two. Every change is kept in the history with who made it and when.",
  request: {
    params: z.object({ slug: Slug }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              rank: z.number().int().min(1).optional(),
              name: Localized.optional(),
              area: Localized.optional(),
              level: z.enum(LEVELS).optional(),
              status: z.enum(PRIORITY_STATUSES).optional(),
              notes: z.string().max(2000).optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: json(PriorityEntrySchema, "The entry after the change"),
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const priorityHistory = createRoute({
  method: "get",
  path: "/priority-list/history",
  tags: ["Specifications"],
  summary: "Listans ändringshistorik / The list's change history",
  request: { query: z.object({ slug: Slug.optional() }) },
  responses: {
    200: json(
      listSchema(
        z
          .object({
            slug: z.string(),
            changedAt: z.string(),
            changedBy: z.string(),
            before: PriorityEntrySchema.nullable(),
            after: PriorityEntrySchema.nullable(),
          })
          .openapi("PriorityListChange"),
        "PriorityListHistory",
      ),
      "Newest first (at most 1,000)",
    ),
    ...errorResponses([400, 503]),
  },
});

const listSpecifications = createRoute({
  method: "get",
  path: "/specifications",
  tags: ["Specifications"],
  summary: "Alla specifikationer / All specifications",
  responses: {
    200: json(listSchema(SpecificationSummarySchema, "SpecificationList"), "By priority rank"),
    ...errorResponses([503]),
  },
});

const latestSpecification = createRoute({
  method: "get",
  path: "/specifications/{slug}",
  tags: ["Specifications"],
  summary: "Senaste versionen som Table Schema / The latest version as a Table Schema",
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: json(TableSchemaDocument, "Table Schema"), ...errorResponses([400, 404, 503]) },
});

const specificationVersion = createRoute({
  method: "get",
  path: "/specifications/{slug}/{version}",
  tags: ["Specifications"],
  summary: "En version som Table Schema / One version as a Table Schema",
  request: { params: z.object({ slug: Slug, version: Version }) },
  responses: {
    200: json(TableSchemaDocument, "Table Schema (immutable)"),
    ...errorResponses([400, 404, 503]),
  },
});

const template = createRoute({
  method: "get",
  path: "/specifications/{slug}/{version}/template.csv",
  tags: ["Specifications"],
  summary: "CSV-mall / CSV template",
  request: { params: z.object({ slug: Slug, version: Version }) },
  responses: { 200: csv("The header row, UTF-8 with BOM"), ...errorResponses([400, 404, 503]) },
});

const example = createRoute({
  method: "get",
  path: "/specifications/{slug}/{version}/example.csv",
  tags: ["Specifications"],
  summary: "Exempelfil som validerar / An example file that validates",
  description:
    "With org, the example made that organization's own: its code in every row and positions inside its area, ready to publish as a trial.",
  request: {
    params: z.object({ slug: Slug, version: Version }),
    query: z.object({ org: OrganizationCodeSchema.optional() }),
  },
  responses: { 200: csv("Example rows, UTF-8 with BOM"), ...errorResponses([400, 404, 503]) },
});

// A version never changes once published; "latest" may.
const IMMUTABLE = { "Cache-Control": "public, max-age=86400, immutable" };
const SHORT = { "Cache-Control": "public, max-age=60" };
// Excel opens UTF-8 with å, ä and ö correctly only with a BOM.
const BOM = "\uFEFF";

export function specsApi(
  specs: SpecsService,
  registry: RegistryService,
  publicUrl: (origin: string) => string,
) {
  const app = new OpenAPIHono<AppEnv>();
  const pageUrl = (origin: string, slug: string, version: string) =>
    `${publicUrl(origin)}/specifications/${slug}/${version}`;

  app.openapi(priorityList, async (c) => {
    const page = await specs.listPriorityList(c.req.valid("query"));
    return c.json({ ...page, items: [...page.items] }, 200, SHORT);
  });

  app.openapi(priorityHistory, async (c) => {
    const items = await specs.priorityHistory(c.req.valid("query").slug);
    return c.json({ items, total: items.length, next: null }, 200, { "Cache-Control": "no-store" });
  });

  app.openapi(editPriorityEntry, async (c) => {
    const principal = authorize(c, "edit-priority-list");
    const entry = await specs.updatePriorityEntry(
      c.req.valid("param").slug,
      c.req.valid("json"),
      actorOf(principal),
      clientAddress(c),
    );
    return c.json(entry, 200);
  });

  app.openapi(listSpecifications, async (c) => {
    const items = (await specs.listSpecifications()).map((s) => ({ ...s, versions: [...s.versions] }));
    return c.json({ items, total: items.length, next: null }, 200, SHORT);
  });

  app.openapi(latestSpecification, async (c) => {
    const spec = await specs.getSpecification(c.req.valid("param").slug);
    return c.json(
      tableSchemaDocument(spec, pageUrl(new URL(c.req.url).origin, spec.slug, spec.version)),
      200,
      SHORT,
    );
  });

  app.openapi(specificationVersion, async (c) => {
    const { slug, version } = c.req.valid("param");
    const spec = await specs.getSpecification(slug, version);
    return c.json(
      tableSchemaDocument(spec, pageUrl(new URL(c.req.url).origin, slug, version)),
      200,
      IMMUTABLE,
    );
  });

  const csvFile = (name: string) => ({
    ...IMMUTABLE,
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}.csv"`,
  });

  app.openapi(template, async (c) => {
    const { slug, version } = c.req.valid("param");
    const spec = await specs.getSpecification(slug, version);
    return c.body(BOM + templateCsv(spec.definition), 200, csvFile(`${slug}-${version}-mall`));
  });

  app.openapi(example, async (c) => {
    const { slug, version } = c.req.valid("param");
    const { org } = c.req.valid("query");
    if (org === undefined) {
      const spec = await specs.getSpecification(slug, version);
      return c.body(BOM + exampleCsv(spec.definition), 200, csvFile(`${slug}-${version}-exempel`));
    }
    const csv = await exampleFor({ registry, specs }, slug, version, org);
    return c.body(BOM + csv, 200, csvFile(`${slug}-${version}-exempel-${org}`));
  });

  return app;
}
