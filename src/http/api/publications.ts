import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actorOf } from "../../accounts/index.ts";
import { SLUG, UUID, AppError } from "../../core/index.ts";
import {
  confirmationRequired,
  FETCH_JOB_STATES,
  FETCH_TRIGGERS,
  mayReadRelease,
  mayReadUnpublished,
  PUBLISH_MODES,
  RELEASE_ORIGINS,
  RELEASE_STATUSES,
  type FetchJob,
  type Publication,
  type PublishableDataset,
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
  .regex(SLUG, "Specifikationens slug, till exempel badplatser / A specification slug, e.g. badplatser")
  .openapi({ example: "badplatser" });

const ReleaseIdSchema = z
  .string()
  .regex(UUID, "Ett release-id är ett UUID / A release id is a UUID")
  .openapi({ example: "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192" });

export const ReleaseSchema = z
  .object({
    id: ReleaseIdSchema,
    organization: OrganizationCodeSchema,
    specification: z.object({ slug: z.string(), version: z.string() }),
    status: z.enum(RELEASE_STATUSES).openapi({
      description:
        "published: every row; partial: only the valid rows (the publisher's choice); rejected: not published; held: would remove all or more than half of the organization's rows, waits for confirmation; withdrawn: a header-only file, confirmed, that removed the organization's rows",
    }),
    origin: z.enum(RELEASE_ORIGINS).openapi({
      description: "How it came: upload (web or API), cli, url (a URL source), demo, restore (a rollback)",
    }),
    publishedBy: z.string().nullable().openapi({
      description:
        "Who published it (a user's name, or the owner of the token used); shown to those who may read the organization's unpublished material",
    }),
    basedOn: z.string().nullable().openapi({
      description: "A held release: the current release it was measured against",
    }),
    restoredFrom: z
      .string()
      .nullable()
      .openapi({ description: "A rollback: the release it made current again" }),
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
      .openapi({
        description:
          "What the release changed in the national dataset (for a held one: what it would change); null when rejected",
      }),
    errors: z.number().int(),
    warnings: z.number().int(),
    createdAt: z.string().openapi({ format: "date-time" }),
    demo: z.boolean().openapi({ description: "Synthetic demo content" }),
    links: z.object({ self: z.string(), report: z.string(), file: z.string(), diff: z.string() }),
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
    "The file is the raw body (CSV, JSON, GeoJSON or .xlsx, as for /validate). It is stored, validated and, when valid, replaces the organization's rows in the national dataset. A file with errors is kept with its report and answered 422; with mode=valid-rows only its valid rows are published. A file that would remove all, or more than half, of the organization's rows is held: nothing changes, and the answer is 409 CONFIRMATION_REQUIRED with the counts and how to confirm (confirm=removals, or POST …/releases/{id}/confirm without sending the file again). A file with only headers is refused (422) when there is nothing to withdraw. Needs a publish token of the organization (Authorization: Bearer …) or a signed-in publisher.",
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
      confirm: z.enum(["removals"]).optional().openapi({
        description:
          "removals: publish even if the file removes all, or more than half, of the organization's rows (without it such a file is held and answered 409 CONFIRMATION_REQUIRED); a file with no rows then withdraws the publication",
      }),
      origin: z.enum(["upload", "cli"]).default("upload").openapi({
        description: "How the file is sent, for the release history; the dataverkstad command says cli",
      }),
    }),
  },
  requestBody: {
    required: true,
    content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
  },
  responses: {
    201: json(ReleaseSchema, "Published (all rows, or the valid rows), or withdrawn"),
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

const validRowsRoute = createRoute({
  method: "post",
  path: "/releases/{id}/valid-rows",
  tags: ["Publishing"],
  summary: "Publicera de giltiga raderna / Publish the valid rows",
  description:
    "Publishes the rows without errors of a stored rejected file, read again from the platform's store: nothing is uploaded twice. Only the publication's newest file, and only a rejected one (409 otherwise); a file whose errors concern it as a whole is rejected again (422). Needs a publish token of the organization or a signed-in publisher. The web's \"publish the valid rows\" button does the same.",
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: ReleaseIdSchema }) },
  responses: {
    201: json(ReleaseSchema, "The valid rows are published (status partial)"),
    ...errorResponses([400, 401, 403, 404, 409, 422, 503]),
  },
});

const PublishableSchema = z
  .object({
    specification: z.string().openapi({ example: "badplatser" }),
    title: z.string().openapi({ example: "Badplatser" }),
    expected: z.boolean().openapi({
      description: "On the prioritized list for this kind of organization (kommun, region or both)",
    }),
    rank: z.number().int().nullable().openapi({ description: "Rank on the prioritized list, if on it" }),
  })
  .openapi("PublishableDataset");

const publishableRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/publishable",
  tags: ["Publishing"],
  summary: "Vad organisationen kan publicera / What the organization can publish",
  description:
    "Every specification may be published by any organization; those the prioritized list expects of its kind come first, by rank (the same list the web's publish form offers, and the readiness model counts).",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: json(
      z.object({ items: z.array(PublishableSchema), total: z.number().int(), next: z.null() }),
      "Expected datasets first, then the other specifications",
    ),
    ...errorResponses([400, 404, 503]),
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

const releaseParams = z.object({ code: OrganizationCodeSchema, slug: SlugSchema, id: ReleaseIdSchema });

const confirmRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/publications/{slug}/releases/{id}/confirm",
  tags: ["Publishing"],
  summary: "Bekräfta en kvarhållen release / Confirm a held release",
  description:
    "Publishes a release that was held because it removes all, or more than half, of the organization's rows, as it was received: the file is not sent again. 409 when it is not held, or when another release became current since (the counts no longer hold).",
  security: [{ bearerAuth: [] }],
  request: { params: releaseParams },
  responses: {
    201: json(ReleaseSchema, "Published (or withdrawn)"),
    ...errorResponses([400, 401, 403, 404, 409, 503]),
  },
});

const restoreRoute = createRoute({
  method: "post",
  path: "/organizations/{code}/publications/{slug}/releases/{id}/restore",
  tags: ["Publishing"],
  summary: "Gör en tidigare version gällande igen / Make an earlier release current again",
  description:
    "A rollback: the earlier release's stored file is read again, so its rows come back exactly. Recorded as a new release (origin restore, restoredFrom naming the earlier one) and audited. Another organization's release is 403; a release that was never published is 400.",
  security: [{ bearerAuth: [] }],
  request: { params: releaseParams },
  responses: {
    201: json(ReleaseSchema, "The new current release"),
    ...errorResponses([400, 401, 403, 404, 409, 503]),
  },
});

const DiffRowSchema = z.object({
  id: z.string().openapi({ description: "The row's national id" }),
  name: z.string().nullable(),
  fields: z
    .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
    .optional()
    .openapi({ description: "Changed rows: each changed field, its earlier and its later value" }),
});

