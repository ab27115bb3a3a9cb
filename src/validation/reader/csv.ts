import { ChunkDecoder, type InvalidBytesAction } from "../decode.ts";
import { lowest, sniffDecimalComma, sniffDelimiter, sniffEncoding, SNIFF_BYTES } from "../dialect.ts";
import * as msg from "../messages.ts";
import type { Confidence, Dialect, TextEncoding } from "../types.ts";
import { CsvParser, type CsvParserEvents, type CsvParserOptions, type CsvStop } from "./csv-parser.ts";
import { RecordSplitter, type RecordBlock } from "./csv-records.ts";
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

  /**
   * Decodes the bytes into `consumer.text`, yielding after each chunk; returns true when the
   * whole file was read (so the consumer may finish its last record).
   */
  async function* decode(consumer: TextConsumer): AsyncGenerator<undefined, boolean, undefined> {
    const mayBe1252 = guess.asciiOnly && overrides.encoding === undefined;
    const decoder = new ChunkDecoder(encoding);
    const sink = {
      text(text: string): void {
        consumer.text(text);
      },
      invalid(): InvalidBytesAction {
        if (mayBe1252 && !decoder.nonAscii) {
          // Only ASCII so far, which Windows-1252 reads the same: switch without loss.
          dialect = { ...dialect, encoding: "windows-1252", confidence: "medium" };
          context.issue(msg.encodingSwitched(consumer.currentRow()));
          return "switch-to-windows-1252";
        }
        context.issue(msg.invalidUtf8(consumer.currentRow()));
        return "replace";
      },
    };
    const utf16 = encoding === "utf-16le" || encoding === "utf-16be";
    let skip = overrides.encoding === undefined || overrides.encoding === guess.encoding ? guess.bom : 0;
    for await (let chunk of reader.chunks()) {
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        chunk = chunk.subarray(cut);
        skip -= cut;
      }
      // NUL never occurs in text: the file is binary (or UTF-16 without a byte-order mark).
      const nul = utf16 ? -1 : chunk.indexOf(0);
      if (nul >= 0) {
        decoder.decode(chunk.subarray(0, nul), sink);
        context.issue(msg.nulByte("csv", consumer.currentRow()), true);
        yield;
        await reader.close();
        return false;
      }
      decoder.decode(chunk, sink);
      yield;
      if (consumer.stopped()) {
        await reader.close();
        return false;
      }
    }
    // Cut at the byte cap or by a failing source: the last record is not whole.
    if (reader.exceeded || reader.failure !== undefined) return false;
    decoder.decode(new Uint8Array(0), sink, true);
    return true;
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
    const reading = decode({
      text: (text) => parser.push(text),
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
    if (step.value) parser.end();
    if (rows.length > 0) yield { rows, rowNumbers };
  }

  async function* blocks(blockChars: number): AsyncGenerator<RecordBlock, void, undefined> {
    const splitter = new RecordSplitter(delimiter, delimiterGuess.newline, blockChars);
    let ready: RecordBlock[] = [];
    // An overlong record is the last block: parsing it stops reading, as the parser would.
    const cut = { overlong: false };
    const reading = decode({
      text(text) {
        if (cut.overlong) return;
        const block = splitter.push(text);
        if (block !== undefined) ready.push(block);
        const flushed = splitter.flushOverlong(context.limits.maxRowChars);
        cut.overlong = flushed.length > 0;
        ready.push(...flushed);
      },
      currentRow: () => splitter.currentRow,
      stopped: () => cut.overlong,
    });
    let step = await reading.next();
    for (; !step.done; step = await reading.next()) {
      const out = ready;
      ready = [];
      yield* out;
    }
    yield* ready;
    if (cut.overlong) return;
    // Cut short (a NUL byte, the byte cap, a failing source): the whole records read still count.
    const last = step.value ? splitter.end() : splitter.flush();
    if (last !== undefined) yield last;
  }

  return {
    format: "csv",
    dialect: () => dialect,
    batches: batches(),
    records: (blockChars) => ({ blocks: blocks(blockChars), parser: parserOptions }),
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

interface TextConsumer {
  text(text: string): void;
  /** The row being read, for issues found while decoding. */
  currentRow(): number;
  stopped(): boolean;
}

function decoderLabel(encoding: TextEncoding): string {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}
