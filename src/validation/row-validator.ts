import type { SpecificationDefinition } from "../specs/definition.ts";
import { noDetail, NOT_SURE, WITH_DECIMAL_COMMA, type CompiledField } from "./field-check.ts";
import { compileField, type Problem, type RunContext } from "./fields.ts";
import { compileGeo, type GeoOptions, type GeoRowCheck } from "./geo-check.ts";
import { projectedColumns } from "./geo.ts";
import { mapHeader } from "./headers.ts";
import { DuplicateFinder, HashLog, KeyColumns } from "./keys.ts";
import type { ReportPart } from "./report.ts";
import { primaryKeyOf } from "./schema.ts";
import { foldName, quoted, sentence, where } from "./text.ts";
import type { Issue } from "./types.ts";
import { restoreLeadingZero } from "./organization.ts";
import { hasOuterSpace, isOrganisationsnummer } from "./values.ts";

/** What checking one part of a file on another thread adds to the whole (see RowValidator.merge). */
export interface ValidatedPart {
  readonly rows: number;
  readonly report: ReportPart;
  /** Per key (the primary key, then each unique column): its hashes, for DuplicateFinder.absorb. */
  readonly keys: readonly Uint32Array[];
}

type Keys = KeyColumns | KeyColumns<HashLog>;

/**
 * The per-row work, set up once the header is known: compiled checks in column order. A `part`
 * validator checks a part of the file on another thread: it leaves the header to the whole
 * file's validator and logs keys instead of finding repeats, which need every row.
 */
export class RowValidator {
  rows = 0;
  private readonly fields: CompiledField[];
  private readonly columns: Int32Array;
  private readonly headerLength: number;
  private readonly missingDefault: boolean;
  private readonly missing: ReadonlySet<string>;
  private readonly uniques: (Keys | undefined)[];
  /** The same without the gaps, for the per-row loop. */
  private readonly uniqueKeys: Keys[];
  private readonly pkColumns: Int32Array;
  private readonly pk: Keys | undefined;
  private readonly pkProblem: Problem | undefined;
  private readonly pkName: string;
  private readonly geo: GeoRowCheck | undefined;
  private readonly missingCells: Problem;
  private readonly blankRow: Problem;
  private readonly extraCell: Problem;
  /** With a publisher's code: its column and the problem for a row that names someone else. */
  private readonly publisher:
    { readonly column: number; readonly code: string; readonly problem: Problem } | undefined;

