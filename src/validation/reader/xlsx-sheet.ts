import * as msg from "../messages.ts";
import type { ReaderContext, RowBatch } from "./types.ts";
import { type CellStyles, type WorkbookParts, unescapeText, xmlLimits } from "./xlsx-parts.ts";
import { parseXml, type XmlHandler } from "./xlsx-xml.ts";
import { XlsxStopError, type ZipArchive } from "./xlsx-zip.ts";
import { hasUnstorable, storable } from "../../core/index.ts";

const BATCH_ROWS = 1000;
/** A batch also ends at this much text: through shared strings a few bytes of XML can be a long row. */
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * The sheet's rows, streamed: the header is the first row with any value; row numbers are the
 * sheet's own; each row is as wide as the header, or wider where it has values further right.
 */
export async function* readSheet(
  zip: ZipArchive,
  book: WorkbookParts,
  context: ReaderContext,
): AsyncGenerator<RowBatch, void, undefined> {
  const { limits } = context;
  const part = book.sheet.name;
  // One column more than allowed is kept, so the row is seen to be too wide.
  const keep = limits.maxColumns + 1;
  const handler = new SheetHandler(keep, limits.maxRowChars, book.styles, book.date1904);
  const entryStop = new XlsxStopError({ kind: "entry-too-large", part, maxBytes: limits.maxXlsxEntryBytes });
  // Shared-string text and cells handed on, capped like the sheet's own bytes: a few bytes of XML
  // can stand for a long string or a wide row, and the work must stay bounded by the cap.
  let expanded = 0;
  let width = 0;
  let rows: string[][] = [];
  let rowNumbers: number[] = [];
  let batchChars = 0;
  const chunks = zip.read(book.sheet, limits.maxXlsxEntryBytes);
  for await (const raws of parseXml(chunks, handler, xmlLimits(book.sheet, limits))) {
    for (const raw of raws) {
      const texts = new Array<string>(raw.values.length);
      let chars = 0;
      let any = false;
      for (let i = 0; i < texts.length; i++) {
        const value = raw.values[i];
        let text: string;
        if (typeof value === "number") {
          text = book.strings.get(value);
          expanded += text.length;
        } else {
          text = value ?? "";
        }
        texts[i] = text;
        chars += text.length;
        if (text !== "") any = true;
      }
      if (expanded > limits.maxXlsxEntryBytes) throw entryStop;
      if (chars > limits.maxRowChars) {
        throw new XlsxStopError({ kind: "row-too-large", rowNumber: raw.rowNumber });
      }
      if (width === 0) {
        if (!any) continue;
        width = raw.lastColumn;
        if (width > limits.maxColumns) {
          context.issue(
            msg.csvStop(
              "xlsx",
              { kind: "too-many-columns", rowNumber: raw.rowNumber, columns: width },
              limits,
            ),
            true,
          );
          return;
        }
      }
      // As wide as the header, or to the last kept value beyond it: trailing empty cells are not
      // kept, so a value far to the right costs nothing past the column limit.
      let length = width;
      raw.columns.forEach((column, i) => {
        if (column > length && texts[i] !== "") length = column;
      });
      const cells = new Array<string>(length).fill("");
      raw.columns.forEach((column, i) => {
        if (column <= length) cells[column - 1] = texts[i] ?? "";
      });
      // Each cell handed on counts too: rows of nothing under a wide header must not run forever.
      expanded += length;
      if (expanded > limits.maxXlsxEntryBytes) throw entryStop;
      cells.forEach((cell, i) => {
        if (cell.length > limits.maxCellChars) {
          context.issue(msg.oversizeCell("xlsx", raw.rowNumber, i + 1, cell.length, limits.maxCellChars));
        }
        // _x0000_ or _xD800_ unescapes to a character no text column can store.
        if (hasUnstorable(cell)) {
          context.issue(msg.unstorableCharacter("xlsx", raw.rowNumber, null, i + 1));
          cells[i] = storable(cell);
        }
      });
      rows.push(cells);
      rowNumbers.push(raw.rowNumber);
      batchChars += chars;
      if (rows.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
        batchChars = 0;
      }
    }
  }
  if (rows.length > 0) yield { rows, rowNumbers };
}

/** A row as the XML has it, shared strings still as their index (resolved as the row is handed on). */
interface RawRow {
  readonly rowNumber: number;
  /** The rightmost column with a value, kept or not. */
  readonly lastColumn: number;
  readonly columns: readonly number[];
  readonly values: readonly (string | number)[];
}

/**
 * `<row r="3"><c r="B3" t="s" s="1"><v>0</v></c>…</row>` into rows. A cell without `r` follows the
 * one before, a row without `r` the row before. Formulas count by their cached value.
 */
class SheetHandler implements XmlHandler<RawRow[]> {
  private rows: RawRow[] = [];
  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private lastColumn = 0;
  private nextColumn = 1;
  private rowChars = 0;
  private columns: number[] = [];
  private values: (string | number)[] = [];
  private inCell = false;
  private column = 0;
  private type = "n";
  private style = 0;
  private hasValue = false;
  private inline = false;
  private phonetic = 0;
  private collecting = false;
  private value = "";

  constructor(
    private readonly keepColumns: number,
    private readonly maxRowChars: number,
    private readonly styles: CellStyles,
    private readonly date1904: boolean,
  ) {}

