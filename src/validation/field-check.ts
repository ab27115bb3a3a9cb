import type { FieldDefinition } from "../specs/definition.ts";
import type { Problem, RunContext } from "./fields.ts";
import { checkOrganization, type CodeLookup } from "./organization.ts";
import { PATTERN_VALUE_CAP } from "../specs/pattern.ts";
import type { Detail, ReportCollector } from "./report.ts";
import type { StringSet } from "./string-set.ts";
import { isDate, isDatetime, isTime, isYear, isYearMonth, parseInteger, parseNumber } from "./values.ts";

export const KINDS: Record<FieldDefinition["type"], number> = {
  string: 0,
  integer: 1,
  number: 2,
  boolean: 3,
  date: 4,
  datetime: 5,
  time: 6,
  year: 7,
  yearmonth: 8,
};

export interface FieldProblems {
  readonly required: Problem;
  readonly unique: Problem;
  readonly whitespace: Problem;
  readonly missingCell: Problem;
  readonly type: Problem;
  readonly format: Problem | undefined;
  readonly decimalComma: Problem;
  readonly min: Problem | undefined;
  readonly max: Problem | undefined;
  readonly enum: Problem | undefined;
  readonly minLength: Problem | undefined;
  readonly maxLength: Problem | undefined;
  readonly pattern: Problem | undefined;
  readonly organization: Problem | undefined;
}

/** What `CompiledField.accepts` found: not sure (`check` decides), passes, or passes with a warning. */
export type Acceptance = typeof NOT_SURE | typeof ACCEPTED | typeof WITH_DECIMAL_COMMA;
export const NOT_SURE = 0;
export const ACCEPTED = 1;
/** A number written with a decimal comma: accepted, and counted as a warning. */
export const WITH_DECIMAL_COMMA = 2;

export type FieldPlan = Omit<CompiledField, "accepts" | "check" | "numeric"> & {
  readonly context: RunContext;
};

/**
 * A field's checks as data, run by one method with a switch on the type: every field is the same
 * class, so the per-cell call stays monomorphic and is inlined, where a closure per field would
 * make the call site megamorphic.
 */
export class CompiledField {
  readonly name: string;
  readonly definition: FieldDefinition;
  readonly required: boolean;
  readonly unique: boolean;
  /** The type as a small number for the switch. */
  readonly kind: number;
  /** This field's index in `RunContext.values`. */
  readonly slot: number;
  /** Whether `check` leaves the cell's number in `RunContext.values`. */
  readonly numeric: boolean;
  readonly test: ((s: string) => boolean) | null;
  readonly minNum: number;
  readonly maxNum: number;
  readonly minText: string | null;
  readonly maxText: string | null;
  readonly enumSet: StringSet | null;
  readonly minLength: number;
  readonly maxLength: number;
  readonly regex: RegExp | null;
  readonly organization: boolean;
  readonly trueValues: StringSet;
  readonly falseValues: StringSet;
  readonly problems: FieldProblems;
  /** Whether any constraint follows the type check (most fields have none). */
  private readonly constrained: boolean;
  private readonly values: Float64Array;
  private readonly decimalCommaAccepted: boolean;
  private readonly report: ReportCollector;
  private readonly known: CodeLookup | undefined;

  constructor(plan: FieldPlan) {
    this.name = plan.name;
    this.definition = plan.definition;
    this.required = plan.required;
    this.unique = plan.unique;
    this.kind = plan.kind;
    this.slot = plan.slot;
    this.numeric = plan.kind === 1 || plan.kind === 2;
    this.test = plan.test;
    this.minNum = plan.minNum;
    this.maxNum = plan.maxNum;
    this.minText = plan.minText;
    this.maxText = plan.maxText;
    this.enumSet = plan.enumSet;
    this.minLength = plan.minLength;
    this.maxLength = plan.maxLength;
    this.regex = plan.regex;
    this.organization = plan.organization;
    this.trueValues = plan.trueValues;
    this.falseValues = plan.falseValues;
    this.problems = plan.problems;
    // Numbers and years have their bounds checked with the type; dates and times as text here.
    const textual = plan.kind >= 4 && plan.kind !== 7;
    this.constrained =
      (textual && (plan.minText !== null || plan.maxText !== null)) ||
      plan.enumSet !== null ||
      plan.minLength >= 0 ||
      plan.maxLength !== Number.POSITIVE_INFINITY ||
      plan.regex !== null ||
      plan.organization;
    this.values = plan.context.values;
    this.decimalCommaAccepted = plan.context.decimalComma;
    this.report = plan.context.report;
    this.known = plan.context.knownOrganizationCodes;
  }

