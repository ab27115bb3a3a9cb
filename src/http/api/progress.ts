import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actorOf } from "../../accounts/index.ts";
import { csvRow, type Language } from "../../core/index.ts";
import {
  CRITERION_DEFINITIONS,
  DECLARABLE,
  DECLARATION_LIMITS,
  GOAL_LEVEL,
  GOAL_SHARE,
  LEVEL_NAMES,
  LEVEL_RULES,
  LEVELS,
  MODEL_VERSION,
  renderBadge,
  type CriterionResult,
  type OrganizationReadiness,
  type ProgressService,
  type ReadinessLevel,
} from "../../progress/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, LanCodeSchema, OrganizationCodeSchema, jsonResponse as json } from "./schemas.ts";

const Localized = z.object({ sv: z.string(), en: z.string() });
const GoalShareSchema = z.object({
  total: z.number().int(),
  established: z.number().int(),
  share: z.number(),
});
const LevelSchema = z
  .number()
  .int()
  .min(0)
  .max(3)
  .openapi({ description: "0 Inte påbörjad, 1 Påbörjad, 2 Etablerad, 3 Avancerad" });

const ProgressSchema = z
  .object({
    kommuner: GoalShareSchema,
    regioner: GoalShareSchema,
    goalMet: z.boolean().openapi({ description: "Both shares at least 0.5" }),
    asOf: z.string(),
    levels: z.record(z.string(), z.number().int()),
    modelVersion: z.string(),
  })
  .openapi("Progress");

const CriterionSchema = z
  .object({
    id: z.string(),
    group: z.enum(["structures", "data"]),
    title: Localized,
    met: z.boolean(),
    value: z.number(),
    evidence: z.looseObject({ kind: z.enum(["measured", "declared", "missing"]), detail: Localized }),
  })
  .openapi("ReadinessCriterion");

const ReadinessSchema = z
  .object({
    organization: z.object({ code: z.string(), name: z.string(), lanCode: z.string() }),
    level: LevelSchema,
    levelName: Localized,
    score: z.number().int(),
    criteria: z.array(CriterionSchema),
    expected: z.array(z.string()),
  })
  .openapi("Readiness");

const ScorecardSchema = ReadinessSchema.extend({
  modelVersion: z.string(),
  nextSteps: z.array(
    z.object({ text: Localized, links: z.array(z.object({ title: Localized, href: z.string() })) }),
  ),
  peers: z.array(z.object({ code: z.string(), name: z.string(), level: LevelSchema })),
}).openapi("Scorecard");

