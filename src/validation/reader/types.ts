import type { Dialect, Issue, TableFormat, TextEncoding } from "../types.ts";
import type { Delimiter } from "../dialect.ts";

/**
 * Rows in batches (one per source chunk) so the consumer's loop runs without an await per row.
 * The first row a reader yields is the header.
 */
export interface RowBatch {
  readonly rows: readonly (readonly string[])[];
  /** Source position of each row: CSV/Excel row (header = 1), or the JSON object's index. */
  readonly rowNumbers: readonly number[];
}

export interface ReaderLimits {
  /** A cell longer than this is reported (1 MiB by default). */
  readonly maxCellChars: number;
  /** An unfinished record longer than this stops reading (an unclosed quote, most likely). */
  readonly maxRowChars: number;
  /** More columns than this stops reading at the header. */
  readonly maxColumns: number;
  /** JSON nesting deeper than this is refused. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxCellChars: 1024 * 1024,
  maxRowChars: 2 * 1024 * 1024,
  maxColumns: 1000,
  maxDepth: 32,
};

/** Where readers report what they find; `fatal` issues end reading. */
export interface ReaderContext {
  readonly limits: ReaderLimits;
  issue(issue: Issue, fatal?: boolean): void;
}

export interface DialectOverrides {
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  readonly decimalComma?: boolean;
}

/** For GeoJSON: which columns a Point's coordinates fill. */
export interface CoordinateColumns {
  readonly x: string;
  readonly y: string;
  /** The coordinate system the columns expect (EPSG:4326 for latitude/longitude). */
  readonly crs: string;
  /** A column to name the coordinate system in, when the specification has one. */
  readonly crsColumn?: string;
}

export interface OpenTableOptions extends DialectOverrides {
  readonly format?: TableFormat;
  /** JSON/GeoJSON: columns every row has whether or not the first object has the key. */
  readonly expectedColumns?: readonly string[];
  readonly maxBytes?: number;
  readonly limits?: Partial<ReaderLimits>;
  readonly coordinates?: CoordinateColumns;
}

/** A table being read: its format, its dialect (final once the rows are read) and its rows. */
export interface OpenedTable {
  readonly format: TableFormat;
  dialect(): Dialect;
  readonly batches: AsyncIterable<RowBatch>;
  bytesRead(): number;
  close(): Promise<void>;
}
