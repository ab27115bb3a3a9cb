import type { Queryable } from "../db/index.ts";
import type { AuditEntry, AuditEntryInput } from "./types.ts";

/** Records one audit row on the given connection, so it commits (or not) with the write it describes. */
export async function recordAudit(db: Queryable, entry: AuditEntryInput): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor, action, object, from_address, details)
     VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [
      entry.actor,
      entry.action,
      entry.object ?? null,
      entry.fromAddress ?? null,
      entry.details === undefined || entry.details === null ? null : JSON.stringify(entry.details),
    ],
  );
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  object: string | null;
  from_address: string | null;
  details: Record<string, unknown> | null;
}

export async function readAudit(db: Queryable, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `SELECT id::text AS id, at, actor, action, object, from_address, details
     FROM audit_log ORDER BY audit_log.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    object: row.object,
    fromAddress: row.from_address,
    details: row.details,
  }));
}
