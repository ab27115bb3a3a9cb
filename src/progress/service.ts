import { recordAudit, type AuditContext } from "../accounts/index.ts";
import { AppError, notFound, type LocalizedText } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import type { Boundary, Organization, RegistryService } from "../registry/index.ts";
import { expectedDatasets, type PriorityListEntry, type SpecsService } from "../specs/index.ts";
import { declarationProblems, isDeclarable } from "./declaration.ts";
import { freshDays } from "./freshness.ts";
import { DEFAULT_PROJECTION, projectAreas, type ProjectedMap } from "./map.ts";
import {
  computeReadiness,
  DECLARABLE,
  GOAL_LEVEL,
  GOAL_SHARE,
  MODEL_VERSION,
  type Declaration,
  type DeclarableCriterion,
  type PublicationFact,
  type Readiness,
  type ReadinessLevel,
} from "./model.ts";

export interface OrganizationReadiness extends Readiness {
  readonly organization: Organization;
  readonly expected: readonly string[];
}

export interface NextStep {
  readonly text: LocalizedText;
  readonly links: readonly { readonly title: LocalizedText; readonly href: string }[];
}

export interface Scorecard extends OrganizationReadiness {
  readonly modelVersion: string;
  readonly nextSteps: readonly NextStep[];
  /** Municipalities of similar area (population is not in the reference data), with their levels. */
  readonly peers: readonly { readonly code: string; readonly name: string; readonly level: ReadinessLevel }[];
}

export interface GoalShare {
  readonly total: number;
  readonly established: number;
  readonly share: number;
}

export interface NationalProgress {
  readonly kommuner: GoalShare;
  readonly regioner: GoalShare;
  readonly goalMet: boolean;
  readonly asOf: string;
  readonly levels: Readonly<Record<ReadinessLevel, number>>;
  readonly modelVersion: string;
}

export type CoverageCell = "not-expected" | "expected" | "published" | "conformant" | "fresh";

export interface CoverageRow {
  readonly organization: { readonly code: string; readonly name: string; readonly lanCode: string };
  readonly level: ReadinessLevel;
  readonly cells: Readonly<Record<string, CoverageCell>>;
}

export interface CoverageFilter {
  readonly lan?: string | undefined;
  readonly level?: ReadinessLevel | undefined;
  readonly area?: string | undefined;
}

export interface HistoryPoint {
  readonly day: string;
  readonly kommunerEstablished: number;
  readonly regionerEstablished: number;
  readonly kommunerShare: number;
  readonly regionerShare: number;
}

export interface DeclarationInput {
  readonly url: string;
  readonly contactName?: string | undefined;
  readonly contactEmail?: string | undefined;
}

interface CurrentRow {
  organization_code: string;
  spec_slug: string;
  status: "published" | "partial";
  created_at: Date;
}

interface DeclarationRow {
  organization_code: string;
  criterion: DeclarableCriterion;
  evidence_url: string;
  contact_name: string | null;
  contact_email: string | null;
  declared_at: Date;
  declared_by: string;
}

interface Snapshot {
  readonly organizations: readonly Organization[];
  readonly priority: readonly PriorityListEntry[];
  readonly readiness: ReadonlyMap<string, OrganizationReadiness>;
  readonly current: readonly CurrentRow[];
}

function declarationOf(row: DeclarationRow): Declaration {
  return {
    criterion: row.criterion,
    url: row.evidence_url,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    declaredAt: row.declared_at,
    declaredBy: row.declared_by,
  };
}

const isKommun = (o: Organization) => o.types.includes("kommun");
const isRegion = (o: Organization) => o.types.includes("region");

function goalShare(all: readonly OrganizationReadiness[]): GoalShare {
  const established = all.filter((r) => r.level >= GOAL_LEVEL).length;
  return { total: all.length, established, share: all.length === 0 ? 0 : established / all.length };
}

