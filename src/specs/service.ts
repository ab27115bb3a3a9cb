import { recordAudit } from "../accounts/index.ts";
import { AppError, csvRow, notFound, type Page } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import type { Organization } from "../registry/index.ts";
import type { FieldDefinition, SpecificationDefinition } from "./definition.ts";
import { expectedDatasets } from "./expected.ts";
import type {
  Confirmation,
  HvdCategory,
  Level,
  PriorityListEntry,
  PriorityStatus,
  SpecificationSummary,
  SpecificationVersion,
} from "./types.ts";

export interface PriorityListFilter {
  /** The area's Swedish name, e.g. "Besöksnäring och rekreation". */
  readonly area?: string | undefined;
  /** kommun: entries kommuner are expected to publish (kommun or both); likewise region; both: only both. */
  readonly level?: Level | undefined;
  readonly status?: PriorityStatus | undefined;
}

interface PriorityRow {
  slug: string;
  rank: number;
  official_rank: number | null;
  name_sv: string;
  name_en: string;
  area_sv: string;
  area_en: string;
  level: Level;
  hvd_category: HvdCategory | null;
  status: PriorityStatus;
  confirmation: Confirmation;
  basis_url: string;
  notes: string;
  spec_version: string | null;
}

// The latest version of the entry's specification, by semantic version.
const PRIORITY_SELECT = `
  SELECT p.*, (SELECT v.version FROM specification_versions v WHERE v.slug = p.slug
               ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1) AS spec_version
  FROM priority_list p`;

function toEntry(row: PriorityRow): PriorityListEntry {
  return {
    rank: row.rank,
    officialRank: row.official_rank,
    slug: row.slug,
    name: { sv: row.name_sv, en: row.name_en },
    area: { sv: row.area_sv, en: row.area_en },
    level: row.level,
    hvdCategory: row.hvd_category,
    status: row.status,
    confirmation: row.confirmation,
    basisUrl: row.basis_url,
    notes: row.notes,
    specification: row.spec_version === null ? null : { slug: row.slug, version: row.spec_version },
  };
}

async function fetchPriorityEntry(db: Queryable, slug: string): Promise<PriorityListEntry> {
  const [row] = await db.query<PriorityRow>(`${PRIORITY_SELECT} WHERE p.slug = $1`, [slug]);
  if (row === undefined) {
    throw notFound(
      {
        sv: `Den prioriterade listan har ingen post ${slug}.`,
        en: `The prioritized list has no entry ${slug}.`,
      },
      { slug },
    );
  }
  return toEntry(row);
}

function specNotFound(slug: string, version?: string): Error {
  const what = version === undefined ? slug : `${slug} ${version}`;
  return notFound(
    {
      sv: `Det finns ingen specifikation ${what}. Listan över specifikationer finns på /api/v1/specifications.`,
      en: `There is no specification ${what}. The specifications are listed at /api/v1/specifications.`,
    },
    { slug, ...(version === undefined ? {} : { version }) },
  );
}

/** The prioritized list and the specifications. The HTTP API, the web and the CLI go through this. */
export class SpecsService {
  constructor(private readonly db: Database) {}

