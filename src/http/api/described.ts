// Datasets an organization describes itself (the guided form's API): listed publicly, created,
// changed and removed with the right to publish for the organization. Each save makes the
// catalog entry at once and answers whether it passes DCAT-AP-SE.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actorOf } from "../../accounts/index.ts";
import {
  DATA_THEMES,
  DESCRIBED_FORMATS,
  DESCRIBED_LICENCES,
  FREQUENCIES,
  type DescribedDataset,
  type DescribedDatasets,
} from "../../catalog/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, OrganizationCodeSchema, jsonResponse as json, listSchema } from "./schemas.ts";

const Texts = (example: string) =>
  z.object({ sv: z.string().openapi({ example }), en: z.string().default("").openapi({ example: "" }) });

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

// Loose at the edge on purpose: the service checks every field and answers each problem in words.
const DescriptionBody = z
  .object({
    title: Texts("Bibliotekens öppettider"),
    description: Texts("Öppettider för kommunens bibliotek, vecka för vecka."),
    keywords: z
      .array(z.string())
      .default([])
      .openapi({ example: ["bibliotek", "öppettider"] }),
    theme: z
      .string()
      .openapi({ example: "EDUC", description: `EU data theme: ${keys(DATA_THEMES).join(", ")}` }),
    licence: z.string().openapi({ example: "CC0", description: keys(DESCRIBED_LICENCES).join(" or ") }),
    accessUrl: z.string().openapi({ example: "https://www.kommun.se/bibliotek/oppettider" }),
    downloadUrl: z.string().default(""),
    format: z.string().openapi({ example: "CSV", description: DESCRIBED_FORMATS.join(", ") }),
    frequency: z.string().openapi({ example: "WEEKLY", description: keys(FREQUENCIES).join(", ") }),
    landingPage: z.string().default(""),
    contactEmail: z.string().default("").openapi({ example: "oppnadata@kommun.se" }),
  })
  .openapi("DatasetDescription");

const DescribedSchema = z
  .object({
    id: z.string().openapi({ example: "1" }),
    organization: OrganizationCodeSchema,
    description: DescriptionBody,
    updatedAt: z.string().openapi({ format: "date-time" }),
    exported: z
      .boolean()
      .nullable()
      .openapi({ description: "Whether its catalog entry passes DCAT-AP-SE and is in the export" }),
    violations: z.array(z.string()).openapi({ description: "Why it is not exported, in plain words" }),
  })
  .openapi("DescribedDataset");

const params = z.object({ code: OrganizationCodeSchema });
const itemParams = z.object({
  code: OrganizationCodeSchema,
  id: z.string().regex(/^\d{1,18}$/, "Id:t är ett heltal / The id is an integer"),
});
const PATH = "/organizations/{code}/catalog/described";
const writeErrors = errorResponses([400, 401, 403, 404, 409, 503]);

const listRoute = createRoute({
  method: "get",
  path: PATH,
  tags: ["Catalog"],
  summary: "Egna beskrivna datamängder / Datasets the organization describes",
  request: { params },
  responses: {
    200: json(listSchema(DescribedSchema, "DescribedDatasetPage"), "Every one"),
    ...errorResponses([400, 404, 503]),
  },
});
const createDescribed = createRoute({
  method: "post",
  path: PATH,
  tags: ["Catalog"],
  summary: "Beskriv en datamängd / Describe a dataset",
  description:
    "A dataset the organization publishes elsewhere, described in plain fields; the catalog entry (DCAT-AP-SE, with the organization as publisher) is made at once, checked against the shapes, exported and searchable. A field that needs fixing is a 400 naming it.",
  security: [{ bearerAuth: [] }],
  request: { params, body: { required: true, content: { "application/json": { schema: DescriptionBody } } } },
  responses: { 201: json(DescribedSchema, "Described"), ...writeErrors },
});
const getRoute = createRoute({
  method: "get",
  path: `${PATH}/{id}`,
  tags: ["Catalog"],
  summary: "En beskriven datamängd / One described dataset",
  request: { params: itemParams },
  responses: { 200: json(DescribedSchema, "The description"), ...errorResponses([400, 404, 503]) },
});
const updateRoute = createRoute({
  method: "put",
  path: `${PATH}/{id}`,
  tags: ["Catalog"],
  summary: "Ändra en beskrivning / Change a description",
  security: [{ bearerAuth: [] }],
  request: {
    params: itemParams,
    body: { required: true, content: { "application/json": { schema: DescriptionBody } } },
  },
  responses: { 200: json(DescribedSchema, "Changed"), ...writeErrors },
});
const deleteRoute = createRoute({
  method: "delete",
  path: `${PATH}/{id}`,
  tags: ["Catalog"],
  summary: "Ta bort en beskrivning / Remove a description",
  description: "Its catalog entry becomes a tombstone: out of the export and the search.",
  security: [{ bearerAuth: [] }],
  request: { params: itemParams },
  responses: { 204: { description: "Removed" }, ...writeErrors },
});

export function describedApi(described: DescribedDatasets) {
  const app = new OpenAPIHono<AppEnv>();
  const auditOf = (c: Context<AppEnv>, code: string) => ({
    actor: actorOf(authorize(c, "publish", code)),
    fromAddress: clientAddress(c),
  });
  const body = (c: Context<AppEnv>, d: DescribedDataset): z.infer<typeof DescribedSchema> => ({
    id: d.id,
    organization: d.organizationCode,
    description: { ...d.description, keywords: [...d.description.keywords] },
    updatedAt: d.updatedAt.toISOString(),
    exported: d.valid,
    violations: d.violations.map((v) => v[c.get("language")]),
  });

  app.openapi(listRoute, async (c) => {
    const items = (await described.list(c.req.valid("param").code)).map((d) => body(c, d));
    return c.json({ items, total: items.length, next: null }, 200);
  });
  app.openapi(createDescribed, async (c) => {
    const { code } = c.req.valid("param");
    const audit = auditOf(c, code);
    return c.json(body(c, await described.create(code, c.req.valid("json"), audit)), 201);
  });
  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid("param");
    return c.json(body(c, await described.get(code, id)), 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { code, id } = c.req.valid("param");
    const audit = auditOf(c, code);
    return c.json(body(c, await described.update(code, id, c.req.valid("json"), audit)), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { code, id } = c.req.valid("param");
    await described.remove(code, id, auditOf(c, code));
    return c.body(null, 204);
  });
  return app;
}
