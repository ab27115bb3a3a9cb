import type { LocalizedText } from "../core/errors.ts";
import { DEFAULT_URI_SCHEMES, type FieldDefinition } from "../specs/definition.ts";
import { CompiledField, KINDS } from "./field-check.ts";
import { checkOrganization, type CodeLookup } from "./organization.ts";
import { StringSet } from "./string-set.ts";
import { compilePattern, PATTERN_VALUE_CAP } from "../specs/pattern.ts";
import type { Detail, ReportCollector, Tally } from "./report.ts";
import { foldName, listEn, listSv, numberEn, numberSv, quoted, sentence, where } from "./text.ts";
import type { ConstraintName, IssueType, Severity, TableFormat } from "./types.ts";
import { isEmail, isInteger, isPhone, isUri, isUuid, normalizeNumber, suggestDate } from "./values.ts";

/** A problem a check can find, bound to its tally for this run. */
export interface Problem {
  readonly tally: Tally;
  /** What to say about one occurrence: `at` is "Rad 14, kolumnen "x"", `other` a related row (unique). */
  describe(at: LocalizedText, cell: string, other: number): Detail;
}

export interface RunContext {
  readonly report: ReportCollector;
  /** Per field, the number the last checked cell held (NaN when none): read by the position check. */
  readonly values: Float64Array;
  readonly format: TableFormat;
  readonly decimalComma: boolean;
  readonly knownOrganizationCodes: CodeLookup | undefined;
}

export const DEFAULT_TRUE = ["true", "ja", "j", "yes", "y", "1", "sant"];
export const DEFAULT_FALSE = ["false", "nej", "n", "no", "0", "falskt"];

const TYPE_NAMES: Record<FieldDefinition["type"], { sv: string; en: string; example: string }> = {
  string: { sv: "text", en: "text", example: "" },
  integer: { sv: "ett heltal", en: "an integer", example: "42" },
  number: { sv: "ett tal", en: "a number", example: "12.5" },
  boolean: { sv: "ett sanningsvärde", en: "a boolean", example: "true" },
  date: { sv: "ett datum (ÅÅÅÅ-MM-DD)", en: "a date (YYYY-MM-DD)", example: "2024-03-05" },
  datetime: {
    sv: "en tidpunkt (ÅÅÅÅ-MM-DDTtt:mm:ss)",
    en: "a date and time (YYYY-MM-DDThh:mm:ss)",
    example: "2024-03-05T14:30:00",
  },
  time: { sv: "ett klockslag (tt:mm eller tt:mm:ss)", en: "a time (hh:mm or hh:mm:ss)", example: "14:30" },
  year: { sv: "ett årtal (ÅÅÅÅ)", en: "a year (YYYY)", example: "2024" },
  yearmonth: { sv: "en månad (ÅÅÅÅ-MM)", en: "a month (YYYY-MM)", example: "2024-03" },
};

const FORMATS: Record<string, { test: (s: string) => boolean; sv: string; en: string } | undefined> = {
  email: { test: isEmail, sv: "en e-postadress (namn@exempel.se)", en: "an email address (name@example.se)" },
  uuid: {
    test: isUuid,
    sv: "ett UUID (8-4-4-4-12 hexadecimala tecken)",
    en: "a UUID (8-4-4-4-12 hexadecimal characters)",
  },
  phone: {
    test: isPhone,
    sv: "ett telefonnummer (t.ex. 08-123 456 78)",
    en: "a phone number (e.g. 08-123 456 78)",
  },
};

/**
 * A full URI with one of the allowed schemes: a `javascript:` link in a published dataset would
 * run in the browser of whoever clicks it on a page that shows the data.
 */
function uriFormat(schemes: readonly string[]): { test: (s: string) => boolean; sv: string; en: string } {
  const allowed = new Set(schemes);
  const names = [...allowed].map((scheme) => `${scheme}:`);
  const or = (word: string) =>
    names.length === 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${word} ${names.at(-1) ?? ""}`;
  return {
    test: (s) => isUri(s) && allowed.has(s.slice(0, s.indexOf(":")).toLowerCase()),
    sv: `en fullständig adress (https://…) som börjar med ${or("eller")}`,
    en: `a full address (https://…) starting with ${or("or")}`,
  };
}

/** Refuses a specification whose patterns could hang the validator (throws an AppError). */
export function checkPatterns(fields: readonly FieldDefinition[]): void {
  for (const field of fields) {
    const pattern = field.constraints?.pattern;
    if (pattern !== undefined) compilePattern(pattern, field.name);
  }
}

