// What becomes of a validated file: published, the valid rows only, or rejected.
import type { ValidationReport } from "../validation/index.ts";
import type { PublishRequest, ReleaseStatus } from "./types.ts";

/** Problems with the file as a whole: no row can be trusted, so not even the valid rows are published. */
const FILE_LEVEL_ERRORS: ReadonlySet<string> = new Set([
  "source-error",
  "blank-header",
  "duplicate-header",
  "missing-header",
  "incorrect-header",
]);

/**
 * Whether a file with errors could have its valid rows published (mode=valid-rows): it was read to
 * the end and no error concerns the file as a whole.
 */
export function validRowsPublishable(report: ValidationReport): boolean {
  return (
    report.complete && !report.summary.some((s) => s.severity === "error" && FILE_LEVEL_ERRORS.has(s.type))
  );
}

/** Valid: publish. Errors: publish the valid rows only if asked and the file as a whole is sound. */
export function decide(report: ValidationReport, mode: PublishRequest["mode"]): ReleaseStatus {
  if (report.valid) return "published";
  if (mode !== "valid-rows") return "rejected";
  return validRowsPublishable(report) ? "partial" : "rejected";
}
