import type { Logger } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import type { ProgressService } from "../progress/index.ts";
import type { PublishingService } from "../publishing/index.ts";
import type { Boundary, Organization, RegistryService } from "../registry/index.ts";
import type { SpecificationDefinition, SpecsService } from "../specs/index.ts";
import { pointsInside, seededRandom, seedOf } from "./points.ts";
import { rowsFor, type Position } from "./rows.ts";

/** Specifications demo mode publishes for: point datasets every municipality could have. */
export const DEMO_SPECIFICATIONS = [
  "badplatser",
  "lekplatser",
  "grillplatser",
  "utegym",
  "offentliga-toaletter",
  "laddplatser",
  "evenemang",
  "sevardheter",
] as const;

/** The demo specifications a region publishes (level "both"). */
const REGION_SPECIFICATIONS = ["laddplatser", "evenemang", "sevardheter"] as const;

export const DEMO_ACTOR = "system:demo";

export interface DemoDependencies {
  readonly db: Database;
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly publishing: PublishingService;
  readonly progress: ProgressService;
}

export interface DemoOutcome {
  readonly skipped: boolean;
  readonly publications: number;
  readonly rows: number;
}

/**
 * Where an organization's points go: its own municipality, or for a region the municipalities of
 * its county (so each point also lies in a municipality, as the data API's kommun filter expects).
 */
function areasOf(organization: Organization, kommuner: readonly Boundary[]): Boundary[] {
  return organization.kommunKod === null
    ? kommuner.filter((b) => b.code.startsWith(organization.lanCode))
    : kommuner.filter((b) => b.code === organization.kommunKod);
}

function positionsIn(areas: readonly Boundary[], count: number, random: () => number): Position[] {
  const positions: Position[] = [];
  for (let i = 0; i < count; i++) {
    const area = areas[Math.floor(random() * areas.length)];
    if (area !== undefined) positions.push(...pointsInside(area, 1, random));
  }
  return positions;
}

interface DemoPlan {
  readonly publications: readonly { slug: string; rows: number }[];
  /** Whether the organization has declared its data contact and open-data decision. */
  readonly declares: boolean;
}

/** One organization's demo: which specifications, how many rows of each, and its declarations. */
function planFor(organization: Organization): DemoPlan {
  const random = seededRandom(seedOf(`plan:${organization.code}`));
  // A believable spread: a third has published nothing yet, some have come far.
  const engagement = random();
  const choices: readonly string[] =
    organization.kommunKod === null ? REGION_SPECIFICATIONS : DEMO_SPECIFICATIONS;
  if (engagement < 0.35) return { publications: [], declares: false };
  const count = Math.max(1, Math.round(((engagement - 0.35) / 0.65) * choices.length));
  const shuffled = [...choices].sort((a, b) => seedOf(organization.code + a) - seedOf(organization.code + b));
  return {
    publications: shuffled.slice(0, count).map((slug) => ({ slug, rows: 3 + Math.floor(random() * 10) })),
    declares: engagement > 0.6,
  };
}

/**
 * Fills an empty platform with synthetic publications, marked as demo everywhere they show. Runs
 * once: a platform that already has demo content is left as it is. Every file goes through the
 * real publishing path, so the demo also proves that path works.
 */
