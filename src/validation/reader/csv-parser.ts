/**
 * An RFC 4180 parser over decoded text, fed chunk by chunk. Hand-written rather than papaparse:
 * it finds delimiters and line ends with native `indexOf` instead of a per-character step, takes
 * the caps the platform needs (cell size, unfinished record size, column count) without buffering
 * past them, and knows the row where an unclosed quote began.
 *
 * Records split across chunks are kept as text and parsed again once the next chunk arrives; the
 * unfinished record is capped, so a quote that never closes stops reading at the cap.
 */

import type { BlockEncoding, RecordBlock } from "./csv-records.ts";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvParserOptions {
  readonly delimiter: string;
  readonly newline: "\n" | "\r";
  readonly maxCellChars: number;
  readonly maxRowChars: number;
  readonly maxColumns: number;
}

export type CsvStop =
  | { readonly kind: "unclosed-quote"; readonly rowNumber: number; readonly column: number }
  | { readonly kind: "row-too-long"; readonly rowNumber: number }
  | { readonly kind: "too-many-columns"; readonly rowNumber: number; readonly columns: number };

export interface CsvParserEvents {
  row(cells: string[], rowNumber: number): void;
  oversizeCell(rowNumber: number, column: number, length: number): void;
  stop(reason: CsvStop): void;
}

export class CsvParser {
  /** Rows emitted so far; the record being read is `rowNumber + 1`. */
  rowNumber = 0;
  stopped = false;
  private carry = "";
  private readonly delimiter: string;
  private readonly delimCode: number;
  private readonly newline: string;
  private readonly newlineCode: number;
  /** Column of the quote left open at the end of the text parsed last (0 when none). */
  private openQuoteColumn = 0;

  constructor(
    private readonly options: CsvParserOptions,
    private readonly events: CsvParserEvents,
    /** Rows before the first one this parser sees (a block starting mid-file). */
    rowsBefore = 0,
  ) {
    this.rowNumber = rowsBefore;
    this.delimiter = options.delimiter;
    this.delimCode = options.delimiter.charCodeAt(0);
    this.newline = options.newline;
    this.newlineCode = options.newline.charCodeAt(0);
  }

  /** The row a problem found now belongs to: the record being read. */
  get currentRow(): number {
    return this.rowNumber + 1;
  }

  push(text: string): void {
    if (this.stopped) return;
    let buffer = text;
    let from = 0;
    if (this.carry.length > 0) {
      // Finish the carried record on its own first: joining it to the whole chunk would copy the
      // chunk (a flattened cons string) on every push.
      const nl = text.indexOf(this.newline);
      const head = nl < 0 ? "" : this.carry + text.slice(0, nl + 1);
      if (nl >= 0 && this.parse(head, false, 0) === head.length) {
        if (this.halted()) return;
        from = nl + 1;
      } else {
        if (this.halted()) return;
        buffer = this.carry + text;
      }
    }
    const consumed = this.parse(buffer, false, from);
    if (this.halted()) return;
    this.carry = consumed === 0 ? buffer : buffer.slice(consumed);
    if (this.carry.length > this.options.maxRowChars) {
      const rowNumber = this.rowNumber + 1;
      this.stop(
        this.openQuoteColumn > 0
          ? { kind: "unclosed-quote", rowNumber, column: this.openQuoteColumn }
          : { kind: "row-too-long", rowNumber },
      );
    }
  }

  /** Length of the unfinished record held until more text comes. */
  get pendingChars(): number {
    return this.carry.length;
  }

  /** Read through a method: TypeScript keeps `this.stopped` narrowed across calls that set it. */
  private halted(): boolean {
    return this.stopped;
  }

  end(): void {
    if (this.stopped) return;
    const buffer = this.carry;
    this.carry = "";
    if (buffer.length > 0) this.parse(buffer, true, 0);
  }

  private stop(reason: CsvStop): void {
    this.stopped = true;
    this.carry = "";
    this.events.stop(reason);
  }

