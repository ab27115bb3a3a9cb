/**
 * Cuts decoded CSV text into blocks of whole records and counts them, without parsing cells, so
 * the blocks can be parsed and checked apart (on other threads) with the right row numbers.
 *
 * It follows CsvParser's quoting rules exactly, or the row numbers would drift: a field is quoted
 * only when a quote opens it (at a record start or right after a delimiter); inside it, `""` is
 * a quote and line ends are text; a quote anywhere else is plain text. After a closing quote a
 * lone CR ends the record when lines end in CRLF, as it does in the parser. Only quotes and line
 * ends are looked at, with native `indexOf`: a file without quotes costs one search per line.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface RecordBlock {
  /** The text in the pieces it came in: joining them would copy every byte once more. */
  readonly parts: readonly string[];
  /** Characters in all parts. */
  readonly chars: number;
  /** Row number of the block's first record. */
  readonly firstRow: number;
  /** Whole records in the block; the final block may hold one more without a line end. */
  readonly rows: number;
  /** The end of the text: what is left is parsed as the file's last record. */
  readonly final: boolean;
}

export class RecordSplitter {
  /** Records cut so far; the record being read is `rows + 1`. */
  private rows = 0;
  /** Text after the last whole record: the start of an unfinished one. */
  private carry = "";
  private pending: string[] = [];
  private pendingChars = 0;
  private pendingRows = 0;
  private readonly delimCode: number;
  private readonly newlineCode: number;

  constructor(
    delimiter: string,
    private readonly newline: "\n" | "\r",
    /** A block is handed on once it holds at least this many characters. */
    private readonly blockChars: number,
  ) {
    this.delimCode = delimiter.charCodeAt(0);
    this.newlineCode = newline.charCodeAt(0);
  }

  /** The row a problem found now belongs to: the record being read. */
  get currentRow(): number {
    return this.rows + 1;
  }

  /** Length of the unfinished record held back. */
  get carryLength(): number {
    return this.carry.length;
  }

  /** Takes the next text; returns a block when enough whole records have gathered. */
  push(text: string): RecordBlock | undefined {
    const s = this.carry.length === 0 ? text : this.carry + text;
    const { end, records } = this.scan(s);
    this.carry = end === s.length ? "" : s.slice(end);
    if (end > 0) {
      this.pending.push(end === s.length ? s : s.slice(0, end));
      this.pendingChars += end;
      this.pendingRows += records;
      this.rows += records;
    }
    return this.pendingChars >= this.blockChars ? this.take(false) : undefined;
  }

  /** Everything left, the unfinished record included, as the final block. */
  end(): RecordBlock {
    if (this.carry.length > 0) {
      this.pending.push(this.carry);
      this.carry = "";
    }
    return this.take(true);
  }

  /** The whole records gathered so far, when reading stops short of the end. */
  flush(): RecordBlock | undefined {
    return this.pendingChars > 0 ? this.take(false) : undefined;
  }

  /**
   * The unfinished record alone, when it has grown too long: parsing it says why (an unclosed
   * quote and where it opened, or a line without end). Whole records before it come first.
   */
  flushOverlong(maxChars: number): RecordBlock[] {
    if (this.carry.length <= maxChars) return [];
    const blocks = this.pendingChars > 0 ? [this.take(false)] : [];
    const text = this.carry;
    this.carry = "";
    blocks.push({ parts: [text], chars: text.length, firstRow: this.rows + 1, rows: 0, final: false });
    return blocks;
  }

  private take(final: boolean): RecordBlock {
    const block = {
      parts: this.pending,
      chars: this.pendingChars,
      firstRow: this.rows - this.pendingRows + 1,
      rows: this.pendingRows,
      final,
    };
    this.pending = [];
    this.pendingChars = 0;
    this.pendingRows = 0;
    return block;
  }

  /** Where the last whole record in `s` ends, and how many whole records there are. */
  private scan(s: string): { end: number; records: number } {
    const n = s.length;
    const D = this.delimCode;
    const NL = this.newlineCode;
    const crlf = NL === LF;
    let pos = 0;
    let end = 0;
    let records = 0;
    let recordStart = 0;
    // Records ended by a lone CR: the parser needs to see past the CR, so no cut is made there.
    let uncut = 0;
    let nextNl = s.indexOf(this.newline);
    for (;;) {
      const q = s.indexOf('"', pos);
      const stop = q < 0 ? n : q;
      while (nextNl !== -1 && nextNl < stop) {
        records += uncut + 1;
        uncut = 0;
        end = nextNl + 1;
        recordStart = end;
        nextNl = s.indexOf(this.newline, end);
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
        // Open at the end of the text, or a closing quote that may be half of `""`: wait for more.
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
      if (nextNl !== -1 && nextNl < pos) nextNl = s.indexOf(this.newline, pos);
    }
  }
}
