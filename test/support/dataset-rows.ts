// Fills a national dataset (dataset_rows) directly, as consolidation would: each organization
// gets a publication and a release (with a stored file) that its rows point at, and the dataset's
// revision is bumped. For tests and benchmarks, until they can publish through the real service.
import { createHash, randomUUID } from "node:crypto";
import { foldForSearch } from "../../src/core/index.ts";
import type { JsonValue } from "../../src/consolidation/index.ts";
import type { Database, Queryable } from "../../src/db/index.ts";
import { SpecsService, type SpecificationVersion } from "../../src/specs/index.ts";

export interface TestRow {
  readonly organization: string;
  /** The record keyed by field names, typed (numbers, booleans, ISO dates as text); source defaults to the organization. */
  readonly data: Readonly<Record<string, JsonValue>>;
  /** Default: the primary key's values without source, joined by ":". */
  readonly recordId?: string;
  /** Default: the organization when it is a municipality, else null. */
  readonly kommun?: string | null;
  /** Default: the kommun's county, else the organization's. */
  readonly lan?: string | null;
  /** Default: the record's WGS 84 fields, when the specification has them. */
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly demo?: boolean;
}

export interface InsertedRows {
  /** The release each organization's rows now belong to. */
  readonly releases: ReadonlyMap<string, string>;
  readonly revision: number;
}

const BATCH = 1000;

function numberOrNull(value: JsonValue | undefined): number | null {
  return typeof value === "number" ? value : null;
}

/** The text the search vector is made of, as publishing makes it: the plain text fields. */
function searchText(spec: SpecificationVersion, data: Readonly<Record<string, JsonValue>>): string {
  return spec.definition.schema.fields
    .filter((f) => f.type === "string" && f.reference !== "organization" && f.format === undefined)
    .map((f) => data[f.name])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join(" ")
    .slice(0, 4000);
}

function recordIdOf(spec: SpecificationVersion, data: Readonly<Record<string, JsonValue>>): string {
  const keys = [spec.definition.schema.primaryKey ?? "id"].flat().filter((k) => k !== "source");
  return keys
    .map((k) => {
      const value = data[k];
      return typeof value === "string" ? value : JSON.stringify(value ?? "");
    })
    .join(":");
}

/**
 * Puts rows into the national dataset of `slug`, replacing rows with the same national id.
 * The organizations must exist in the registry (seeded).
 */
export async function insertDatasetRows(
  db: Database,
  slug: string,
  rows: readonly TestRow[],
): Promise<InsertedRows> {
  const spec = await new SpecsService(db).getSpecification(slug);
  const geo = spec.definition.schema.geo;
  const organizations = [...new Set(rows.map((r) => r.organization))];
  const lanOf = new Map(
    (
      await db.query<{ code: string; lan_code: string }>(
        "SELECT code, lan_code FROM organizations WHERE code = ANY($1::text[])",
        [organizations],
      )
    ).map((r) => [r.code, r.lan_code]),
  );
  const missing = organizations.filter((o) => !lanOf.has(o));
  if (missing.length > 0) throw new Error(`not in the registry: ${missing.join(", ")}`);

  return db.transaction(async (tx) => {
    const releases = new Map<string, string>();
    for (const organization of organizations)
      releases.set(organization, await addRelease(tx, spec, organization, rows));

    const prepared = rows.map((row, index) => {
      const data: Record<string, JsonValue> = { source: row.organization, ...row.data };
      const kommun =
        row.kommun !== undefined ? row.kommun : /^\d{4}$/.test(row.organization) ? row.organization : null;
      const lan =
        row.lan !== undefined
          ? row.lan
          : kommun !== null
            ? kommun.slice(0, 2)
            : (lanOf.get(row.organization) ?? null);
      const text = searchText(spec, data);
      return {
        organization_code: row.organization,
        record_id: row.recordId ?? recordIdOf(spec, data),
        release_id: releases.get(row.organization),
        source_row: index + 2,
        kommun_code: kommun,
        lan_code: lan,
        latitude:
          row.latitude !== undefined
            ? row.latitude
            : geo?.kind === "wgs84"
              ? numberOrNull(data[geo.latitude])
              : null,
        longitude:
          row.longitude !== undefined
            ? row.longitude
            : geo?.kind === "wgs84"
              ? numberOrNull(data[geo.longitude])
              : null,
        data,
        row_hash: createHash("sha256").update(JSON.stringify(data)).digest("hex"),
        search_text: text,
        folded: foldForSearch(text),
        demo: row.demo ?? false,
      };
    });
    for (let start = 0; start < prepared.length; start += BATCH) {
      await tx.query(
        `INSERT INTO dataset_rows (spec_slug, organization_code, record_id, release_id, source_row, kommun_code,
                                   lan_code, latitude, longitude, data, row_hash, search, demo)
         SELECT $1, r.organization_code, r.record_id, r.release_id, r.source_row, r.kommun_code, r.lan_code,
                r.latitude, r.longitude, r.data, r.row_hash,
                to_tsvector('swedish', r.search_text) || to_tsvector('simple', r.folded), r.demo
         FROM jsonb_to_recordset($2::jsonb) AS r(organization_code text, record_id text, release_id text,
              source_row int, kommun_code text, lan_code text, latitude float8, longitude float8, data jsonb,
              row_hash text, search_text text, folded text, demo boolean)
         ON CONFLICT (spec_slug, organization_code, record_id) DO UPDATE SET
           release_id = EXCLUDED.release_id, source_row = EXCLUDED.source_row, kommun_code = EXCLUDED.kommun_code,
           lan_code = EXCLUDED.lan_code, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
           data = EXCLUDED.data, row_hash = EXCLUDED.row_hash, search = EXCLUDED.search, demo = EXCLUDED.demo`,
        [slug, JSON.stringify(prepared.slice(start, start + BATCH))],
      );
    }
    const revision = await bumpRevision(tx, slug);
    return { releases, revision };
  });
}