  constructor(
    spec: SpecificationDefinition,
    header: readonly string[],
    headerRow: number | null,
    private readonly context: RunContext,
    options: GeoOptions,
    private readonly part = false,
  ) {
    const { report, format } = context;
    const pkNames = primaryKeyOf(spec);
    const specFields = spec.schema.fields;
    const mapping = mapHeader(header, specFields, {
      rowNumber: headerRow,
      required: (f) => f.constraints?.required === true || pkNames.includes(f.name),
    });
    if (!part) for (const issue of withProjectedHint(mapping.issues, header, spec)) report.add(issue);
    this.headerLength = header.length;
    this.fields = specFields.map((f, index) =>
      compileField(f, context, { forceRequired: pkNames.includes(f.name), index }),
    );
    this.columns = Int32Array.from(mapping.columns);
    const missingValues = spec.schema.missingValues;
    this.missingDefault = missingValues.length === 1 && missingValues[0] === "";
    this.missing = new Set(missingValues);
    const soleKey = pkNames.length === 1 ? pkNames[0] : undefined;
    const isMissing = this.missingDefault
      ? (v: string) => v.length === 0
      : (v: string) => this.missing.has(v);
    const keys = (columns: Int32Array): Keys =>
      part
        ? new KeyColumns(columns, isMissing, new HashLog())
        : new KeyColumns(columns, isMissing, new DuplicateFinder());
    this.uniques = this.fields.map((f, i) =>
      f.unique && f.name !== soleKey && (mapping.columns[i] ?? -1) >= 0
        ? keys(Int32Array.of(mapping.columns[i] ?? 0))
        : undefined,
    );
    this.uniqueKeys = this.uniques.filter((k) => k !== undefined);
    const pkIndexes = pkNames.map((name) => specFields.findIndex((f) => f.name === name));
    const pkMapped =
      pkIndexes.length > 0 && pkIndexes.every((i) => i >= 0 && (mapping.columns[i] ?? -1) >= 0);
    this.pkColumns = Int32Array.from(pkMapped ? pkIndexes.map((i) => mapping.columns[i] ?? -1) : []);
    this.pkName = pkNames.join(", ");
    this.pk = pkMapped ? keys(this.pkColumns) : undefined;
    const earlier =
      format === "csv" || format === "xlsx" ? { sv: "rad", en: "row" } : { sv: "objekt", en: "object" };
    const what =
      pkNames.length > 1
        ? { sv: `kombinationen av ${this.pkName}`, en: `the combination of ${this.pkName}` }
        : { sv: `värdet i ${this.pkName}`, en: `the value of ${this.pkName}` };
    this.pkProblem = pkMapped
      ? {
          tally: report.tally("error", "primary-key-error", this.pkName),
          describe: (at, _cell, other) => ({
            message: sentence(at, {
              sv: `väntade en nyckel som ingen annan rad har (${what.sv} ska vara unikt), men ${earlier.sv} ${other} har samma.`,
              en: `expected a key no other row has (${what.en} must be unique), but ${earlier.en} ${other} has the same.`,
            }),
          }),
        }
      : undefined;
    const orgIndex = specFields.findIndex((f) => f.reference === "organization");
    const orgColumn = orgIndex < 0 ? -1 : (mapping.columns[orgIndex] ?? -1);
    const ownCode = options.organizationCode;
    this.publisher =
      ownCode === undefined || orgColumn < 0
        ? undefined
        : {
            column: orgColumn,
            code: ownCode,
            problem: {
              tally: report.tally("error", "reference-error", specFields[orgIndex]?.name ?? null),
              describe: (at, cell) => ({
                message: sentence(at, {
                  sv: `väntade utgivarens kod ${quoted(ownCode)}, fick ${quoted(cell)}: varje rad ska höra till organisationen som publicerar filen.`,
                  en: `expected the publisher's code ${quoted(ownCode)}, found ${quoted(cell)}: every row must belong to the organization publishing the file.`,
                }),
              }),
            },
          };
    const geo = spec.schema.geo;
    this.geo =
      geo === undefined
        ? undefined
        : compileGeo(
            geo,
            {
              column: (name) => {
                const i = specFields.findIndex((f) => f.name === name);
                return i < 0 ? -1 : (mapping.columns[i] ?? -1);
              },
              valueSlot: (name) => {
                const i = specFields.findIndex((f) => f.name === name);
                return i >= 0 && this.fields[i]?.numeric === true ? i : -1;
              },
              organizationColumn: orgColumn,
            },
            context,
            options,
          );
    this.blankRow = {
      tally: report.tally("warning", "blank-row", null),
      describe: (at) => ({
        message: sentence(at, {
          sv: "raden är tom och hoppades över.",
          en: "the row is empty and was skipped.",
        }),
        fix: { value: null, automatic: true, message: { sv: "Ta bort raden.", en: "Delete the row." } },
      }),
    };
    const width = this.headerLength;
    this.missingCells = {
      tally: report.tally("error", "missing-cell", null),
      describe: (at, _cell, found) => ({
        message: sentence(at, {
          sv: `väntade ${width} celler som rubrikraden, fick ${found}: raden tar slut före kolumnen (för få avgränsare eller ett radbyte mitt i raden).`,
          en: `expected ${width} cells like the header, found ${found}: the row ends before this column (too few delimiters or a line break within the row).`,
        }),
      }),
    };
    this.extraCell = {
      tally: report.tally("error", "extra-cell", null),
      describe: (at, cell, other) => ({
        message: sentence(at, {
          sv: `väntade ${width} celler som rubrikraden, fick ${other}: den första extra är ${quoted(cell)}. Kontrollera avgränsare och citattecken i raden.`,
          en: `expected ${width} cells like the header, found ${other}: the first extra one is ${quoted(cell)}. Check the delimiters and quotes in the row.`,
        }),
      }),
    };
  }

  row(cells: readonly string[], rowNumber: number): void {
    this.rows++;
    const { report, values } = this.context;
    const n = cells.length;
    if (n !== this.headerLength) {
      if (isBlank(cells)) {
        this.hit(this.blankRow, rowNumber, null, null, null, 0);
        return;
      }
      if (n > this.headerLength) {
        this.hit(this.extraCell, rowNumber, null, this.headerLength + 1, cells[this.headerLength] ?? "", n);
      }
    } else if (cells[0] === "" && isBlank(cells)) {
      this.hit(this.blankRow, rowNumber, null, null, null, 0);
      return;
    }
    const fields = this.fields;
    const columns = this.columns;
    let missingCell: CompiledField | undefined;
    for (let f = 0; f < fields.length; f++) {
      const column = columns[f] ?? -1;
      const field = fields[f] as CompiledField;
      if (column < 0 || column >= n) {
        values[f] = NaN;
        if (column >= n) missingCell ??= field;
        continue;
      }
      let value = cells[column] as string;
      if (value.length !== 0 && hasOuterSpace(value)) {
        report.hit(field.problems.whitespace.tally, rowNumber, column + 1, value, noDetail);
        value = value.trim();
      }
      if (this.missingDefault ? value.length === 0 : this.missing.has(value)) {
        values[f] = NaN;
        if (field.required) this.hit(field.problems.required, rowNumber, field.name, column + 1, value, 0);
        continue;
      }
      const accepted = field.accepts(value);
      if (accepted !== NOT_SURE) {
        if (accepted === WITH_DECIMAL_COMMA) {
          report.hit(field.problems.decimalComma.tally, rowNumber, column + 1, value, noDetail);
        }
        continue;
      }
      const problem = field.check(value, rowNumber, column + 1);
      if (problem !== undefined) this.hit(problem, rowNumber, field.name, column + 1, value, 0);
    }
    if (missingCell !== undefined) {
      const column = (columns[fields.indexOf(missingCell)] ?? 0) + 1;
      this.hit(this.missingCells, rowNumber, missingCell.name, column, null, n);
    }
    if (this.publisher !== undefined) this.checkPublisher(cells, rowNumber, this.publisher);
    this.pk?.push(cells, rowNumber);
    for (const unique of this.uniqueKeys) unique.push(cells, rowNumber);
    if (this.geo !== undefined) this.geo(cells, rowNumber);
  }