  async listPriorityList(filter: PriorityListFilter = {}): Promise<Page<PriorityListEntry>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.area !== undefined) {
      params.push(filter.area);
      where.push(`(p.area_sv = $${params.length} OR p.area_en = $${params.length})`);
    }
    if (filter.level !== undefined) {
      params.push(filter.level);
      where.push(
        filter.level === "both" ? `p.level = $${params.length}` : `p.level IN ($${params.length}, 'both')`,
      );
    }
    if (filter.status !== undefined) {
      params.push(filter.status);
      where.push(`p.status = $${params.length}`);
    }
    const rows = await this.db.query<PriorityRow>(
      `${PRIORITY_SELECT} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY p.rank`,
      params,
    );
    return { items: rows.map(toEntry), total: rows.length, next: null };
  }

  /** The prioritized datasets with a specification the organization is expected to publish. */
  async expectedDatasets(organization: Pick<Organization, "types">): Promise<PriorityListEntry[]> {
    return expectedDatasets(organization, (await this.listPriorityList()).items);
  }

  async listSpecifications(): Promise<SpecificationSummary[]> {
    const rows = await this.db.query<{
      slug: string;
      document: SpecificationDefinition;
      versions: string[];
      rank: number | null;
    }>(
      `SELECT s.slug, latest.document, p.rank,
              ARRAY(SELECT v.version FROM specification_versions v WHERE v.slug = s.slug
                    ORDER BY v.major, v.minor, v.patch) AS versions
       FROM specifications s
       CROSS JOIN LATERAL (SELECT v.document FROM specification_versions v WHERE v.slug = s.slug
                           ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1) latest
       LEFT JOIN priority_list p ON p.slug = s.slug
       ORDER BY p.rank NULLS LAST, s.slug`,
    );
    return rows.map((row) => ({
      slug: row.slug,
      title: row.document.title,
      description: row.document.description,
      level: row.document.level,
      latestVersion: row.versions.at(-1) ?? row.document.version,
      versions: row.versions,
      priorityRank: row.rank,
    }));
  }

  getPriorityEntry(slug: string): Promise<PriorityListEntry> {
    return fetchPriorityEntry(this.db, slug);
  }

  /**
   * Changes one entry and records who did it, when, and the entry before and after (in the list's
   * history and the audit log), in the same transaction. Moving an entry to a rank another holds
   * swaps the two.
   */
  async updatePriorityEntry(
    slug: string,
    change: PriorityEntryChange,
    changedBy: string,
    fromAddress: string | null = null,
  ): Promise<PriorityListEntry> {
    return this.db.transaction(async (tx) => {
      // Lock the row so two coordinators' edits are serialised, not interleaved.
      await tx.query("SELECT 1 FROM priority_list WHERE slug = $1 FOR UPDATE", [slug]);
      const before = await fetchPriorityEntry(tx, slug);
      if (change.rank !== undefined) {
        const [count] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM priority_list");
        const size = count?.n ?? 0;
        if (!Number.isInteger(change.rank) || change.rank < 1 || change.rank > size) {
          throw new AppError(
            "BAD_REQUEST",
            {
              sv: `Placeringen måste vara ett heltal från 1 till ${size}, fick ${change.rank}.`,
              en: `The rank must be a whole number from 1 to ${size}, got ${change.rank}.`,
            },
            { details: { field: "rank", found: change.rank } },
          );
        }
      }
      if (change.rank !== undefined && change.rank !== before.rank) {
        // The holder of the new rank takes the old one; uniqueness is checked at commit.
        await tx.query("UPDATE priority_list SET rank = $1 WHERE rank = $2", [before.rank, change.rank]);
      }
      await tx.query(
        `UPDATE priority_list SET
           rank = COALESCE($2, rank), name_sv = COALESCE($3, name_sv), name_en = COALESCE($4, name_en),
           area_sv = COALESCE($5, area_sv), area_en = COALESCE($6, area_en), level = COALESCE($7, level),
           status = COALESCE($8, status), notes = COALESCE($9, notes), updated_at = now(), updated_by = $10
         WHERE slug = $1`,
        [
          slug,
          change.rank ?? null,
          change.name?.sv ?? null,
          change.name?.en ?? null,
          change.area?.sv ?? null,
          change.area?.en ?? null,
          change.level ?? null,
          change.status ?? null,
          change.notes ?? null,
          changedBy,
        ],
      );
      const after = await fetchPriorityEntry(tx, slug);
      await tx.query(
        "INSERT INTO priority_list_history (slug, changed_by, before, after) VALUES ($1, $2, $3::jsonb, $4::jsonb)",
        [slug, changedBy, JSON.stringify(before), JSON.stringify(after)],
      );
      await recordAudit(tx, {
        actor: changedBy,
        action: "priority-list.update",
        object: slug,
        fromAddress,
        details: { change },
      });
      return after;
    });
  }

  async priorityHistory(slug?: string): Promise<PriorityHistoryEntry[]> {
    const rows = await this.db.query<{
      slug: string;
      changed_at: string;
      changed_by: string;
      before: PriorityListEntry | null;
      after: PriorityListEntry | null;
    }>(
      `SELECT slug, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS changed_at, changed_by, before, after
       FROM priority_list_history ${slug === undefined ? "" : "WHERE slug = $1"} ORDER BY id DESC LIMIT 1000`,
      slug === undefined ? [] : [slug],
    );
    return rows.map((r) => ({
      slug: r.slug,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      before: r.before,
      after: r.after,
    }));
  }

  /** One version, or the latest when version is undefined. */
  async getSpecification(slug: string, version?: string): Promise<SpecificationVersion> {
    const rows = await this.db.query<{
      version: string;
      published: string;
      document: SpecificationDefinition;
    }>(
      `SELECT version, to_char(published, 'YYYY-MM-DD') AS published, document FROM specification_versions
       WHERE slug = $1 ${version === undefined ? "" : "AND version = $2"}
       ORDER BY major DESC, minor DESC, patch DESC LIMIT 1`,
      version === undefined ? [slug] : [slug, version],
    );
    const row = rows[0];
    if (row === undefined) throw specNotFound(slug, version);
    return { slug, version: row.version, published: row.published, definition: row.document };
  }
}