const routes = {
  national: createRoute({
    method: "get",
    path: "/progress",
    tags: ["Progress"],
    summary: "Det nationella målet / The national goal",
    responses: {
      200: json(ProgressSchema, "Shares of kommuner and regioner at level 2 or above"),
      ...errorResponses([503]),
    },
  }),
  model: createRoute({
    method: "get",
    path: "/progress/model",
    tags: ["Progress"],
    summary: "Mognadsmodellen / The readiness model",
    responses: {
      200: json(z.looseObject({ version: z.string() }), "Criteria, levels and thresholds"),
      ...errorResponses([503]),
    },
  }),
  history: createRoute({
    method: "get",
    path: "/progress/history",
    tags: ["Progress"],
    summary: "Utvecklingen över tid / The trend over time",
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              day: z.string(),
              kommunerEstablished: z.number().int(),
              regionerEstablished: z.number().int(),
              kommunerShare: z.number(),
              regionerShare: z.number(),
            }),
          ),
        }),
        "One point per day with a snapshot",
      ),
      ...errorResponses([503]),
    },
  }),
  leaderboard: createRoute({
    method: "get",
    path: "/progress/leaderboard",
    tags: ["Progress"],
    summary: "Topplista och mest förbättrade / Leaderboard and most improved",
    responses: {
      200: json(z.looseObject({ since: z.string() }), "Top by score; most improved this quarter"),
      ...errorResponses([503]),
    },
  }),
  lan: createRoute({
    method: "get",
    path: "/progress/lan/{code}",
    tags: ["Progress"],
    summary: "Ett län / One county",
    request: { params: z.object({ code: LanCodeSchema }) },
    responses: {
      200: json(
        z.object({
          lan: z.object({ code: z.string(), name: z.string() }),
          kommuner: GoalShareSchema,
          organizations: z.array(ReadinessSchema),
          comparison: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              kommuner: GoalShareSchema,
              region: LevelSchema.nullable(),
            }),
          ),
        }),
        "Every organization in the county, its share, and the other counties",
      ),
      ...errorResponses([400, 404, 503]),
    },
  }),
  scorecard: createRoute({
    method: "get",
    path: "/organizations/{code}/readiness",
    tags: ["Progress"],
    summary: "Organisationens mognad / The organization's readiness",
    request: { params: z.object({ code: OrganizationCodeSchema }) },
    responses: {
      200: json(ScorecardSchema, "Level, criteria with evidence, next steps, peers"),
      ...errorResponses([400, 404, 503]),
    },
  }),
  declare: createRoute({
    method: "put",
    path: "/organizations/{code}/readiness/declarations/{criterion}",
    tags: ["Progress"],
    summary: "Ange ett kriterium / Declare a criterion",
    security: [{ bearerAuth: [] }],
    request: {
      params: z.object({ code: OrganizationCodeSchema, criterion: z.enum(DECLARABLE) }),
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              url: z
                .string()
                .max(DECLARATION_LIMITS.url)
                .openapi({ description: "The evidence: a link to the decision, the contact page…" }),
              contactName: z.string().max(DECLARATION_LIMITS.contactName).optional(),
              contactEmail: z.string().max(DECLARATION_LIMITS.contactEmail).optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(ScorecardSchema, "The readiness after the declaration"),
      ...errorResponses([400, 401, 403, 404, 503]),
    },
  }),
  withdraw: createRoute({
    method: "delete",
    path: "/organizations/{code}/readiness/declarations/{criterion}",
    tags: ["Progress"],
    summary: "Ta tillbaka en uppgift / Withdraw a declaration",
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ code: OrganizationCodeSchema, criterion: z.enum(DECLARABLE) }) },
    responses: { 204: { description: "Withdrawn" }, ...errorResponses([400, 401, 403, 404, 503]) },
  }),
  coverage: createRoute({
    method: "get",
    path: "/coverage",
    tags: ["Progress"],
    summary: "Täckning: organisationer × prioriterade datamängder / Coverage matrix",
    request: {
      query: z.object({
        lan: LanCodeSchema.optional(),
        level: z.coerce.number().int().min(0).max(3).optional(),
        area: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: "A priority-list area, e.g. Besöksnäring och rekreation" }),
        format: z.enum(["json", "csv"]).default("json"),
      }),
    },
    responses: {
      200: {
        description:
          "Cells: not-expected, expected, published, conformant or fresh. CSV: one row per organization, one column per prioritized dataset.",
        content: {
          "application/json": { schema: z.looseObject({ columns: z.array(z.unknown()) }) },
          "text/csv": { schema: z.string() },
        },
      },
      ...errorResponses([400, 503]),
    },
  }),
  badge: createRoute({
    method: "get",
    path: "/organizations/{code}/badge.svg",
    tags: ["Progress"],
    summary: "Märke att bädda in / Embeddable badge",
    request: { params: z.object({ code: OrganizationCodeSchema }) },
    responses: {
      200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } },
      ...errorResponses([400, 404, 503]),
    },
  }),
};

function criterionBody(c: CriterionResult) {
  const definition = CRITERION_DEFINITIONS.find((d) => d.id === c.id);
  return {
    id: c.id,
    group: definition?.group ?? "data",
    title: definition?.title ?? { sv: c.id, en: c.id },
    met: c.met,
    value: c.value,
    evidence:
      c.evidence.kind === "declared"
        ? { ...c.evidence, declaredAt: c.evidence.declaredAt.toISOString() }
        : c.evidence,
  };
}

function readinessBody(r: OrganizationReadiness) {
  return {
    organization: { code: r.organization.code, name: r.organization.name, lanCode: r.organization.lanCode },
    level: r.level,
    levelName: LEVEL_NAMES[r.level],
    score: r.score,
    criteria: r.criteria.map(criterionBody),
    expected: [...r.expected],
  };
}

