// The catalog's JSON API: the pre-flight check per organization (SHACL results in plain Swedish or
// English) and the MQA-style quality score per dataset and per organization.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  DIMENSIONS,
  type CatalogService,
  type LinkChecker,
  type DatasetQuality,
  type PreflightReport,
  type QualityScore,
} from "../../catalog/index.ts";
import { DATASET_ID, type Language } from "../../core/index.ts";
import type { AppEnv } from "../context.ts";
import { notModified } from "./data.ts";
import { errorResponses, OrganizationCodeSchema, jsonResponse as json } from "./schemas.ts";

const ViolationSchema = z
  .object({
    dataset: z.string().nullable().openapi({
      description: "The dataset (`0580.badplatser`), or null for the catalog or a resource datasets share",
    }),
    resource: z.string().openapi({ description: "The IRI the result is about" }),
    property: z.string().nullable().openapi({ example: "dcterms:publisher" }),
    propertyName: z.string().nullable().openapi({ example: "utgivare" }),
    constraint: z.string().openapi({ example: "MinCountConstraintComponent" }),
    severity: z.enum(["violation", "warning", "info"]),
    expected: z.string().openapi({ example: "minst 1 värde" }),
    found: z.string().openapi({ example: "inget värde" }),
    message: z.string(),
  })
  .openapi("CatalogViolation");

const PreflightSchema = z
  .object({
    organization: OrganizationCodeSchema,
    checkedAt: z.string().openapi({ format: "date-time" }),
    shapes: z.array(z.string()),
    datasets: z.number().int(),
    conforms: z.boolean().openapi({
      description:
        "True only with no violation: the DCAT-AP 3.0.1 + DCAT-AP-SE shapes pass and the contact point is the organization's own address, not the platform's placeholder",
    }),
    violations: z.array(ViolationSchema).openapi({
      description:
        "SHACL results, and the PlaceholderContact finding while the organization has given no contact address",
    }),
    contact: z
      .object({
        email: z.string().openapi({ example: "oppnadata@linkoping.se" }),
        placeholder: z.boolean().openapi({
          description: "The address is the platform's stand-in: the catalog is not ready for dataportal.se",
        }),
      })
      .openapi({ description: "The contact address the catalog gives" }),
    notices: z
      .array(z.string())
      .openapi({ description: "What a harvester will see that the shapes do not flag" }),
    harvested: z
      .object({
        datasets: z.number().int(),
        exported: z.number().int(),
        items: z.array(
          z.object({
            dataset: z.string(),
            title: z.string().nullable(),
            exported: z.boolean(),
            violations: z.array(z.string()),
            normalisation: z.array(
              z.object({
                kind: z.enum(["dropped", "added", "changed"]),
                resource: z.string(),
                property: z.string().nullable(),
                message: z.string(),
              }),
            ),
          }),
        ),
      })
      .openapi({
        description:
          "Datasets harvested from the organization's own catalog: those left out of the export (with the violations that remain after normalisation) and what normalisation dropped, added or changed",
      }),
  })
  .openapi("CatalogPreflight");

const IndicatorSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  indicator: z.string().openapi({ example: "keywords" }),
  property: z.string().openapi({ example: "dcat:keyword" }),
  weight: z.number(),
  points: z.number(),
  passed: z.number().int(),
  population: z.number().int(),
  reason: z.string(),
});

const ScoreSchema = z
  .object({
    points: z.number(),
    maxPoints: z.number(),
    rating: z.enum(["excellent", "good", "sufficient", "bad"]),
    dimensions: z.record(z.string(), z.object({ points: z.number(), maxPoints: z.number() })),
    indicators: z.array(IndicatorSchema),
  })
  .openapi("QualityScore");

const DatasetQualitySchema = z
  .object({
    dataset: z.object({
      id: z.string().openapi({ example: "0580.badplatser" }),
      iri: z.string(),
      title: z.string(),
      organization: z.string().nullable(),
      specification: z.object({ slug: z.string(), version: z.string() }),
    }),
    score: ScoreSchema,
  })
  .openapi("DatasetQuality");