const diffRoute = createRoute({
  method: "get",
  path: "/releases/{id}/diff",
  tags: ["Publishing"],
  summary: "Skillnaden mot en annan release / The difference from another release",
  description:
    "Rows added, changed (with the changed fields) and removed from the release `against` to this one, of the same publication. The counts are exact; the lists hold the first `limit` rows of each kind by id.",
  request: {
    params: z.object({ id: ReleaseIdSchema }),
    query: z.object({
      against: ReleaseIdSchema.openapi({ description: "The earlier release to compare with" }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          release: z.string(),
          against: z.string(),
          counts: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
          added: z.array(DiffRowSchema),
          changed: z.array(DiffRowSchema),
          removed: z.array(DiffRowSchema),
          limit: z.number().int(),
        })
        .openapi("ReleaseDiff"),
      "The difference",
    ),
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

export function publicationsApi(
  publishing: PublishingService,
  baseUrl: (origin: string) => string,
  maxUploadBytes: number,
) {
  const app = new OpenAPIHono<AppEnv>();
  const base = (c: Context<AppEnv>) => `${baseUrl(new URL(c.req.url).origin)}/api/v1`;
  // Who may see a rejected or held release is the publishing module's rule (mayReadRelease);
  // who published it is shown to those who may see the organization's unpublished material.
  const releaseAnswer = (c: Context<AppEnv>, release: Release) =>
    releaseBody(base(c), release, mayReadUnpublished(c.get("principal"), release.organizationCode));
  const publicationBody = (c: Context<AppEnv>, publication: Publication) => ({
    organization: publication.organizationCode,
    specification: publication.slug,
    source: publication.source,
    currentRelease: publication.currentRelease === null ? null : releaseAnswer(c, publication.currentRelease),
    latestRelease:
      publication.latestRelease === null || !mayReadRelease(c.get("principal"), publication.latestRelease)
        ? null
        : releaseAnswer(c, publication.latestRelease),
    demo: publication.demo,
    updatedAt: publication.updatedAt.toISOString(),
  });

  app.openapi(publishRoute, async (c) => {
    const { code, slug } = c.req.valid("param");
    const { mode, format, filename, confirm, origin } = c.req.valid("query");
    const principal = authorize(c, "publish", code);
    const body = new LimitedBody(c, maxUploadBytes);
    const release = await publishing.publish({
      organizationCode: code,
      slug,
      body,
      fileName: filename,
      format,
      mode,
      origin,
      confirmRemovals: confirm === "removals",
      audit: { actor: actorOf(principal), fromAddress: clientAddress(c) },
    });
    return publishedAnswer(c, release);
  });

  /** 201 with the release; 409 when it is held for confirmation; 422 with it when it was rejected. */
  const publishedAnswer = async (c: Context<AppEnv>, release: Release) => {
    const { organizationCode: code, slug } = release;
    const answer = releaseAnswer(c, release);
    if (release.status === "held") {
      const preview = await publishing.removalPreview(code, slug, release.id);
      const publicationUrl = `${base(c)}/organizations/${code}/publications/${slug}`;
      throw confirmationRequired(preview, {
        confirmUrl: `${publicationUrl}/releases/${release.id}/confirm`,
        againUrl: publicationUrl,
      });
    }
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
  };

  app.openapi(validRowsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const release = await publishing.publishValidRows(id, c.get("principal"), clientAddress(c));
    return publishedAnswer(c, release);
  });

  app.openapi(publishableRoute, async (c) => {
    const { code } = c.req.valid("param");
    const language = c.get("language");
    const items = (await publishing.publishableDatasets(code)).map((d: PublishableDataset) => ({
      specification: d.slug,
      title: d.title[language],
      expected: d.expected,
      rank: d.rank,
    }));
    return c.json({ items, total: items.length, next: null }, 200, { Vary: "Accept-Language" });
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

  app.openapi(confirmRoute, async (c) => {
    const { code, slug, id } = c.req.valid("param");
    const release = await publishing.confirmRelease(code, slug, id, auditOf(c, code));
    const answer = releaseAnswer(c, release);
    return c.json(answer, 201, { Location: answer.links.self });
  });

  app.openapi(restoreRoute, async (c) => {
    const { code, slug, id } = c.req.valid("param");
    const release = await publishing.restore(code, slug, id, auditOf(c, code));
    const answer = releaseAnswer(c, release);
    return c.json(answer, 201, { Location: answer.links.self });
  });

  app.openapi(diffRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { against, limit } = c.req.valid("query");
    // Both sides must be visible to the asker before anything of either is read.
    await publishing.visibleRelease(id, c.get("principal"));
    await publishing.visibleRelease(against, c.get("principal"));
    const diff = await publishing.diff(id, against, limit);
    const national = (row: { recordId: string }) => `${diff.release.organizationCode}:${row.recordId}`;
    const rows = (list: typeof diff.added) =>
      list.map((row) => ({
        id: national(row),
        name: row.name,
        ...(row.fields === undefined ? {} : { fields: [...row.fields] }),
      }));
    return c.json(
      {
        release: diff.release.id,
        against: diff.against.id,
        counts: diff.counts,
        added: rows(diff.added),
        changed: rows(diff.changed),
        removed: rows(diff.removed),
        limit: diff.limit,
      },
      200,
    );
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
    const releases = (await publishing.visibleReleases(code, slug, c.get("principal"))).map((r) =>
      releaseAnswer(c, r),
    );
    return c.json({ ...publicationBody(c, publication), releases }, 200);
  });

  app.openapi(releaseRoute, async (c) => {
    const release = await publishing.visibleRelease(c.req.valid("param").id, c.get("principal"));
    return c.json(releaseAnswer(c, release), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid("param");
    await publishing.visibleRelease(id, c.get("principal"));
    const report = await publishing.getReleaseReport(id);
    return c.json(report as unknown as { valid: boolean }, 200);
  });

  app.openapi(fileRoute, async (c) => {
    const { id } = c.req.valid("param");
    // The rule is checked before the file is opened: a refused request holds no descriptor.
    const { release, body } = await publishing.releaseFile(id, c.get("principal"));
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

export function releaseBody(
  apiBase: string,
  release: Release,
  showPublisher = false,
): z.infer<typeof ReleaseSchema> {
  const self = `${apiBase}/releases/${release.id}`;
  return {
    id: release.id,
    organization: release.organizationCode,
    specification: { slug: release.slug, version: release.specVersion },
    status: release.status,
    origin: release.origin,
    publishedBy: showPublisher ? release.createdByName : null,
    basedOn: release.basedOn,
    restoredFrom: release.restoredFrom,
    file: release.file,
    rows: release.rows,
    changes: release.changes,
    errors: release.errors,
    warnings: release.warnings,
    createdAt: release.createdAt.toISOString(),
    demo: release.demo,
    links: { self, report: `${self}/report`, file: `${self}/file`, diff: `${self}/diff` },
  };
}
