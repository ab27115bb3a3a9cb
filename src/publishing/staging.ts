import { createHash } from "node:crypto";
import { foldForSearch } from "../core/index.ts";
import { yieldToLoop } from "../consolidation/index.ts";
import type { Queryable } from "../db/index.ts";
import type { SpecificationDefinition } from "../specs/index.ts";
import type { NormalizedRecord } from "../validation/index.ts";

/** Where a row lies: its municipality and län. */
export type Placement = (record: NormalizedRecord) => { kommun: string | null; lan: string | null };

const SEARCH_CHARS = 4000;

/**
 * The row's key within its organization's data: the specification's primary key without the
 * organization column, parts joined by ":" (a ":" or "%" inside a part is percent-encoded, so
 * two different keys never give the same id).
 */
export function recordIdOf(spec: SpecificationDefinition): (record: NormalizedRecord) => string {
  const pk = spec.schema.primaryKey;
  const names = (pk === undefined ? [] : typeof pk === "string" ? [pk] : pk).filter(
    (name) => spec.schema.fields.find((f) => f.name === name)?.reference !== "organization",
  );
  if (names.length === 0) return (record) => String(record.rowNumber);
  if (names.length === 1) {
    const [name = ""] = names;
    return (record) => String(record.values[name] ?? "");
  }
  return (record) =>
    names.map((name) => String(record.values[name] ?? "").replace(/[%:]/g, encodeURIComponent)).join(":");
}

/** A row's content hash: what a diff compares to tell a changed row from an unchanged one. */
export function rowHashOf(record: NormalizedRecord, data = JSON.stringify(record.values)): string {
  return createHash("sha256")
    .update(`${data}|${String(record.latitude)}|${String(record.longitude)}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * Loads a release's records into staged_rows, one batch per statement: no long transaction holds
 * the database while a big file is read. Returns how many rows were staged.
 */
export async function stageRecords(
  db: Queryable,
  releaseId: string,
  spec: SpecificationDefinition,
  batches: AsyncIterable<NormalizedRecord[]>,
  place: Placement,
): Promise<number> {
  const idOf = recordIdOf(spec);
  const textFields = spec.schema.fields
    .filter((f) => f.type === "string" && f.reference !== "organization" && f.format === undefined)
    .map((f) => f.name);
  let staged = 0;
  for await (const batch of batches) {
    const rows = batch.map((record) => {
      const data = JSON.stringify(record.values);
      const text = textFields
        .map((name) => record.values[name])
        .filter((value): value is string => typeof value === "string" && value !== "")
        .join(" ")
        .slice(0, SEARCH_CHARS);
      const { kommun, lan } = place(record);
      return {
        record_id: idOf(record),
        source_row: record.rowNumber,
        kommun_code: kommun,
        lan_code: lan,
        latitude: record.latitude,
        longitude: record.longitude,
        data: record.values,
        row_hash: rowHashOf(record, data),
        search_text: text,
        search_folded: foldForSearch(text),
      };
    });
    const [inserted] = await db.query<{ n: number }>(
      `WITH added AS (
         INSERT INTO staged_rows (release_id, record_id, source_row, kommun_code, lan_code, latitude, longitude,
           data, row_hash, search_text, search_folded)
         SELECT $1, x.record_id, x.source_row, x.kommun_code, x.lan_code, x.latitude, x.longitude, x.data,
           x.row_hash, x.search_text, x.search_folded
         FROM jsonb_to_recordset($2::jsonb) AS x(record_id text, source_row int, kommun_code text, lan_code text,
           latitude double precision, longitude double precision, data jsonb, row_hash text, search_text text,
           search_folded text)
         ON CONFLICT (release_id, record_id) DO NOTHING
         RETURNING 1
       ) SELECT count(*)::int AS n FROM added`,
      [releaseId, JSON.stringify(rows)],
    );
    staged += inserted?.n ?? 0;
    // On PGlite the batch ran on this thread: let requests in before reading the next one.
    await yieldToLoop();
  }
  return staged;
}
