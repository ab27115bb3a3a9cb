// OGC API Features – Part 1: Core, with the GeoJSON and OpenAPI 3.0 conformance classes, over the
// national datasets: one collection per specification with a position. GIS tools (QGIS, GDAL/OGR)
// read it directly. Errors keep the platform's JSON shape (app.onError).
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { badParameters, OGC_PAGING, toFeature, type DatasetQueryService } from "../../consolidation/index.ts";
import { AppError, type Language } from "../../core/index.ts";
import type { SpecificationVersion } from "../../specs/index.ts";
import type { AppEnv } from "../context.ts";
import { DATA_CACHE_CONTROL, etagOf, notModified, rawQuery } from "../api/data.ts";
import { ogcOpenApiDocument } from "./openapi.ts";

export const CONFORMANCE_CLASSES = [
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
] as const;

const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
const GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
/** Sweden with its coast and islands, in CRS84 (the specifications' own position bounds). */
export const SWEDEN_BBOX = [10.9, 55.0, 24.2, 69.1] as const;
const OPENAPI_30 = "application/vnd.oai.openapi+json;version=3.0";
const JSON_TYPE = "application/json";
const GEOJSON_TYPE = "application/geo+json";

interface Link {
  readonly href: string;
  readonly rel: string;
  readonly type: string;
  readonly title?: string;
}

const TEXT = {
  title: { sv: "Dataverkstad – nationella data", en: "Dataverkstad – national data" },
  description: {
    sv: "Sveriges kommuners och regioners data som nationella datamängder, en samling per specifikation med position (WGS 84).",
    en: "Swedish municipalities' and regions' data as national datasets, one collection per specification with a position (WGS 84).",
  },
  self: { sv: "Den här sidan", en: "This document" },
  api: { sv: "API-beskrivning (OpenAPI 3.0)", en: "API definition (OpenAPI 3.0)" },
  conformance: { sv: "Överensstämmelse", en: "Conformance classes" },
  collections: { sv: "Samlingarna", en: "The collections" },
  items: { sv: "Objekten", en: "The features" },
  next: { sv: "Nästa sida", en: "Next page" },
  specification: { sv: "Specifikationen", en: "The specification" },
} as const;

/** f=json is the one representation; HTML pages live on the web site, not here. */
function checkF(c: Context<AppEnv>): void {
  const f = c.req.query("f");
  if (f === undefined || f === "json") return;
  throw new AppError(
    "BAD_REQUEST",
    {
      sv: `Ogiltig begäran: frågeparametern f: här finns bara f=json${f === "html" ? "; webbsidorna finns på /" : ""} (fick "${f.slice(0, 50)}")`,
      en: `Invalid request: query parameter f: only f=json is offered here${f === "html" ? "; the web pages are at /" : ""} (got "${f.slice(0, 50)}")`,
    },
    { details: [{ in: "query", name: "f", message: "bara json", found: f.slice(0, 200) }] },
  );
}

// RFC 3339 instants and intervals, as OGC API Features' datetime parameter takes them.
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const DATETIME = String.raw`${DATE}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})`;
const INSTANT = new RegExp(`^(${DATETIME}|${DATE})$`, "i");

/** A malformed datetime is refused; a well-formed one selects everything (no temporal extent). */
function checkDatetime(value: string | undefined): void {
  if (value === undefined) return;
  const parts = value.split("/");
  const ok =
    parts.length <= 2 &&
    parts.every(
      (p) =>
        (parts.length === 2 && (p === ".." || p === "")) || (INSTANT.test(p) && !Number.isNaN(Date.parse(p))),
    ) &&
    !(parts.length === 2 && parts.every((p) => p === ".." || p === ""));
  if (!ok) {
    throw badParameters([
      {
        name: "datetime",
        found: value,
        text: {
          sv: "ska vara en tidpunkt enligt RFC 3339 (2025-06-01T12:00:00Z eller 2025-06-01) eller ett intervall med / (../2025-06-01T00:00:00Z)",
          en: "must be an RFC 3339 instant (2025-06-01T12:00:00Z or 2025-06-01) or an interval with / (../2025-06-01T00:00:00Z)",
        },
      },
    ]);
  }
}

function collectionJson(base: string, spec: SpecificationVersion, language: Language) {
  const d = spec.definition;
  const href = `${base}/ogc/collections/${spec.slug}`;
  return {
    id: spec.slug,
    title: d.title[language],
    description: d.description[language],
    itemType: "feature",
    crs: [CRS84],
    extent: {
      spatial: { bbox: [[...SWEDEN_BBOX]], crs: CRS84 },
      // No temporal extent: an open interval, as the schema has no null.
      temporal: { interval: [[null, null]], trs: GREGORIAN },
    },
    links: [
      { href, rel: "self", type: JSON_TYPE, title: d.title[language] },
      { href: `${href}/items`, rel: "items", type: GEOJSON_TYPE, title: TEXT.items[language] },
      {
        href: `${base}/specifications/${spec.slug}/${spec.version}`,
        rel: "describedby",
        type: "text/html",
        title: TEXT.specification[language],
      },
    ] satisfies Link[],
  };
}