export interface CountyProgress {
  readonly code: string;
  readonly name: string;
  readonly kommuner: GoalShare;
  /** The level of the county's region; null where the county has none of its own. */
  readonly region: ReadinessLevel | null;
}

/** Each county's share of established municipalities and its region's level, in the counties' order. */
export function countyComparison(
  all: readonly OrganizationReadiness[],
  counties: readonly { readonly code: string; readonly name: string }[],
): CountyProgress[] {
  return counties.map((lan) => {
    const members = all.filter((r) => r.organization.lanCode === lan.code);
    const region = members.find((r) => isRegion(r.organization));
    return {
      code: lan.code,
      name: lan.name,
      kommuner: goalShare(members.filter((r) => isKommun(r.organization))),
      region: region?.level ?? null,
    };
  });
}

/** Area in km² of a boundary (equirectangular per ring; good to a few per cent at Swedish latitudes). */
function areaKm2(boundary: Boundary): number {
  const polygons =
    boundary.geometry.type === "Polygon" ? [boundary.geometry.coordinates] : boundary.geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      let sum = 0;
      const lat0 = ((ring[0]?.[1] ?? 60) * Math.PI) / 180;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
        sum += x1 * Math.cos(lat0) * y2 - x2 * Math.cos(lat0) * y1;
      }
      const km2 = (Math.abs(sum) / 2) * 111.32 * 111.32;
      total += index === 0 ? km2 : -km2;
    });
  }
  return total;
}

/**
 * Readiness per organization, county and country, computed from what it depends on whenever it
 * is asked for: publishing a file or declaring a criterion moves a level in the same request cycle.
 */
export interface Leaderboard {
  readonly top: readonly { code: string; name: string; level: ReadinessLevel; score: number }[];
  readonly mostImproved: readonly {
    code: string;
    name: string;
    level: ReadinessLevel;
    score: number;
    gained: number;
  }[];
  readonly since: string;
}

export class ProgressService {
  private areas: Promise<ReadonlyMap<string, number>> | undefined;
  private map: Promise<ProjectedMap> | undefined;

