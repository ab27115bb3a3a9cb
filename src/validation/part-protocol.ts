// What the reading thread and a validation worker say to each other, and the row checks both
// build from it. Kept apart from the pool (parallel.ts) so the worker's bundle holds only this.
import type { SpecificationDefinition } from "../specs/definition.ts";
import type { GeoOptions } from "./geo-check.ts";
import { parseBlock, type CsvParserOptions } from "./reader/csv-parser.ts";
import type { RecordBlock } from "./reader/csv-records.ts";
import { parseEvents } from "./reader/csv.ts";
import type { ReaderLimits } from "./reader/types.ts";
import { ReportCollector, type ListRoom } from "./report.ts";
import { RowValidator, type ValidatedPart } from "./row-validator.ts";
import { StringSet } from "./string-set.ts";
import type { OrganizationAreas, PointInOrganization, TableFormat } from "./types.ts";

/** Everything a worker needs to check parts of one file the way the reading thread would. */
export interface PartSetup {
  readonly spec: SpecificationDefinition;
  readonly header: readonly string[];
  readonly headerRow: number | null;
  readonly format: TableFormat;
  readonly decimalComma: boolean;
  readonly knownOrganizationCodes: ReadonlySet<string> | undefined;
  readonly organizationCode: string | undefined;
  readonly organizationAreas: OrganizationAreas | undefined;
  readonly parser: CsvParserOptions;
  readonly limits: ReaderLimits;
  /** Whether the parts send back the rows with errors. */
  readonly errorRows: boolean;
}

/** A part as a worker sends it back. */
export interface WorkerPart extends ValidatedPart {
  /** The rows with errors, ascending, when the setup asked for them. */
  readonly errorRows: readonly number[];
  /** The part ended reading (an unclosed quote, a record past the size cap). */
  readonly fatal: boolean;
}

export type WorkerRequest =
  | { readonly kind: "open"; readonly job: number; readonly setup: PartSetup; readonly areasId: number }
  | {
      readonly kind: "block";
      readonly job: number;
      readonly block: RecordBlock;
      /** Room left in the report's lists when the block was sent: the part lists no more. */
      readonly room: ListRoom;
    }
  | { readonly kind: "close"; readonly job: number };

export type WorkerReply = { readonly part: WorkerPart } | { readonly error: string };

/** The row checks for a file's header, in the reading thread (whole) or a worker (part). */
export function rowValidatorFor(
  setup: Omit<PartSetup, "parser" | "limits" | "errorRows">,
  report: ReportCollector,
  part: boolean,
  /** Only on the reading thread: a callback cannot go to a worker. */
  pointInOrganization?: PointInOrganization,
): RowValidator {
  const geo: GeoOptions = {
    ...(pointInOrganization === undefined ? {} : { pointInOrganization }),
    ...(setup.organizationCode === undefined ? {} : { organizationCode: setup.organizationCode }),
    ...(setup.organizationAreas === undefined ? {} : { organizationAreas: setup.organizationAreas }),
  };
  return new RowValidator(
    setup.spec,
    setup.header,
    setup.headerRow,
    {
      report,
      values: new Float64Array(setup.spec.schema.fields.length).fill(NaN),
      format: setup.format,
      decimalComma: setup.decimalComma,
      knownOrganizationCodes:
        setup.knownOrganizationCodes === undefined ? undefined : new StringSet(setup.knownOrganizationCodes),
    },
    geo,
    part,
  );
}

/**
 * Checks blocks of one file as parts: on a worker thread, or on the reading thread while the
 * workers are busy. Parts are added to the whole in file order, whichever thread checked them.
 */
export class PartChecker {
  private readonly validator: RowValidator;
  private readonly report: ReportCollector;
  private readonly errorRows: number[] = [];
  private fatal = false;

  constructor(private readonly setup: PartSetup) {
    const errorRows = this.errorRows;
    const rowSink = {
      add(row: number): void {
        if (errorRows[errorRows.length - 1] !== row) errorRows.push(row);
      },
    };
    // The lists' room comes with each block (limitLists).
    this.report = new ReportCollector(0, 0, setup.errorRows ? rowSink : undefined);
    this.validator = rowValidatorFor(setup, this.report, true);
  }

  check(block: RecordBlock, room: ListRoom): WorkerPart {
    const { validator, report } = this;
    report.limitLists(room);
    const context = {
      limits: this.setup.limits,
      issue: (issue: Parameters<ReportCollector["add"]>[0], fatal = false) => {
        report.add(issue);
        this.fatal ||= fatal;
      },
    };
    parseBlock(
      block,
      this.setup.parser,
      parseEvents(context, (cells, rowNumber) => validator.row(cells, rowNumber)),
    );
    const part = { ...validator.drain(), errorRows: this.errorRows.splice(0), fatal: this.fatal };
    this.fatal = false;
    return part;
  }
}
