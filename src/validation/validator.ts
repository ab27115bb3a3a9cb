import type { SpecificationDefinition } from "../specs/definition.ts";
import { checkPatterns } from "./fields.ts";
import type { GeoOptions } from "./geo-check.ts";
import * as msg from "./messages.ts";
import { ValidationPool, type PoolJob } from "./parallel.ts";
import { PartChecker, rowValidatorFor, type WorkerPart } from "./part-protocol.ts";
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
   * CSV past `minBytes` is checked on worker threads as well, in blocks of `blockBytes`; false
   * keeps it all on this thread, as does a PointInOrganization callback (a function cannot go to
   * another thread; OrganizationAreas can). Without `minBytes`, a file goes to workers already
   * running after its first block, and to workers it has to start after 2 MiB.
   */
  readonly parallel?: false | { readonly minBytes?: number; readonly blockBytes?: number };
}

/** Checked here while the workers start (about 25,000 rows); smaller files never start them. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
/** Small blocks keep little in flight; 256 KiB is still a few thousand rows per message. */
const BLOCK_BYTES = 256 * 1024;

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
    const records = table.records?.(parallel?.blockBytes ?? BLOCK_BYTES);
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
        // Once the header is read and enough of the file, the rest is checked in parts.
        parts: (bytesRead) => {
          if (pool === undefined || validator === undefined || header === undefined) return undefined;
          const minBytes = parallel?.minBytes ?? (pool.running ? 0 : PARALLEL_MIN_BYTES);
          if (bytesRead < minBytes) {
            // More than a block: the file may well need the workers, so they start meanwhile.
            if (bytesRead >= (parallel?.blockBytes ?? BLOCK_BYTES)) pool.warm();
            return undefined;
          }
          const setup = {
            ...setupFor(header, 1),
            parser: records.parser,
            limits,
            errorRows: options.errorRows !== undefined,
          };
          return { job: pool.open(setup), local: new PartChecker(setup) };
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
  /** Checkers of parts for the rest of the file, once it is worth them. */
  parts(bytesRead: number): PartCheckers | undefined;
  /** Room left in the report's lists. */
  room(): ListRoom;
  /** Adds a part, in file order. */
  merge(part: WorkerPart): void;
}

/** The workers, and a checker on this thread for the blocks that come while they are busy. */
interface PartCheckers {
  readonly job: PoolJob;
  readonly local: PartChecker;
}

/** A block checked as a part, or being checked on a worker. */
interface PendingPart {
  readonly block: RecordBlock;
  part: WorkerPart | undefined;
  failed: boolean;
}

/** Parts waiting to be added: beyond this, reading waits for the oldest, so memory stays flat. */
const MAX_PENDING_PARTS = 16;

/**
 * CSV blocks: checked here until the file proves large, then as parts, on the workers or, while
 * they are busy, here; the parts are added in file order. A record the parser cannot read (an
 * unclosed quote) ends the rows; a reader that stops short (a NUL byte, the byte cap) ends the
 * blocks itself, after the whole records it read.
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
  let parts: PartCheckers | undefined;
  let bytesRead = 0;
  // Once a worker fails, the rest of the file is checked here: slower, but the report is whole.
  const workers = { failed: false };
  const pending: PendingPart[] = [];
  /** Adds the oldest part (or checks its block here, when its worker failed). */
  const mergeOldest = (): void => {
    const next = pending.shift();
    if (next === undefined) return;
    if (next.part === undefined) {
      workers.failed = true;
      parseBlock(next.block, records.parser, events);
    } else {
      run.merge(next.part);
      if (next.part.fatal) parserStopped = true;
    }
    records.release(next.block);
  };
  const settled = (p: PendingPart | undefined): boolean =>
    p !== undefined && (p.part !== undefined || p.failed);
  let wake: (() => void) | undefined;
  /** Adds the oldest part once it is back. */
  const mergeOldestSettled = async (): Promise<void> => {
    while (!settled(pending[0])) await new Promise<void>((resolve) => (wake = resolve));
    mergeOldest();
  };
  try {
    for await (const block of records.blocks) {
      if (parts !== undefined && !workers.failed) {
        const { job, local } = parts;
        while (settled(pending[0]) && !stopped()) mergeOldest();
        if (stopped()) return;
        if (job.busy) pending.push({ block, part: local.check(block, run.room()), failed: false });
        else {
          const entry: PendingPart = { block, part: undefined, failed: false };
          pending.push(entry);
          job
            .submit(block, run.room())
            .then(
              (part) => (entry.part = part),
              () => (entry.failed = true),
            )
            .finally(() => wake?.());
        }
        while (pending.length >= MAX_PENDING_PARTS && !stopped()) await mergeOldestSettled();
        if (stopped()) return;
        continue;
      }
      // After a failure, the blocks already sent come first.
      while (pending.length > 0 && !stopped()) await mergeOldestSettled();
      if (stopped()) return;
      parseBlock(block, records.parser, events);
      bytesRead += block.bytes.length;
      records.release(block);
      if (stopped()) return;
      parts ??= run.parts(bytesRead);
    }
    while (pending.length > 0 && !stopped()) await mergeOldestSettled();
  } finally {
    parts?.job.close();
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
