// The DCAT-AP-SE catalog as documents: /catalog.rdf (RDF/XML, what dataportal.se harvests),
// /catalog.ttl and /catalog.jsonld, and the same per organization. Streamed batch by batch, with
// a weak ETag from one small query so a harvester that polls gets 304 while nothing changed.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import {
  RDF_FORMATS,
  RDF_MEDIA_TYPES,
  rdfWriter,
  type CatalogScope,
  type CatalogService,
  type RdfFormat,
} from "../catalog/index.ts";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { CatalogExportCache } from "../catalog/index.ts";
import { errorResponses, OrganizationCodeSchema } from "./api/schemas.ts";
import { matchesIfNoneMatch } from "./api/data.ts";
import { DATASET_ID, notFound } from "../core/index.ts";
import type { AppEnv } from "./context.ts";

/**
 * Harvesters poll; a minute's caching spares the database without hiding a publish for long.
 * Without PUBLIC_URL the IRIs inside come from the request's Host header, so only the client may
 * keep a copy (`private`): a shared cache keyed on its own host name, or ignoring Vary as many CDNs
 * do, would otherwise hand one client's Host to everyone (decision in docs/decisions.md).
 */
export function catalogCacheControl(publicUrl: string | undefined): string {
  return publicUrl === undefined ? "private, max-age=60" : "public, max-age=60";
}

/** Whether the client takes gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "x-gzip" && coding !== "*") return false;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const DESCRIPTIONS: Readonly<Record<RdfFormat, string>> = {
  rdf: "RDF/XML, the format dataportal.se harvests",
  ttl: "Turtle",
  jsonld: "JSON-LD",
};

const rdfContent = (format: RdfFormat) => ({
  [RDF_MEDIA_TYPES[format]]: { schema: z.string().openapi({ description: DESCRIPTIONS[format] }) },
});

const nationalRoutes = RDF_FORMATS.map(
  (format) =>
    [
      format,
      createRoute({
        method: "get",
        path: `/catalog.${format}`,
        tags: ["Catalog"],
        summary: `Nationella katalogen (DCAT-AP-SE) som ${DESCRIPTIONS[format]} / The national DCAT-AP-SE catalog`,
        description:
          "Every publication with a current release (one dcat:Dataset per organization and specification) and every national dataset with rows, with distributions (CSV, JSON, GeoJSON, the original file, OGC API Features) and the data services. DCAT-AP 3.0.1 + DCAT-AP-SE 3.0.1; absolute IRIs, no blank nodes. Streamed; ETag / If-None-Match.",
        responses: {
          200: { description: "The catalog", content: rdfContent(format) },
          304: { description: "Not modified (If-None-Match)" },
          ...errorResponses([503]),
        },
      }),
    ] as const,
);

const organizationRoutes = RDF_FORMATS.map(
  (format) =>
    [
      format,
      createRoute({
        method: "get",
        path: `/organizations/{code}/catalog.${format}`,
        tags: ["Catalog"],
        summary: `En organisations katalog som ${DESCRIPTIONS[format]} / One organization's catalog`,
        description:
          "The organization's publications with a current release, as a DCAT-AP-SE catalog published by the organization. Streamed; ETag / If-None-Match.",
        request: { params: z.object({ code: OrganizationCodeSchema }) },
        responses: {
          200: { description: "The catalog", content: rdfContent(format) },
          304: { description: "Not modified (If-None-Match)" },
          ...errorResponses([400, 404, 503]),
        },
      }),
    ] as const,
);

const datasetRoute = createRoute({
  method: "get",
  path: "/catalog/datasets/{id}",
  tags: ["Catalog"],
  summary: "En datamängds IRI / A dataset's IRI",
  description:
    "The IRI of a catalog dataset resolves: Turtle, RDF/XML or JSON-LD by the Accept header (the dataset, its distributions and the services they name); anything else is sent on (303) to the dataset's page.",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(
          DATASET_ID,
          "Id:t är {kod}.{slug} eller national.{slug} / The id is {code}.{slug} or national.{slug}",
        )
        .openapi({ example: "0580.badplatser" }),
    }),
  },
  responses: {
    200: {
      description: "The dataset",
      content: { ...rdfContent("ttl"), ...rdfContent("rdf"), ...rdfContent("jsonld") },
    },
    303: { description: "See the dataset's page" },
    ...errorResponses([400, 404, 503]),
  },
});

/** The RDF format the Accept header asks for first, if any. */
/** Catalog exports streamed at once by this process; the rest wait (not refused) for a slot. */
const EXPORT_STREAMS = 8;

