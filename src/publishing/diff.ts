// Diffs between two releases of a publication. The sets (added, changed, removed) are exact
// joins over release_rows (ids and hashes); the fields of the first rows of each kind are read
// from the two stored files, keeping only records whose hash matches, so memory stays bounded
// by the page, not the release.
import { AppError } from "../core/index.ts";
import type { Queryable } from "../db/index.ts";
import type { FileStore } from "../files/index.ts";
import type { RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import { readRecords, RowSet, type NormalizedRecord, type ValidationService } from "../validation/index.ts";
import { nameFieldOf } from "./guard.ts";
import { recordIdOf, rowHashOf } from "./staging.ts";
import type { DiffRow, Release, ReleaseDiff } from "./types.ts";

export const MAX_DIFF_LIMIT = 1000;

interface Readers {
  readonly files: FileStore;
  readonly validation: ValidationService;
  readonly specs: SpecsService;
  readonly registry: RegistryService;
}

/** A release's records as they were published (for a partial one, without the rows with errors). */
async function* recordsOf(
  readers: Readers,
  release: Release,
  skipErrors: boolean,
): AsyncGenerator<{ record: NormalizedRecord; id: string; hash: string }> {
  const spec = await readers.specs.getSpecification(release.slug, release.specVersion);
  const skipRows = new RowSet();
  if (skipErrors && release.status === "partial") {
    await readers.validation.validate(readers.files.read(release.file.sha256), {
      slug: release.slug,
      version: release.specVersion,
      format: release.file.format,
      organizationCode: release.organizationCode,
      errorRows: skipRows,
    });
  }
  const idOf = recordIdOf(spec.definition);
  for await (const batch of readRecords(readers.files.read(release.file.sha256), spec.definition, {
    format: release.file.format,
    knownOrganizationCodes: await readers.registry.organizationCodes(),
    skipRows,
  })) {
    for (const record of batch) yield { record, id: idOf(record), hash: rowHashOf(record) };
  }
}

/** Releases from before release_rows existed get their ids and hashes from their stored file once. */
async function ensureIndexed(db: Queryable, readers: Readers, release: Release): Promise<void> {
  const [row] = await db.query<{ rows_indexed: boolean }>("SELECT rows_indexed FROM releases WHERE id = $1", [
    release.id,
  ]);
  if (row?.rows_indexed !== false) return;
  let batch: { record_id: string; row_hash: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(
      `INSERT INTO release_rows (release_id, record_id, row_hash)
       SELECT $1, x.record_id, x.row_hash FROM jsonb_to_recordset($2::jsonb) AS x(record_id text, row_hash text)
       ON CONFLICT DO NOTHING`,
      [release.id, JSON.stringify(batch)],
    );
    batch = [];
  };
  for await (const { id, hash } of recordsOf(readers, release, true)) {
    batch.push({ record_id: id, row_hash: hash });
    if (batch.length >= 1000) await flush();
  }
  await flush();
  await db.query("UPDATE releases SET rows_indexed = true WHERE id = $1", [release.id]);
}

const HAS_ROWS: ReadonlySet<Release["status"]> = new Set(["published", "partial", "held", "withdrawn"]);

export async function releaseDiff(
  db: Queryable,
  files: FileStore,
  validation: ValidationService,
  specs: SpecsService,
  registry: RegistryService,
  request: { readonly release: Release; readonly against: Release; readonly limit: number },
): Promise<ReleaseDiff> {
  const { release, against } = request;
  const limit = Math.min(Math.max(1, Math.trunc(request.limit)), MAX_DIFF_LIMIT);
  if (release.organizationCode !== against.organizationCode || release.slug !== against.slug) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: "Bara två releaser av samma publicering (organisation och datamängd) kan jämföras.",
        en: "Only two releases of the same publication (organization and dataset) can be compared.",
      },
      { details: { field: "against", release: release.id, against: against.id } },
    );
  }
  for (const r of [release, against]) {
    if (!HAS_ROWS.has(r.status)) {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Releasen ${r.id} publicerades inte (${r.status}) och har inga rader att jämföra.`,
          en: `Release ${r.id} was not published (${r.status}) and has no rows to compare.`,
        },
        { details: { release: r.id, status: r.status } },
      );
    }
  }
  const readers = { files, validation, specs, registry };
  await ensureIndexed(db, readers, release);
  await ensureIndexed(db, readers, against);

  const [counts] = await db.query<{ added: number; changed: number; removed: number }>(
    `SELECT
       (SELECT count(*) FROM release_rows n WHERE n.release_id = $1 AND NOT EXISTS (
          SELECT 1 FROM release_rows o WHERE o.release_id = $2 AND o.record_id = n.record_id))::int AS added,
       (SELECT count(*) FROM release_rows n JOIN release_rows o ON o.release_id = $2 AND o.record_id = n.record_id
          WHERE n.release_id = $1 AND n.row_hash <> o.row_hash)::int AS changed,
       (SELECT count(*) FROM release_rows o WHERE o.release_id = $2 AND NOT EXISTS (
          SELECT 1 FROM release_rows n WHERE n.release_id = $1 AND n.record_id = o.record_id))::int AS removed`,
    [release.id, against.id],
  );
  const firstRows = (sql: string) =>
    db.query<{ record_id: string; new_hash: string | null; old_hash: string | null }>(sql, [
      release.id,
      against.id,
      limit,
    ]);
  const [added, changed, removed] = await Promise.all([
    firstRows(`SELECT n.record_id, n.row_hash AS new_hash, NULL AS old_hash FROM release_rows n
       WHERE n.release_id = $1 AND NOT EXISTS (
         SELECT 1 FROM release_rows o WHERE o.release_id = $2 AND o.record_id = n.record_id)
       ORDER BY n.record_id LIMIT $3`),
    firstRows(`SELECT n.record_id, n.row_hash AS new_hash, o.row_hash AS old_hash FROM release_rows n
       JOIN release_rows o ON o.release_id = $2 AND o.record_id = n.record_id
       WHERE n.release_id = $1 AND n.row_hash <> o.row_hash ORDER BY n.record_id LIMIT $3`),
    firstRows(`SELECT o.record_id, NULL AS new_hash, o.row_hash AS old_hash FROM release_rows o
       WHERE o.release_id = $2 AND NOT EXISTS (
         SELECT 1 FROM release_rows n WHERE n.release_id = $1 AND n.record_id = o.record_id)
       ORDER BY o.record_id LIMIT $3`),
  ]);

  // The wanted rows of each file, by id and hash; everything else read is dropped at once.
  const collect = async (r: Release, wanted: Map<string, string>) => {
    const found = new Map<string, NormalizedRecord>();
    if (wanted.size === 0) return found;
    for await (const { record, id, hash } of recordsOf(readers, r, false)) {
      if (wanted.get(id) === hash && !found.has(id)) found.set(id, record);
      if (found.size === wanted.size) break;
    }
    return found;
  };
  const newWanted = new Map([...added, ...changed].map((r) => [r.record_id, r.new_hash ?? ""]));
  const oldWanted = new Map([...removed, ...changed].map((r) => [r.record_id, r.old_hash ?? ""]));
  const [newRecords, oldRecords] = await Promise.all([
    collect(release, newWanted),
    collect(against, oldWanted),
  ]);
  const spec = await specs.getSpecification(release.slug, release.specVersion);
  const nameField = nameFieldOf(spec.definition);
  const nameOf = (record: NormalizedRecord | undefined) => {
    const value = nameField === null ? undefined : record?.values[nameField];
    return value === undefined || value === null ? null : String(value);
  };
  const row = (id: string, records: Map<string, NormalizedRecord>): DiffRow => ({
    recordId: id,
    name: nameOf(records.get(id)),
  });
  return {
    release,
    against,
    counts: counts ?? { added: 0, changed: 0, removed: 0 },
    added: added.map((r) => row(r.record_id, newRecords)),
    removed: removed.map((r) => row(r.record_id, oldRecords)),
    changed: changed.map((r) => ({
      ...row(r.record_id, newRecords),
      fields: changedFields(oldRecords.get(r.record_id), newRecords.get(r.record_id)),
    })),
    limit,
  };
}

/** The fields whose values differ, in the order of the later record. */
function changedFields(before: NormalizedRecord | undefined, after: NormalizedRecord | undefined) {
  if (before === undefined || after === undefined) return [];
  const names = [...new Set([...Object.keys(after.values), ...Object.keys(before.values)])];
  return names
    .filter(
      (name) => JSON.stringify(before.values[name] ?? null) !== JSON.stringify(after.values[name] ?? null),
    )
    .map((name) => ({ field: name, from: before.values[name] ?? null, to: after.values[name] ?? null }));
}
