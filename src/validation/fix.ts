import type { SpecificationDefinition } from "../specs/definition.ts";
import { csvRow as csvLine } from "../core/index.ts";
import { checkPatterns } from "./fields.ts";
import {
  inSweden,
  parseCrs,
  projectedColumns,
  projectedToWgs84,
  roundDegrees,
  swerefInDegrees,
} from "./geo.ts";
import { mapHeader } from "./headers.ts";
import { restoreLeadingZero } from "./organization.ts";
import { openTable, type OpenTableOptions } from "./reader/index.ts";
import type { ByteSource, Issue } from "./types.ts";
import { coordinateColumns, primaryKeyOf } from "./schema.ts";
import { foldName } from "./text.ts";
import { isInteger, normalizeNumber, parseNumber } from "./values.ts";

export interface FixOptions extends Omit<OpenTableOptions, "coordinates"> {
  readonly knownOrganizationCodes?: ReadonlySet<string>;
  /** Start the file with a UTF-8 byte-order mark, which makes Excel on Windows read å, ä, ö right. */
  readonly bom?: boolean;
}

/** What the fixer changed, counted as the output is read. */
export interface FixChanges {
  rows: number;
  trimmed: number;
  numbers: number;
  organizationCodes: number;
  coordinatesSwapped: number;
  coordinatesConverted: number;
  blankRowsDropped: number;
  renamedHeaders: { from: string; to: string }[];
  /** Problems that stopped or limited reading; the output then ends early. */
  sourceIssues: Issue[];
}

/** A fresh count of changes: nothing changed yet. */
export function noFixChanges(): FixChanges {
  return {
    rows: 0,
    trimmed: 0,
    numbers: 0,
    organizationCodes: 0,
    coordinatesSwapped: 0,
    coordinatesConverted: 0,
    blankRowsDropped: 0,
    renamedHeaders: [],
    sourceIssues: [],
  };
}

export interface FixedCsv extends AsyncIterable<Uint8Array> {
  readonly changes: FixChanges;
}

const FLUSH_CHARS = 64 * 1024;

/**
 * Streams a corrected UTF-8 CSV (comma-delimited, decimal points, CRLF): re-encoded, cells trimmed,
 * numbers with decimal comma or digit-group spaces rewritten, lost leading zeros of organization
 * codes restored, header synonyms renamed to field names, SWEREF 99 TM in latitude/longitude
 * columns converted to WGS 84 and swapped latitude/longitude put back, blank rows dropped, and
 * formula-like cells neutralised. Only mechanical fixes: everything else is left for the publisher.
 */
export function fix(source: ByteSource, spec: SpecificationDefinition, options: FixOptions = {}): FixedCsv {
  checkPatterns(spec.schema.fields);
  const changes = noFixChanges();
  const encoder = new TextEncoder();
  async function* run(): AsyncGenerator<Uint8Array, void, undefined> {
    const fields = spec.schema.fields;
    const coordinates = coordinateColumns(spec);
    const table = await openTable(
      source,
      {
        issue(issue, fatal) {
          if (fatal || issue.severity === "error") changes.sourceIssues.push(issue);
        },
      },
      {
        ...options,
        expectedColumns: fields.map((f) => f.name),
        ...(coordinates === undefined ? {} : { coordinates }),
      },
    );
    let plan: ((cells: string[]) => string[] | undefined) | undefined;
    let out = options.bom === true ? "\ufeff" : "";
    try {
      for await (const batch of table.batches) {
        for (const row of batch.rows) {
          if (plan === undefined) {
            const built = buildPlan(spec, row, changes, options.knownOrganizationCodes);
            plan = built.plan;
            out += csvLine(built.header);
            continue;
          }
          const fixed = plan([...row]);
          if (fixed === undefined) continue;
          changes.rows++;
          out += csvLine(fixed);
        }
        if (out.length >= FLUSH_CHARS) {
          yield encoder.encode(out);
          out = "";
        }
      }
    } finally {
      await table.close();
    }
    if (out.length > 0) yield encoder.encode(out);
  }
  const iterable = run();
  return { changes, [Symbol.asyncIterator]: () => iterable };
}

/**
 * The fixer's per-row rewrite, set up from the header: the header as written out, and a function
 * that fixes one row in place (undefined for a blank row). Publishing reads records through it too.
 */