function jsonResponse(
  c: Context<AppEnv>,
  body: unknown,
  type = JSON_TYPE,
  headers: Record<string, string> = {},
) {
  return c.body(JSON.stringify(body), 200, {
    "Content-Type": `${type}; charset=utf-8`,
    "Cache-Control": DATA_CACHE_CONTROL,
    Vary: "Accept-Language",
    ...headers,
  });
}

export function ogcApi(data: DatasetQueryService, publicUrl: (origin: string) => string) {
  const app = new Hono<AppEnv>();
  const baseOf = (c: Context<AppEnv>) => publicUrl(new URL(c.req.url).origin);

  app.get("/", (c) => {
    checkF(c);
    const base = baseOf(c);
    const language = c.get("language");
    const links: Link[] = [
      { href: `${base}/ogc`, rel: "self", type: JSON_TYPE, title: TEXT.self[language] },
      { href: `${base}/ogc/api`, rel: "service-desc", type: OPENAPI_30, title: TEXT.api[language] },
      {
        href: `${base}/ogc/conformance`,
        rel: "conformance",
        type: JSON_TYPE,
        title: TEXT.conformance[language],
      },
      { href: `${base}/ogc/collections`, rel: "data", type: JSON_TYPE, title: TEXT.collections[language] },
    ];
    return jsonResponse(c, { title: TEXT.title[language], description: TEXT.description[language], links });
  });

  app.get("/conformance", (c) => {
    checkF(c);
    return jsonResponse(c, { conformsTo: CONFORMANCE_CLASSES });
  });

  app.get("/api", async (c) => {
    const specs = await data.spatialSpecifications();
    return jsonResponse(
      c,
      ogcOpenApiDocument(
        baseOf(c),
        specs.map((s) => s.slug),
      ),
      OPENAPI_30,
    );
  });

  app.get("/collections", async (c) => {
    checkF(c);
    const base = baseOf(c);
    const language = c.get("language");
    const specs = await data.spatialSpecifications();
    return jsonResponse(c, {
      links: [
        { href: `${base}/ogc/collections`, rel: "self", type: JSON_TYPE, title: TEXT.collections[language] },
      ],
      collections: specs.map((s) => collectionJson(base, s, language)),
    });
  });

  app.get("/collections/:collectionId", async (c) => {
    checkF(c);
    const spec = await data.specification(c.req.param("collectionId"), true);
    return jsonResponse(c, collectionJson(baseOf(c), spec, c.get("language")));
  });

  app.get("/collections/:collectionId/items", async (c) => {
    checkF(c);
    checkDatetime(c.req.query("datetime"));
    const slug = c.req.param("collectionId");
    const prepared = await data.prepare(slug, rawQuery(c), {
      paging: OGC_PAGING,
      passThrough: ["f", "datetime"],
      spatialOnly: true,
    });
    const etag = etagOf(prepared, "ogc");
    const cached = notModified(c, etag);
    if (cached !== undefined) return cached;
    const page = await data.page(prepared);
    const base = baseOf(c);
    const language = c.get("language");
    const self = new URL(c.req.url);
    const link = (url: URL) => `${base}${url.pathname}${url.search}`;
    const links: Link[] = [{ href: link(self), rel: "self", type: GEOJSON_TYPE, title: TEXT.self[language] }];
    if (page.next !== null) {
      const next = new URL(self);
      next.searchParams.set("cursor", page.next);
      links.push({ href: link(next), rel: "next", type: GEOJSON_TYPE, title: TEXT.next[language] });
    }
    links.push({ href: `${base}/ogc/collections/${slug}`, rel: "collection", type: JSON_TYPE });
    const definition = prepared.specification.definition;
    return jsonResponse(
      c,
      {
        type: "FeatureCollection",
        timeStamp: new Date().toISOString(),
        numberMatched: page.total,
        numberReturned: page.items.length,
        links,
        features: page.items.map((row) => toFeature(definition, row)),
      },
      GEOJSON_TYPE,
      { ETag: etag, Vary: "Accept-Language" },
    );
  });

  app.get("/collections/:collectionId/items/:featureId", async (c) => {
    checkF(c);
    const slug = c.req.param("collectionId");
    const featureId = c.req.param("featureId");
    const { specification, revision, row } = await data.row(slug, featureId, true);
    const hash = createHash("sha256")
      .update(`${slug}@${specification.version}#${revision}/${featureId}`)
      .digest("base64url");
    const etag = `W/"${hash.slice(0, 27)}"`;
    const cached = notModified(c, etag);
    if (cached !== undefined) return cached;
    const base = baseOf(c);
    const feature = toFeature(specification.definition, row);
    return jsonResponse(
      c,
      {
        ...feature,
        links: [
          {
            href: `${base}/ogc/collections/${slug}/items/${encodeURIComponent(feature.id)}`,
            rel: "self",
            type: GEOJSON_TYPE,
          },
          { href: `${base}/ogc/collections/${slug}`, rel: "collection", type: JSON_TYPE },
        ],
      },
      GEOJSON_TYPE,
      { ETag: etag },
    );
  });

  return app;
}