const OrganizationQualitySchema = z
  .object({
    organization: OrganizationCodeSchema,
    score: ScoreSchema.nullable().openapi({ description: "Null while the organization has no dataset" }),
    datasets: z.array(DatasetQualitySchema),
  })
  .openapi("OrganizationQuality");

const DatasetIdSchema = z
  .string()
  .regex(
    DATASET_ID,
    "Id:t är {kod}.{slug} eller national.{slug}, till exempel 0580.badplatser / The id is {code}.{slug} or national.{slug}, e.g. 0580.badplatser",
  )
  .openapi({ example: "0580.badplatser" });

const preflightRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/catalog/preflight",
  tags: ["Catalog"],
  summary: "Förhandskontroll av katalogen / Pre-flight check of the catalog",
  description:
    "The organization's catalog (as /organizations/{code}/catalog.rdf) validated against the EU DCAT-AP 3.0.1 SHACL shapes plus DIGG's DCAT-AP-SE additions, before a harvester sees it. Each violation names its dataset, the property, what was expected and what was found, in Swedish (or English with Accept-Language: en).",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: json(PreflightSchema, "The SHACL results"),
    304: { description: "Not modified (If-None-Match)" },
    ...errorResponses([400, 404, 503]),
  },
});

const datasetQualityRoute = createRoute({
  method: "get",
  path: "/catalog/datasets/{id}/quality",
  tags: ["Catalog"],
  summary: "Metadatakvalitet för en datamängd / Metadata quality of one dataset",
  description:
    "A score on the model of data.europa.eu's Metadata Quality Assessment: findability (100), accessibility (100), interoperability (110), reusability (75) and contextuality (20), 405 points in all, each indicator with its weight and the reason for its points. Ratings: excellent 351–405, good 221–350, sufficient 121–220, bad below.",
  request: { params: z.object({ id: DatasetIdSchema }) },
  responses: {
    200: json(DatasetQualitySchema, "The score"),
    ...errorResponses([400, 404, 503]),
  },
});

const organizationQualityRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/catalog/quality",
  tags: ["Catalog"],
  summary: "Metadatakvalitet för en organisation / An organization's metadata quality",
  description:
    "Each dataset's score (as /catalog/datasets/{id}/quality) and the organization's: each indicator averaged over its datasets, as the MQA scores a catalog.",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: json(OrganizationQualitySchema, "The scores"),
    304: { description: "Not modified (If-None-Match)" },
    ...errorResponses([400, 404, 503]),
  },
});

function preflightBody(report: PreflightReport, language: Language): z.infer<typeof PreflightSchema> {
  return {
    organization: report.organization,
    checkedAt: report.checkedAt.toISOString(),
    shapes: [...report.shapes],
    datasets: report.datasets,
    conforms: report.conforms,
    contact: report.contact,
    violations: report.violations.map((v) => ({
      dataset: v.dataset,
      resource: v.focusNode,
      property: v.path,
      propertyName: v.propertyName === null ? null : v.propertyName[language],
      constraint: v.constraint,
      severity: v.severity,
      expected: v.expected[language],
      found: v.found[language],
      message: v.message[language],
    })),
    notices: report.notices.map((n) => n[language]),
    harvested: {
      datasets: report.harvested.datasets,
      exported: report.harvested.exported,
      items: report.harvested.items.map((item) => ({
        dataset: item.iri,
        title: item.title[language] ?? item.title.sv ?? Object.values(item.title)[0] ?? null,
        exported: item.exported,
        violations: item.violations.map((v) => v.message[language]),
        normalisation: item.normalisation.map((n) => ({
          kind: n.kind,
          resource: n.subject,
          property: n.property,
          message: n.message[language],
        })),
      })),
    },
  };
}

function scoreBody(score: QualityScore, language: Language): z.infer<typeof ScoreSchema> {
  return {
    points: score.points,
    maxPoints: score.maxPoints,
    rating: score.rating,
    dimensions: { ...score.dimensions },
    indicators: score.indicators.map((i) => ({ ...i, reason: i.reason[language] })),
  };
}

