import type { LocalizedText } from "../core/errors.ts";
import type {
  ConstraintName,
  Fix,
  Issue,
  IssueType,
  Severity,
  SummaryEntry,
  SummaryExample,
} from "./types.ts";
import { shorten } from "./text.ts";

export const DEFAULT_MAX_ISSUES = 1000;
const EXAMPLES = 5;

/** What a problem says about one occurrence; built only for occurrences that are kept. */
export interface Detail {
  readonly message: LocalizedText;
  readonly fix?: Fix;
}

/** One line of the summary, counted exactly; the issue lists are capped, this is not. */
export class Tally {
  count = 0;
  readonly examples: SummaryExample[] = [];
  /** Aggregated tallies add one issue per field at the end instead of one per cell. */
  first: { rowNumber: number | null; fieldNumber: number | null; cell: string | null } | undefined;

  constructor(
    readonly severity: Severity,
    readonly type: IssueType,
    readonly fieldName: string | null,
    readonly constraint: ConstraintName | undefined,
    readonly aggregate: ((count: number, first: Issue["cell"], row: number | null) => Detail) | undefined,
  ) {}
}

/** Where the rows with errors go: a RowSet, or a list sent back from a worker. */
export interface RowSink {
  add(row: number): void;
}

/** A tally's occurrences in one part of the file, to be added to the whole report. */
export interface TallyPart {
  readonly severity: Severity;
  readonly type: IssueType;
  readonly fieldName: string | null;
  readonly constraint: ConstraintName | undefined;
  readonly count: number;
  readonly examples: readonly SummaryExample[];
  readonly first: Tally["first"];
}

/** What a part of the file (checked on another thread) adds to the report, in row order. */
export interface ReportPart {
  readonly tallies: readonly TallyPart[];
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly dropped: boolean;
}

export interface ListRoom {
  readonly errors: number;
  readonly warnings: number;
}

/** Collects issues with exact counts and capped lists. */
export class ReportCollector {
  private readonly tallies = new Map<string, Tally>();
  private readonly errorList: Issue[] = [];
  private readonly warningList: Issue[] = [];
  errorCount = 0;
  warningCount = 0;
  /** Set once an occurrence was counted but not listed. */
  private dropped = false;

  constructor(
    private maxErrors = DEFAULT_MAX_ISSUES,
    private maxWarnings = DEFAULT_MAX_ISSUES,
    /** Collects the row numbers of every error, for publishing only the valid rows. */
    private readonly errorRows?: RowSink,
  ) {}

