/**
 * Cuts CSV bytes into blocks of whole records and counts them, without decoding or parsing cells,
 * so the blocks can be decoded, parsed and checked apart (on other threads) with the right row
 * numbers. Bytes, not text: a block is copied to a worker as one buffer, outside the JavaScript
 * heap, and the worker decodes it.
 *
 * It works on any encoding in which quotes, delimiters and line ends are the ASCII bytes and no
 * other byte of the text equals them: UTF-8 and Windows-1252 (UTF-16 is re-encoded as UTF-8
 * first). It follows CsvParser's quoting rules exactly, or the row numbers would drift: a field
 * is quoted only when a quote opens it (at a record start or right after a delimiter); inside it,
 * `""` is a quote and line ends are text; a quote anywhere else is plain text. After a closing
 * quote a lone CR ends the record when lines end in CRLF, as it does in the parser. Only quotes
 * and line ends are looked at, with native `indexOf`: a file without quotes costs one search per
 * line.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** How a block's bytes decode (UTF-8 bytes were checked to be valid before they became a block). */
export type BlockEncoding = "utf-8" | "windows-1252";

export interface RecordBytes {
  /** The records, at the start of a buffer of their own. */
  readonly bytes: Uint8Array;
  /** Row number of the block's first record. */
  readonly firstRow: number;
  /** Whole records in the block; the final block may hold one more without a line end. */
  readonly rows: number;
  /** The end of the file: what is left is parsed as its last record. */
  readonly final: boolean;
}

export interface RecordBlock extends RecordBytes {
  readonly encoding: BlockEncoding;
}

export class RecordSplitter {
  /** Records cut so far; the record being read is `rows + 1`. */
  private rows = 0;
  /** Whole records in [0, end), the start of an unfinished one in [end, filled). */
  private buffer: Uint8Array;
  private end = 0;
  private filled = 0;
  private pendingRows = 0;
  /** The unfinished record's size when its characters were last counted (flushOverlong). */
  private counted = 0;
  /** Buffers of blocks handed back (release), for the next blocks: no new memory per block. */
  private readonly free: ArrayBuffer[] = [];
  /** A block takes at least `blockBytes` and at most a chunk more, unless a record is long. */
  private readonly blockCapacity: number;
  private readonly delimCode: number;
  /** A Buffer over `buffer`, for its Latin-1 view (scanRecords). */
  private view: Buffer;

  constructor(
    delimiter: string,
    private readonly newline: "\n" | "\r",
    /** A block is handed on once it holds at least this many bytes. */
    private readonly blockBytes: number,
  ) {
    this.delimCode = delimiter.charCodeAt(0);
    this.blockCapacity = blockBytes + 128 * 1024;
    this.buffer = new Uint8Array(this.blockCapacity * 2);
    this.view = Buffer.from(this.buffer.buffer);
  }

  /** The row a problem found now belongs to: the record being read. */
  get currentRow(): number {
    return this.rows + 1;
  }

  /** Takes the next bytes; returns a block when enough whole records have gathered. */
  push(chunk: Uint8Array): RecordBytes | undefined {
    this.append(chunk);
    const text = this.view.toString("latin1", this.end, this.filled);
    const { end, records } = scanRecords(text, this.delimCode, this.newline);
    if (end > 0) this.counted = 0;
    this.end += end;
    this.rows += records;
    this.pendingRows += records;
    return this.end >= this.blockBytes ? this.take(this.end, false) : undefined;
  }

  /** Everything left, the unfinished record included, as the final block. */
  finish(): RecordBytes {
    return this.take(this.filled, true);
  }

  /** The whole records gathered so far, when reading stops short of the end. */
  flush(): RecordBytes | undefined {
    return this.end > 0 ? this.take(this.end, false) : undefined;
  }

  /**
   * The unfinished record alone, when it has grown past `maxChars` characters (as `charCount`
   * counts them): parsing it says why (an unclosed quote and where it opened, or a line without
   * end). Whole records before it come first.
   */
  flushOverlong(maxChars: number, charCount: (bytes: Uint8Array) => number): RecordBytes[] {
    const size = this.filled - this.end;
    // A character takes at least one byte; counting again only after growth keeps this linear.
    if (size <= maxChars || size < this.counted * 1.25) return [];
    this.counted = size;
    if (charCount(this.buffer.subarray(this.end, this.filled)) <= maxChars) return [];
    const blocks = this.end > 0 ? [this.take(this.end, false)] : [];
    blocks.push(this.take(this.filled, false));
    this.counted = 0;
    return blocks;
  }

