import type { SpecificationDefinition } from "../specs/definition.ts";
import { checkPatterns } from "./fields.ts";
import type { GeoOptions } from "./geo-check.ts";
import * as msg from "./messages.ts";
import { ValidationPool, type PoolJob } from "./parallel.ts";
import { rowValidatorFor, type WorkerPart } from "./part-protocol.ts";
import { parseBlock } from "./reader/csv-parser.ts";
import { parseEvents } from "./reader/csv.ts";
import { DEFAULT_LIMITS, openTable, type OpenTableOptions } from "./reader/index.ts";
import type { RecordBlock } from "./reader/csv-records.ts";
import type { ReaderLimits, RecordBlocks } from "./reader/types.ts";
import { ReportCollector, type ListRoom } from "./report.ts";
import type { RowSet } from "./row-set.ts";
import type { RowValidator } from "./row-validator.ts";
import { coordinateColumns } from "./schema.ts";
import type { ByteSource, Issue, TableFormat, ValidationReport } from "./types.ts";

export interface ValidateOptions extends Omit<OpenTableOptions, "coordinates">, GeoOptions {
  /** Known kommunkoder and region codes for `reference: "organization"` fields. */
  readonly knownOrganizationCodes?: ReadonlySet<string>;
  /** How many errors and warnings are listed (counts stay exact beyond). Default 1000 each. */
  readonly maxErrors?: number;
  readonly maxWarnings?: number;
  /** Filled with the row numbers that have errors (publishing only the valid rows). */
  readonly errorRows?: RowSet;
  /**
   * CSV past `minChars` characters is checked on worker threads as well, in blocks of
   * `blockChars`; false keeps it all on this thread, as does a PointInOrganization callback
   * (a function cannot go to another thread; OrganizationAreas can).
   */
  readonly parallel?: false | { readonly minChars?: number; readonly blockChars?: number };
}

/** Checked here while the workers start (about 25,000 rows); smaller files never need them. */
const PARALLEL_MIN_CHARS = 2 * 1024 * 1024;
/** Small blocks keep little text in flight; 256 KiB is still a few thousand rows per message. */
const BLOCK_CHARS = 256 * 1024;

/**
 * Validates a file against a specification in one streaming pass and reports, in Swedish and
 * English, what to fix. Throws an AppError (BAD_REQUEST) only for a specification whose patterns
 * are unsafe; every problem with the file itself ends up in the report.
 */
export async function validate(
  source: ByteSource,
  spec: SpecificationDefinition,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const started = performance.now();
  const fields = spec.schema.fields;
  checkPatterns(fields);
  const report = new ReportCollector(options.maxErrors, options.maxWarnings, options.errorRows);
  let complete = true;
  const coordinates = coordinateColumns(spec);
  const sink = {
    issue(issue: Issue, fatal = false) {
      report.add(issue);
      if (fatal) complete = false;
    },
  };
  const table = await openTable(source, sink, {
    ...options,
    expectedColumns: fields.map((f) => f.name),
    ...(coordinates === undefined ? {} : { coordinates }),
  });
  const format = table.format;
  let header: readonly string[] | undefined;
  let validator: RowValidator | undefined;
  const setupFor = (first: readonly string[], headerRow: number): ValidatorSetup => ({
    spec,
    header: first,
    headerRow: headerRow === 0 ? null : headerRow,
    format,
    decimalComma: table.dialect().decimalComma,
    knownOrganizationCodes: options.knownOrganizationCodes,
    organizationCode: options.organizationCode,
    organizationAreas: options.organizationAreas,
  });
  const row = (cells: readonly string[], rowNumber: number): void => {
    if (validator !== undefined) validator.row(cells, rowNumber);
    else {
      header = cells;
      validator = rowValidatorFor(setupFor(cells, rowNumber), report, false, options.pointInOrganization);
    }
  };
  try {
    const parallel = options.parallel === false ? undefined : options.parallel;
    const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
    const records = table.records?.(parallel?.blockChars ?? BLOCK_CHARS);
    if (records === undefined) {
      for await (const batch of table.batches) {
        const numbers = batch.rowNumbers;
        for (let r = 0; r < batch.rows.length; r++) row(batch.rows[r] ?? [], numbers[r] ?? 0);
      }
    } else {
      const pool =
        options.parallel === false || options.pointInOrganization !== undefined
          ? undefined
          : ValidationPool.shared();
      await checkBlocks(records, {
        row,
        sink,
        limits,
        // Once the header is read and enough of the file, the rest goes to the workers.
        job: (charsRead) => {
          if (pool === undefined || validator === undefined || header === undefined) return undefined;
          if (charsRead < (parallel?.minChars ?? PARALLEL_MIN_CHARS)) {
            // More than a block: the file may well need the workers, so they start meanwhile.
            if (charsRead >= (parallel?.blockChars ?? BLOCK_CHARS)) pool.warm();
            return undefined;
          }
          return pool.open({
            ...setupFor(header, 1),
            parser: records.parser,
            limits,
            errorRows: options.errorRows !== undefined,
          });
        },
        room: () => report.room(),
        merge: (part) => {
          validator?.merge(part);
          for (const r of part.errorRows) options.errorRows?.add(r);
          if (part.fatal) complete = false;
        },
      });
    }
  } catch (error) {
    complete = false;
    report.add(msg.unreadable(error instanceof Error ? error.message.slice(0, 200) : String(error)));
  } finally {
    await table.close();
  }
  validator?.finish();
  const rows = validator?.rows ?? 0;
  if (validator !== undefined && rows === 0 && complete) report.add(msg.noRows(format));
  const dialect = table.dialect();
  if (format === "csv") {
    const notice = msg.dialectNotice(dialect);
    if (notice !== undefined) report.add(notice);
  }
  return finish(report, {
    complete,
    format,
    spec,
    rows,
    bytes: table.bytesRead(),
    started,
    dialect,
    header: header ?? [],
  });
}