  take(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "row": {
        if (!this.inSheetData) return;
        const r = Number(attributes.r);
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
        this.inRow = true;
        this.lastColumn = 0;
        this.nextColumn = 1;
        this.rowChars = 0;
        this.columns = [];
        this.values = [];
        break;
      }
      case "c": {
        if (!this.inRow) return;
        // Cell attributes are unprefixed: looked up directly, as this runs for every cell.
        const ref = attributes.r;
        const column = ref === undefined ? 0 : columnOf(ref);
        this.column = column > 0 ? column : this.nextColumn;
        this.type = attributes.t ?? "n";
        const style = Number(attributes.s ?? 0);
        this.style = Number.isInteger(style) ? style : 0;
        this.inCell = true;
        this.hasValue = false;
        this.inline = false;
        this.phonetic = 0;
        this.value = "";
        break;
      }
      case "v":
        if (this.inCell && !this.inline) this.collecting = this.hasValue = true;
        break;
      case "f":
        if (this.inCell) this.hasValue = true; // a formula is a value even before it is calculated
        break;
      case "is":
        if (this.inCell) this.inline = this.hasValue = true;
        break;
      case "rPh":
        if (this.inline) this.phonetic++;
        break;
      case "t":
        if (this.inline && this.phonetic === 0) this.collecting = true;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case "v":
      case "t":
        this.collecting = false;
        break;
      case "rPh":
        if (this.inline) this.phonetic--;
        break;
      case "is":
        this.inline = false;
        break;
      case "c":
        if (this.inCell) this.endCell();
        break;
      case "row":
        if (!this.inRow) return;
        this.rows.push({
          rowNumber: this.rowNumber,
          lastColumn: this.lastColumn,
          columns: this.columns,
          values: this.values,
        });
        this.inRow = false;
        break;
      case "sheetData":
        this.inSheetData = false;
        break;
    }
  }

  text(text: string): void {
    if (!this.collecting) return;
    this.value += text;
    if (this.value.length > this.maxRowChars) {
      throw new XlsxStopError({ kind: "row-too-large", rowNumber: this.rowNumber });
    }
  }

  private endCell(): void {
    this.inCell = false;
    this.collecting = false;
    this.nextColumn = this.column + 1;
    if (!this.hasValue) return;
    if (this.column > this.lastColumn) this.lastColumn = this.column;
    if (this.column > this.keepColumns) return;
    const value = this.cellValue();
    if (typeof value === "string") {
      this.rowChars += value.length;
      if (this.rowChars > this.maxRowChars) {
        throw new XlsxStopError({ kind: "row-too-large", rowNumber: this.rowNumber });
      }
    }
    this.columns.push(this.column);
    this.values.push(value);
  }

  /** The cell as text, or a shared string's index. */
  private cellValue(): string | number {
    const text = this.value;
    switch (this.type) {
      case "s": {
        const index = Number(text);
        return text.trim() !== "" && Number.isInteger(index) && index >= 0 ? index : "";
      }
      case "str":
      case "inlineStr":
        return unescapeText(text);
      case "b": {
        const flag = text.trim();
        if (flag === "") return "";
        return flag === "0" || flag === "false" ? "false" : "true";
      }
      case "e":
        return text;
      case "d":
        return isoDateText(text);
      default:
        return numberText(text, this.styles.isDate(this.style), this.date1904);
    }
  }
}

/** "B3" → 2; "AA10" → 27. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length && column < 0x7fffffff; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  return column;
}

/** A number as JS writes it, or as a date when its style is a date format. */
export function numberText(text: string, date: boolean, date1904: boolean): string {
  if (text.trim() === "") return "";
  const number = parseFloat(text);
  if (Number.isNaN(number)) return text.trim();
  return date ? serialDateText(number, date1904) : String(number);
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** 10000-01-01: Excel shows later serials, and negative ones, as ####, not as dates. */
const END_SERIAL = 2_958_466;

/**
 * An Excel serial date as ISO 8601, in UTC (Excel dates carry no zone). In the 1900 system Excel
 * counts a 29 February 1900 that never was, so serials before it are a day early against the
 * calendar; in the 1904 system day 0 is 1 January 1904.
 */
export function serialDateText(serial: number, date1904: boolean): string {
  if (!(serial >= 0 && serial < END_SERIAL)) return String(serial);
  let days = serial;
  if (!date1904) {
    if (serial >= 60 && serial < 61) {
      const iso = isoOf(new Date(Date.UTC(1900, 1, 28) + Math.round((serial - 60) * MS_PER_DAY)));
      return `1900-02-29${iso.slice(10)}`;
    }
    if (serial >= 1 && serial < 60) days = serial + 1;
  }
  return isoOf(new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY)));
}

/** A `t="d"` cell holds ISO 8601 already; without a zone it is read as UTC, like serial dates. */
function isoDateText(text: string): string {
  const trimmed = text.trim();
  const zoned = !trimmed.includes("T") || /(Z|[+-]\d\d:?\d\d)$/i.test(trimmed);
  const time = Date.parse(zoned ? trimmed : `${trimmed}Z`);
  return Number.isNaN(time) ? trimmed : isoOf(new Date(time));
}

/** A date alone when there is no time; milliseconds only when there are some. */
function isoOf(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}