export async function fillDemo(deps: DemoDependencies, logger: Logger): Promise<DemoOutcome> {
  const [existing] = await deps.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM publications WHERE demo",
  );
  if ((existing?.n ?? 0) > 0) return { skipped: true, publications: 0, rows: 0 };
  const organizations = (await deps.registry.listOrganizations({ limit: 1000 })).items;
  const kommunBoundaries = await deps.registry.listBoundaries("kommun");
  const definitions = new Map<string, SpecificationDefinition>(
    await Promise.all(
      DEMO_SPECIFICATIONS.map(
        async (slug) => [slug, (await deps.specs.getSpecification(slug)).definition] as const,
      ),
    ),
  );
  let publications = 0;
  let rows = 0;
  for (const organization of organizations) {
    const areas = areasOf(organization, kommunBoundaries);
    if (areas.length === 0) continue;
    const plan = planFor(organization);
    if (plan.declares) await declareDemo(deps.progress, organization);
    for (const { slug, rows: count } of plan.publications) {
      const definition = definitions.get(slug);
      if (definition === undefined) continue;
      const random = seededRandom(seedOf(`${organization.code}:${slug}`));
      const positions = positionsIn(areas, count, random);
      const csv = rowsFor(definition, organization, positions, { salt: seedOf(organization.code) % 97 });
      const release = await deps.publishing.publish({
        organizationCode: organization.code,
        slug,
        body: [Buffer.from(csv, "utf8")],
        fileName: `${slug}-${organization.code}-demo.csv`,
        format: "csv",
        mode: "all",
        origin: "demo",
        demo: true,
        audit: { actor: DEMO_ACTOR, fromAddress: null },
      });
      if (release.status !== "published") {
        logger.warn("demo file not published", {
          organization: organization.code,
          slug,
          status: release.status,
        });
        continue;
      }
      publications++;
      rows += release.rows.published;
    }
  }
  return { skipped: false, publications, rows };
}

async function declareDemo(progress: ProgressService, organization: Organization): Promise<void> {
  const audit = { actor: DEMO_ACTOR, fromAddress: null, demo: true };
  await progress.declare(
    organization.code,
    "data-contact",
    {
      url: "https://example.se/oppna-data/kontakt",
      contactName: "Datakontakt (demo)",
      contactEmail: "oppna.data@example.se",
    },
    audit,
  );
  await progress.declare(
    organization.code,
    "open-data-policy",
    { url: "https://example.se/oppna-data/beslut" },
    audit,
  );
}

/**
 * Removes every trace of demo content: its rows, releases and publications. Real releases, even
 * of a publication that began as a demo, stay.
 */
export async function removeDemo(db: Database): Promise<{ publications: number; rows: number }> {
  return db.transaction(async (tx) => {
    const [rows] = await tx.query<{ n: number; slugs: string[] | null }>(
      `WITH gone AS (DELETE FROM dataset_rows WHERE demo RETURNING spec_slug)
       SELECT count(*)::int AS n, array_agg(DISTINCT spec_slug) AS slugs FROM gone`,
    );
    await tx.query(
      `UPDATE publications p SET
         current_release_id = CASE WHEN r.demo THEN NULL ELSE p.current_release_id END,
         latest_release_id = CASE WHEN l.demo THEN NULL ELSE p.latest_release_id END
       FROM releases r, releases l
       WHERE r.id = p.current_release_id AND l.id = p.latest_release_id AND (r.demo OR l.demo)`,
    );
    await tx.query("DELETE FROM releases WHERE demo");
    await tx.query("DELETE FROM readiness_declarations WHERE demo");
    const [publications] = await tx.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM publications p WHERE p.demo AND NOT EXISTS (
           SELECT 1 FROM releases r WHERE r.organization_code = p.organization_code AND r.spec_slug = p.spec_slug)
         RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
    );
    await tx.query(
      `UPDATE dataset_revisions SET revision = revision + 1, updated_at = now() WHERE spec_slug = ANY($1::text[])`,
      [rows?.slugs ?? []],
    );
    return { publications: publications?.n ?? 0, rows: rows?.n ?? 0 };
  });
}

/**
 * The specification's example file made one organization's own: its code in every row and the
 * positions inside its area, so a publisher can try the whole publish flow with it.
 */
export async function exampleFor(
  deps: Pick<DemoDependencies, "registry" | "specs">,
  slug: string,
  version: string | undefined,
  organizationCode: string,
): Promise<string> {
  const [spec, organization] = await Promise.all([
    deps.specs.getSpecification(slug, version),
    deps.registry.getOrganization(organizationCode),
  ]);
  const areas = areasOf(organization, await deps.registry.listBoundaries("kommun"));
  const random = seededRandom(seedOf(`example:${organization.code}:${slug}`));
  const positions = positionsIn(areas, spec.definition.examples.length, random);
  return rowsFor(spec.definition, organization, positions, { idPrefix: "EX" });
}