export function compileField(
  field: FieldDefinition,
  context: RunContext,
  options: { readonly forceRequired: boolean; readonly index: number },
): CompiledField {
  const { report, format } = context;
  const name = field.name;
  const c = field.constraints ?? {};
  const type = field.type;
  const typeName = TYPE_NAMES[type];
  const problem = (
    severity: Severity,
    issueType: IssueType,
    describe: Problem["describe"],
    constraint?: ConstraintName,
    aggregate?: Tally["aggregate"],
  ): Problem => ({ tally: report.tally(severity, issueType, name, constraint, aggregate), describe });
  const say = (at: LocalizedText, sv: string, en: string, fix?: Detail["fix"]): Detail => ({
    message: sentence(at, { sv, en }),
    ...(fix === undefined ? {} : { fix }),
  });

  const required = problem(
    "error",
    "constraint-error",
    (at) =>
      say(
        at,
        "väntade ett värde (fältet är obligatoriskt), fick en tom cell.",
        "expected a value (the field is required), found an empty cell.",
      ),
    "required",
  );
  const unique = problem("error", "unique-error", (at, _cell, other) =>
    say(
      at,
      `väntade ett värde som ingen annan rad har (fältet ska vara unikt), men ${rowText(format, other).sv} har samma värde.`,
      `expected a value no other row has (the field must be unique), but ${rowText(format, other).en} has the same value.`,
    ),
  );

  const whitespace = problem(
    "warning",
    "whitespace",
    () => ({ message: { sv: "", en: "" } }),
    undefined,
    (count, cell, row) => ({
      message: sentence(where(format, row, name), {
        sv: `${numberSv(count)} ${count === 1 ? "cell" : "celler"} i kolumnen har mellanslag före eller efter värdet (första: ${quoted(cell ?? "")}). Värdena kontrollerades utan dem.`,
        en: `${numberEn(count)} ${count === 1 ? "cell" : "cells"} in the column have spaces before or after the value (first: ${quoted(cell ?? "")}). The values were checked without them.`,
      }),
      fix: {
        value: cell?.trim() ?? null,
        message: { sv: "Ta bort mellanslagen.", en: "Remove the spaces." },
        automatic: true,
      },
    }),
  );
  const missingCell = problem("error", "missing-cell", (at) =>
    say(
      at,
      "väntade en cell, men raden tar slut före kolumnen (för få avgränsare).",
      "expected a cell, but the row ends before this column (too few delimiters).",
    ),
  );

  // --- the type check -------------------------------------------------------------------------
  // The field's own example, else one for the type: "väntade ett heltal (t.ex. 42)".
  const example = field.example !== "" ? field.example : typeName.example;
  const eg = example === "" ? { sv: "", en: "" } : { sv: ` (t.ex. ${example})`, en: ` (e.g. ${example})` };
  const typeError = problem("error", "type-error", (at, cell) => {
    const fix = typeFix(type, cell);
    return say(
      at,
      `väntade ${typeName.sv}${eg.sv}, fick ${quoted(cell)}.${fix === undefined ? "" : ` Menade du "${fix.value}"?`}`,
      `expected ${typeName.en}${eg.en}, found ${quoted(cell)}.${fix === undefined ? "" : ` Did you mean "${fix.value}"?`}`,
      fix === undefined
        ? undefined
        : {
            value: fix.value,
            automatic: fix.automatic,
            message: { sv: `Skriv "${fix.value}".`, en: `Write "${fix.value}".` },
          },
    );
  });
  const decimalComma = problem(
    "warning",
    "decimal-comma",
    () => ({ message: { sv: "", en: "" } }),
    undefined,
    (count, cell, row) => ({
      message: sentence(where(format, row, name), {
        sv: `${numberSv(count)} tal i kolumnen har decimalkomma (första: ${quoted(cell ?? "")}). De godtas, men plattformens format är decimalpunkt.`,
        en: `${numberEn(count)} numbers in the column have a decimal comma (first: ${quoted(cell ?? "")}). They are accepted, but the platform's format uses a decimal point.`,
      }),
      fix: {
        value: cell?.replace(",", ".") ?? null,
        message: {
          sv: "Skriv decimalpunkt i stället för komma.",
          en: "Write a decimal point instead of a comma.",
        },
        automatic: true,
      },
    }),
  );

  const trueValues = new StringSet([...DEFAULT_TRUE, ...(field.trueValues ?? [])]);
  const falseValues = new StringSet([...DEFAULT_FALSE, ...(field.falseValues ?? [])]);
  const format_ =
    field.format === "uri"
      ? uriFormat(field.uriSchemes ?? DEFAULT_URI_SCHEMES)
      : field.format !== undefined && field.format !== "default"
        ? FORMATS[field.format]
        : undefined;
  const formatError =
    format_ === undefined
      ? undefined
      : problem("error", "type-error", (at, cell) =>
          say(
            at,
            `väntade ${format_.sv}, fick ${quoted(cell)}.`,
            `expected ${format_.en}, found ${quoted(cell)}.`,
          ),
        );

  // --- constraints --------------------------------------------------------------------------
  const enumValues = c.enum ?? field.codeList?.map((entry) => entry.value);
  const enumSet = enumValues === undefined ? undefined : new StringSet(enumValues);
  const enumError =
    enumValues === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) => {
            const near = enumValues.find((v) => foldName(v) === foldName(cell));
            const shown = enumValues.slice(0, 12).map((v) => `"${v}"`);
            const more = enumValues.length > 12 ? ` (+${enumValues.length - 12})` : "";
            return say(
              at,
              `väntade ett av värdena ${listSv(shown)}${more}, fick ${quoted(cell)}.${near === undefined ? "" : ` Menade du "${near}"?`}`,
              `expected one of ${listEn(shown)}${more}, found ${quoted(cell)}.${near === undefined ? "" : ` Did you mean "${near}"?`}`,
              near === undefined
                ? undefined
                : {
                    value: near,
                    automatic: false,
                    message: { sv: `Skriv "${near}".`, en: `Write "${near}".` },
                  },
            );
          },
          "enum",
        );

  const numeric = type === "integer" || type === "number" || type === "year";
  const ordered =
    numeric || type === "date" || type === "datetime" || type === "time" || type === "yearmonth";
  const min = ordered ? c.minimum : undefined;
  const max = ordered ? c.maximum : undefined;
  const minNum = numeric && min !== undefined ? Number(min) : NaN;
  const maxNum = numeric && max !== undefined ? Number(max) : NaN;
  const minText = min === undefined ? "" : String(min);
  const maxText = max === undefined ? "" : String(max);
  const showBound = (b: string): { sv: string; en: string } =>
    numeric ? { sv: numberSv(Number(b)), en: numberEn(Number(b)) } : { sv: b, en: b };
  const minError =
    min === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) =>
            say(
              at,
              `väntade ${typeName.sv} på minst ${showBound(minText).sv}, fick ${quoted(cell)}.`,
              `expected ${typeName.en} of at least ${showBound(minText).en}, found ${quoted(cell)}.`,
            ),
          "minimum",
        );
  const maxError =
    max === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) =>
            say(
              at,
              `väntade ${typeName.sv} på högst ${showBound(maxText).sv}, fick ${quoted(cell)}.`,
              `expected ${typeName.en} of at most ${showBound(maxText).en}, found ${quoted(cell)}.`,
            ),
          "maximum",
        );
  const minLength = c.minLength;
  const maxLength = c.maxLength;
  const minLengthError =
    minLength === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) =>
            say(
              at,
              `väntade minst ${minLength} tecken, fick ${cell.length}: ${quoted(cell)}.`,
              `expected at least ${minLength} characters, found ${cell.length}: ${quoted(cell)}.`,
            ),
          "minLength",
        );
  const maxLengthError =
    maxLength === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) =>
            say(
              at,
              `väntade högst ${numberSv(maxLength)} tecken, fick ${numberSv(cell.length)}: ${quoted(cell)}.`,
              `expected at most ${numberEn(maxLength)} characters, found ${numberEn(cell.length)}: ${quoted(cell)}.`,
            ),
          "maxLength",
        );
  const pattern = c.pattern;
  const regex = pattern === undefined ? undefined : compilePattern(pattern, name);
  const patternError =
    pattern === undefined
      ? undefined
      : problem(
          "error",
          "constraint-error",
          (at, cell) =>
            cell.length > PATTERN_VALUE_CAP
              ? say(
                  at,
                  `väntade ett värde som följer mönstret ${pattern}, fick ett på ${numberSv(cell.length)} tecken; värden över ${numberSv(PATTERN_VALUE_CAP)} tecken prövas inte mot mönster.`,
                  `expected a value matching the pattern ${pattern}, found one of ${numberEn(cell.length)} characters; values over ${numberEn(PATTERN_VALUE_CAP)} characters are not tested against patterns.`,
                )
              : say(
                  at,
                  `väntade ett värde som följer mönstret ${pattern}, fick ${quoted(cell)}.`,
                  `expected a value matching the pattern ${pattern}, found ${quoted(cell)}.`,
                ),
          "pattern",
        );

  const known = context.knownOrganizationCodes;
  const orgError =
    field.reference === "organization"
      ? problem("error", "reference-error", (at, cell) => organizationDetail(at, cell, known))
      : undefined;

  return new CompiledField({
    name,
    definition: field,
    required: options.forceRequired || c.required === true,
    unique: c.unique === true,
    kind: KINDS[type],
    slot: options.index,
    context,
    test: format_?.test ?? null,
    minNum,
    maxNum,
    minText: min === undefined ? null : minText,
    maxText: max === undefined ? null : maxText,
    enumSet: enumSet ?? null,
    minLength: minLength ?? -1,
    maxLength: maxLength ?? Number.POSITIVE_INFINITY,
    regex: regex ?? null,
    organization: field.reference === "organization",
    trueValues,
    falseValues,
    problems: {
      required,
      unique,
      whitespace,
      missingCell,
      type: typeError,
      format: formatError,
      decimalComma,
      min: minError,
      max: maxError,
      enum: enumError,
      minLength: minLengthError,
      maxLength: maxLengthError,
      pattern: patternError,
      organization: orgError,
    },
  });
}

