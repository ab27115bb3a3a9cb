import type { LocalizedText } from "../core/errors.ts";
import { foldForSearch } from "../core/text.ts";
import type { TableFormat } from "./types.ts";

/** Cells quoted in reports are shortened: a 1 MB cell must not be copied into every message. */
export const REPORT_CELL_CHARS = 200;

export function shorten(cell: string, max = REPORT_CELL_CHARS): string {
  return cell.length <= max ? cell : `${cell.slice(0, max)}…`;
}

/** Numbers as Swedish readers write them: decimal comma, thin groups of thousands. */
export function numberSv(n: number): string {
  return groupThousands(String(n).replace(".", ","), "\u00a0");
}

export function numberEn(n: number): string {
  return groupThousands(String(n), ",");
}

function groupThousands(text: string, separator: string): string {
  const match = /^(-?)(\d+)(.*)$/.exec(text);
  if (match === null) return text;
  const [, sign = "", digits = "", rest = ""] = match;
  if (digits.length < 5) return text;
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, separator) + rest;
}

/** "Rad 14" / "Row 14", or "Objekt 3" / "Object 3" for JSON. */
export function rowWord(format: TableFormat, rowNumber: number): LocalizedText {
  return format === "json" || format === "geojson"
    ? { sv: `Objekt ${rowNumber}`, en: `Object ${rowNumber}` }
    : { sv: `Rad ${rowNumber}`, en: `Row ${rowNumber}` };
}

/** The "where" that starts every message: row and column when known. */
export function where(
  format: TableFormat,
  rowNumber: number | null,
  fieldName: string | null,
): LocalizedText {
  const parts: LocalizedText[] = [];
  if (rowNumber !== null) parts.push(rowWord(format, rowNumber));
  if (fieldName !== null) {
    parts.push({ sv: `kolumnen "${fieldName}"`, en: `column "${fieldName}"` });
  }
  if (parts.length === 0) return { sv: "Filen", en: "The file" };
  const sv = parts.map((p) => p.sv).join(", ");
  const en = parts.map((p) => p.en).join(", ");
  return { sv: capitalize(sv), en: capitalize(en) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins "where" with what was expected and found: `Rad 14, kolumnen "x": väntade …, fick "…".` */
export function sentence(at: LocalizedText, body: LocalizedText): LocalizedText {
  return { sv: `${at.sv}: ${body.sv}`, en: `${at.en}: ${body.en}` };
}

export function quoted(cell: string): string {
  return `"${shorten(cell)}"`;
}

/** Header names compared the way people misspell them: no case, no diacritics, `_` as space. */
export function foldName(name: string): string {
  return foldForSearch(name.replace(/[_.]+/g, " "));
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1] ?? ""}`;
}

export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}
