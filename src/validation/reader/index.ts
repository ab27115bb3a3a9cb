import * as msg from "../messages.ts";
import type { ByteSource, Dialect, Issue, TableFormat } from "../types.ts";
import { openCsv } from "./csv.ts";
import { openJson } from "./json.ts";
import { ByteReader } from "./source.ts";
import {
  DEFAULT_LIMITS,
  type OpenedTable,
  type OpenTableOptions,
  type ReaderContext,
  type RowBatch,
} from "./types.ts";
import { openXlsx } from "./xlsx.ts";

export type { OpenedTable, OpenTableOptions, RowBatch } from "./types.ts";

export interface TableSink {
  issue(issue: Issue, fatal: boolean): void;
}

const NO_ROWS: AsyncIterable<RowBatch> = {
  [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
};

/**
 * Opens a table from bytes: the format is the one given, or sniffed from the first bytes
 * (zip → xlsx; `{` → GeoJSON; `[` → JSON; else CSV). Problems go to `sink`; a fatal one ends the rows.
 */
export async function openTable(
  source: ByteSource,
  sink: TableSink,
  options: OpenTableOptions = {},
): Promise<OpenedTable> {
  const reader = new ByteReader(source, options.maxBytes);
  const context: ReaderContext = {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    issue: (issue, fatal = false) => sink.issue(issue, fatal),
  };
  const { sample, final } = await reader.sample(1024);
  const failed = (issue: Issue, format: TableFormat = options.format ?? "csv"): OpenedTable => {
    sink.issue(issue, true);
    void reader.close();
    return emptyTable(format, reader);
  };
  if (reader.failure !== undefined && sample.length === 0)
    return failed(msg.unreadable(reader.failure.message));
  if (sample.length === 0 || (final && isBlank(sample))) return failed(msg.emptyFile());
  const sniffed = sniffFormat(sample);
  if (typeof sniffed === "object") return failed(sniffed);
  const format = options.format ?? sniffed;
  const table = await open(format, reader, context, options);
  const records = table.records;
  return {
    ...table,
    batches: capped(table.batches, reader, sink, options.maxBytes),
    ...(records === undefined
      ? {}
      : {
          records: (blockBytes: number) => {
            const opened = records(blockBytes);
            return { ...opened, blocks: capped(opened.blocks, reader, sink, options.maxBytes) };
          },
        }),
  };
}

function open(
  format: TableFormat,
  reader: ByteReader,
  context: ReaderContext,
  options: OpenTableOptions,
): Promise<OpenedTable> | OpenedTable {
  switch (format) {
    case "csv":
      return openCsv(reader, context, options);
    case "json":
    case "geojson":
      return openJson(reader, context, {
        format,
        expectedColumns: options.expectedColumns ?? [],
        ...(options.coordinates === undefined ? {} : { coordinates: options.coordinates }),
      });
    case "xlsx":
      return openXlsx(reader, context);
  }
}

/** Ends the rows with a fatal issue when the byte cap cut the file short. */
async function* capped<T>(
  batches: AsyncIterable<T>,
  reader: ByteReader,
  sink: TableSink,
  maxBytes: number | undefined,
): AsyncGenerator<T, void, undefined> {
  yield* batches;
  if (reader.exceeded && maxBytes !== undefined) sink.issue(msg.tooLarge(maxBytes), true);
  if (reader.failure !== undefined) sink.issue(msg.unreadable(reader.failure.message.slice(0, 200)), true);
}

function sniffFormat(sample: Uint8Array): TableFormat | Issue {
  const [a, b, c, d] = sample;
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return "xlsx";
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return msg.binaryFile("xls");
  if (a === 0x25 && b === 0x50 && c === 0x44 && d === 0x46) return msg.binaryFile("pdf");
  const utf16 = (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
  if (!utf16 && looksBinary(sample)) return msg.binaryFile("nul");
  let i = a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
  while (
    i < sample.length &&
    (sample[i] === 0x20 || sample[i] === 0x09 || sample[i] === 0x0a || sample[i] === 0x0d)
  )
    i++;
  if (sample[i] === 0x7b) return "geojson";
  if (sample[i] === 0x5b) return "json";
  return "csv";
}

/**
 * A NUL right at the start, or after control bytes no text has: a binary file. A NUL after
 * ordinary text is left to the reader, which reports it with its row.
 */
function looksBinary(sample: Uint8Array): boolean {
  const nul = sample.subarray(0, 512).indexOf(0);
  if (nul < 0) return false;
  if (nul < 32) return true;
  for (let i = 0; i < nul; i++) {
    const b = sample[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

function isBlank(sample: Uint8Array): boolean {
  let start = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  for (; start < sample.length; start++) {
    const byte = sample[start];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

function emptyTable(format: TableFormat, reader: ByteReader): OpenedTable {
  const dialect: Dialect = { encoding: null, delimiter: null, decimalComma: false, confidence: "high" };
  return {
    format,
    dialect: () => dialect,
    batches: NO_ROWS,
    bytesRead: () => reader.bytes,
    close: () => reader.close(),
  };
}

export { ByteReader } from "./source.ts";
export { DEFAULT_LIMITS } from "./types.ts";
