import type { Language } from "../core/errors.ts";
import { numberEn, numberSv, shorten } from "./text.ts";
import type { ConstraintName, IssueType, SummaryEntry, ValidationReport } from "./types.ts";

type Label = { readonly sv: string; readonly en: string };

const TYPE_LABELS: Record<IssueType, Label> = {
  "source-error": { sv: "filen kunde inte läsas", en: "the file could not be read" },
  "encoding-error": { sv: "tecken som inte är giltig UTF-8", en: "bytes that are not valid UTF-8" },
  "oversize-cell": { sv: "för stora celler", en: "oversized cells" },
  dialect: { sv: "filformat (kodning, avgränsare)", en: "file format (encoding, delimiter)" },
  "blank-header": { sv: "kolumner utan rubrik", en: "columns without a header" },
  "duplicate-header": { sv: "dubbla rubriker", en: "duplicate headers" },
  "missing-header": { sv: "saknade kolumner", en: "missing columns" },
  "extra-header": { sv: "kolumner som inte finns i specifikationen", en: "columns not in the specification" },
  "incorrect-header": { sv: "rubriker med fel namn", en: "misnamed headers" },
  "blank-row": { sv: "tomma rader", en: "empty rows" },
  "missing-cell": { sv: "rader med för få celler", en: "rows with too few cells" },
  "extra-cell": { sv: "rader med för många celler", en: "rows with too many cells" },
  "type-error": { sv: "värden av fel typ", en: "values of the wrong type" },
  "constraint-error": { sv: "värden som bryter mot en regel", en: "values breaking a rule" },
  "unique-error": { sv: "dubbletter", en: "duplicates" },
  "primary-key-error": { sv: "dubbla nycklar", en: "duplicate keys" },
  "reference-error": {
    sv: "okända eller felaktiga organisationskoder",
    en: "unknown or malformed organization codes",
  },
  "geo-error": {
    sv: "koordinater utanför Sverige eller felaktiga",
    en: "coordinates outside Sweden or wrong",
  },
  "decimal-comma": { sv: "tal med decimalkomma", en: "numbers with a decimal comma" },
  whitespace: { sv: "mellanslag före eller efter värden", en: "spaces before or after values" },
  "outside-organization": {
    sv: "punkter utanför organisationens område",
    en: "points outside the organization's area",
  },
};

const CONSTRAINT_LABELS: Record<ConstraintName, Label> = {
  required: { sv: "tomma celler i obligatoriskt fält", en: "empty cells in a required field" },
  enum: { sv: "värden utanför kodlistan", en: "values outside the code list" },
  minimum: { sv: "för låga värden", en: "values below the minimum" },
  maximum: { sv: "för höga värden", en: "values above the maximum" },
  minLength: { sv: "för korta värden", en: "values too short" },
  maxLength: { sv: "för långa värden", en: "values too long" },
  pattern: { sv: "värden som inte följer mönstret", en: "values not matching the pattern" },
};

const WORDS = {
  sv: {
    valid: "Filen är giltig",
    invalid: "Filen är inte giltig",
    errors: (n: number) => `${numberSv(n)} ${n === 1 ? "fel" : "fel"}`,
    warnings: (n: number) => `${numberSv(n)} ${n === 1 ? "varning" : "varningar"}`,
    rows: (n: number) => `${numberSv(n)} ${n === 1 ? "rad" : "rader"}`,
    and: "och",
    in: "i",
    errorsHeading: "Fel",
    warningsHeading: "Varningar",
    column: (name: string) => `kolumnen "${name}"`,
    file: "filen",
    row: "rad",
    stopped: "Läsningen avbröts innan filen var slut; rätta felet nedan och validera igen.",
    truncated: (shown: number, total: number) =>
      `Listorna i rapporten visar de första ${numberSv(shown)} av ${numberSv(total)} fel och varningar; antalen här är exakta.`,
  },
  en: {
    valid: "The file is valid",
    invalid: "The file is not valid",
    errors: (n: number) => `${numberEn(n)} ${n === 1 ? "error" : "errors"}`,
    warnings: (n: number) => `${numberEn(n)} ${n === 1 ? "warning" : "warnings"}`,
    rows: (n: number) => `${numberEn(n)} ${n === 1 ? "row" : "rows"}`,
    and: "and",
    in: "in",
    errorsHeading: "Errors",
    warningsHeading: "Warnings",
    column: (name: string) => `column "${name}"`,
    file: "the file",
    row: "row",
    stopped: "Reading stopped before the end of the file; fix the error below and validate again.",
    truncated: (shown: number, total: number) =>
      `The report's lists show the first ${numberEn(shown)} of ${numberEn(total)} errors and warnings; the counts here are exact.`,
  },
} as const;

/** The report as plain text for a terminal: one line per field and problem, with exact counts. */
export function renderSummary(report: ValidationReport, language: Language = "sv"): string {
  const w = WORDS[language];
  const count = language === "sv" ? numberSv : numberEn;
  const lines: string[] = [];
  const { stats } = report;
  lines.push(
    `${report.valid ? w.valid : w.invalid}: ${w.errors(stats.errors)} ${w.and} ${w.warnings(stats.warnings)} ${w.in} ${w.rows(stats.rows)}.`,
  );
  if (!report.complete) lines.push(w.stopped);
  const section = (heading: string, entries: readonly SummaryEntry[]): void => {
    if (entries.length === 0) return;
    lines.push("", heading);
    const sorted = [...entries].sort((a, b) => b.count - a.count);
    for (const entry of sorted) {
      const label =
        entry.constraint === undefined ? TYPE_LABELS[entry.type] : CONSTRAINT_LABELS[entry.constraint];
      const subject = entry.fieldName === null ? w.file : w.column(entry.fieldName);
      const examples = entry.examples
        .filter((e) => e.rowNumber !== null)
        .map(
          (e) =>
            `${w.row} ${e.rowNumber ?? ""}${e.cell === null || e.cell === "" ? "" : ` "${shorten(e.cell, 40)}"`}`,
        );
      const more = entry.count > examples.length && examples.length > 0 ? ", …" : "";
      const where = examples.length === 0 ? "" : ` (${examples.join(", ")}${more})`;
      lines.push(`  - ${subject}: ${label[language]}: ${count(entry.count)}${where}`);
    }
  };
  section(
    w.errorsHeading,
    report.summary.filter((e) => e.severity === "error"),
  );
  section(
    w.warningsHeading,
    report.summary.filter((e) => e.severity === "warning"),
  );
  const sourceError = report.errors.find((e) => e.type === "source-error");
  if (sourceError !== undefined) lines.push("", sourceError.message[language]);
  if (report.truncated) {
    lines.push("", w.truncated(report.errors.length + report.warnings.length, stats.errors + stats.warnings));
  }
  return lines.join("\n");
}