  /** A code that is not the publisher's; an organisationsnummer is not in the registry, so it passes. */
  private checkPublisher(
    cells: readonly string[],
    rowNumber: number,
    publisher: NonNullable<RowValidator["publisher"]>,
  ): void {
    const cell = (cells[publisher.column] ?? "").trim();
    if (cell === "" || cell === publisher.code || isOrganisationsnummer(cell)) return;
    if (restoreLeadingZero(cell, this.context.knownOrganizationCodes) === publisher.code) return;
    const field = this.publisher?.problem.tally.fieldName ?? null;
    this.hit(publisher.problem, rowNumber, field, publisher.column + 1, cell, 0);
  }

  /** Counts a problem; its message is built only if the report lists it. */
  private hit(
    problem: Problem,
    rowNumber: number,
    fieldName: string | null,
    fieldNumber: number | null,
    cell: string | null,
    other: number,
  ): void {
    const { report, format } = this.context;
    report.hit(
      problem.tally,
      rowNumber,
      fieldNumber,
      cell,
      () => problem.describe(where(format, rowNumber, fieldName), cell ?? "", other),
      fieldName,
    );
  }

  /** A part's rows, problems and keys since the last call (on a part validator). */
  drain(): ValidatedPart {
    const rows = this.rows;
    this.rows = 0;
    const keys: Uint32Array[] = [];
    for (const k of [this.pk, ...this.uniques]) {
      if (k?.finder instanceof HashLog) keys.push(k.finder.drain());
    }
    return { rows, report: this.context.report.drain(), keys };
  }

  /** Adds a part checked elsewhere; parts must come in file order, after the rows checked here. */
  merge(part: ValidatedPart): void {
    this.rows += part.rows;
    this.context.report.merge(part.report);
    let k = 0;
    for (const key of [this.pk, ...this.uniques]) {
      if (key?.finder instanceof DuplicateFinder) key.finder.absorb(part.keys[k++] ?? new Uint32Array(0));
    }
  }

  /** Reports repeated keys and unique values, found once every row is read. */
  finish(): void {
    if (this.pk?.finder instanceof DuplicateFinder && this.pkProblem !== undefined) {
      const column = (this.pkColumns[0] ?? 0) + 1;
      for (const d of this.pk.finder.finish()) {
        this.hit(this.pkProblem, d.rowNumber, this.pkName, column, null, d.firstRow);
      }
    }
    this.uniques.forEach((key, f) => {
      const field = this.fields[f];
      if (!(key?.finder instanceof DuplicateFinder) || field === undefined) return;
      const column = (this.columns[f] ?? 0) + 1;
      for (const d of key.finder.finish()) {
        this.hit(field.problems.unique, d.rowNumber, field.name, column, null, d.firstRow);
      }
    });
  }
}

/**
 * Latitude/longitude missing but SWEREF 99 columns present: the missing-header issues say the
 * fixer computes them.
 */
function withProjectedHint(
  issues: readonly Issue[],
  header: readonly string[],
  spec: SpecificationDefinition,
): readonly Issue[] {
  const geo = spec.schema.geo;
  if (geo?.kind !== "wgs84") return issues;
  const folded = header.map((h) => foldName(h.trim()));
  const found = projectedColumns(folded);
  if (found === undefined) return issues;
  const [a = "", b = ""] = [header[found.a]?.trim(), header[found.b]?.trim()];
  return issues.map((issue) =>
    issue.type === "missing-header" && (issue.fieldName === geo.latitude || issue.fieldName === geo.longitude)
      ? {
          ...issue,
          fix: {
            value: null,
            automatic: true,
            message: {
              sv: `Rättningen räknar ut "${geo.latitude}" och "${geo.longitude}" från SWEREF 99-kolumnerna "${a}" och "${b}".`,
              en: `The fixer computes "${geo.latitude}" and "${geo.longitude}" from the SWEREF 99 columns "${a}" and "${b}".`,
            },
          },
        }
      : issue,
  );
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}