  /**
   * Whether a non-missing, trimmed value passes in one of the common ways, leaving its number in
   * `RunContext.values` as `check` does. A value this is not sure of goes to `check`, which
   * decides and reports: accepting is only a shortcut, and never accepts what `check` would not.
   * A number written with a decimal comma passes with a warning, which the caller counts.
   * `check` is too large for V8 to inline into the row loop and this is not (keep it under 460
   * bytes of bytecode); with it, clean rows, nearly all of a large file, go about a tenth faster.
   */
  accepts(v: string): Acceptance {
    let n: number;
    let passed: Acceptance = ACCEPTED;
    // An unset bound is NaN, which no comparison fails.
    switch (this.kind) {
      case 0:
        if (this.test !== null && !this.test(v)) return NOT_SURE;
        break;
      case 1:
        n = parseInteger(v);
        this.values[this.slot] = n;
        if (Number.isNaN(n) || n < this.minNum || n > this.maxNum) return NOT_SURE;
        break;
      case 2:
        n = parseNumber(v, this.decimalCommaAccepted);
        this.values[this.slot] = n;
        if (Number.isNaN(n) || n < this.minNum || n > this.maxNum) return NOT_SURE;
        if (this.decimalCommaAccepted && v.includes(",")) passed = WITH_DECIMAL_COMMA;
        break;
      case 3:
        if (!(v === "true" || v === "false" || this.trueValues.has(v) || this.falseValues.has(v)))
          return NOT_SURE;
        break;
      case 4:
        if (!isDate(v)) return NOT_SURE;
        break;
      case 5:
        if (!isDatetime(v)) return NOT_SURE;
        break;
      default:
        return NOT_SURE;
    }
    if (!this.constrained) return passed;
    if (this.enumSet !== null && !this.enumSet.has(v)) return NOT_SURE;
    if (v.length < this.minLength || v.length > this.maxLength) return NOT_SURE;
    if (this.organization && this.known?.has(v) !== true) return NOT_SURE;
    return this.minText === null && this.maxText === null && this.regex === null ? passed : NOT_SURE;
  }

  /** Checks a non-missing, trimmed value; `row` and `column` only for warnings counted on the side. */
  check(v: string, row: number, column: number): Problem | undefined {
    const p = this.problems;
    switch (this.kind) {
      case 0: // string
        if (this.test !== null && !this.test(v)) return p.format;
        break;
      case 1: {
        // integer
        const n = parseInteger(v);
        this.values[this.slot] = n;
        if (Number.isNaN(n)) return p.type;
        if (n < this.minNum) return p.min;
        if (n > this.maxNum) return p.max;
        break;
      }
      case 2: {
        // number
        const n = parseNumber(v, this.decimalCommaAccepted);
        this.values[this.slot] = n;
        if (Number.isNaN(n)) return p.type;
        if (this.decimalCommaAccepted && v.includes(",")) {
          this.report.hit(p.decimalComma.tally, row, column, v, noDetail);
        }
        if (n < this.minNum) return p.min;
        if (n > this.maxNum) return p.max;
        break;
      }
      case 3: // boolean
        if (v === "true" || v === "false" || this.trueValues.has(v) || this.falseValues.has(v))
          return undefined;
        return this.trueValues.has(v.toLowerCase()) || this.falseValues.has(v.toLowerCase())
          ? undefined
          : p.type;
      case 4:
        if (!isDate(v)) return p.type;
        break;
      case 5:
        if (!isDatetime(v)) return p.type;
        break;
      case 6:
        if (!isTime(v)) return p.type;
        break;
      case 7: {
        // year
        if (!isYear(v)) return p.type;
        const n = Number(v);
        if (n < this.minNum) return p.min;
        if (n > this.maxNum) return p.max;
        break;
      }
      case 8:
        if (!isYearMonth(v)) return p.type;
        break;
    }
    if (!this.constrained) return undefined;
    // Dates and times compare as text: their ISO forms sort chronologically.
    if (this.minText !== null && this.kind >= 4 && this.kind !== 7 && v < this.minText) return p.min;
    if (this.maxText !== null && this.kind >= 4 && this.kind !== 7 && v > this.maxText) return p.max;
    if (this.enumSet !== null && !this.enumSet.has(v)) return p.enum;
    if (v.length < this.minLength) return p.minLength;
    if (v.length > this.maxLength) return p.maxLength;
    if (this.regex !== null && (v.length > PATTERN_VALUE_CAP || !this.regex.test(v))) return p.pattern;
    if (this.organization && this.known?.has(v) !== true && !checkOrganization(v, this.known).ok) {
      return p.organization;
    }
    return undefined;
  }
}

/** The detail of a problem that is only counted (never listed on its own). */
export const noDetail = (): Detail => ({ message: { sv: "", en: "" } });
