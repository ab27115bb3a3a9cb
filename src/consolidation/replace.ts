import type { Queryable } from "../db/index.ts";

/** What one release changed in a national dataset, for one organization. */
export interface RowChanges {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** The organization's rows in the national dataset afterwards. */
  readonly rows: number;
}

/**
 * Replaces one organization's rows in a national dataset with a release's staged rows. Call it
 * inside the transaction that records the release: other organizations' rows are not touched,
 * and a reader sees either all the old rows or all the new ones. Bumps the dataset's revision,
 * which every data API ETag is made from.
 */
export async function replaceOrganizationRows(
  tx: Queryable,
  target: {
    readonly slug: string;
    readonly organizationCode: string;
    readonly releaseId: string;
    readonly demo: boolean;
  },
): Promise<RowChanges> {
  const { slug, organizationCode, releaseId, demo } = target;
  const [counts] = await tx.query<{ added: number; changed: number; removed: number; rows: number }>(
    `WITH old AS (
       SELECT record_id, row_hash FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2
     ), new AS (
       SELECT record_id, row_hash FROM staged_rows WHERE release_id = $3
     )
     SELECT
       (SELECT count(*) FROM new WHERE NOT EXISTS (SELECT 1 FROM old WHERE old.record_id = new.record_id))::int AS added,
       (SELECT count(*) FROM old JOIN new USING (record_id) WHERE old.row_hash <> new.row_hash)::int AS changed,
       (SELECT count(*) FROM old WHERE NOT EXISTS (SELECT 1 FROM new WHERE new.record_id = old.record_id))::int AS removed,
       (SELECT count(*) FROM new)::int AS rows`,
    [slug, organizationCode, releaseId],
  );
  // Every row gets the new release as its provenance, changed or not, so delete and insert.
  await tx.query("DELETE FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2", [
    slug,
    organizationCode,
  ]);
  await tx.query(
    `INSERT INTO dataset_rows (spec_slug, organization_code, record_id, release_id, source_row, kommun_code,
       lan_code, latitude, longitude, data, row_hash, search, demo)
     SELECT $1, $2, record_id, release_id, source_row, kommun_code, lan_code, latitude, longitude, data, row_hash,
       to_tsvector('swedish', search_text) || to_tsvector('simple', search_folded), $4
     FROM staged_rows WHERE release_id = $3`,
    [slug, organizationCode, releaseId, demo],
  );
  await tx.query("DELETE FROM staged_rows WHERE release_id = $1", [releaseId]);
  await bumpRevision(tx, slug);
  return counts ?? { added: 0, changed: 0, removed: 0, rows: 0 };
}

/** Removes an organization's rows from a national dataset (a publication withdrawn). */
export async function removeOrganizationRows(
  tx: Queryable,
  target: { readonly slug: string; readonly organizationCode: string },
): Promise<number> {
  const removed = await tx.query<{ n: number }>(
    "WITH gone AS (DELETE FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone",
    [target.slug, target.organizationCode],
  );
  await bumpRevision(tx, target.slug);
  return removed[0]?.n ?? 0;
}

async function bumpRevision(tx: Queryable, slug: string): Promise<void> {
  await tx.query(
    `INSERT INTO dataset_revisions (spec_slug, revision) VALUES ($1, 1)
     ON CONFLICT (spec_slug) DO UPDATE SET revision = dataset_revisions.revision + 1, updated_at = now()`,
    [slug],
  );
}
