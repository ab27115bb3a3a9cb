import type { Dialect, Issue, TableFormat, TextEncoding } from "../types.ts";
import type { Delimiter } from "../dialect.ts";
import type { CsvParserOptions } from "./csv-parser.ts";
import type { RecordBlock } from "./csv-records.ts";

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
  /**
   * Excel: the most bytes the sheet or the shared strings may unpack to. Counted as they are
   * inflated (the sizes a zip declares are not trusted), so a zip bomb stops here.
   */
  readonly maxXlsxEntryBytes: number;
  /** Excel: the same for the small parts (workbook, relationships, styles). */
  readonly maxXlsxPartBytes: number;
  /** Excel: shared strings are held in memory for the sheet: at most this many strings… */
  readonly maxXlsxSharedStrings: number;
  /** …of at most this many bytes of text in all (as UTF-8). */
  readonly maxXlsxSharedStringBytes: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxCellChars: 1024 * 1024,
  maxRowChars: 2 * 1024 * 1024,
  maxColumns: 1000,
  maxDepth: 32,
  maxXlsxEntryBytes: 512 * 1024 * 1024,
  maxXlsxPartBytes: 16 * 1024 * 1024,
  maxXlsxSharedStrings: 2_000_000,
  maxXlsxSharedStringBytes: 64 * 1024 * 1024,
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

/** CSV as blocks of whole records, to be parsed apart (see RecordSplitter), with the parser's settings. */
export interface RecordBlocks {
  readonly blocks: AsyncIterable<RecordBlock>;
  readonly parser: CsvParserOptions;
  /** Hands back a block that is done with: its memory takes a later block. */
  release(block: RecordBlock): void;
}

/**
 * A table being read: its format, its dialect (final once the rows are read) and its rows, as
 * parsed batches or, for CSV, as record blocks. Only one of the two may be read.
 */
export interface OpenedTable {
  readonly format: TableFormat;
  dialect(): Dialect;
  readonly batches: AsyncIterable<RowBatch>;
  readonly records?: (blockBytes: number) => RecordBlocks;
  bytesRead(): number;
  close(): Promise<void>;
}