  /** Parses whole records from `s`; returns where the first unfinished record starts. */
  private parse(s: string, final: boolean, from: number): number {
    const n = s.length;
    const D = this.delimCode;
    const NL = this.newlineCode;
    const crlf = NL === LF;
    const { maxCellChars, maxColumns } = this.options;
    const cellCap = maxColumns + 1;
    let pos = from;
    // Next delimiter / newline at or after pos: -1 when there is none left in s.
    let nextD = -2;
    let nextNl = -2;
    this.openQuoteColumn = 0;
    while (pos < n) {
      const recordStart = pos;
      const cells: string[] = [];
      let extra = 0;
      for (;;) {
        let value: string;
        if (pos < n && s.charCodeAt(pos) === QUOTE) {
          // Quoted field: up to the quote not followed by another; "" is a literal quote.
          let q = pos + 1;
          let segment = q;
          value = "";
          let closed = false;
          for (;;) {
            q = s.indexOf('"', q);
            if (q === -1) break;
            if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(segment, q + 1);
              q += 2;
              segment = q;
              continue;
            }
            if (q + 1 >= n && !final) break; // the next chunk may start with the second quote
            value += s.slice(segment, q);
            pos = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (final) {
              this.stop({ kind: "unclosed-quote", rowNumber: this.rowNumber + 1, column: cells.length + 1 });
              return n;
            }
            this.openQuoteColumn = cells.length + 1;
            return recordStart;
          }
          // After the closing quote: a delimiter, a line end, or stray text kept as it is.
          let c = pos < n ? s.charCodeAt(pos) : -1;
          if (c === -1 && !final) return recordStart;
          if (c !== D && c !== NL && c !== -1 && !(crlf && c === CR)) {
            if (nextD !== -1 && nextD < pos) nextD = s.indexOf(this.delimiter, pos);
            if (nextNl !== -1 && nextNl < pos) nextNl = s.indexOf(this.newline, pos);
            if (nextNl === -1 && !final) return recordStart;
            const end =
              nextD !== -1 && (nextNl === -1 || nextD < nextNl) ? nextD : nextNl === -1 ? n : nextNl;
            let e = end;
            if (crlf && e === nextNl && e > pos && s.charCodeAt(e - 1) === CR) e--;
            value += s.slice(pos, e);
            pos = end;
            c = pos < n ? s.charCodeAt(pos) : -1;
          }
          if (crlf && c === CR) {
            if (pos + 1 >= n && !final) return recordStart;
            if (pos + 1 < n && s.charCodeAt(pos + 1) === LF) pos++;
            c = NL;
          }
          if (value.length > maxCellChars) {
            this.events.oversizeCell(this.rowNumber + 1, cells.length + 1, value.length);
          }
          if (cells.length < cellCap) cells.push(value);
          else extra++;
          if (c === D) {
            pos++;
            continue;
          }
          pos++; // past the line end (or past n at the end of the text)
          break;
        }
        // Unquoted field: up to the next delimiter or line end.
        if (nextD !== -1 && nextD < pos) nextD = s.indexOf(this.delimiter, pos);
        if (nextNl !== -1 && nextNl < pos) nextNl = s.indexOf(this.newline, pos);
        if (nextNl === -1 && !final) return recordStart;
        const lineEnd = nextNl === -1 ? n : nextNl;
        if (nextD !== -1 && nextD < lineEnd) {
          value = s.slice(pos, nextD);
          pos = nextD + 1;
          if (value.length > maxCellChars) {
            this.events.oversizeCell(this.rowNumber + 1, cells.length + 1, value.length);
          }
          if (cells.length < cellCap) cells.push(value);
          else extra++;
          continue;
        }
        let e = lineEnd;
        if (crlf && e > pos && s.charCodeAt(e - 1) === CR) e--;
        value = s.slice(pos, e);
        pos = lineEnd + 1;
        if (value.length > maxCellChars) {
          this.events.oversizeCell(this.rowNumber + 1, cells.length + 1, value.length);
        }
        if (cells.length < cellCap) cells.push(value);
        else extra++;
        break;
      }
      this.rowNumber++;
      if (this.rowNumber === 1 && cells.length > maxColumns) {
        this.stop({ kind: "too-many-columns", rowNumber: 1, columns: cells.length + extra });
        return n;
      }
      this.events.row(cells, this.rowNumber);
      if (this.stopped) return n;
    }
    return n;
  }
}

/**
 * Blocks are decoded in pieces: a string past 128 KiB is allocated apart from the others, which
 * made decoding 30 times slower.
 */
const PIECE_BYTES = 64 * 1024;

/** Block decoders: UTF-8 blocks were checked valid, so nothing is replaced; a U+FEFF is text. */
const blockDecoders: Record<BlockEncoding, TextDecoder> = {
  "utf-8": new TextDecoder("utf-8", { ignoreBOM: true }),
  "windows-1252": new TextDecoder("windows-1252"),
};

/**
 * Decodes and parses one block of whole records (from RecordSplitter) on its own, with its file
 * row numbers. A block that does not end where a record does means the splitter and this parser
 * disagree.
 */
export function parseBlock(block: RecordBlock, options: CsvParserOptions, events: CsvParserEvents): void {
  const parser = new CsvParser(options, events, block.firstRow - 1);
  const { bytes, encoding } = block;
  const decoder = blockDecoders[encoding];
  for (let at = 0; at < bytes.length;) {
    let to = Math.min(bytes.length, at + PIECE_BYTES);
    // A UTF-8 character is not cut: its continuation bytes (10xxxxxx) go with it.
    while (encoding === "utf-8" && to < bytes.length && ((bytes[to] ?? 0) & 0xc0) === 0x80) to--;
    parser.push(decoder.decode(bytes.subarray(at, to)));
    at = to;
  }
  if (block.final) parser.end();
  else if (!parser.stopped && parser.pendingChars > 0) {
    throw new Error(`the block from row ${block.firstRow} does not end at a record boundary`);
  }
}