  tally(
    severity: Severity,
    type: IssueType,
    fieldName: string | null,
    constraint?: ConstraintName,
    aggregate?: Tally["aggregate"],
  ): Tally {
    const key = `${severity}\u0000${type}\u0000${fieldName ?? ""}\u0000${constraint ?? ""}`;
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      tally = new Tally(severity, type, fieldName, constraint, aggregate);
      this.tallies.set(key, tally);
    }
    return tally;
  }

  /** True when an occurrence of this tally would be listed, so its message is worth building. */
  wants(tally: Tally): boolean {
    if (tally.aggregate !== undefined) return false;
    return tally.severity === "error"
      ? this.errorList.length < this.maxErrors
      : this.warningList.length < this.maxWarnings;
  }

  /**
   * Counts one occurrence. `detail` is called only when the occurrence is listed, so the hot
   * path builds no strings for the millionth repeat of a problem.
   */
  hit(
    tally: Tally,
    rowNumber: number | null,
    fieldNumber: number | null,
    cell: string | null,
    detail: () => Detail,
    fieldName: string | null = tally.fieldName,
  ): void {
    tally.count++;
    if (tally.severity === "error") {
      this.errorCount++;
      if (rowNumber !== null) this.errorRows?.add(rowNumber);
    } else this.warningCount++;
    if (tally.examples.length < EXAMPLES) {
      tally.examples.push({ rowNumber, cell: cell === null ? null : shorten(cell) });
    }
    if (tally.aggregate !== undefined) {
      tally.first ??= { rowNumber, fieldNumber, cell: cell === null ? null : shorten(cell) };
      return;
    }
    if (!this.wants(tally)) {
      this.dropped = true;
      return;
    }
    const { message, fix } = detail();
    const issue: Issue = {
      type: tally.type,
      severity: tally.severity,
      ...(tally.constraint === undefined ? {} : { constraint: tally.constraint }),
      rowNumber,
      fieldName,
      fieldNumber,
      cell: cell === null ? null : shorten(cell),
      message,
      ...(fix === undefined ? {} : { fix }),
    };
    (tally.severity === "error" ? this.errorList : this.warningList).push(issue);
  }

  /** Adds a fully built issue (reader and header problems). */
  add(issue: Issue): void {
    const tally = this.tally(issue.severity, issue.type, issue.fieldName, issue.constraint);
    this.hit(tally, issue.rowNumber, issue.fieldNumber, issue.cell, () => issue, issue.fieldName);
  }

  /** How many more errors and warnings the lists take. */
  room(): ListRoom {
    return {
      errors: Math.max(0, this.maxErrors - this.errorList.length),
      warnings: Math.max(0, this.maxWarnings - this.warningList.length),
    };
  }

  /**
   * Lists at most this many from now on (a part: no more than the whole report still has room
   * for, so a worker does not build messages that would be dropped).
   */
  limitLists(room: ListRoom): void {
    this.maxErrors = room.errors;
    this.maxWarnings = room.warnings;
  }

  /**
   * What was collected since the last call, as a part for another collector's `merge`; this one
   * starts over (its tallies stay, so the checks compiled against them keep working).
   */
  drain(): ReportPart {
    const tallies: TallyPart[] = [];
    for (const t of this.tallies.values()) {
      if (t.count === 0) continue;
      const { severity, type, fieldName, constraint, count, first } = t;
      tallies.push({ severity, type, fieldName, constraint, count, examples: t.examples.splice(0), first });
      t.count = 0;
      t.first = undefined;
    }
    const part = {
      tallies,
      errors: this.errorList.splice(0),
      warnings: this.warningList.splice(0),
      dropped: this.dropped,
    };
    this.errorCount = 0;
    this.warningCount = 0;
    this.dropped = false;
    return part;
  }

  /**
   * Adds a part that follows everything collected so far in the file: counts add up, and the
   * capped lists and examples fill in row order exactly as if the part's rows were checked here.
   */
  merge(part: ReportPart): void {
    for (const t of part.tallies) {
      const tally = this.tally(t.severity, t.type, t.fieldName, t.constraint);
      tally.count += t.count;
      if (t.severity === "error") this.errorCount += t.count;
      else this.warningCount += t.count;
      for (const example of t.examples) {
        if (tally.examples.length >= EXAMPLES) break;
        tally.examples.push(example);
      }
      if (tally.aggregate !== undefined) tally.first ??= t.first;
    }
    this.dropped ||= part.dropped;
    this.dropped = append(this.errorList, part.errors, this.maxErrors) || this.dropped;
    this.dropped = append(this.warningList, part.warnings, this.maxWarnings) || this.dropped;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  finish(): {
    errors: readonly Issue[];
    warnings: readonly Issue[];
    summary: readonly SummaryEntry[];
    truncated: boolean;
  } {
    const aggregated: Issue[] = [];
    const aggregatedErrors: Issue[] = [];
    const summary: SummaryEntry[] = [];
    for (const t of this.tallies.values()) {
      if (t.count === 0) continue;
      summary.push({
        severity: t.severity,
        fieldName: t.fieldName,
        type: t.type,
        ...(t.constraint === undefined ? {} : { constraint: t.constraint }),
        count: t.count,
        examples: t.examples,
      });
      if (t.aggregate !== undefined && t.first !== undefined) {
        const { message, fix } = t.aggregate(t.count, t.first.cell, t.first.rowNumber);
        const issue: Issue = {
          type: t.type,
          severity: t.severity,
          rowNumber: t.first.rowNumber,
          fieldName: t.fieldName,
          fieldNumber: t.first.fieldNumber,
          cell: t.first.cell,
          message,
          ...(fix === undefined ? {} : { fix }),
        };
        (t.severity === "error" ? aggregatedErrors : aggregated).push(issue);
      }
    }
    // Repeated keys are found at the end; row order reads best whatever the order of finding.
    const byRow = (x: Issue, y: Issue): number => (x.rowNumber ?? 0) - (y.rowNumber ?? 0);
    const errors = [...aggregatedErrors, ...this.errorList.sort(byRow)];
    const warnings = [...aggregated, ...this.warningList.sort(byRow)];
    return {
      errors,
      warnings,
      summary,
      truncated: this.dropped,
    };
  }
}

/** Appends up to `max` in all; true when some were left out. */
function append(list: Issue[], more: readonly Issue[], max: number): boolean {
  const room = Math.max(0, max - list.length);
  list.push(...more.slice(0, room));
  return more.length > room;
}