type ValidatorSetup = Parameters<typeof rowValidatorFor>[0];

interface BlockRun {
  /** Checks a row here (the first one is the header). */
  row(cells: readonly string[], rowNumber: number): void;
  readonly sink: { issue(issue: Issue, fatal?: boolean): void };
  readonly limits: ReaderLimits;
  /** A job on the workers for the rest of the file, once it is worth one. */
  job(charsRead: number): PoolJob | undefined;
  /** Room left in the report's lists. */
  room(): ListRoom;
  /** Adds a part checked by a worker, in file order. */
  merge(part: WorkerPart): void;
}

/**
 * CSV blocks: checked here until the file proves large, then on the workers, whose parts are
 * added in file order as they come back. Blocks waiting are capped, so memory stays flat.
 * A record the parser cannot read (an unclosed quote) ends the rows; a reader that stops short
 * (a NUL byte, the byte cap) ends the blocks itself, after the whole records it read.
 */
async function checkBlocks(records: RecordBlocks, run: BlockRun): Promise<void> {
  let parserStopped = false;
  const events = parseEvents(
    {
      limits: run.limits,
      issue: (issue, fatal) => {
        run.sink.issue(issue, fatal);
        if (fatal === true) parserStopped = true;
      },
    },
    (cells, rowNumber) => run.row(cells, rowNumber),
  );
  const stopped = (): boolean => parserStopped;
  let job: PoolJob | undefined;
  let charsRead = 0;
  // Once a worker fails, the rest of the file is checked here: slower, but the report is whole.
  const workers = { failed: false };
  const waiting: { readonly block: RecordBlock; readonly part: Promise<WorkerPart> }[] = [];
  const mergeNext = async (): Promise<void> => {
    const next = waiting.shift();
    if (next === undefined) return;
    const part = await next.part.catch(() => undefined);
    if (part === undefined) {
      workers.failed = true;
      parseBlock(next.block, records.parser, events);
    } else {
      run.merge(part);
      if (part.fatal) parserStopped = true;
    }
  };
  try {
    for await (const block of records.blocks) {
      if (job !== undefined && !workers.failed) {
        waiting.push({ block, part: job.submit(block, run.room()) });
        if (waiting.length >= job.capacity) await mergeNext();
        if (stopped()) return;
        continue;
      }
      // After a failure, the blocks already sent come first.
      while (waiting.length > 0 && !stopped()) await mergeNext();
      if (stopped()) return;
      parseBlock(block, records.parser, events);
      charsRead += block.chars;
      if (stopped()) return;
      job ??= run.job(charsRead);
    }
    while (waiting.length > 0 && !stopped()) await mergeNext();
  } finally {
    job?.close();
    // Parts not merged (reading stopped) must not go unhandled when they fail.
    for (const { part } of waiting) part.catch(() => undefined);
  }
}

function finish(
  report: ReportCollector,
  run: {
    complete: boolean;
    format: TableFormat;
    spec: SpecificationDefinition;
    rows: number;
    bytes: number;
    started: number;
    dialect: ValidationReport["dialect"];
    header: readonly string[];
  },
): ValidationReport {
  const { errors, warnings, summary, truncated } = report.finish();
  return {
    valid: report.errorCount === 0,
    complete: run.complete,
    format: run.format,
    specification: { slug: run.spec.slug, version: run.spec.version },
    stats: {
      rows: run.rows,
      fields: run.spec.schema.fields.length,
      errors: report.errorCount,
      warnings: report.warningCount,
      bytes: run.bytes,
      durationMs: Math.round(performance.now() - run.started),
    },
    dialect: run.dialect,
    header: run.header,
    errors,
    warnings,
    truncated,
    summary,
  };
}
