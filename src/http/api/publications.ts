import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actorOf, can } from "../../accounts/index.ts";
import { AppError } from "../../core/index.ts";
import {
  FETCH_JOB_STATES,
  FETCH_TRIGGERS,
  PUBLISH_MODES,
  RELEASE_ORIGINS,
  RELEASE_STATUSES,
  type FetchJob,
  type Publication,
  type PublishingService,
  type Release,
} from "../../publishing/index.ts";
import { TABLE_FORMATS } from "../../validation/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { toWebStream } from "../stream.ts";
import { LimitedBody } from "../upload.ts";
import { errorResponses, OrganizationCodeSchema, jsonResponse as json, scheduledUrlBody } from "./schemas.ts";

const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Specifikationens slug, till exempel badplatser / A specification slug, e.g. badplatser",
  )
  .openapi({ example: "badplatser" });

const ReleaseIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    "Ett release-id är ett UUID / A release id is a UUID",
  )
  .openapi({ example: "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192" });

export const ReleaseSchema = z
  .object({
    id: ReleaseIdSchema,
    organization: OrganizationCodeSchema,
    specification: z.object({ slug: z.string(), version: z.string() }),
    status: z.enum(RELEASE_STATUSES).openapi({
      description:
        "published: every row; partial: only the valid rows (the publisher's choice); rejected: not published",
    }),
    origin: z.enum(RELEASE_ORIGINS),
    file: z.object({
      sha256: z.string(),
      bytes: z.number().int(),
      name: z.string().nullable(),
      format: z.enum(TABLE_FORMATS),
    }),
    rows: z.object({ total: z.number().int(), published: z.number().int() }),
    changes: z
      .object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() })
      .nullable()
      .openapi({ description: "What the release changed in the national dataset; null when rejected" }),
    errors: z.number().int(),
    warnings: z.number().int(),
    createdAt: z.string().openapi({ format: "date-time" }),
    demo: z.boolean().openapi({ description: "Synthetic demo content" }),
    links: z.object({ self: z.string(), report: z.string(), file: z.string() }),
  })
  .openapi("Release");

export const PublicationSchema = z
  .object({
    organization: OrganizationCodeSchema,
    specification: z.string(),
    source: z.looseObject({ kind: z.enum(["upload", "url"]) }),
    currentRelease: ReleaseSchema.nullable(),
    latestRelease: ReleaseSchema.nullable().openapi({
      description: "The newest file; shown to those who may see the organization's unpublished material",
    }),
    demo: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi("Publication");

const publishRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/publications/{slug}",
  tags: ["Publishing"],
  summary: "Publicera en fil / Publish a file",
  description:
    "The file is the raw body (CSV, JSON, GeoJSON or .xlsx, as for /validate). It is stored, validated and, when valid, replaces the organization's rows in the national dataset. A file with errors is kept with its report and answered 422; with mode=valid-rows only its valid rows are published. Needs a publish token of the organization (Authorization: Bearer …) or a signed-in publisher.",
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ code: OrganizationCodeSchema, slug: SlugSchema }),
    query: z.object({
      mode: z.enum(PUBLISH_MODES).default("all").openapi({
        description: "all: publish only a valid file; valid-rows: publish the rows without errors",
      }),
      format: z.enum(TABLE_FORMATS).optional().openapi({ description: "Sniffed when left out" }),
      filename: z
        .string()
        .max(255)
        .optional()
        .openapi({ description: "The file's name, kept with the release" }),
    }),
  },
  requestBody: {
    required: true,
    content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
  },
  responses: {
    201: json(ReleaseSchema, "Published (all rows, or the valid rows)"),
    ...errorResponses([400, 401, 403, 404, 409, 413, 422, 503]),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/publications",
  tags: ["Publishing"],
  summary: "Organisationens publiceringar / The organization's publications",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: json(
      z.object({ items: z.array(PublicationSchema), total: z.number().int(), next: z.null() }),
      "Publications",
    ),
    ...errorResponses([400, 404, 503]),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/publications/{slug}",
  tags: ["Publishing"],
  summary: "En publicering med dess releaser / A publication with its releases",
  request: { params: z.object({ code: OrganizationCodeSchema, slug: SlugSchema }) },
  responses: {
    200: json(
      PublicationSchema.extend({ releases: z.array(ReleaseSchema) }),
      "The publication and its release history, newest first",
    ),
    ...errorResponses([400, 404, 503]),
  },
});