export interface PriorityEntryChange {
  readonly rank?: number | undefined;
  readonly name?: { readonly sv: string; readonly en: string } | undefined;
  readonly area?: { readonly sv: string; readonly en: string } | undefined;
  readonly level?: Level | undefined;
  readonly status?: PriorityStatus | undefined;
  readonly notes?: string | undefined;
}

export interface PriorityHistoryEntry {
  readonly slug: string;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly before: PriorityListEntry | null;
  readonly after: PriorityListEntry | null;
}

/** A field's allowed values: its code list, else its enum constraint. */
export function allowedValues(field: FieldDefinition): readonly string[] | undefined {
  return field.codeList?.map((entry) => entry.value) ?? field.constraints?.enum;
}

/**
 * The version as a standard Table Schema document: the fields at the top, code lists also as
 * `constraints.enum` so tools that know only the standard still check them, and the
 * platform's extensions beside.
 */
export function tableSchemaDocument(spec: SpecificationVersion, pageUrl: string) {
  const d = spec.definition;
  return {
    $schema: "https://specs.frictionlessdata.io/schemas/table-schema.json",
    name: d.slug,
    version: d.version,
    title: d.title.sv,
    description: d.description.sv,
    titles: d.title,
    descriptions: d.description,
    homepage: pageUrl,
    published: d.published,
    level: d.level,
    changelog: d.changelog,
    basis: d.basis,
    fields: d.schema.fields.map((field) => {
      const values = allowedValues(field);
      return values === undefined
        ? field
        : { ...field, constraints: { ...field.constraints, enum: [...values] } };
    }),
    ...(d.schema.primaryKey === undefined ? {} : { primaryKey: d.schema.primaryKey }),
    missingValues: d.schema.missingValues,
    ...(d.schema.geo === undefined ? {} : { geo: d.schema.geo }),
  };
}

/** The header row a publisher fills in. */
export function templateCsv(definition: SpecificationDefinition): string {
  return csvRow(definition.schema.fields.map((f) => f.name));
}

/** The example rows, in field order; it validates against its own specification. */
export function exampleCsv(definition: SpecificationDefinition): string {
  const names = definition.schema.fields.map((f) => f.name);
  return (
    templateCsv(definition) +
    definition.examples.map((row) => csvRow(names.map((n) => row[n] ?? ""))).join("")
  );
}
