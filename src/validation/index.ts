// Validation: readers (CSV with dialect sniffing, JSON, GeoJSON, Excel), the validator against a
// specification, the report and its plain-text summary, and the mechanical fixer.
export { validate, type ValidateOptions } from "./validator.ts";
export { prepareValidationWorkers } from "./parallel.ts";
export { fix, type FixOptions, type FixChanges, type FixedCsv } from "./fix.ts";
export { renderSummary } from "./render.ts";
export {
  openTable,
  type OpenedTable,
  type OpenTableOptions,
  type RowBatch,
  type TableSink,
} from "./reader/index.ts";
export { DEFAULT_LIMITS, type ReaderLimits } from "./reader/types.ts";
export { checkPatterns } from "./fields.ts";
export { patternProblem, compilePattern, PATTERN_VALUE_CAP, type PatternProblem } from "../specs/pattern.ts";
export { checkOrganization, restoreLeadingZero, type OrganizationVerdict } from "./organization.ts";
export { parseCrs, toWgs84, fromWgs84, inSweden, SWEDEN, PROJECTED_CRS } from "./geo.ts";
export type {
  ByteSource,
  Confidence,
  ConstraintName,
  Dialect,
  Fix,
  Issue,
  IssueType,
  OrganizationAreas,
  PointInOrganization,
  ReportStats,
  Severity,
  SummaryEntry,
  SummaryExample,
  TableFormat,
  TextEncoding,
  ValidationReport,
} from "./types.ts";
export { ISSUE_TYPES, TABLE_FORMATS } from "./types.ts";
export { ValidationService, type ValidationRequest } from "./service.ts";
export { readRecords, type NormalizedRecord, type ReadRecordsOptions, type RecordValue } from "./records.ts";
export { RowSet } from "./row-set.ts";
