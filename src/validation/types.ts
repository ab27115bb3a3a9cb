import type { AreaGeometry, BBox } from "../registry/types.ts";
import type { LocalizedText } from "../core/errors.ts";

/** The formats the validator reads. */
export const TABLE_FORMATS = ["csv", "json", "geojson", "xlsx"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le" | "utf-16be";
export type Confidence = "high" | "medium" | "low";

/** How a CSV file was written, as sniffed (or given). Non-CSV formats report `delimiter: null`. */
export interface Dialect {
  readonly encoding: TextEncoding | null;
  readonly delimiter: "," | ";" | "\t" | "|" | null;
  readonly decimalComma: boolean;
  /** The lowest confidence of the guesses above; "low" is also reported as a warning. */
  readonly confidence: Confidence;
}

/**
 * The closed set of problem types. Errors make a file invalid; warnings do not.
 * The Frictionless names are kept where Frictionless has the same idea.
 */
export const ISSUE_TYPES = [
  // reading the file
  "source-error",
  "encoding-error",
  "oversize-cell",
  "dialect",
  // header
  "blank-header",
  "duplicate-header",
  "missing-header",
  "extra-header",
  "incorrect-header",
  // row shape
  "blank-row",
  "missing-cell",
  "extra-cell",
  // cells
  "type-error",
  "constraint-error",
  "unique-error",
  "primary-key-error",
  "reference-error",
  "geo-error",
  "decimal-comma",
  "whitespace",
  "outside-organization",
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export type Severity = "error" | "warning";

/** Which constraint a `constraint-error` broke. */
export type ConstraintName =
  "required" | "enum" | "minimum" | "maximum" | "minLength" | "maxLength" | "pattern";

/** A mechanical correction; `automatic` says whether `fix()` applies it. */
export interface Fix {
  readonly value: string | null;
  readonly message: LocalizedText;
  readonly automatic: boolean;
}

export interface Issue {
  readonly type: IssueType;
  readonly severity: Severity;
  readonly constraint?: ConstraintName;
  /** Position in the source: CSV/Excel row (the header is row 1), or the 1-based object of JSON/GeoJSON. */
  readonly rowNumber: number | null;
  readonly fieldName: string | null;
  /** 1-based column in the file. */
  readonly fieldNumber: number | null;
  /** The cell as found (long cells shortened). */
  readonly cell: string | null;
  readonly message: LocalizedText;
  readonly fix?: Fix;
}

export interface SummaryExample {
  readonly rowNumber: number | null;
  readonly cell: string | null;
}

/** Exact counts per field and problem, whatever the cap on the issue lists. */
export interface SummaryEntry {
  readonly severity: Severity;
  readonly fieldName: string | null;
  readonly type: IssueType;
  readonly constraint?: ConstraintName;
  readonly count: number;
  /** The first five occurrences. */
  readonly examples: readonly SummaryExample[];
}

export interface ReportStats {
  /** Data rows read (the header not counted). */
  readonly rows: number;
  /** Fields in the specification. */
  readonly fields: number;
  /** Exact totals, even when the lists below are cut. */
  readonly errors: number;
  readonly warnings: number;
  readonly bytes: number;
  readonly durationMs: number;
}

export interface ValidationReport {
  readonly valid: boolean;
  /** False when a source error stopped reading before the end of the file. */
  readonly complete: boolean;
  readonly format: TableFormat;
  readonly specification: { readonly slug: string; readonly version: string };
  readonly stats: ReportStats;
  readonly dialect: Dialect;
  readonly header: readonly string[];
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** True when `errors` or `warnings` hold fewer items than `stats` counts. */
  readonly truncated: boolean;
  readonly summary: readonly SummaryEntry[];
}

/** Bytes as a Node Readable, a web stream's iterator, or any async iterable of chunks. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array | string;

/** A callback that says whether a point lies inside an organization (undefined: unknown). */
export type PointInOrganization = (code: string, lon: number, lat: number) => boolean | undefined;

/**
 * Organizations' areas by code (kommunkod, länskod), as data: unlike a PointInOrganization
 * callback it can go with the work to a worker thread.
 */
export type OrganizationAreas = ReadonlyMap<string, { readonly geometry: AreaGeometry; readonly bbox: BBox }>;
