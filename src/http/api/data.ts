import { createHash } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  API_PAGING,
  badParameters,
  csvHeader,
  csvLine,
  gzipped,
  toFeature,
  toItem,
  type DatasetQueryService,
  type ExportFormat,
  type PreparedQuery,
  type RawParams,
} from "../../consolidation/index.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, OrganizationCodeSchema } from "./schemas.ts";
import { SLUG } from "../../core/index.ts";

// ——— Shared with the OGC routes: negotiation, ETags, streaming ———

export type DataFormat = ExportFormat;

export const MEDIA_TYPES: Readonly<Record<DataFormat, string>> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};

const ACCEPTABLE: readonly (readonly [string, DataFormat])[] = [
  ["application/json", "json"],
  ["text/csv", "csv"],
  ["application/geo+json", "geojson"],
];

/**
 * The format: the format parameter when given, else the Accept header's preferred one among
 * application/json, text/csv and application/geo+json (JSON for anything else, or nothing).
 */
export function negotiateFormat(format: DataFormat | undefined, accept: string | undefined): DataFormat {
  if (format !== undefined) return format;
  if (accept === undefined) return "json";
  let best: DataFormat = "json";
  let bestQ = -1;
  let bestSpecificity = -1;
  for (const part of accept.split(",")) {
    const [rawType, ...rawParams] = part.split(";");
    const type = rawType?.trim().toLowerCase() ?? "";
    const qParam = rawParams.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    for (const [media, candidate] of ACCEPTABLE) {
      const specificity =
        type === media ? 2 : type === `${media.split("/")[0] ?? ""}/*` ? 1 : type === "*/*" ? 0 : -1;
      if (specificity < 0) continue;
      // Higher q wins; at equal q the more specific range; at equal both, the list's order (JSON first).
      if (q > bestQ || (q === bestQ && specificity > bestSpecificity)) {
        best = candidate;
        bestQ = q;
        bestSpecificity = specificity;
      }
    }
  }
  return best;
}

