import { ChunkDecoder, type InvalidBytesAction } from "../decode.ts";
import { lowest, sniffDecimalComma, sniffDelimiter, sniffEncoding, SNIFF_BYTES } from "../dialect.ts";
import * as msg from "../messages.ts";
import type { Confidence, Dialect, TextEncoding } from "../types.ts";
import { CsvParser, type CsvStop } from "./csv-parser.ts";
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

  async function* batches(): AsyncGenerator<RowBatch, void, undefined> {
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    let stopped = false;
    const parser = new CsvParser(
      {
        delimiter,
        newline: delimiterGuess.newline,
        maxCellChars: context.limits.maxCellChars,
        maxRowChars: context.limits.maxRowChars,
        maxColumns: context.limits.maxColumns,
      },
      {
        row(cells, rowNumber) {
          rows.push(cells);
          rowNumbers.push(rowNumber);
        },
        oversizeCell(rowNumber, column, length) {
          context.issue(msg.oversizeCell("csv", rowNumber, column, length, context.limits.maxCellChars));
        },
        stop(reason: CsvStop) {
          stopped = true;
          context.issue(msg.csvStop("csv", reason, context.limits), true);
        },
      },
    );
    const mayBe1252 = guess.asciiOnly && overrides.encoding === undefined;
    const decoder = new ChunkDecoder(encoding);
    const sink = {
      text(text: string): void {
        parser.push(text);
      },
      invalid(): InvalidBytesAction {
        if (mayBe1252 && !decoder.nonAscii) {
          // Only ASCII so far, which Windows-1252 reads the same: switch without loss.
          dialect = { ...dialect, encoding: "windows-1252", confidence: "medium" };
          context.issue(msg.encodingSwitched(parser.currentRow));
          return "switch-to-windows-1252";
        }
        context.issue(msg.invalidUtf8(parser.currentRow));
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
        context.issue(msg.nulByte("csv", parser.currentRow), true);
        stopped = true;
      } else decoder.decode(chunk, sink);
      if (rows.length > 0) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
      if (stopped || parser.stopped) {
        await reader.close();
        return;
      }
    }
    // Cut at the byte cap or by a failing source: the last record is not whole.
    if (reader.exceeded || reader.failure !== undefined) return;
    decoder.decode(new Uint8Array(0), sink, true);
    parser.end();
    if (rows.length > 0) yield { rows, rowNumbers };
  }

  return {
    format: "csv",
    dialect: () => dialect,
    batches: batches(),
    bytesRead: () => reader.bytes,
    close: () => reader.close(),
  };
}

function decoderLabel(encoding: TextEncoding): string {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}
