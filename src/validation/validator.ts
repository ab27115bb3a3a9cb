import type { SpecificationDefinition } from "../specs/definition.ts";
import { checkPatterns } from "./fields.ts";
import type { GeoOptions } from "./geo-check.ts";
import * as msg from "./messages.ts";
import { openTable, type OpenTableOptions } from "./reader/index.ts";
import { ReportCollector } from "./report.ts";
import type { RowSet } from "./row-set.ts";
import { RowValidator } from "./row-validator.ts";
import { coordinateColumns } from "./schema.ts";
import { StringSet } from "./string-set.ts";
import type { ByteSource, TableFormat, ValidationReport } from "./types.ts";

export interface ValidateOptions extends Omit<OpenTableOptions, "coordinates">, GeoOptions {
  /** Known kommunkoder and region codes for `reference: "organization"` fields. */
  readonly knownOrganizationCodes?: ReadonlySet<string>;
  /** How many errors and warnings are listed (counts stay exact beyond). Default 1000 each. */
  readonly maxErrors?: number;
  readonly maxWarnings?: number;
  /** Filled with the row numbers that have errors (publishing only the valid rows). */
  readonly errorRows?: RowSet;
}

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
  const table = await openTable(
    source,
    {
      issue(issue, fatal) {
        report.add(issue);
        if (fatal) complete = false;
      },
    },
    {
      ...options,
      expectedColumns: fields.map((f) => f.name),
      ...(coordinates === undefined ? {} : { coordinates }),
    },
  );
  const format = table.format;
  let header: readonly string[] | undefined;
  let validator: RowValidator | undefined;
  try {
    for await (const batch of table.batches) {
      const batchRows = batch.rows;
      const numbers = batch.rowNumbers;
      let r = 0;
      if (validator === undefined) {
        const first = batchRows[0];
        if (first === undefined) continue;
        header = first;
        const headerRow = numbers[0] ?? 1;
        validator = new RowValidator(
          spec,
          first,
          headerRow === 0 ? null : headerRow,
          {
            report,
            values: new Float64Array(fields.length).fill(NaN),
            format,
            decimalComma: table.dialect().decimalComma,
            knownOrganizationCodes:
              options.knownOrganizationCodes === undefined
                ? undefined
                : new StringSet(options.knownOrganizationCodes),
          },
          options,
        );
        r = 1;
      }
      for (; r < batchRows.length; r++) {
        validator.row(batchRows[r] as string[], numbers[r] as number);
      }
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
