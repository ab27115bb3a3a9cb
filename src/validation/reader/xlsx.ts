import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import * as msg from "../messages.ts";
import type { Dialect } from "../types.ts";
import type { ByteReader } from "./source.ts";
import type { OpenedTable, ReaderContext, RowBatch } from "./types.ts";

const XLSX_DIALECT: Dialect = { encoding: null, delimiter: null, decimalComma: false, confidence: "high" };
const BATCH_ROWS = 1000;

/**
 * The first worksheet of an .xlsx workbook through exceljs's streaming reader. The header is the
 * first row with any value; row numbers are the sheet's own, as Excel shows them.
 */
export function openXlsx(reader: ByteReader, context: ReaderContext): OpenedTable {
  async function* batches(): AsyncGenerator<RowBatch, void, undefined> {
    const stream = Readable.from(reader.chunks());
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache", // dates are told from numbers by their cell style
      hyperlinks: "ignore",
      entries: "ignore",
    });
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    let width = 0;
    let sheets = 0;
    try {
      for await (const sheet of workbook) {
        sheets++;
        for await (const row of sheet) {
          const values = row.values;
          const list: unknown[] = Array.isArray(values) ? values : [];
          if (width === 0) {
            if (!list.some((v) => cellText(v) !== "")) continue;
            width = list.length - 1;
            if (width > context.limits.maxColumns) {
              context.issue(
                msg.csvStop(
                  "xlsx",
                  { kind: "too-many-columns", rowNumber: row.number, columns: width },
                  context.limits,
                ),
                true,
              );
              return;
            }
          }
          // exceljs's values are 1-based and sparse: index 0 is unused, holes are empty cells.
          const count = Math.max(width, list.length - 1);
          const cells = new Array<string>(Math.min(count, context.limits.maxColumns + 1));
          for (let i = 0; i < cells.length; i++) cells[i] = cellText(list[i + 1]);
          while (cells.length > width && cells[cells.length - 1] === "") cells.pop();
          rows.push(cells);
          rowNumbers.push(row.number);
          if (rows.length >= BATCH_ROWS) {
            yield { rows, rowNumbers };
            rows = [];
            rowNumbers = [];
          }
        }
        break; // the first worksheet only
      }
    } catch {
      context.issue(msg.binaryFile("zip"), true);
      return;
    } finally {
      stream.destroy();
      await reader.close();
    }
    if (sheets === 0) context.issue(msg.binaryFile("zip"), true);
    if (rows.length > 0) yield { rows, rowNumbers };
  }
  return {
    format: "xlsx",
    dialect: () => XLSX_DIALECT,
    batches: batches(),
    bytesRead: () => reader.bytes,
    close: () => reader.close(),
  };
}

/** A cell as text: dates as ISO 8601 (a date alone when there is no time), formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result);
    if ("richText" in value && Array.isArray(value.richText)) {
      return value.richText.map((part: unknown) => (isText(part) ? part.text : "")).join("");
    }
    if ("text" in value) return cellText(value.text);
    if ("error" in value) return cellText(value.error);
  }
  return "";
}

function isText(part: unknown): part is { text: string } {
  return typeof part === "object" && part !== null && "text" in part && typeof part.text === "string";
}

function isoOf(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString(); // Excel dates carry no zone; exceljs reads them as UTC
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}
