// Harvest sources: an organization's own DCAT-AP-SE catalog, registered, listed with its status
// and run on demand. Changing or running one needs the same right as publishing for the
// organization; the list is public, like the organization's publications.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actorOf } from "../../accounts/index.ts";
import type { HarvestRun, HarvestService, HarvestSource } from "../../catalog/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, OrganizationCodeSchema, jsonResponse as json, scheduledUrlBody } from "./schemas.ts";

const CountsSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  tombstoned: z.number().int(),
  rejected: z
    .number()
    .int()
    .openapi({ description: "Datasets that fail DCAT-AP-SE even after normalisation: not exported" }),
});

export const HarvestSourceSchema = z
  .object({
    id: z.string().openapi({ example: "1" }),
    organization: OrganizationCodeSchema,
    url: z.string(),
    intervalMinutes: z.number().int(),
    enabled: z.boolean(),
    status: z.enum(["new", "running", "harvested", "unchanged", "failed"]),
    counts: CountsSchema.openapi({ description: "What the last run did" }),
    error: z.string().nullable().openapi({ description: "Why the last run failed, in plain words" }),
    notes: z.array(z.string()),
    datasets: z.object({ active: z.number().int(), exported: z.number().int() }),
    nextRunAt: z.string().nullable(),
    lastStartedAt: z.string().nullable(),
    lastFinishedAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("HarvestSource");

export const HarvestRunSchema = z
  .object({
    status: z.enum(["harvested", "unchanged", "failed"]),
    counts: CountsSchema,
    error: z
      .string()
      .nullable()
      .openapi({ description: "Why the run failed; the last good metadata is kept" }),
    errorKind: z.string().nullable(),
    notes: z.array(z.string()),
    durationMs: z.number().int(),
  })
  .openapi("HarvestRun");

const params = z.object({ code: OrganizationCodeSchema });
const sourceParams = z.object({
  code: OrganizationCodeSchema,
  id: z.string().regex(/^\d{1,18}$/, "Ett källid är ett heltal / A source id is an integer"),
});

const registerRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/harvest-sources",
  tags: ["Catalog"],
  summary: "Skörda organisationens egen katalog / Harvest the organization's own catalog",
  description:
    "Registers the URL of the organization's DCAT-AP-SE catalog (RDF/XML, Turtle or JSON-LD) and harvests it at once, then every intervalMinutes. Registering the same URL again reuses the source. Its datasets join the platform's catalog after normalisation, when they pass the shapes. Only http(s) to public addresses: a URL at a private, loopback or link-local address, or one that redirects to one, is refused (400) and not kept.",
  security: [{ bearerAuth: [] }],
  request: {
    params,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: scheduledUrlBody("https://www.linkoping.se/dcat/catalog.rdf"),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ source: HarvestSourceSchema, run: HarvestRunSchema }), "Registered and harvested"),
    200: json(
      z.object({ source: HarvestSourceSchema, run: HarvestRunSchema }),
      "Already registered; harvested now",
    ),
    ...errorResponses([400, 401, 403, 404, 409, 503]),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/harvest-sources",
  tags: ["Catalog"],
  summary: "Organisationens skördekällor / The organization's harvest sources",
  request: { params },
  responses: {
    200: json(
      z.object({ items: z.array(HarvestSourceSchema), total: z.number().int(), next: z.null() }),
      "Sources with the status of their last run",
    ),
    ...errorResponses([400, 404, 503]),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/harvest-sources/{id}",
  tags: ["Catalog"],
  summary: "En skördekälla / One harvest source",
  request: { params: sourceParams },
  responses: { 200: json(HarvestSourceSchema, "The source"), ...errorResponses([400, 404, 503]) },
});

const runRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/harvest-sources/{id}/run",
  tags: ["Catalog"],
  summary: "Skörda nu / Harvest now",
  description:
    "Harvests the source now. A failing source (network, parse error, cap, timeout) reports why and keeps its last good metadata; 409 while another run holds it.",
  security: [{ bearerAuth: [] }],
  request: { params: sourceParams },
  responses: {
    200: json(HarvestRunSchema, "What the run came to"),
    ...errorResponses([400, 401, 403, 404, 409, 503]),
  },
});

export function harvestApi(harvest: HarvestService) {
  const app = new OpenAPIHono<AppEnv>();
  const auditOf = (c: Context<AppEnv>, code: string) => ({
    actor: actorOf(authorize(c, "publish", code)),
    fromAddress: clientAddress(c),
  });
  const date = (d: Date | null) => (d === null ? null : d.toISOString());
  const sourceBody = (c: Context<AppEnv>, s: HarvestSource): z.infer<typeof HarvestSourceSchema> => ({
    id: s.id,
    organization: s.organizationCode,
    url: s.url,
    intervalMinutes: s.intervalMinutes,
    enabled: s.enabled,
    status: s.status,
    counts: s.counts,
    error: s.error === null ? null : s.error[c.get("language")],
    notes: s.notes.map((n) => n[c.get("language")]),
    datasets: s.datasets,
    nextRunAt: date(s.nextRunAt),
    lastStartedAt: date(s.lastStartedAt),
    lastFinishedAt: date(s.lastFinishedAt),
    lastSuccessAt: date(s.lastSuccessAt),
    createdAt: s.createdAt.toISOString(),
  });
  const runBody = (c: Context<AppEnv>, r: HarvestRun): z.infer<typeof HarvestRunSchema> => ({
    status: r.status,
    counts: r.counts,
    error: r.error === null ? null : r.error[c.get("language")],
    errorKind: r.error?.kind ?? null,
    notes: r.notes.map((n) => n[c.get("language")]),
    durationMs: r.durationMs,
  });

  app.openapi(registerRoute, async (c) => {
    const { code } = c.req.valid("param");
    const audit = auditOf(c, code);
    const { url, intervalMinutes } = c.req.valid("json");
    const { source, created, run } = await harvest.registerAndRun(code, { url, intervalMinutes }, audit);
    const body = { source: sourceBody(c, source), run: runBody(c, run) };
    return created ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(listRoute, async (c) => {
    const { code } = c.req.valid("param");
    const items = (await harvest.listSources(code)).map((s) => sourceBody(c, s));
    return c.json({ items, total: items.length, next: null }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid("param");
    return c.json(sourceBody(c, await harvest.getSource(code, id)), 200);
  });

  app.openapi(runRoute, async (c) => {
    const { code, id } = c.req.valid("param");
    const run = await harvest.runSource(code, id, auditOf(c, code));
    return c.json(runBody(c, run), 200);
  });

  return app;
}