export function buildPlan(
  spec: SpecificationDefinition,
  header: readonly string[],
  changes: FixChanges,
  known: ReadonlySet<string> | undefined,
): { header: string[]; plan: (cells: string[]) => string[] | undefined } {
  const fields = spec.schema.fields;
  const pk = primaryKeyOf(spec);
  const mapping = mapHeader(header, fields, {
    rowNumber: null,
    required: (f) => f.constraints?.required === true || pk.includes(f.name),
  });
  const names = header.map((h) => h.trim());
  for (const [column, name] of mapping.renames) {
    changes.renamedHeaders.push({ from: names[column] ?? "", to: name });
    names[column] = name;
  }
  const columnOf = (name: string): number => {
    const i = fields.findIndex((f) => f.name === name);
    return i < 0 ? -1 : (mapping.columns[i] ?? -1);
  };
  const numeric: { column: number; integer: boolean }[] = [];
  const organization: number[] = [];
  fields.forEach((field, i) => {
    const column = mapping.columns[i] ?? -1;
    if (column < 0) return;
    if (field.type === "number" || field.type === "integer")
      numeric.push({ column, integer: field.type === "integer" });
    if (field.reference === "organization") organization.push(column);
  });
  const geo = spec.schema.geo;
  let latCol = geo?.kind === "wgs84" ? columnOf(geo.latitude) : -1;
  let lonCol = geo?.kind === "wgs84" ? columnOf(geo.longitude) : -1;
  // No latitude/longitude but SWEREF 99 columns: latitude and longitude are added, computed.
  const projected =
    geo?.kind === "wgs84" && latCol < 0 && lonCol < 0 ? projectedColumns(names.map(foldName)) : undefined;
  if (geo?.kind === "wgs84" && projected !== undefined) {
    latCol = names.length;
    lonCol = names.length + 1;
    names.push(geo.latitude, geo.longitude);
  }
  const width = names.length;

  const plan = (cells: string[]): string[] | undefined => {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? "";
      const trimmed = cell.trim();
      if (trimmed !== cell) {
        changes.trimmed++;
        cells[i] = trimmed;
      }
      if (trimmed !== "") blank = false;
    }
    if (blank) {
      changes.blankRowsDropped++;
      return undefined;
    }
    for (const { column, integer } of numeric) {
      const cell = cells[column];
      if (cell === undefined || cell === "") continue;
      if (!Number.isNaN(parseNumber(cell, false))) continue;
      const normal = normalizeNumber(cell);
      if (normal !== undefined && (!integer || isInteger(normal))) {
        cells[column] = normal;
        changes.numbers++;
      }
    }
    for (const column of organization) {
      const restored = restoreLeadingZero(cells[column] ?? "", known);
      if (restored !== undefined) {
        cells[column] = restored;
        changes.organizationCodes++;
      }
    }
    if (projected !== undefined) {
      while (cells.length < width - 2) cells.push("");
      const crsText = projected.crs >= 0 ? (cells[projected.crs] ?? "") : "";
      const crs = crsText === "" ? "EPSG:3006" : parseCrs(crsText);
      const a = parseNumber(cells[projected.a] ?? "", true);
      const b = parseNumber(cells[projected.b] ?? "", true);
      const p = crs === undefined || crs === "EPSG:4326" ? undefined : projectedToWgs84(a, b, crs);
      cells[latCol] = p === undefined ? "" : String(roundDegrees(p.lat));
      cells[lonCol] = p === undefined ? "" : String(roundDegrees(p.lon));
      if (p !== undefined) changes.coordinatesConverted++;
    } else if (latCol >= 0 && lonCol >= 0) fixCoordinates(cells, latCol, lonCol, changes);
    return cells;
  };
  return { header: names, plan };
}

function fixCoordinates(cells: string[], latCol: number, lonCol: number, changes: FixChanges): void {
  const la = parseNumber(cells[latCol] ?? "", true);
  const lo = parseNumber(cells[lonCol] ?? "", true);
  if (Number.isNaN(la) || Number.isNaN(lo) || inSweden(la, lo)) return;
  if (inSweden(lo, la)) {
    const latText = cells[latCol] ?? "";
    cells[latCol] = cells[lonCol] ?? "";
    cells[lonCol] = latText;
    changes.coordinatesSwapped++;
    return;
  }
  const converted = swerefInDegrees(la, lo);
  if (converted === undefined) return;
  cells[latCol] = String(roundDegrees(converted.lat));
  cells[lonCol] = String(roundDegrees(converted.lon));
  changes.coordinatesConverted++;
}