function datasetQualityBody(
  quality: DatasetQuality,
  language: Language,
): z.infer<typeof DatasetQualitySchema> {
  return {
    dataset: {
      ...quality.dataset,
      title: quality.dataset.title[language],
      specification: { ...quality.dataset.specification },
    },
    score: scoreBody(quality.score, language),
  };
}

const LinkCheckSchema = z
  .object({
    url: z.string().openapi({ example: "https://example.se/data/bibliotek.csv" }),
    status: z.enum(["unchecked", "ok", "broken"]),
    httpStatus: z.number().int().nullable().openapi({ example: 404 }),
    error: z
      .object({ kind: z.string(), message: z.string() })
      .nullable()
      .openapi({ description: "Why the link is broken, in Swedish (or English)" }),
    lastCheckedAt: z.string().nullable().openapi({ format: "date-time" }),
    datasets: z.array(z.string()).openapi({ description: "The harvested datasets that name the link" }),
  })
  .openapi("LinkCheck");

const linkChecksRoute = createRoute({
  method: "get",
  path: "/organizations/{code}/catalog/links",
  tags: ["Catalog"],
  summary: "Länkkontroll / Link checks",
  description:
    "The access and download URLs of the organization's harvested distributions, each with its latest check (HEAD, or GET where HEAD is refused, through the SSRF-safe fetcher): broken ones first. Links answering are checked again weekly, broken ones after one, two, four… days.",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: json(z.object({ organization: z.string(), links: z.array(LinkCheckSchema) }), "The links"),
    ...errorResponses([400, 404, 503]),
  },
});

export function catalogApi(
  catalog: CatalogService,
  linkChecks: LinkChecker,
  publicUrl: (origin: string) => string,
) {
  const app = new OpenAPIHono<AppEnv>();
  const contextOf = (c: Context<AppEnv>) => ({ baseUrl: publicUrl(new URL(c.req.url).origin) });
  // The results follow from the catalog alone, so its ETag (per language) serves them too.
  const validator = async (c: Context<AppEnv>, code: string, what: string) => {
    const language = c.get("language");
    const etag = await catalog.etag({ kind: "organization", code }, `${what}|${language}`, contextOf(c));
    return { etag, cached: notModified(c, etag, "Accept-Language") };
  };

  app.openapi(preflightRoute, async (c) => {
    const { code } = c.req.valid("param");
    const { etag, cached } = await validator(c, code, "preflight");
    if (cached !== undefined) return cached;
    const report = await catalog.preflight(code, contextOf(c));
    return c.json(preflightBody(report, c.get("language")), 200, { ETag: etag, Vary: "Accept-Language" });
  });

  app.openapi(datasetQualityRoute, async (c) => {
    const quality = await catalog.datasetQuality(c.req.valid("param").id, contextOf(c));
    return c.json(datasetQualityBody(quality, c.get("language")), 200, { Vary: "Accept-Language" });
  });

  app.openapi(organizationQualityRoute, async (c) => {
    const { code } = c.req.valid("param");
    const { etag, cached } = await validator(c, code, "quality");
    if (cached !== undefined) return cached;
    const quality = await catalog.organizationQuality(code, contextOf(c));
    const language = c.get("language");
    return c.json(
      {
        organization: quality.organization,
        score: quality.score === null ? null : scoreBody(quality.score, language),
        datasets: quality.datasets.map((d) => datasetQualityBody(d, language)),
      },
      200,
      { ETag: etag, Vary: "Accept-Language" },
    );
  });

  app.openapi(linkChecksRoute, async (c) => {
    const { code } = c.req.valid("param");
    const language = c.get("language");
    const links = await linkChecks.forOrganization(code);
    return c.json(
      {
        organization: code,
        links: links.map((link) => ({
          ...link,
          datasets: [...link.datasets],
          error: link.error === null ? null : { kind: link.error.kind, message: link.error[language] },
          lastCheckedAt: link.lastCheckedAt?.toISOString() ?? null,
        })),
      },
      200,
      { Vary: "Accept-Language" },
    );
  });

  return app;
}
