// Reads what the catalog describes: publications with a current release (in keyset batches, so a
// national export of 50,000 datasets never holds them all), the national datasets, and the small
// lookups every entry needs (specifications, the prioritized list, areas and their envelopes).
import type { Queryable } from "../db/index.ts";
import type { LocalizedText } from "../core/index.ts";
import type { PriorityListEntry, SpecsService } from "../specs/index.ts";
import type { FileFormat } from "./vocabulary.ts";

export interface SpecVersionFacts {
  readonly slug: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Whether rows have a position (GeoJSON downloads and an OGC collection). */
  readonly spatial: boolean;
}

export interface Lookups {
  /** `slug@version` → facts. */
  readonly versions: ReadonlyMap<string, SpecVersionFacts>;
  /** slug → the latest version's facts. */
  readonly latest: ReadonlyMap<string, SpecVersionFacts>;
  readonly priority: ReadonlyMap<string, PriorityListEntry>;
  /** `kommun:{code}` / `lan:{code}` → [west, south, east, north]. */
  readonly bboxes: ReadonlyMap<string, readonly [number, number, number, number]>;
  readonly lanNames: ReadonlyMap<string, string>;
  /** The union of the län envelopes: Sweden's. */
  readonly swedenBbox: readonly [number, number, number, number] | null;
}

export async function loadLookups(db: Queryable, specs: SpecsService): Promise<Lookups> {
  const [versionRows, priority, boundaryRows, lanRows] = await Promise.all([
    db.query<{
      slug: string;
      version: string;
      title: LocalizedText;
      description: LocalizedText;
      spatial: boolean;
      major: number;
      minor: number;
      patch: number;
    }>(
      `SELECT slug, version, document->'title' AS title, document->'description' AS description,
              (document->'schema'->'geo') IS NOT NULL AS spatial, major, minor, patch
       FROM specification_versions ORDER BY slug, major, minor, patch`,
    ),
    specs.listPriorityList(),
    db.query<{ area_type: string; code: string; bbox: number[] }>(
      "SELECT area_type, code, bbox FROM boundaries",
    ),
    db.query<{ code: string; name: string }>("SELECT code, name FROM lan"),
  ]);
  const versions = new Map<string, SpecVersionFacts>();
  const latest = new Map<string, SpecVersionFacts>();
  for (const row of versionRows) {
    const facts: SpecVersionFacts = {
      slug: row.slug,
      version: row.version,
      title: row.title,
      description: row.description,
      spatial: row.spatial,
    };
    versions.set(`${row.slug}@${row.version}`, facts);
    latest.set(row.slug, facts); // ordered by version, so the last one wins
  }
  const bboxes = new Map<string, readonly [number, number, number, number]>();
  let sweden: [number, number, number, number] | null = null;
  for (const row of boundaryRows) {
    const [w = 0, s = 0, e = 0, n = 0] = row.bbox.map(Number);
    bboxes.set(`${row.area_type}:${row.code}`, [w, s, e, n]);
    if (row.area_type === "lan") {
      sweden =
        sweden === null
          ? [w, s, e, n]
          : [Math.min(sweden[0], w), Math.min(sweden[1], s), Math.max(sweden[2], e), Math.max(sweden[3], n)];
    }
  }
  return {
    versions,
    latest,
    priority: new Map(priority.items.map((entry) => [entry.slug, entry])),
    bboxes,
    lanNames: new Map(lanRows.map((r) => [r.code, r.name])),
    swedenBbox: sweden,
  };
}

/** One publication with its current release: one dataset in the catalog. */
export interface PublicationRow {
  readonly organizationCode: string;
  readonly organizationName: string;
  readonly organizationTypes: readonly string[];
  readonly organizationNumber: string | null;
  readonly organizationWebsite: string | null;
  readonly organizationContactEmail: string | null;
  readonly lanCode: string;
  readonly slug: string;
  readonly specVersion: string;
  readonly sourceKind: "upload" | "url";
  readonly intervalMinutes: number | null;
  readonly releaseId: string;
  readonly releaseFormat: FileFormat;
  readonly releaseBytes: number;
  readonly releaseSha256: string;
  readonly releasedAt: Date;
  /** The first release that was published: when the dataset appeared. */
  readonly firstPublishedAt: Date;
  readonly rows: number;
  readonly demo: boolean;
}

interface RawPublicationRow {
  organization_code: string;
  organization_name: string;
  organization_types: string[];
  organization_number: string | null;
  website: string | null;
  contact_email: string | null;
  lan_code: string;
  spec_slug: string;
  spec_version: string;
  source_kind: "upload" | "url";
  fetch_interval_minutes: number | null;
  release_id: string;
  format: FileFormat;
  file_bytes: string | number;
  file_sha256: string;
  released_at: Date;
  first_published_at: Date | null;
  rows_published: number;
  demo: boolean;
}

/** Publications per query: small enough for flat memory, large enough to keep round trips few. */
export const PUBLICATION_BATCH = 500;

