// Releases as stored: the row shape, the columns every release query reads, and the mapping.
import { notFound } from "../core/index.ts";
import type { Queryable } from "../db/index.ts";
import type { TableFormat } from "../validation/index.ts";
import type { Release, ReleaseStatus } from "./types.ts";

export interface ReleaseRow {
  id: string;
  organization_code: string;
  spec_slug: string;
  spec_version: string;
  status: ReleaseStatus;
  origin: Release["origin"];
  file_sha256: string;
  file_bytes: string | number;
  file_name: string | null;
  format: TableFormat;
  rows_total: number;
  rows_published: number;
  rows_added: number | null;
  rows_changed: number | null;
  rows_removed: number | null;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  demo: boolean;
  errors: number;
  warnings: number;
  based_on_release_id: string | null;
  restored_from_release_id: string | null;
}

/** Read with RELEASE_FROM: the publisher's name comes from the user, or from a token's owner. */
export const RELEASE_COLUMNS = `r.id, r.organization_code, r.spec_slug, r.spec_version, r.status, r.origin, r.file_sha256,
  r.file_bytes, r.file_name, r.format, r.rows_total, r.rows_published, r.rows_added, r.rows_changed,
  r.rows_removed, r.created_at, r.created_by, r.demo, r.based_on_release_id, r.restored_from_release_id,
  COALESCE(u.display_name, tu.display_name, r.created_by) AS created_by_name,
  (r.report->'stats'->>'errors')::int AS errors, (r.report->'stats'->>'warnings')::int AS warnings`;

export const RELEASE_FROM = `releases r
  LEFT JOIN users u ON r.created_by LIKE 'user:%' AND u.id = substr(r.created_by, 6)
  LEFT JOIN api_tokens t ON r.created_by LIKE 'token:%' AND t.id = substr(r.created_by, 7)
  LEFT JOIN users tu ON tu.id = t.user_id`;

export function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    organizationCode: row.organization_code,
    slug: row.spec_slug,
    specVersion: row.spec_version,
    status: row.status,
    origin: row.origin,
    file: { sha256: row.file_sha256, bytes: Number(row.file_bytes), name: row.file_name, format: row.format },
    rows: { total: row.rows_total, published: row.rows_published },
    changes:
      row.rows_added === null
        ? null
        : { added: row.rows_added, changed: row.rows_changed ?? 0, removed: row.rows_removed ?? 0 },
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    demo: row.demo,
    basedOn: row.based_on_release_id,
    restoredFrom: row.restored_from_release_id,
    errors: row.errors,
    warnings: row.warnings,
  };
}

export async function releaseOn(db: Queryable, id: string): Promise<Release> {
  const [row] = await db.query<ReleaseRow>(`SELECT ${RELEASE_COLUMNS} FROM ${RELEASE_FROM} WHERE r.id = $1`, [
    id,
  ]);
  if (row === undefined) throw releaseNotFound(id);
  return toRelease(row);
}

export function releaseNotFound(id: string) {
  return notFound({ sv: `Det finns ingen release med id ${id}.`, en: `There is no release with id ${id}.` });
}