/** A counting semaphore: acquire waits while every slot is taken, in arrival order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(count: number) {
    this.free = count;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.free += 1;
    else next();
  }
}

function acceptedRdf(accept: string | undefined): RdfFormat | undefined {
  if (accept === undefined) return undefined;
  let best: { format: RdfFormat; q: number } | undefined;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? "1");
    const format = RDF_FORMATS.find((f) => RDF_MEDIA_TYPES[f] === type);
    if (format !== undefined && Number.isFinite(q) && q > 0 && (best === undefined || q > best.q))
      best = { format, q };
  }
  return best?.format;
}

export function catalogRoutes(
  catalog: CatalogService,
  publicUrl: string | undefined,
  exports: CatalogExportCache,
) {
  const app = new OpenAPIHono<AppEnv>();
  const open = cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], exposeHeaders: ["ETag"] });
  app.use("/catalog.*", open);
  app.use("/organizations/:code/catalog.*", open);
  const baseUrl = (c: Context<AppEnv>) => publicUrl ?? new URL(c.req.url).origin;
  const cacheControl = catalogCacheControl(publicUrl);

  const streamSlots = new Slots(EXPORT_STREAMS);
  // Rendered once per catalog revision (the ETag) and served from the cache's files after that.
  const serve = async (c: Context<AppEnv>, scope: CatalogScope, format: RdfFormat) => {
    const context = { baseUrl: baseUrl(c) };
    const etag = await catalog.etag(scope, format, context);
    const common = { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding" };
    if (matchesIfNoneMatch(c.req.header("if-none-match"), etag)) return c.body(null, 304, common);
    const rendered = await exports.get(etag, () => {
      c.get("logger").info("catalog export rendered", { scope: scope.kind, format });
      return catalog.export(scope, format, context);
    });
    const gzip = acceptsGzip(c.req.header("accept-encoding"));
    const name = scope.kind === "national" ? "catalog" : `catalog-${scope.code}`;
    const headers: Record<string, string> = {
      ...common,
      "Content-Type": `${RDF_MEDIA_TYPES[format]}; charset=utf-8`,
      "Content-Disposition": `inline; filename="${name}.${format}"`,
      "Content-Length": String(gzip ? rendered.gzipBytes : rendered.bytes),
    };
    if (gzip) headers["Content-Encoding"] = "gzip";
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    // A few exports stream at once, the rest wait their turn: fifty interleaved 8 MB streams fill
    // every turn of the event loop with their chunks, and /healthz waits behind them.
    await streamSlots.acquire();
    // Large reads: fewer turns of the event loop per response (the web stream hops per chunk).
    const file = createReadStream(gzip ? rendered.gzipPath : rendered.path, { highWaterMark: 256 * 1024 });
    file.once("close", () => streamSlots.release());
    return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 200, headers);
  };

  for (const [format, route] of nationalRoutes) {
    app.openapi(route, (c) => serve(c, { kind: "national" }, format));
  }
  for (const [format, route] of organizationRoutes) {
    app.openapi(route, (c) => serve(c, { kind: "organization", code: c.req.valid("param").code }, format));
  }
  app.openapi(datasetRoute, async (c) => {
    const context = { baseUrl: baseUrl(c) };
    const dataset = await catalog.dataset(c.req.valid("param").id, context);
    const format = acceptedRdf(c.req.header("accept"));
    if (format === undefined) return c.redirect(dataset.landingPage, 303);
    const writer = rdfWriter(format);
    const nodes = catalog.datasetGraph(dataset, context);
    const body = writer.start() + nodes.map((n) => writer.node(n)).join("") + writer.end();
    return c.body(body, 200, {
      "Content-Type": `${RDF_MEDIA_TYPES[format]}; charset=utf-8`,
      "Cache-Control": cacheControl,
      Vary: "Accept",
    });
  });

  // Skolem IRIs of harvested and form-described resources, and the organization-scoped IRIs of
  // harvested datasets, resolve to their organization's page.
  const resolveHarvested = async (c: Context<AppEnv>) => {
    const owner = await catalog.harvestedOwner(c.req.path);
    if (owner === null)
      throw notFound({
        sv: "Ingen skördad datamängd i katalogen har den här adressen (längre).",
        en: "No harvested dataset in the catalog has this address (any more).",
      });
    const page = owner.described
      ? `/organizations/${owner.organizationCode}/catalog/described`
      : `/organizations/${owner.organizationCode}`;
    return c.redirect(page, 303);
  };
  app.get("/.well-known/genid/:hash{[0-9a-f]{32}}", resolveHarvested);
  app.get("/organizations/:code/harvested/:hash{[0-9a-f]{32}}", resolveHarvested);

  return app;
}
