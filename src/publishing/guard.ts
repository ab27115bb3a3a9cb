// The removal guard: a release that would remove all of an organization's rows, or more than half
// of them, is held until the publisher confirms; a header-only file is never valid data.
import { AppError } from "../core/index.ts";
import type { Queryable } from "../db/index.ts";
import type { SpecificationDefinition } from "../specs/index.ts";
import type { Issue, ValidationReport } from "../validation/index.ts";
import type { RemovalPreview } from "./types.ts";

/** How many of the rows that would go the confirm page and the 409 answer list. */
export const REMOVED_ROWS_SHOWN = 20;

/** All of them, or more than half. */
export function needsConfirmation(current: number, removed: number): boolean {
  return current > 0 && removed * 2 > current;
}

export async function currentRowCount(
  db: Queryable,
  slug: string,
  organizationCode: string,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2",
    [slug, organizationCode],
  );
  return row?.n ?? 0;
}

/** The field a person knows a row by, when the specification has one. */
export function nameFieldOf(spec: SpecificationDefinition): string | null {
  const names = ["name", "namn", "title"];
  return spec.schema.fields.find((f) => names.includes(f.name))?.name ?? null;
}

/** The first rows of the organization that a held release would remove. */
export async function rowsThatWouldGo(
  db: Queryable,
  target: { readonly slug: string; readonly organizationCode: string; readonly releaseId: string },
  nameField: string | null,
  limit = REMOVED_ROWS_SHOWN,
): Promise<RemovalPreview["removedRows"]> {
  const rows = await db.query<{ record_id: string; name: string | null }>(
    `SELECT d.record_id, CASE WHEN $4::text IS NULL THEN NULL ELSE d.data->>$4::text END AS name
     FROM dataset_rows d
     WHERE d.spec_slug = $1 AND d.organization_code = $2 AND NOT EXISTS (
       SELECT 1 FROM staged_rows s WHERE s.release_id = $3 AND s.record_id = d.record_id)
     ORDER BY d.record_id LIMIT $5`,
    [target.slug, target.organizationCode, target.releaseId, nameField, limit],
  );
  return rows.map((r) => ({ recordId: r.record_id, name: r.name }));
}

/**
 * A header-only file's report as stored: not valid, with the finding that says why. The issue
 * type is the file-level "source-error" (no row can be published from it).
 */
export function withNoRowsFinding(report: ValidationReport): ValidationReport {
  const issue: Issue = {
    type: "source-error",
    severity: "error",
    rowNumber: null,
    fieldName: null,
    fieldNumber: null,
    cell: null,
    message: {
      sv: "Filen innehåller inga rader, bara kolumnrubriker. En fil utan rader publiceras inte. Vill du ta bort organisationens publicerade rader, publicera filen med bekräftelse.",
      en: "The file holds no rows, only column headers. A file without rows is not published. To remove the organization's published rows, publish the file with confirmation.",
    },
  };
  return {
    ...report,
    valid: false,
    errors: [issue, ...report.errors],
    stats: { ...report.stats, errors: report.stats.errors + 1 },
    summary: [
      { severity: "error", fieldName: null, type: "source-error", count: 1, examples: [] },
      ...report.summary,
    ],
  };
}

/** The 409 for a held release: the counts, the rows that would go, and the two ways to confirm. */
export function confirmationRequired(
  preview: RemovalPreview,
  how: { readonly confirmUrl: string; readonly againUrl: string },
): AppError {
  const { current, wouldRemove, wouldAdd } = preview;
  const empty = preview.release.rows.total === 0;
  return new AppError(
    "CONFIRMATION_REQUIRED",
    empty
      ? {
          sv: `Filen innehåller inga rader. Publiceras den tas alla organisationens ${current} rader bort (publiceringen dras tillbaka). Ingenting har ändrats. Bekräfta med POST ${how.confirmUrl}, eller skicka filen igen med confirm=removals.`,
          en: `The file holds no rows. Publishing it removes all of the organization's ${current} rows (the publication is withdrawn). Nothing has changed. Confirm with POST ${how.confirmUrl}, or send the file again with confirm=removals.`,
        }
      : {
          sv: `Filen skulle ta bort ${wouldRemove} av organisationens ${current} rader (och lägga till ${wouldAdd}). Ingenting har ändrats. Bekräfta med POST ${how.confirmUrl}, eller skicka filen igen med confirm=removals.`,
          en: `The file would remove ${wouldRemove} of the organization's ${current} rows (and add ${wouldAdd}). Nothing has changed. Confirm with POST ${how.confirmUrl}, or send the file again with confirm=removals.`,
        },
    {
      details: {
        release: preview.release.id,
        current,
        wouldRemove,
        wouldAdd,
        removedRows: preview.removedRows,
        confirm: { method: "POST", url: how.confirmUrl, orAgainWith: `${how.againUrl}?confirm=removals` },
      },
    },
  );
}

/** Confirming a held release once another release became current: the counts no longer hold. */
export function changedMeanwhile(releaseId: string): AppError {
  return new AppError(
    "CONFLICT",
    {
      sv: `Releasen ${releaseId} kan inte bekräftas längre: en annan version har blivit gällande sedan den hölls kvar. Ingenting har ändrats. Publicera filen igen för att se vad den skulle ändra nu.`,
      en: `Release ${releaseId} can no longer be confirmed: another version became current after it was held. Nothing has changed. Publish the file again to see what it would change now.`,
    },
    { details: { release: releaseId } },
  );
}
