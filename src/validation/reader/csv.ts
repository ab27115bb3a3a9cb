import { isAscii, isUtf8 } from "node:buffer";
import { ChunkDecoder, type InvalidBytesAction } from "../decode.ts";
import { lowest, sniffDecimalComma, sniffDelimiter, sniffEncoding, SNIFF_BYTES } from "../dialect.ts";
import * as msg from "../messages.ts";
import type { Confidence, Dialect, TextEncoding } from "../types.ts";
import { CsvParser, type CsvParserEvents, type CsvParserOptions, type CsvStop } from "./csv-parser.ts";
import { recordsBefore, RecordSplitter, type RecordBlock, type RecordBytes } from "./csv-records.ts";
import type { ByteReader } from "./source.ts";
import type { DialectOverrides, OpenedTable, ReaderContext, RowBatch } from "./types.ts";

/** Sniffs the dialect from the first bytes, then streams rows in one batch per chunk. */
export async function openCsv(
  reader: ByteReader,
  context: ReaderContext,
  overrides: DialectOverrides,
): Promise<OpenedTable> {
  const { sample, final } = await reader.sample(SNIFF_BYTES);
  const guess = sniffEncoding(sample, final);
  const encoding: TextEncoding = overrides.encoding ?? guess.encoding;
  const encodingConfidence: Confidence = overrides.encoding === undefined ? guess.confidence : "high";
  const sampleText = new TextDecoder(decoderLabel(encoding)).decode(sample.subarray(guess.bom));
  const delimiterGuess = sniffDelimiter(sampleText, final);
  const delimiter = overrides.delimiter ?? delimiterGuess.delimiter;
  const decimalGuess = sniffDecimalComma(sampleText, delimiter);
  let dialect: Dialect = {
    encoding,
    delimiter,
    decimalComma: overrides.decimalComma ?? decimalGuess.decimalComma,
    confidence: lowest(
      encodingConfidence,
      overrides.delimiter === undefined ? delimiterGuess.confidence : "high",
      overrides.decimalComma === undefined ? decimalGuess.confidence : "high",
    ),
  };
  if (overrides.encoding === undefined && guess.confidence === "low") {
    context.issue(msg.encodingGuess(encoding));
  }
  if (overrides.delimiter === undefined && delimiterGuess.confidence === "low" && !final) {
    context.issue(msg.delimiterGuess(delimiter));
  }

  const parserOptions: CsvParserOptions = {
    delimiter,
    newline: delimiterGuess.newline,
    maxCellChars: context.limits.maxCellChars,
    maxRowChars: context.limits.maxRowChars,
    maxColumns: context.limits.maxColumns,
  };

  const utf16 = encoding === "utf-16le" || encoding === "utf-16be";
  const mayBe1252 = guess.asciiOnly && overrides.encoding === undefined;

  /**
   * What invalid UTF-8 at `row` leads to: when everything before was ASCII (and no encoding was
   * asked for), the file is read as Windows-1252 from there, without loss; else the bytes are
   * replaced, and reported.
   */
  function invalidBytes(nonAsciiBefore: boolean, row: number): InvalidBytesAction {
    if (mayBe1252 && !nonAsciiBefore) {
      dialect = { ...dialect, encoding: "windows-1252", confidence: "medium" };
      context.issue(msg.encodingSwitched(row));
      return "switch-to-windows-1252";
    }
    context.issue(msg.invalidUtf8(row));
    return "replace";
  }

  /**
   * Hands the bytes after the byte-order mark to `consumer.bytes`, yielding after each chunk;
   * returns true when the whole file was read (so the consumer may finish its last record).
   */
  async function* read(consumer: ByteConsumer): AsyncGenerator<undefined, boolean, undefined> {
    let skip = overrides.encoding === undefined || overrides.encoding === guess.encoding ? guess.bom : 0;
    const units = { odd: false, lastZero: false };
    for await (let chunk of reader.chunks()) {
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        chunk = chunk.subarray(cut);
        skip -= cut;
      }
      // NUL never occurs in text: the file is binary (or UTF-16 without a byte-order mark). In
      // UTF-16 it is a code unit of two zero bytes, which no database text column can store.
      const nul = utf16 ? utf16Nul(chunk, units) : chunk.indexOf(0);
      if (nul >= 0) {
        consumer.bytes(chunk.subarray(0, nul));
        context.issue(msg.nulByte("csv", consumer.currentRow()), true);
        yield;
        await reader.close();
        return false;
      }
      consumer.bytes(chunk);
      yield;
      if (consumer.stopped()) {
        await reader.close();
        return false;
      }
    }
    // Cut at the byte cap or by a failing source: the last record is not whole.
    return !reader.exceeded && reader.failure === undefined;
  }

  async function* batches(): AsyncGenerator<RowBatch, void, undefined> {
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    const parser = new CsvParser(
      parserOptions,
      parseEvents(context, (cells, rowNumber) => {
        rows.push(cells);
        rowNumbers.push(rowNumber);
      }),
    );
    const decoder = new ChunkDecoder(encoding);
    const sink = {
      text: (text: string) => parser.push(text),
      invalid: () => invalidBytes(decoder.nonAscii, parser.currentRow),
    };
    const reading = read({
      bytes: (chunk) => decoder.decode(chunk, sink),
      currentRow: () => parser.currentRow,
      stopped: () => parser.stopped,
    });
    let step = await reading.next();
    for (; !step.done; step = await reading.next()) {
      if (rows.length > 0) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
    }
    if (step.value) {
      decoder.decode(new Uint8Array(0), sink, true);
      parser.end();
    }
    if (rows.length > 0) yield { rows, rowNumbers };
  }

  async function* blocks(splitter: RecordSplitter): AsyncGenerator<RecordBlock, void, undefined> {
    // UTF-16 is re-encoded as UTF-8, which the splitter and the workers read.
    const fromUtf16 = utf16 ? new ChunkDecoder(encoding) : undefined;
    const encoder = new TextEncoder();
    const replacing = new TextDecoder("utf-8", { ignoreBOM: true });
    let nonAscii = false;
    let ready: RecordBlock[] = [];
    const cut = { overlong: false };
    const charCount = (bytes: Uint8Array): number =>
      dialect.encoding === "windows-1252" ? bytes.length : replacing.decode(bytes).length;

    /** A block's encoding; UTF-8 that is not valid is decoded here, so its problems are reported. */
    const encoded = (block: RecordBytes): RecordBlock => {
      if (dialect.encoding === "windows-1252") return { ...block, encoding: "windows-1252" };
      if (utf16 || isUtf8(block.bytes)) {
        nonAscii ||= !utf16 && !isAscii(block.bytes);
        return { ...block, encoding: "utf-8" };
      }
      const decoder = new ChunkDecoder("utf-8");
      decoder.nonAscii = nonAscii;
      const parts: string[] = [];
      decoder.decode(
        block.bytes,
        {
          text: (text) => parts.push(text),
          invalid: (at) =>
            invalidBytes(
              decoder.nonAscii,
              block.firstRow + recordsBefore(block.bytes, at, delimiter, delimiterGuess.newline),
            ),
        },
        true,
      );
      nonAscii = decoder.nonAscii;
      return { ...block, bytes: encoder.encode(parts.join("")), encoding: "utf-8" };
    };
    const push = (bytes: Uint8Array): void => {
      if (cut.overlong) return;
      const block = splitter.push(bytes);
      if (block !== undefined) ready.push(encoded(block));
      // An overlong record is the last block: parsing it stops reading, as the parser would.
      const flushed = splitter.flushOverlong(context.limits.maxRowChars, charCount);
      cut.overlong = flushed.length > 0;
      for (const b of flushed) ready.push(encoded(b));
    };
    const toUtf8 = {
      text: (text: string) => push(encoder.encode(text)),
      invalid: () => "replace" as const, // UTF-16 decoders replace by themselves
    };
    const reading = read({
      bytes: (chunk) => (fromUtf16 === undefined ? push(chunk) : fromUtf16.decode(chunk, toUtf8)),
      currentRow: () => splitter.currentRow,
      stopped: () => cut.overlong,
    });
    let step = await reading.next();
    for (; !step.done; step = await reading.next()) {
      const out = ready;
      ready = [];
      yield* out;
    }
    if (step.value) fromUtf16?.decode(new Uint8Array(0), toUtf8, true);
    yield* ready;
    if (cut.overlong) return;
    // Cut short (a NUL byte, the byte cap, a failing source): the whole records read still count.
    const last = step.value ? splitter.finish() : splitter.flush();
    if (last !== undefined) yield encoded(last);
  }

  return {
    format: "csv",
    dialect: () => dialect,
    batches: batches(),
    records: (blockBytes) => {
      const splitter = new RecordSplitter(delimiter, delimiterGuess.newline, blockBytes);
      return { blocks: blocks(splitter), parser: parserOptions, release: (b) => splitter.release(b) };
    },
    bytesRead: () => reader.bytes,
    close: () => reader.close(),
  };
}