async function addRelease(
  tx: Queryable,
  spec: SpecificationVersion,
  organization: string,
  rows: readonly TestRow[],
): Promise<string> {
  const id = randomUUID();
  const sha256 = createHash("sha256").update(`test release ${id}`).digest("hex");
  const count = rows.filter((r) => r.organization === organization).length;
  await tx.query("INSERT INTO stored_files (sha256, bytes) VALUES ($1, 0) ON CONFLICT DO NOTHING", [sha256]);
  await tx.query(
    "INSERT INTO publications (organization_code, spec_slug) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [organization, spec.slug],
  );
  await tx.query(
    `INSERT INTO releases (id, organization_code, spec_slug, spec_version, status, origin, file_sha256, file_bytes,
                           file_name, format, report, rows_total, rows_published, rows_added, rows_changed,
                           rows_removed, created_by)
     VALUES ($1, $2, $3, $4, 'published', 'upload', $5, 0, $6, 'csv', '{}'::jsonb, $7, $7, $7, 0, 0, 'test')`,
    [id, organization, spec.slug, spec.version, sha256, `${spec.slug}.csv`, count],
  );
  await tx.query(
    "UPDATE publications SET current_release_id = $3, latest_release_id = $3, updated_at = now() WHERE organization_code = $1 AND spec_slug = $2",
    [organization, spec.slug, id],
  );
  return id;
}

/** Bumps the dataset's revision, as every consolidation does; returns the new one. */
export async function bumpRevision(db: Queryable, slug: string): Promise<number> {
  const [row] = await db.query<{ revision: string }>(
    `INSERT INTO dataset_revisions (spec_slug, revision) VALUES ($1, 1)
     ON CONFLICT (spec_slug) DO UPDATE SET revision = dataset_revisions.revision + 1, updated_at = now()
     RETURNING revision::text AS revision`,
    [slug],
  );
  return Number(row?.revision ?? 0);
}

/** A plausible bathing site; `n` makes the id, name and position differ. */
export function badplats(
  n: number,
  overrides: Readonly<Record<string, JsonValue>> = {},
): Record<string, JsonValue> {
  return {
    id: `BAD-${String(n).padStart(4, "0")}`,
    name: `Badplats ${n}`,
    description: null,
    latitude: 55.5 + (n % 130) * 0.1,
    longitude: 11.5 + (n % 120) * 0.1,
    water_type: (["hav", "sjo", "vattendrag"] as const)[n % 3] ?? "sjo",
    shore: "sand",
    bathing_water_id: null,
    eu_bath: n % 2 === 0,
    jetty: n % 3 === 0,
    diving_tower: false,
    toilet: true,
    changing_room: null,
    shower: null,
    rescue_equipment: true,
    lifeguard: false,
    accessible: n % 4 === 0,
    dogs_allowed: false,
    parking: true,
    email: null,
    visit_url: null,
    wikidata: null,
    updated: `2025-0${1 + (n % 9)}-15`,
    ...overrides,
  };
}