const releaseRoute = createRoute({
  method: "get",
  path: "/releases/{id}",
  tags: ["Publishing"],
  summary: "En release / One release",
  request: { params: z.object({ id: ReleaseIdSchema }) },
  responses: { 200: json(ReleaseSchema, "The release"), ...errorResponses([400, 401, 403, 404, 503]) },
});

const reportRoute = createRoute({
  method: "get",
  path: "/releases/{id}/report",
  tags: ["Publishing"],
  summary: "Releasens valideringsrapport / The release's validation report",
  request: { params: z.object({ id: ReleaseIdSchema }) },
  responses: {
    200: json(z.looseObject({ valid: z.boolean() }), "The report, as made when the file arrived"),
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const fileRoute = createRoute({
  method: "get",
  path: "/releases/{id}/file",
  tags: ["Publishing"],
  summary: "Originalfilen / The original file",
  request: { params: z.object({ id: ReleaseIdSchema }) },
  responses: {
    200: {
      description: "The file byte for byte",
      content: { "application/octet-stream": { schema: z.string() } },
    },
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const FetchJobSchema = z
  .object({
    id: z.string().openapi({ example: "0b8f5c1e-2d3a-4f6b-9c7d-8e9f0a1b2c3d" }),
    organization: OrganizationCodeSchema,
    specification: z.string(),
    state: z.enum(FETCH_JOB_STATES).openapi({
      description:
        "running: poll again (see Retry-After); done: fetched (released or not modified); failed: see error",
    }),
    trigger: z.enum(FETCH_TRIGGERS).openapi({
      description: "manual: fetch now; source-set: the first fetch of a new source; schedule: the interval",
    }),
    outcome: z.enum(["released", "not-modified", "failed"]).nullable().openapi({
      description: "What the fetch came to; null while it runs",
    }),
    release: ReleaseSchema.nullable().openapi({
      description: "The release the fetch made, when it made one",
    }),
    error: z.string().nullable().openapi({ description: "Why the fetch failed, in plain words" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    finishedAt: z.string().nullable().openapi({ format: "date-time" }),
    links: z.object({ self: z.string(), publication: z.string() }),
  })
  .openapi("FetchJob");

const sourceParams = z.object({ code: OrganizationCodeSchema, slug: SlugSchema });

const jobAccepted = {
  description:
    "The fetch runs in the background: poll the job at Location (links.self) until its state is done or failed. A source that is already being fetched (by the schedule or another publisher) answers with that running job; a source is never fetched twice at once.",
  headers: z.object({
    Location: z.string().openapi({ description: "The job" }),
    "Retry-After": z.string().openapi({ description: "Seconds until it is worth polling" }),
  }),
  content: { "application/json": { schema: FetchJobSchema } },
};

const setSourceRoute = createRoute({
  method: "put",
  path: "/organizations/{code}/publications/{slug}/source",
  tags: ["Publishing"],
  summary: "Hämta filen från en webbadress / Fetch the file from a URL",
  description:
    "The platform fetches the URL now and then every intervalMinutes (ETag / If-Modified-Since), and publishes what it finds like an upload. The answer is 202 with the first fetch as a job to poll; a slow source does not hold the request. Only http(s) to public addresses: a URL at a private, loopback or link-local address, or one that redirects to one, is refused (400) and not kept (a refusal found after the answer fails the job and removes the source).",
  security: [{ bearerAuth: [] }],
  request: {
    params: sourceParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: scheduledUrlBody("https://www.linkoping.se/open/data/badplatser.csv"),
        },
      },
    },
  },
  responses: {
    202: jobAccepted,
    ...errorResponses([400, 401, 403, 404, 409, 503]),
  },
});

const fetchNowRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/publications/{slug}/source/fetch",
  tags: ["Publishing"],
  summary: "Hämta nu / Fetch now",
  description:
    "Starts a fetch of the URL source and answers at once with the job (202); poll it at Location. While a fetch of the source runs, the answer is that fetch.",
  security: [{ bearerAuth: [] }],
  request: { params: sourceParams },
  responses: {
    202: jobAccepted,
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const fetchJobRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/publications/{slug}/source/fetches/{id}",
  tags: ["Publishing"],
  summary: "En hämtning / One fetch",
  description:
    "A fetch of the URL source: running, done (with the release it made, if any) or failed (with why). A fetch whose server stopped before it finished reads as failed.",
  security: [{ bearerAuth: [] }],
  request: {
    params: sourceParams.extend({
      id: z
        .string()
        .regex(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          "Ett id är ett UUID / An id is a UUID",
        ),
    }),
  },
  responses: {
    200: json(FetchJobSchema, "The fetch"),
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const removeSourceRoute = createRoute({
  method: "delete",
  path: "/organizations/{code}/publications/{slug}/source",
  tags: ["Publishing"],
  summary: "Sluta hämta från webbadressen / Stop fetching the URL",
  security: [{ bearerAuth: [] }],
  request: { params: sourceParams },
  responses: {
    204: { description: "Back to uploads; releases and data stay" },
    ...errorResponses([401, 403, 404, 503]),
  },
});

export function publicationsApi(
  publishing: PublishingService,
  baseUrl: (origin: string) => string,
  maxUploadBytes: number,
) {
  const app = new OpenAPIHono<AppEnv>();
  const base = (c: Context<AppEnv>) => `${baseUrl(new URL(c.req.url).origin)}/api/v1`;
  // A rejected file may hold what the organization has not made public: only it (and its
  // coordinators) may see the file and the report.
  const mayReadUnpublished = (c: Context<AppEnv>, organizationCode: string) => {
    const principal = c.get("principal");
    return principal !== undefined && can(principal, "read", organizationCode);
  };
  const visibleRelease = (c: Context<AppEnv>, release: Release) => {
    if (release.status === "rejected") authorize(c, "read", release.organizationCode);
    return release;
  };
  const publicationBody = (c: Context<AppEnv>, publication: Publication) => ({
    organization: publication.organizationCode,
    specification: publication.slug,
    source: publication.source,
    currentRelease:
      publication.currentRelease === null ? null : releaseBody(base(c), publication.currentRelease),
    latestRelease:
      publication.latestRelease === null ||
      (publication.latestRelease.status === "rejected" &&
        !mayReadUnpublished(c, publication.organizationCode))
        ? null
        : releaseBody(base(c), publication.latestRelease),
    demo: publication.demo,
    updatedAt: publication.updatedAt.toISOString(),
  });

  app.openapi(publishRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    const { mode, format, filename } = c.req.valid("query");
    const principal = authorize(c, "publish", code);
    const body = new LimitedBody(c, maxUploadBytes);
    const release = await publishing.publish({
      organizationCode: code,
      slug,
      body,
      fileName: filename,
      format,
      mode,
      origin: "upload",
      audit: { actor: actorOf(principal), fromAddress: clientAddress(c) },
    });
    const answer = releaseBody(base(c), release);
    if (release.status === "rejected") {
      throw new AppError(
        "DATA_INVALID",
        {
          sv: `Filen har ${release.errors} fel och publicerades inte; den gällande versionen ligger kvar. Rapporten: ${answer.links.report}. Rätta felen, eller publicera bara de giltiga raderna med mode=valid-rows.`,
          en: `The file has ${release.errors} errors and was not published; the current version stays. The report: ${answer.links.report}. Fix the errors, or publish only the valid rows with mode=valid-rows.`,
        },
        { details: { release: answer } },
      );
    }
    return c.json(answer, 201, { Location: answer.links.self });
  });

  const fetchJobBody = async (c: Context<AppEnv>, job: FetchJob) => {
    const publication = `${base(c)}/organizations/${job.organizationCode}/publications/${job.slug}`;
    const release = job.releaseId === null ? null : await publishing.getRelease(job.releaseId);
    return {
      id: job.id,
      organization: job.organizationCode,
      specification: job.slug,
      state: job.state,
      trigger: job.trigger,
      outcome: job.outcome,
      release: release === null ? null : releaseBody(base(c), release),
      error: job.error === null ? null : job.error[c.get("language")],
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt === null ? null : job.finishedAt.toISOString(),
      links: { self: `${publication}/source/fetches/${job.id}`, publication },
    };
  };
  const accepted = async (c: Context<AppEnv>, job: FetchJob) => {
    const body = await fetchJobBody(c, job);
    return c.json(body, 202, { Location: body.links.self, "Retry-After": "2" });
  };
  const auditOf = (c: Context<AppEnv>, code: string) => ({
    actor: actorOf(authorize(c, "publish", code)),
    fromAddress: clientAddress(c),
  });

  app.openapi(setSourceRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    const audit = auditOf(c, code);
    const { url, intervalMinutes } = c.req.valid("json");
    const { job } = await publishing.setUrlSource(code, slug, { url, intervalMinutes }, audit);
    return accepted(c, job);
  });

  app.openapi(fetchNowRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    const { job } = await publishing.startFetch(code, slug, auditOf(c, code));
    return accepted(c, job);
  });

  app.openapi(fetchJobRoute, async (c) => {
    const { code, slug, id } = c.req.valid("param");
    authorize(c, "read", code);
    const job = await publishing.getFetch(id);
    if (job.organizationCode !== code || job.slug !== slug) {
      throw new AppError("NOT_FOUND", {
        sv: `Det finns ingen hämtning med id ${id} för ${code}/${slug}.`,
        en: `There is no fetch with id ${id} for ${code}/${slug}.`,
      });
    }
    const headers: Record<string, string> = job.state === "running" ? { "Retry-After": "2" } : {};
    return c.json(await fetchJobBody(c, job), 200, { "Cache-Control": "no-store", ...headers });
  });

  app.openapi(removeSourceRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    await publishing.removeUrlSource(code, slug, auditOf(c, code));
    return c.body(null, 204);
  });

  app.openapi(listRoute, async (c) => {
    const { code } = c.req.valid("param");
    const items = (await publishing.listPublications({ organizationCode: code })).map((p) =>
      publicationBody(c, p),
    );
    return c.json({ items, total: items.length, next: null }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    const publication = await publishing.getPublication(code, slug);
    const releases = (await publishing.listReleases(code, slug))
      .filter((r) => r.status !== "rejected" || mayReadUnpublished(c, code))
      .map((r) => releaseBody(base(c), r));
    return c.json({ ...publicationBody(c, publication), releases }, 200);
  });

  app.openapi(releaseRoute, async (c) => {
    const release = visibleRelease(c, await publishing.getRelease(c.req.valid("param").id));
    return c.json(releaseBody(base(c), release), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid("param");
    visibleRelease(c, await publishing.getRelease(id));
    const report = await publishing.getReleaseReport(id);
    return c.json(report as unknown as { valid: boolean }, 200);
  });

  app.openapi(fileRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { release, body } = await publishing.releaseFile(id);
    visibleRelease(c, release);
    const name = (
      release.file.name ?? `${release.slug}-${release.organizationCode}.${release.file.format}`
    ).replace(/[^\w.\-åäöÅÄÖ]/g, "_");
    return new Response(toWebStream(body), {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Content-Length": String(release.file.bytes),
        "Cache-Control": "public, max-age=31536000, immutable",
      },
    });
  });

  return app;
}

export function releaseBody(apiBase: string, release: Release): z.infer<typeof ReleaseSchema> {
  const self = `${apiBase}/releases/${release.id}`;
  return {
    id: release.id,
    organization: release.organizationCode,
    specification: { slug: release.slug, version: release.specVersion },
    status: release.status,
    origin: release.origin,
    file: release.file,
    rows: release.rows,
    changes: release.changes,
    errors: release.errors,
    warnings: release.warnings,
    createdAt: release.createdAt.toISOString(),
    demo: release.demo,
    links: { self, report: `${self}/report`, file: `${self}/file` },
  };
}