  constructor(
    private readonly db: Database,
    private readonly registry: RegistryService,
    private readonly specs: SpecsService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async snapshot(): Promise<Snapshot> {
    const [organizations, priority, current, declarations] = await Promise.all([
      this.registry.listOrganizations({ limit: 1000 }).then((page) => page.items),
      this.specs.listPriorityList().then((page) => page.items),
      this.db.query<CurrentRow>(
        `SELECT p.organization_code, p.spec_slug, r.status, r.created_at
         FROM publications p JOIN releases r ON r.id = p.current_release_id`,
      ),
      this.db.query<DeclarationRow>(
        `SELECT organization_code, criterion, evidence_url, contact_name, contact_email, declared_at, declared_by
         FROM readiness_declarations`,
      ),
    ]);
    const now = this.clock();
    const publicationsBy = new Map<string, PublicationFact[]>();
    for (const row of current) {
      const list = publicationsBy.get(row.organization_code) ?? [];
      list.push({
        slug: row.spec_slug,
        status: row.status,
        releasedAt: row.created_at,
        freshDays: freshDays(row.spec_slug),
      });
      publicationsBy.set(row.organization_code, list);
    }
    const declarationsBy = new Map<string, Declaration[]>();
    for (const row of declarations) {
      const list = declarationsBy.get(row.organization_code) ?? [];
      list.push(declarationOf(row));
      declarationsBy.set(row.organization_code, list);
    }
    const readiness = new Map<string, OrganizationReadiness>();
    for (const organization of organizations) {
      const expected = expectedDatasets(organization, priority).map((entry) => entry.slug);
      const computed = computeReadiness({
        expected,
        publications: publicationsBy.get(organization.code) ?? [],
        declarations: declarationsBy.get(organization.code) ?? [],
        now,
      });
      readiness.set(organization.code, { ...computed, organization, expected });
    }
    return { organizations, priority, readiness, current };
  }

  async national(): Promise<NationalProgress> {
    return this.nationalOf(await this.snapshot());
  }

  /**
   * What the national page shows, from one computation of every organization's readiness: the
   * goal, the leaderboard and each organization.
   */
  async overview(leaderboardSize = 20): Promise<{
    national: NationalProgress;
    leaderboard: Leaderboard;
    all: readonly OrganizationReadiness[];
  }> {
    const snapshot = await this.snapshot();
    return {
      national: this.nationalOf(snapshot),
      leaderboard: await this.leaderboardOf(snapshot, leaderboardSize),
      all: [...snapshot.readiness.values()],
    };
  }

  private nationalOf({ readiness }: Snapshot): NationalProgress {
    const all = [...readiness.values()];
    const kommuner = goalShare(all.filter((r) => isKommun(r.organization)));
    const regioner = goalShare(all.filter((r) => isRegion(r.organization)));
    const levels: Record<ReadinessLevel, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
    for (const r of all) levels[r.level]++;
    return {
      kommuner,
      regioner,
      goalMet: kommuner.share >= GOAL_SHARE && regioner.share >= GOAL_SHARE,
      asOf: this.clock().toISOString(),
      levels,
      modelVersion: MODEL_VERSION,
    };
  }

  async lan(code: string): Promise<{
    lan: { code: string; name: string };
    organizations: readonly OrganizationReadiness[];
    kommuner: GoalShare;
    comparison: readonly CountyProgress[];
  }> {
    const [detail, list, { readiness }] = await Promise.all([
      this.registry.getLan(code),
      this.registry.listLan(),
      this.snapshot(),
    ]);
    const all = [...readiness.values()];
    const organizations = all.filter((r) => r.organization.lanCode === code);
    return {
      lan: { code: detail.code, name: detail.name },
      organizations,
      kommuner: goalShare(organizations.filter((r) => isKommun(r.organization))),
      comparison: countyComparison(all, list),
    };
  }

  async scorecard(code: string): Promise<Scorecard> {
    const organization = await this.registry.getOrganization(code);
    const { readiness, priority, current } = await this.snapshot();
    const own = readiness.get(organization.code);
    if (own === undefined)
      throw notFound({ sv: `Okänd organisation ${code}.`, en: `Unknown organization ${code}.` });
    return {
      ...own,
      modelVersion: MODEL_VERSION,
      nextSteps: this.nextSteps(own, priority, current, readiness),
      peers: await this.peers(organization, readiness),
    };
  }

  /** The three most useful things to do next, with what others have done as the reason. */
  private nextSteps(
    own: OrganizationReadiness,
    priority: readonly PriorityListEntry[],
    current: readonly CurrentRow[],
    readiness: ReadonlyMap<string, OrganizationReadiness>,
  ): NextStep[] {
    const steps: NextStep[] = [];
    const missing = (id: string) => own.criteria.some((c) => c.id === id && !c.met);
    const kind = isKommun(own.organization)
      ? { sv: "kommuner", en: "municipalities" }
      : { sv: "regioner", en: "regions" };
    const peersWith = (id: string) =>
      [...readiness.values()].filter(
        (r) =>
          isKommun(r.organization) === isKommun(own.organization) &&
          r.criteria.some((c) => c.id === id && c.met),
      ).length;
    // The form on the organization's own readiness page, and what the criterion means.
    const declareLinks = (id: DeclarableCriterion) => [
      {
        title: { sv: "Ange uppgiften", en: "Declare it" },
        href: `/organizations/${own.organization.code}/readiness#declare-${id}`,
      },
      { title: { sv: "Om kriteriet", en: "About the criterion" }, href: `/progress/model#criterion-${id}` },
    ];
    if (missing("data-contact")) {
      steps.push({
        text: {
          sv: `Utse en datakontakt: ${peersWith("data-contact")} ${kind.sv} har redan gjort det. Ange namn, e-post och en länk där kontakten står.`,
          en: `Name a data contact: ${peersWith("data-contact")} ${kind.en} already have. Give a name, an e-mail address and a link where the contact is given.`,
        },
        links: declareLinks("data-contact"),
      });
    }
    if (missing("open-data-policy")) {
      steps.push({
        text: {
          sv: `Fatta ett beslut om öppna data: ${peersWith("open-data-policy")} ${kind.sv} har redan ett. Ange länken till beslutet.`,
          en: `Adopt an open-data decision: ${peersWith("open-data-policy")} ${kind.en} already have one. Give the link to the decision.`,
        },
        links: declareLinks("open-data-policy"),
      });
    }
    const publishedBy = new Map<string, number>();
    for (const row of current) publishedBy.set(row.spec_slug, (publishedBy.get(row.spec_slug) ?? 0) + 1);
    const ownPublished = new Set(
      current.filter((r) => r.organization_code === own.organization.code).map((r) => r.spec_slug),
    );
    const unpublished = priority
      .filter(
        (entry) =>
          own.expected.includes(entry.slug) && !ownPublished.has(entry.slug) && entry.specification !== null,
      )
      .sort((a, b) => (publishedBy.get(b.slug) ?? 0) - (publishedBy.get(a.slug) ?? 0) || a.rank - b.rank);
    for (const entry of unpublished) {
      if (steps.length >= 3 || entry.specification === null) break;
      const others = publishedBy.get(entry.slug) ?? 0;
      const { slug, version } = entry.specification;
      steps.push({
        text: {
          sv: `Publicera ${entry.name.sv.toLowerCase()}: ${others} organisationer har redan gjort det. Här är mallen och valideringen.`,
          en: `Publish ${entry.name.en.toLowerCase()}: ${others} organizations already have. Here are the template and the validation.`,
        },
        links: [
          {
            title: { sv: "Mallen (CSV)", en: "The template (CSV)" },
            href: `/api/v1/specifications/${slug}/${version}/template.csv`,
          },
          { title: { sv: "Validera en fil", en: "Validate a file" }, href: `/validate?spec=${slug}` },
          {
            title: { sv: "Specifikationen", en: "The specification" },
            href: `/specifications/${slug}/${version}`,
          },
          {
            title: { sv: "Publicera", en: "Publish" },
            href: `/organizations/${own.organization.code}/publish?spec=${slug}`,
          },
        ],
      });
    }
    return steps.slice(0, 3);
  }

  private async peers(
    organization: Organization,
    readiness: ReadonlyMap<string, OrganizationReadiness>,
  ): Promise<Scorecard["peers"]> {
    if (!isKommun(organization)) {
      return [...readiness.values()]
        .filter((r) => isRegion(r.organization) && r.organization.code !== organization.code)
        .map((r) => ({ code: r.organization.code, name: r.organization.name, level: r.level }));
    }
    this.areas ??= this.registry
      .listBoundaries("kommun")
      .then((boundaries) => new Map(boundaries.map((b) => [b.code, areaKm2(b)])));
    const areas = await this.areas;
    const own = areas.get(organization.code) ?? 1;
    return [...readiness.values()]
      .filter((r) => isKommun(r.organization) && r.organization.code !== organization.code)
      .map((r) => ({ r, distance: Math.abs(Math.log((areas.get(r.organization.code) ?? 1) / own)) }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 5)
      .map(({ r }) => ({ code: r.organization.code, name: r.organization.name, level: r.level }));
  }

  async coverage(
    filter: CoverageFilter = {},
  ): Promise<{ columns: readonly { slug: string; name: LocalizedText }[]; rows: CoverageRow[] }> {
    const { readiness, priority, current } = await this.snapshot();
    const columns = priority
      .filter((entry) => entry.specification !== null)
      .filter(
        (entry) =>
          filter.area === undefined || entry.area.sv === filter.area || entry.area.en === filter.area,
      )
      .map((entry) => ({ slug: entry.slug, name: entry.name }));
    const now = this.clock().getTime();
    const currentBy = new Map(current.map((row) => [`${row.organization_code}/${row.spec_slug}`, row]));
    const rows = [...readiness.values()]
      .filter((r) => filter.lan === undefined || r.organization.lanCode === filter.lan)
      .filter((r) => filter.level === undefined || r.level === filter.level)
      .map((r) => {
        const cells: Record<string, CoverageCell> = {};
        for (const { slug } of columns) {
          const row = currentBy.get(`${r.organization.code}/${slug}`);
          cells[slug] =
            row === undefined
              ? r.expected.includes(slug)
                ? "expected"
                : "not-expected"
              : row.status !== "published"
                ? "published"
                : now - row.created_at.getTime() <= freshDays(slug) * 86_400_000
                  ? "fresh"
                  : "conformant";
        }
        return {
          organization: {
            code: r.organization.code,
            name: r.organization.name,
            lanCode: r.organization.lanCode,
          },
          level: r.level,
          cells,
        };
      });
    return { columns, rows };
  }

  async readinessOf(code: string): Promise<OrganizationReadiness> {
    const { readiness } = await this.snapshot();
    const own = readiness.get(code);
    if (own === undefined) return { ...(await this.scorecard(code)) };
    return own;
  }

  /** Every organization's readiness (310), in the registry's order. */
  async all(): Promise<readonly OrganizationReadiness[]> {
    return [...(await this.snapshot()).readiness.values()];
  }

  /**
   * The 290 municipalities as SVG paths for the national map: projected and thinned once per
   * process (about 0.1 s with the query), since boundaries change only with the reference data.
   */
  kommunMap(): Promise<ProjectedMap> {
    this.map ??= this.registry
      .listBoundaries("kommun")
      .then((boundaries) => projectAreas(boundaries, DEFAULT_PROJECTION))
      .catch((error: unknown) => {
        // A failed load (the database away for a moment) is not remembered.
        this.map = undefined;
        throw error;
      });
    return this.map;
  }

  /** An organization's declarations as stored, to fill the declaration forms with. */
  async declarationsOf(code: string): Promise<readonly Declaration[]> {
    const rows = await this.db.query<DeclarationRow>(
      `SELECT organization_code, criterion, evidence_url, contact_name, contact_email, declared_at, declared_by
       FROM readiness_declarations WHERE organization_code = $1 ORDER BY criterion`,
      [code],
    );
    return rows.map(declarationOf);
  }

  /** Ranked by score; "most improved" against the first snapshot of this quarter. */
  async leaderboard(limit = 20): Promise<Leaderboard> {
    return this.leaderboardOf(await this.snapshot(), limit);
  }

  private async leaderboardOf({ readiness }: Snapshot, limit: number): Promise<Leaderboard> {
    const now = this.clock();
    const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
    const since = quarterStart.toISOString().slice(0, 10);
    const baseline = await this.db.query<{ organization_code: string; score: number }>(
      `SELECT DISTINCT ON (organization_code) organization_code, score FROM readiness_snapshots
       WHERE day >= $1::date ORDER BY organization_code, day`,
      [since],
    );
    const before = new Map(baseline.map((row) => [row.organization_code, row.score]));
    const all = [...readiness.values()].map((r) => ({
      code: r.organization.code,
      name: r.organization.name,
      level: r.level,
      score: r.score,
      gained: r.score - (before.get(r.organization.code) ?? 0),
    }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");
    return {
      top: [...all]
        .sort((a, b) => b.score - a.score || byName(a, b))
        .slice(0, limit)
        .map(({ gained: _, ...rest }) => rest),
      mostImproved: all
        .filter((r) => r.gained > 0)
        .sort((a, b) => b.gained - a.gained || byName(a, b))
        .slice(0, limit),
      since,
    };
  }

  /** Records today's level of every organization; run daily (and at start), idempotent within a day. */
  async recordSnapshot(): Promise<{ day: string; organizations: number }> {
    const { readiness } = await this.snapshot();
    const day = this.clock().toISOString().slice(0, 10);
    const rows = [...readiness.values()].map((r) => ({
      code: r.organization.code,
      level: r.level,
      score: r.score,
    }));
    await this.db.query(
      `INSERT INTO readiness_snapshots (day, organization_code, level, score, model_version)
       SELECT $1::date, x.code, x.level, x.score, $3 FROM jsonb_to_recordset($2::jsonb) AS x(code text, level int, score int)
       ON CONFLICT (day, organization_code) DO UPDATE SET level = EXCLUDED.level, score = EXCLUDED.score,
         model_version = EXCLUDED.model_version`,
      [day, JSON.stringify(rows), MODEL_VERSION],
    );
    return { day, organizations: rows.length };
  }

  /** The goal over time, one point per day with a snapshot. */
  async history(): Promise<HistoryPoint[]> {
    const rows = await this.db.query<{ day: string; kommuner: number; regioner: number }>(
      `SELECT to_char(s.day, 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE s.level >= $1 AND 'kommun' = ANY(o.types))::int AS kommuner,
         count(*) FILTER (WHERE s.level >= $1 AND 'region' = ANY(o.types))::int AS regioner
       FROM readiness_snapshots s JOIN organizations o ON o.code = s.organization_code
       GROUP BY s.day ORDER BY s.day`,
      [GOAL_LEVEL],
    );
    return rows.map((row) => ({
      day: row.day,
      kommunerEstablished: row.kommuner,
      regionerEstablished: row.regioner,
      kommunerShare: row.kommuner / 290,
      regionerShare: row.regioner / 21,
    }));
  }

  /** An organization declares a criterion, with a link as its evidence; it counts at once. */
  async declare(
    code: string,
    criterion: string,
    input: DeclarationInput,
    audit: AuditContext & { demo?: boolean },
  ): Promise<void> {
    await this.registry.getOrganization(code);
    if (!isDeclarable(criterion)) {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Kriteriet ${criterion} kan inte anges; de som kan är ${DECLARABLE.join(", ")}.`,
          en: `The criterion ${criterion} cannot be declared; those that can are ${DECLARABLE.join(", ")}.`,
        },
        { details: { field: "criterion" } },
      );
    }
    const values = {
      url: input.url.trim(),
      contactName: input.contactName?.trim(),
      contactEmail: input.contactEmail?.trim(),
    };
    const problems = [...new Set(declarationProblems(criterion, values).map((p) => p.field))];
    if (problems.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Uppgiften behöver en länk (https://…) som bevis${criterion === "data-contact" ? ", och kontaktens namn och e-postadress" : ""}. Saknas eller är fel: ${problems.join(", ")}.`,
          en: `The declaration needs a link (https://…) as evidence${criterion === "data-contact" ? ", and the contact's name and e-mail address" : ""}. Missing or wrong: ${problems.join(", ")}.`,
        },
        { details: { fields: problems } },
      );
    }
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO readiness_declarations (organization_code, criterion, evidence_url, contact_name, contact_email, declared_by, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (organization_code, criterion) DO UPDATE SET evidence_url = $3, contact_name = $4, contact_email = $5,
           declared_by = $6, declared_at = now(), demo = $7`,
        [
          code,
          criterion,
          values.url,
          // Only the data contact has a name and an address; other criteria never store stray ones.
          criterion === "data-contact" ? (values.contactName ?? null) : null,
          criterion === "data-contact" ? (values.contactEmail ?? null) : null,
          audit.actor,
          audit.demo === true,
        ],
      );
      await recordAudit(tx, {
        ...audit,
        action: "readiness.declare",
        object: `${code}/${criterion}`,
        details: { url: values.url },
      });
    });
  }

  /** Withdraws a declaration. */
  async withdraw(code: string, criterion: string, audit: AuditContext): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query("DELETE FROM readiness_declarations WHERE organization_code = $1 AND criterion = $2", [
        code,
        criterion,
      ]);
      await recordAudit(tx, { ...audit, action: "readiness.withdraw", object: `${code}/${criterion}` });
    });
  }
}
