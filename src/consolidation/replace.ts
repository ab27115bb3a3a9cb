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
 * What swapping a release's staged rows in would change for its organization, counted by row hash
 * (the removal guard asks before the swap; the swap reports it after).
 */
export async function stagedChanges(
  db: Queryable,
  target: { readonly slug: string; readonly organizationCode: string; readonly releaseId: string },
): Promise<RowChanges> {
  const [counts] = await db.query<{ added: number; changed: number; removed: number; rows: number }>(
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
    [target.slug, target.organizationCode, target.releaseId],
  );
  return counts ?? { added: 0, changed: 0, removed: 0, rows: 0 };
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
  /**
   * On an engine that runs on the calling thread (PGlite), the swap in chunks of this many rows,
   * yielding to the event loop between them; left out, one statement each (a server).
   */
  options: { readonly chunkRows?: number } = {},
): Promise<RowChanges> {
  if (options.chunkRows !== undefined) return replaceInChunks(tx, target, options.chunkRows);
  const { slug, organizationCode, releaseId, demo } = target;
  const counts = await stagedChanges(tx, target);
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
  return counts;
}

const INSERT_ROWS = `INSERT INTO dataset_rows (spec_slug, organization_code, record_id, release_id, source_row,
    kommun_code, lan_code, latitude, longitude, data, row_hash, search, demo)`;

/** Lets the event loop run (HTTP, timers) between two pieces of work on the calling thread. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The same swap as one statement each, in keyset chunks of the staged rows: PGlite executes a
 * statement synchronously, so a 150k-row INSERT … SELECT would hold the thread (and every
 * request) for seconds. Inside the same transaction, so readers still see all or nothing.
 */
async function replaceInChunks(
  tx: Queryable,
  target: {
    readonly slug: string;
    readonly organizationCode: string;
    readonly releaseId: string;
    readonly demo: boolean;
  },
  chunkRows: number,
): Promise<RowChanges> {
  const { slug, organizationCode, releaseId, demo } = target;
  // The search index takes new rows into a pending list and merges it when the list is full, in
  // one go: at the default 4 MB that merge alone held the thread for over a second.
  await tx.query("SET LOCAL gin_pending_list_limit = 128");
  const [old] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2",
    [slug, organizationCode],
  );
  let added = 0;
  let changed = 0;
  let matched = 0;
  let rows = 0;
  let after: string | null = null;
  for (;;) {
    type Counts = { n: number; added: number; changed: number; matched: number; last: string | null };
    const [chunk]: Counts[] = await tx.query<Counts>(
      `WITH chunk AS (
         SELECT record_id, row_hash FROM staged_rows WHERE release_id = $3 AND ($4::text IS NULL OR record_id > $4)
         ORDER BY record_id LIMIT $5
       )
       SELECT count(*)::int AS n, count(*) FILTER (WHERE o.record_id IS NULL)::int AS added,
         count(*) FILTER (WHERE o.row_hash <> c.row_hash)::int AS changed, count(o.record_id)::int AS matched,
         max(c.record_id) AS last
       FROM chunk c LEFT JOIN dataset_rows o
         ON o.spec_slug = $1 AND o.organization_code = $2 AND o.record_id = c.record_id`,
      [slug, organizationCode, releaseId, after, chunkRows],
    );
    if (chunk === undefined || chunk.n === 0 || chunk.last === null) break;
    added += chunk.added;
    changed += chunk.changed;
    matched += chunk.matched;
    rows += chunk.n;
    after = chunk.last;
    await yieldToLoop();
  }
  await deleteInChunks(
    tx,
    "dataset_rows",
    { spec_slug: slug, organization_code: organizationCode },
    chunkRows,
  );
  // Each chunk moves from staged_rows to dataset_rows in one statement: no second pass to delete.
  for (;;) {
    const [moved]: { n: number }[] = await tx.query<{ n: number }>(
      `WITH chunk AS (
         DELETE FROM staged_rows WHERE release_id = $3 AND record_id IN (
           SELECT record_id FROM staged_rows WHERE release_id = $3 ORDER BY record_id LIMIT $5)
         RETURNING *
       ), added AS (
         ${INSERT_ROWS}
         SELECT $1, $2, record_id, release_id, source_row, kommun_code, lan_code, latitude, longitude, data, row_hash,
           to_tsvector('swedish', search_text) || to_tsvector('simple', search_folded), $4
         FROM chunk RETURNING 1
       ) SELECT count(*)::int AS n FROM added`,
      [slug, organizationCode, releaseId, demo, chunkRows],
    );
    if ((moved?.n ?? 0) === 0) break;
    await yieldToLoop();
  }
  await bumpRevision(tx, slug);
  return { added, changed, removed: (old?.n ?? 0) - matched, rows };
}

/**
 * Deletes the rows matching `key` (the leading columns of the table's primary key), a chunk at a
 * time through that key's index, yielding between chunks.
 */
export async function deleteInChunks(
  db: Queryable,
  table: "dataset_rows" | "staged_rows",
  key: Readonly<Record<string, string>>,
  chunkRows: number,
): Promise<void> {
  const columns = Object.keys(key);
  const where = columns.map((column, i) => `${column} = $${String(i + 1)}`).join(" AND ");
  for (;;) {
    const [gone]: { n: number }[] = await db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${table} WHERE ${where} AND record_id IN (
           SELECT record_id FROM ${table} WHERE ${where} LIMIT ${String(chunkRows)})
         RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      Object.values(key),
    );
    if ((gone?.n ?? 0) === 0) return;
    await yieldToLoop();
  }
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