  /** A block that is done with: its buffer takes a later block. */
  release(block: RecordBytes): void {
    const buffer = block.bytes.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.blockCapacity && this.free.length < 64) {
      this.free.push(buffer);
    }
  }

  private append(chunk: Uint8Array): void {
    if (this.filled + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.filled + chunk.length));
      grown.set(this.buffer.subarray(0, this.filled));
      this.buffer = grown;
      this.view = Buffer.from(grown.buffer);
    }
    this.buffer.set(chunk, this.filled);
    this.filled += chunk.length;
  }

  /** The bytes up to `upTo` as a block; what follows moves to the front. */
  private take(upTo: number, final: boolean): RecordBytes {
    // The last block of a file that ends with a line end is empty: it needs no buffer.
    const buffer =
      upTo === 0
        ? new ArrayBuffer(0)
        : upTo <= this.blockCapacity
          ? (this.free.pop() ?? new ArrayBuffer(this.blockCapacity))
          : new ArrayBuffer(upTo);
    const bytes = new Uint8Array(buffer, 0, upTo);
    bytes.set(this.buffer.subarray(0, upTo));
    const block = {
      bytes,
      firstRow: this.rows - this.pendingRows + 1,
      rows: this.pendingRows,
      final,
    };
    this.buffer.copyWithin(0, upTo, this.filled);
    this.filled -= upTo;
    this.end = Math.max(0, this.end - upTo);
    this.pendingRows = 0;
    return block;
  }
}

/** Whole records that end before `offset` in a block that starts at a record. */
export function recordsBefore(
  bytes: Uint8Array,
  offset: number,
  delimiter: string,
  newline: "\n" | "\r",
): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString("latin1");
  return scanRecords(text, delimiter.charCodeAt(0), newline).records;
}

/**
 * Where the last whole record in `s` ends, and how many whole records there are; `s` starts at a
 * record. The bytes come as Latin-1 text, one character per byte: copying them so costs less than
 * searching a Uint8Array, whose `indexOf` is a slow call per line.
 */
function scanRecords(s: string, D: number, newline: "\n" | "\r"): { end: number; records: number } {
  const n = s.length;
  const NL = newline.charCodeAt(0);
  const crlf = NL === LF;
  let pos = 0;
  let end = 0;
  let records = 0;
  let recordStart = 0;
  // Records ended by a lone CR: the parser needs to see past the CR, so no cut is made there.
  let uncut = 0;
  let nextNl = s.indexOf(newline);
  for (;;) {
    const q = s.indexOf('"', pos);
    const stop = q < 0 ? n : q;
    while (nextNl !== -1 && nextNl < stop) {
      records += uncut + 1;
      uncut = 0;
      end = nextNl + 1;
      recordStart = end;
      nextNl = s.indexOf(newline, end);
    }
    if (q < 0) return { end, records };
    pos = q + 1;
    if (q !== recordStart) {
      const previous = s.charCodeAt(q - 1);
      if (previous !== D && previous !== NL) continue; // a quote inside a field is text
    }
    // A quoted field: its closing quote is one not followed by another.
    let c = pos;
    for (;;) {
      c = s.indexOf('"', c);
      // Open at the end of the bytes, or a closing quote that may be half of `""`: wait for more.
      if (c < 0 || c + 1 >= n) return { end, records };
      if (s.charCodeAt(c + 1) !== QUOTE) break;
      c += 2;
    }
    pos = c + 1;
    if (crlf && s.charCodeAt(pos) === CR) {
      if (pos + 1 >= n) return { end, records };
      if (s.charCodeAt(pos + 1) !== LF) {
        // The parser ends the record at a lone CR right after a closing quote.
        uncut++;
        pos++;
        recordStart = pos;
      }
    }
    if (nextNl !== -1 && nextNl < pos) nextNl = s.indexOf(newline, pos);
  }
}
