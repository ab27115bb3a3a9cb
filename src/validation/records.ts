import type { FieldDefinition, SpecificationDefinition } from "../specs/definition.ts";
import { DEFAULT_FALSE, DEFAULT_TRUE } from "./fields.ts";
import { buildPlan, noFixChanges, type FixChanges } from "./fix.ts";
import { parseCrs, roundDegrees, toWgs84 } from "./geo.ts";
import { openTable, type OpenTableOptions } from "./reader/index.ts";
import type { RowSet } from "./row-set.ts";
import { coordinateColumns } from "./schema.ts";
import type { ByteSource } from "./types.ts";
import { parseNumber } from "./values.ts";

export type RecordValue = string | number | boolean | null;

/** One row as the national dataset stores it: typed values by field name, and its WGS 84 position. */
export interface NormalizedRecord {
  /** Where the row was in the file: CSV/Excel row (header = 1), or the JSON object's index. */
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, RecordValue>>;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface ReadRecordsOptions extends Omit<OpenTableOptions, "coordinates"> {
  readonly knownOrganizationCodes?: ReadonlySet<string>;
  /** Rows to leave out: the ones the validator found errors in. */
  readonly skipRows?: RowSet;
  readonly batchSize?: number;
}

/**
 * Reads a file's rows as typed records, in batches, after the fixer's mechanical corrections
 * (decimal comma, lost leading zeros, SWEREF 99 to WGS 84…), so what is stored is what the
 * publisher meant. Meant for files that were validated first: values that still do not parse are
 * stored as null, and skipRows leaves out the rows the validator rejected.
 */
export async function* readRecords(
  source: ByteSource,
  spec: SpecificationDefinition,
  options: ReadRecordsOptions = {},
): AsyncGenerator<NormalizedRecord[], void, undefined> {
  const fields = spec.schema.fields;
  const coordinates = coordinateColumns(spec);
  const table = await openTable(
    source,
    { issue: () => undefined },
    {
      ...options,
      expectedColumns: fields.map((f) => f.name),
      ...(coordinates === undefined ? {} : { coordinates }),
    },
  );
  const batchSize = options.batchSize ?? 1000;
  const changes = noFixChanges();
  let toRecord: ((cells: string[], rowNumber: number) => NormalizedRecord | undefined) | undefined;
  let batch: NormalizedRecord[] = [];
  try {
    for await (const { rows, rowNumbers } of table.batches) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as readonly string[];
        if (toRecord === undefined) {
          toRecord = recordReader(spec, row, changes, options.knownOrganizationCodes);
          continue;
        }
        const rowNumber = rowNumbers[r] as number;
        if (options.skipRows?.has(rowNumber) === true) continue;
        const record = toRecord([...row], rowNumber);
        if (record === undefined) continue;
        batch.push(record);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  } finally {
    await table.close();
  }
  if (batch.length > 0) yield batch;
}

function recordReader(
  spec: SpecificationDefinition,
  header: readonly string[],
  changes: FixChanges,
  known: ReadonlySet<string> | undefined,
): (cells: string[], rowNumber: number) => NormalizedRecord | undefined {
  const { header: names, plan } = buildPlan(spec, header, changes, known);
  const fields = spec.schema.fields;
  const columns = fields.map((f) => names.indexOf(f.name));
  const missing = new Set(spec.schema.missingValues);
  const converters = fields.map(converterFor);
  const position = positionReader(spec);
  return (cells, rowNumber) => {
    const fixed = plan(cells);
    if (fixed === undefined) return undefined;
    const values: Record<string, RecordValue> = {};
    for (let f = 0; f < fields.length; f++) {
      const column = columns[f] ?? -1;
      const cell = column < 0 ? "" : (fixed[column] ?? "");
      const name = (fields[f] as FieldDefinition).name;
      values[name] = missing.has(cell) ? null : (converters[f] as Converter)(cell);
    }
    const { latitude, longitude } = position(values);
    return { rowNumber, values, latitude, longitude };
  };
}

type Converter = (cell: string) => RecordValue;

function converterFor(field: FieldDefinition): Converter {
  switch (field.type) {
    case "integer":
    case "number":
      return (cell) => {
        const value = parseNumber(cell, false);
        return Number.isFinite(value) ? value : null;
      };
    case "boolean": {
      const trueValues = new Set([...DEFAULT_TRUE, ...(field.trueValues ?? [])].map((v) => v.toLowerCase()));
      const falseValues = new Set(
        [...DEFAULT_FALSE, ...(field.falseValues ?? [])].map((v) => v.toLowerCase()),
      );
      return (cell) => {
        const value = cell.toLowerCase();
        return trueValues.has(value) ? true : falseValues.has(value) ? false : null;
      };
    }
    default:
      return (cell) => cell;
  }
}

function positionReader(
  spec: SpecificationDefinition,
): (values: Readonly<Record<string, RecordValue>>) => { latitude: number | null; longitude: number | null } {
  const geo = spec.schema.geo;
  const none = { latitude: null, longitude: null };
  if (geo === undefined) return () => none;
  if (geo.kind === "wgs84") {
    return (values) => {
      const latitude = values[geo.latitude];
      const longitude = values[geo.longitude];
      return typeof latitude === "number" && typeof longitude === "number" ? { latitude, longitude } : none;
    };
  }
  return (values) => {
    const northing = values[geo.northing];
    const easting = values[geo.easting];
    const crsText = geo.crsField === undefined ? geo.crs : values[geo.crsField];
    const crs = typeof crsText === "string" ? parseCrs(crsText) : undefined;
    if (typeof northing !== "number" || typeof easting !== "number" || crs === undefined) return none;
    if (crs === "EPSG:4326") return { latitude: northing, longitude: easting };
    const p = toWgs84(crs, easting, northing);
    return Number.isFinite(p.lat) && Number.isFinite(p.lon)
      ? { latitude: roundDegrees(p.lat), longitude: roundDegrees(p.lon) }
      : none;
  };
}