/** The parser's events for rows going to `row`; its problems go to the context as issues. */
export function parseEvents(context: ReaderContext, row: CsvParserEvents["row"]): CsvParserEvents {
  return {
    row,
    oversizeCell(rowNumber, column, length) {
      context.issue(msg.oversizeCell("csv", rowNumber, column, length, context.limits.maxCellChars));
    },
    stop(reason: CsvStop) {
      context.issue(msg.csvStop("csv", reason, context.limits), true);
    },
  };
}

interface ByteConsumer {
  bytes(chunk: Uint8Array): void;
  /** The row being read, for issues found while decoding. */
  currentRow(): number;
  stopped(): boolean;
}

function decoderLabel(encoding: TextEncoding): string {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}

/**
 * Where a U+0000 code unit starts in a UTF-16 chunk (-1: none), 0 when it began in the previous
 * chunk; `units` carries the alignment and the last byte across chunks.
 */
function utf16Nul(chunk: Uint8Array, units: { odd: boolean; lastZero: boolean }): number {
  let found = -1;
  if (units.odd && units.lastZero && chunk[0] === 0) found = 0;
  for (let i = units.odd ? 1 : 0; found < 0 && i + 1 < chunk.length; i += 2) {
    if (chunk[i] === 0 && chunk[i + 1] === 0) found = i;
  }
  if (chunk.length > 0) {
    units.odd = (chunk.length % 2 === 1) !== units.odd;
    units.lastZero = chunk[chunk.length - 1] === 0;
  }
  return found;
}