/** Publications with a current release, by (organization, specification), one batch at a time. */
export async function* publicationBatches(
  db: Queryable,
  organizationCode: string | null,
  batchSize = PUBLICATION_BATCH,
): AsyncGenerator<readonly PublicationRow[]> {
  let after: readonly [string, string] = ["", ""];
  for (;;) {
    const rows = await db.query<RawPublicationRow>(
      `SELECT p.organization_code, o.name AS organization_name, o.types AS organization_types, o.lan_code,
              o.organization_number, o.website, o.contact_email,
              p.spec_slug, r.spec_version, p.source_kind, p.fetch_interval_minutes, r.id AS release_id,
              r.format, r.file_bytes, r.file_sha256, r.created_at AS released_at, r.rows_published, p.demo,
              (SELECT min(f.created_at) FROM releases f
                WHERE f.organization_code = p.organization_code AND f.spec_slug = p.spec_slug
                  AND f.status <> 'rejected') AS first_published_at
       FROM publications p
       JOIN releases r ON r.id = p.current_release_id
       JOIN organizations o ON o.code = p.organization_code
       WHERE (p.organization_code, p.spec_slug) > ($1, $2)
         AND ($3::text IS NULL OR p.organization_code = $3)
       ORDER BY p.organization_code, p.spec_slug
       LIMIT $4`,
      [after[0], after[1], organizationCode, batchSize],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      organizationCode: row.organization_code,
      organizationName: row.organization_name,
      organizationTypes: row.organization_types,
      organizationNumber: row.organization_number,
      organizationWebsite: row.website,
      organizationContactEmail: row.contact_email,
      lanCode: row.lan_code,
      slug: row.spec_slug,
      specVersion: row.spec_version,
      sourceKind: row.source_kind,
      intervalMinutes: row.source_kind === "url" ? (row.fetch_interval_minutes ?? 1440) : null,
      releaseId: row.release_id,
      releaseFormat: row.format,
      releaseBytes: Number(row.file_bytes),
      releaseSha256: row.file_sha256,
      releasedAt: row.released_at,
      firstPublishedAt: row.first_published_at ?? row.released_at,
      rows: row.rows_published,
      demo: row.demo,
    }));
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < batchSize) return;
    after = [last.organization_code, last.spec_slug];
  }
}

/** A national dataset: a specification with at least one published row. */
export interface NationalRow {
  readonly slug: string;
  readonly rows: number;
  readonly organizations: number;
  readonly firstPublishedAt: Date;
  readonly modified: Date;
  readonly demo: boolean;
}

export async function nationalRows(db: Queryable, slug?: string): Promise<NationalRow[]> {
  const rows = await db.query<{
    spec_slug: string;
    rows: string | number;
    organizations: number;
    first_published_at: Date;
    last_release_at: Date;
    revised_at: Date | null;
    demo: boolean;
  }>(
    `SELECT p.spec_slug, sum(r.rows_published) AS rows, count(*)::int AS organizations,
            min(r.created_at) AS first_published_at, max(r.created_at) AS last_release_at,
            (SELECT d.updated_at FROM dataset_revisions d WHERE d.spec_slug = p.spec_slug) AS revised_at,
            bool_and(p.demo) AS demo
     FROM publications p JOIN releases r ON r.id = p.current_release_id
     WHERE r.rows_published > 0 AND ($1::text IS NULL OR p.spec_slug = $1)
     GROUP BY p.spec_slug ORDER BY p.spec_slug`,
    [slug ?? null],
  );
  return rows.map((row) => ({
    slug: row.spec_slug,
    rows: Number(row.rows),
    organizations: row.organizations,
    firstPublishedAt: row.first_published_at,
    modified: row.revised_at ?? row.last_release_at,
    demo: row.demo,
  }));
}

/**
 * What an export's ETag hashes: every publish moves publications.updated_at, every consolidation
 * a revision, edits to the list or new specification versions change the others, and every
 * harvest that changes a dataset moves harvested_datasets.updated_at, and the organizations' names,
 * numbers and contacts are hashed in. One small query, no dataset read.
 */
export async function catalogStamp(db: Queryable, organizationCode: string | null): Promise<string> {
  const [row] = await db.query<{ stamp: string }>(
    `SELECT concat_ws('|',
       (SELECT max(updated_at)::text || ':' || count(*) FROM publications
         WHERE $1::text IS NULL OR organization_code = $1),
       (SELECT count(*) FROM publications WHERE current_release_id IS NOT NULL
         AND ($1::text IS NULL OR organization_code = $1)),
       (SELECT coalesce(sum(revision), 0)::text FROM dataset_revisions),
       (SELECT count(*) FROM specification_versions),
       (SELECT max(updated_at)::text FROM priority_list),
       -- Harvested datasets: any change of content or status moves updated_at; the count catches the rest.
       (SELECT coalesce(max(updated_at)::text, '') || ':' || count(*) FILTER (WHERE status = 'active' AND valid)
         FROM harvested_datasets WHERE $1::text IS NULL OR organization_code = $1),
       -- The publisher and contact: a corrected name or number (seed), or a contact the organization set.
       (SELECT md5(string_agg(concat_ws('|', code, name, organization_number, website, contact_email), ',' ORDER BY code))
         FROM organizations WHERE $1::text IS NULL OR code = $1)) AS stamp`,
    [organizationCode],
  );
  return row?.stamp ?? "";
}