export function progressApi(progress: ProgressService) {
  const app = new OpenAPIHono<AppEnv>();
  const noStore = { "Cache-Control": "no-cache" };
  const scorecardBody = async (code: string) => {
    const card = await progress.scorecard(code);
    return {
      ...readinessBody(card),
      modelVersion: card.modelVersion,
      nextSteps: card.nextSteps.map((step) => ({ text: step.text, links: [...step.links] })),
      peers: [...card.peers],
    };
  };

  app.openapi(routes.national, async (c) => c.json(await progress.national(), 200, noStore));
  app.openapi(routes.model, (c) =>
    c.json(
      {
        version: MODEL_VERSION,
        goal: { level: GOAL_LEVEL, share: GOAL_SHARE },
        levels: LEVELS.map((level) => ({ level, name: LEVEL_NAMES[level] })),
        criteria: [...CRITERION_DEFINITIONS],
        rules: LEVEL_RULES,
      },
      200,
    ),
  );
  app.openapi(routes.history, async (c) => c.json({ items: await progress.history() }, 200, noStore));
  app.openapi(routes.leaderboard, async (c) => {
    const board = await progress.leaderboard();
    return c.json(
      { since: board.since, top: [...board.top], mostImproved: [...board.mostImproved] },
      200,
      noStore,
    );
  });
  app.openapi(routes.lan, async (c) => {
    const result = await progress.lan(c.req.valid("param").code);
    return c.json(
      {
        ...result,
        organizations: result.organizations.map(readinessBody),
        comparison: [...result.comparison],
      },
      200,
      noStore,
    );
  });
  app.openapi(routes.scorecard, async (c) =>
    c.json(await scorecardBody(c.req.valid("param").code), 200, noStore),
  );
  app.openapi(routes.declare, async (c) => {
    const { code, criterion } = c.req.valid("param");
    const principal = authorize(c, "publish", code);
    await progress.declare(code, criterion, c.req.valid("json"), {
      actor: actorOf(principal),
      fromAddress: clientAddress(c),
    });
    return c.json(await scorecardBody(code), 200);
  });
  app.openapi(routes.withdraw, async (c) => {
    const { code, criterion } = c.req.valid("param");
    const principal = authorize(c, "publish", code);
    await progress.withdraw(code, criterion, { actor: actorOf(principal), fromAddress: clientAddress(c) });
    return c.body(null, 204);
  });
  app.openapi(routes.coverage, async (c) => {
    const { lan, level, area, format } = c.req.valid("query");
    const coverage = await progress.coverage({ lan, level: level as ReadinessLevel | undefined, area });
    if (format === "csv" || (c.req.query("format") === undefined && prefersCsv(c))) {
      const language: Language = c.get("language");
      let csv =
        "\uFEFF" +
        csvRow(["organization", "name", "lan", "level", ...coverage.columns.map((col) => col.slug)]);
      for (const row of coverage.rows) {
        csv += csvRow([
          row.organization.code,
          row.organization.name,
          row.organization.lanCode,
          String(row.level),
          ...coverage.columns.map((col) => row.cells[col.slug] ?? "not-expected"),
        ]);
      }
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${language === "sv" ? "tackning" : "coverage"}.csv"`,
        ...noStore,
      });
    }
    return c.json(
      { columns: coverage.columns, rows: coverage.rows, total: coverage.rows.length },
      200,
      noStore,
    );
  });
  app.openapi(routes.badge, async (c) => {
    const card = await progress.readinessOf(c.req.valid("param").code);
    return c.body(renderBadge(card.organization.name, card.level, c.get("language")), 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Embedded on other sites: short-lived, so a new level shows within minutes.
      "Cache-Control": "public, max-age=300",
      "Cross-Origin-Resource-Policy": "cross-origin",
    });
  });
  return app;
}

function prefersCsv(c: Context<AppEnv>): boolean {
  return (c.req.header("accept") ?? "").includes("text/csv");
}