/** A weak validator: the same revision and the same normalised query give the same answer. */
export function etagOf(prepared: PreparedQuery, variant: string): string {
  const hash = createHash("sha256").update(`${prepared.fingerprint}|${variant}`).digest("base64url");
  return `W/"${hash.slice(0, 27)}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ is ignored, * matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const mine = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === mine);
}

export const DATA_CACHE_CONTROL = "public, max-age=60";

/** Smaller bodies fit in a packet or two: compressing them saves nothing worth a header. */
const GZIP_MIN_BYTES = 1024;

/** gzip is listed in Accept-Encoding, and not with q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    return (coding === "gzip" || coding === "*") && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** 304 with the validators a cache needs, or undefined when the client's copy is stale. */
export function notModified(c: Context<AppEnv>, etag: string, vary?: string): Response | undefined {
  if (!matchesIfNoneMatch(c.req.header("if-none-match"), etag)) return undefined;
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": DATA_CACHE_CONTROL };
  if (vary !== undefined) headers.Vary = vary;
  return c.body(null, 304, headers);
}

/** Streams text chunks as UTF-8, one chunk per pull: a slow client slows the reading down. */
export function streamChunks(
  c: Context<AppEnv>,
  chunks: AsyncGenerator<string, void, undefined>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const logger = c.get("logger");
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          // Headers are sent: the client sees a cut-off body; the log says why.
          logger.error("export failed mid-stream", { error });
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** An optional parameter with a closed set of values, given at most once. */
export function choiceParameter<T extends string>(
  c: Context<AppEnv>,
  name: string,
  choices: readonly T[],
): T | undefined {
  const values = c.req.queries(name);
  if (values === undefined) return undefined;
  const [value = ""] = values;
  if (values.length === 1 && (choices as readonly string[]).includes(value)) return value as T;
  throw badParameters([
    values.length === 1
      ? {
          name,
          found: value,
          text: { sv: `ska vara ${choices.join(", ")}`, en: `must be ${choices.join(", ")}` },
        }
      : {
          name,
          found: values.join(","),
          text: {
            sv: `ska anges en gång, den angavs ${values.length} gånger`,
            en: `must be given once, it was given ${values.length} times`,
          },
        },
  ]);
}

const FORMATS = ["json", "csv", "geojson"] as const;
const BOOLEANS = ["true", "false"] as const;

/** The query string as the service takes it: every name with all its values. */
export function rawQuery(c: Context<AppEnv>): RawParams {
  return c.req.queries();
}

// ——— The data API ———

const Slug = z
  .string()
  .regex(SLUG, "Ett slug skrivs med små bokstäver och bindestreck / A slug is lowercase kebab-case")
  .openapi({ example: "badplatser", description: "The specification's slug (GET /api/v1/specifications)" });

const PointSchema = z.object({ type: z.literal("Point"), coordinates: z.array(z.number()).length(2) });

const DataItemSchema = z
  .object({
    id: z
      .string()
      .openapi({ example: "0580:BAD-0012", description: "National id: organization code, colon, row id" }),
    organization: z.string().openapi({ example: "0580" }),
    kommun: z.string().nullable().openapi({ example: "0580" }),
    lan: z.string().nullable().openapi({ example: "05" }),
    demo: z.boolean().openapi({ description: "Synthetic demo content, not real data" }),
    provenance: z.object({
      organization: z.string(),
      release: z
        .string()
        .openapi({ description: "The release (an uploaded or fetched file) the row comes from" }),
      sourceRow: z.number().int().openapi({ description: "Its row in that file (the header is row 1)" }),
    }),
    geometry: PointSchema.nullable().openapi({ description: "WGS 84 [longitude, latitude], or null" }),
    properties: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The record, keyed by the specification's field names, typed" }),
  })
  .openapi("DataItem");

const DataPageSchema = z
  .object({
    items: z.array(DataItemSchema),
    total: z.number().int().openapi({ description: "How many rows match the filters in all" }),
    next: z.string().nullable().openapi({ description: "Cursor of the next page, or null on the last" }),
  })
  .openapi("DataPage");

const FeatureCollectionSchema = z
  .looseObject({
    type: z.literal("FeatureCollection"),
    features: z.array(z.looseObject({ type: z.literal("Feature") })),
  })
  .openapi("DataFeatureCollection", {
    description:
      "GeoJSON; each feature's id is the national id and its properties the fields plus _organization, _kommun, _lan, _release, _source_row, _demo",
  });

const FILTER_DESCRIPTION = `
Filters, all optional and combined with AND:
- \`kommun\` (four digits), \`lan\` (two digits): where the row lies; \`organization\`: who published it.
- \`bbox=minLon,minLat,maxLon,maxLat\` in WGS 84.
- \`q\`: Swedish full-text search over the text fields (stems: *lekplatsen* finds *Lekplatser*; diacritics ignored: *malmo* finds *Malmö*; web-search syntax: "quoted phrase", \`or\`, \`-word\`).
- Field filters from the specification (see GET /api/v1/specifications/{slug}): \`field=value\` for every field (code lists are checked);
  for number, integer, date, datetime, time, year and yearmonth fields also \`field.min=\` and \`field.max=\` (inclusive).
  Dates and times compare on their ISO text as published: \`updated=2025-06\` is all of June 2025, \`start.max=2025-06-30\` includes that day.
  Booleans take \`true\`, \`false\`, \`ja\`, \`nej\`.
- \`sort=field\` or \`sort=-field\` (descending); missing values last; ties by national id. Default: national id.

Any other parameter is refused with 400, naming it and listing those accepted.
Pages are keyset-paged: pass \`next\` as \`cursor\` (with the same sort) for the next page; a cursor is never an offset.
Responses carry an ETag (dataset revision + the normalised query) and \`Cache-Control: public, max-age=60\`; \`If-None-Match\` gives 304.`;

// The query parameters are documented here and checked by the service against the specification
// (route schemas cannot know each specification's fields, and would treat a repeated name badly).
const queryParameter = (name: string, description: string, example?: string) => ({
  name,
  in: "query" as const,
  required: false,
  description,
  schema: { type: "string" as const, ...(example === undefined ? {} : { example }) },
});
const filterParameters = [
  queryParameter("kommun", "Kommunkod (four digits)", "0580"),
  queryParameter("lan", "Länskod (two digits)", "05"),
  queryParameter("organization", "The publishing organization's code", "0580"),
  queryParameter("bbox", "minLon,minLat,maxLon,maxLat (WGS 84)", "15.5,58.3,15.7,58.5"),
  queryParameter("q", "Swedish full-text search", "sandstrand"),
  queryParameter("sort", "A field name, - first for descending", "-updated"),
];
const bomParameter = {
  ...queryParameter("bom", "CSV only: start with a UTF-8 byte-order mark (for Excel). Default false"),
  schema: { type: "string" as const, enum: ["true", "false"] },
};
const pageParameters = [
  queryParameter("limit", "Rows per page, 1–1000 (default 100)", "100"),
  queryParameter("cursor", "The next value of the previous page"),
  {
    ...queryParameter("format", "json, csv or geojson; else by Accept"),
    schema: { type: "string" as const, enum: ["json", "csv", "geojson"] },
  },
  bomParameter,
];

const csvContent = { "text/csv": { schema: z.string() } };
const geojsonContent = { "application/geo+json": { schema: FeatureCollectionSchema } };

const queryData = createRoute({
  method: "get",
  path: "/data/{slug}",
  tags: ["Data"],
  summary: "Nationell datamängd: filtrera och bläddra / A national dataset: filter and page",
  description:
    "Every organization's current rows of one specification, as one national dataset. " +
    "Format: `format=json|csv|geojson`, else by Accept (application/json, text/csv, application/geo+json). " +
    'CSV and GeoJSON pages give the next page in a `Link: <…>; rel="next"` header (GeoJSON also as `next`).\n' +
    FILTER_DESCRIPTION,
  request: {
    params: z.object({ slug: Slug }),
  },
  parameters: [...filterParameters, ...pageParameters],
  responses: {
    200: {
      description: "A page of rows",
      content: { "application/json": { schema: DataPageSchema }, ...csvContent, ...geojsonContent },
    },
    304: { description: "Not modified (If-None-Match)" },
    ...errorResponses([400, 404, 503]),
  },
});

const downloadRoutes = (["csv", "geojson", "json"] as const).map(
  (format) =>
    [
      format,
      createRoute({
        method: "get",
        path: `/data/{slug}/download.${format}`,
        tags: ["Data"],
        summary: `Hela den nationella datamängden som ${format.toUpperCase()} / The whole national dataset as ${format.toUpperCase()}`,
        description:
          "Streamed, every matching row (the filters of GET /api/v1/data/{slug} apply; limit and cursor do not). " +
          (format === "csv"
            ? "Columns: the specification's fields in order, then _id, _organization, _release, _source_row. Cells that a spreadsheet would run as formulas are neutralised with a leading apostrophe."
            : format === "json"
              ? "The list shape { items, total, next: null }."
              : "A GeoJSON FeatureCollection of points in WGS 84."),
        request: { params: z.object({ slug: Slug }) },
        parameters: [...filterParameters, bomParameter],
        responses: {
          200: {
            description: "The file (Content-Disposition: attachment)",
            content:
              format === "csv"
                ? csvContent
                : format === "geojson"
                  ? geojsonContent
                  : { "application/json": { schema: DataPageSchema } },
          },
          304: { description: "Not modified (If-None-Match)" },
          ...errorResponses([400, 404, 503]),
        },
      }),
    ] as const,
);

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(csv|geojson|json)$/;

const organizationDownload = createRoute({
  method: "get",
  path: "/organizations/{code}/data/{file}",
  tags: ["Data"],
  summary: "En organisations rader i en datamängd / One organization's rows of a dataset",
  description:
    "`file` is `{slug}.csv`, `{slug}.geojson` or `{slug}.json`, e.g. `badplatser.csv`: the organization's rows of the national dataset, streamed like the national downloads.",
  request: {
    params: z.object({
      code: OrganizationCodeSchema,
      file: z
        .string()
        .regex(
          FILE_NAME,
          "Filnamnet ska vara {slug}.csv, {slug}.geojson eller {slug}.json / The file name must be {slug}.csv, {slug}.geojson or {slug}.json",
        )
        .openapi({ example: "badplatser.csv" }),
    }),
  },
  parameters: [...filterParameters, bomParameter],
  responses: {
    200: {
      description: "The file (Content-Disposition: attachment)",
      content: { ...csvContent, ...geojsonContent, "application/json": { schema: DataPageSchema } },
    },
    304: { description: "Not modified (If-None-Match)" },
    ...errorResponses([400, 404, 503]),
  },
});

function pageUrl(c: Context<AppEnv>, base: string, cursor: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", cursor);
  return `${base}${url.pathname}?${url.searchParams.toString()}`;
}

export function dataApi(data: DatasetQueryService, publicUrl: (origin: string) => string) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(queryData, async (c) => {
    const { slug } = c.req.valid("param");
    const formatParam = choiceParameter(c, "format", FORMATS);
    const bom = choiceParameter(c, "bom", BOOLEANS);
    const format = negotiateFormat(formatParam, c.req.header("accept"));
    const prepared = await data.prepare(slug, rawQuery(c), {
      paging: API_PAGING,
      passThrough: ["format", "bom"],
    });
    const etag = etagOf(prepared, `${format}|${bom ?? ""}`);
    const vary = formatParam === undefined ? "Accept" : undefined;
    const cached = notModified(c, etag, vary);
    if (cached !== undefined) return cached;

    const definition = prepared.specification.definition;
    // Rendered once per revision and query; later requests get the kept bytes (page-cache.ts).
    const page = await data.renderedPage(prepared, `${format}|${bom ?? ""}`, (page) => {
      if (format === "csv") {
        return (
          (bom === "true" ? "\uFEFF" : "") +
          csvHeader(definition) +
          page.items.map((r) => csvLine(definition, r)).join("")
        );
      }
      if (format === "geojson") {
        return JSON.stringify({
          type: "FeatureCollection",
          numberMatched: page.total,
          numberReturned: page.items.length,
          next: page.next,
          features: page.items.map((r) => toFeature(definition, r)),
        });
      }
      return JSON.stringify({
        items: page.items.map((r) => toItem(definition, r)),
        total: page.total,
        next: page.next,
      });
    });
    const headers: Record<string, string> = {
      ETag: etag,
      "Cache-Control": DATA_CACHE_CONTROL,
      "Content-Type": MEDIA_TYPES[format],
      "X-Total-Count": String(page.total),
    };
    headers.Vary = vary === undefined ? "Accept-Encoding" : `${vary}, Accept-Encoding`;
    if (page.next !== null)
      headers.Link = `<${pageUrl(c, publicUrl(new URL(c.req.url).origin), page.next)}>; rel="next"`;
    // Compressed once per kept page: a large page costs the network a fifth, and the server nothing more.
    if (page.body.byteLength >= GZIP_MIN_BYTES && acceptsGzip(c.req.header("accept-encoding"))) {
      headers["Content-Encoding"] = "gzip";
      return c.body(gzipped(page), 200, headers);
    }
    return c.body(page.body, 200, headers);
  });

  const download = async (
    c: Context<AppEnv>,
    slug: string,
    format: DataFormat,
    bom: string | undefined,
    organization: string | undefined,
  ) => {
    const prepared = await data.prepare(slug, rawQuery(c), {
      paging: undefined,
      passThrough: ["bom"],
      ...(organization === undefined ? {} : { organization }),
    });
    const etag = etagOf(prepared, `download|${format}|${bom ?? ""}`);
    const cached = notModified(c, etag);
    if (cached !== undefined) return cached;
    const fileName = `${slug}${organization === undefined ? "" : `-${organization}`}.${format}`;
    const chunks = data.export(prepared, format, { bom: bom === "true" });
    return c.body(streamChunks(c, chunks), 200, {
      ETag: etag,
      "Cache-Control": DATA_CACHE_CONTROL,
      "Content-Type": MEDIA_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
    });
  };

  for (const [format, route] of downloadRoutes) {
    app.openapi(route, (c) =>
      download(c, c.req.valid("param").slug, format, choiceParameter(c, "bom", BOOLEANS), undefined),
    );
  }

  app.openapi(organizationDownload, (c) => {
    const { code, file } = c.req.valid("param");
    const [, slug = "", format = "json"] = FILE_NAME.exec(file) ?? [];
    return download(c, slug, format as DataFormat, choiceParameter(c, "bom", BOOLEANS), code);
  });

  return app;
}