function rowText(format: TableFormat, row: number): { sv: string; en: string } {
  return format === "json" || format === "geojson"
    ? { sv: `objekt ${row}`, en: `object ${row}` }
    : { sv: `rad ${row}`, en: `row ${row}` };
}

/** A suggestion for a value of the wrong type; `automatic` when the fixer makes it. */
function typeFix(
  type: FieldDefinition["type"],
  cell: string,
): { value: string; automatic: boolean } | undefined {
  switch (type) {
    case "number": {
      const value = normalizeNumber(cell);
      return value === undefined ? undefined : { value, automatic: true };
    }
    case "integer": {
      const value = normalizeNumber(cell);
      return value !== undefined && isInteger(value) ? { value, automatic: true } : undefined;
    }
    case "date": {
      const value = suggestDate(cell);
      return value === undefined ? undefined : { value, automatic: false };
    }
    case "boolean":
      return undefined;
    default:
      return undefined;
  }
}

function organizationDetail(at: LocalizedText, cell: string, known: CodeLookup | undefined): Detail {
  const verdict = checkOrganization(cell, known);
  const found = quoted(cell);
  const message = (sv: string, en: string): LocalizedText => sentence(at, { sv, en });
  if (verdict.ok) return { message: message("", "") };
  switch (verdict.reason) {
    case "lost-zero": {
      const fix = verdict.fix ?? cell;
      const digits = fix.length === 4 ? "fyra" : "två";
      return {
        message: message(
          `väntade en kod med ${digits} siffror, fick ${found}: den inledande nollan har försvunnit (Excel tar bort den i talceller). Rätt kod är "${fix}".`,
          `expected a code of ${fix.length} digits, found ${found}: the leading zero was lost (Excel drops it in number cells). The code is "${fix}".`,
        ),
        fix: {
          value: fix,
          automatic: true,
          message: {
            sv: `Skriv "${fix}" och formatera kolumnen som text.`,
            en: `Write "${fix}" and format the column as text.`,
          },
        },
      };
    }
    case "missing-hyphen": {
      const fix = verdict.fix ?? cell;
      return {
        message: message(
          `väntade ett organisationsnummer med bindestreck (NNNNNN-NNNN), fick ${found}.`,
          `expected an organisationsnummer with a hyphen (NNNNNN-NNNN), found ${found}.`,
        ),
        fix: { value: fix, automatic: false, message: { sv: `Skriv "${fix}".`, en: `Write "${fix}".` } },
      };
    }
    case "bad-luhn":
      return {
        message: message(
          `väntade ett organisationsnummer med rätt kontrollsiffra, fick ${found} (kontrollsiffran stämmer inte).`,
          `expected an organisationsnummer with a valid check digit, found ${found} (the check digit is wrong).`,
        ),
      };
    case "unknown":
      return {
        message: message(
          `väntade en känd kommunkod (4 siffror) eller regionkod (2 siffror), fick ${found}, som ingen kommun eller region har.`,
          `expected a known municipality code (4 digits) or region code (2 digits), found ${found}, which no municipality or region has.`,
        ),
      };
    case "malformed":
      return {
        message: message(
          `väntade en kommunkod (4 siffror, t.ex. "0180"), en regionkod (2 siffror) eller ett organisationsnummer (NNNNNN-NNNN), fick ${found}.`,
          `expected a municipality code (4 digits, e.g. "0180"), a region code (2 digits) or an organisationsnummer (NNNNNN-NNNN), found ${found}.`,
        ),
      };
  }
}
