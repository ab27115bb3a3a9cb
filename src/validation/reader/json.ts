import { ChunkDecoder } from "../decode.ts";
import { parseCrs, toWgs84, fromWgs84 } from "../geo.ts";
import * as msg from "../messages.ts";
import type { Dialect, Issue, TableFormat } from "../types.ts";
import { JsonScanner, type JsonStop } from "./json-scanner.ts";
import type { ByteReader } from "./source.ts";
import type { CoordinateColumns, OpenedTable, ReaderContext, ReaderLimits, RowBatch } from "./types.ts";
import { hasUnstorable, storable } from "../../core/index.ts";

/** An escape that may decode to a character PostgreSQL cannot store (see hasUnstorable). */
const UNSTORABLE_ESCAPE = /\\u(0000|[dD][89a-fA-F])/;

const JSON_DIALECT: Dialect = { encoding: "utf-8", delimiter: null, decimalComma: false, confidence: "high" };

export interface JsonReaderOptions {
  readonly format: "json" | "geojson";
  /** Columns every row has, whether or not the first object has the key (the specification's fields). */
  readonly expectedColumns: readonly string[];
  readonly coordinates?: CoordinateColumns;
}

/**
 * An array of objects (JSON) or a FeatureCollection of Points (GeoJSON), streamed. The columns are
 * the first object's keys followed by the expected ones it lacks; a key first seen later is
 * reported once. Values are kept in Maps so a `__proto__` key is just a key.
 */
export function openJson(
  reader: ByteReader,
  context: ReaderContext,
  options: JsonReaderOptions,
): OpenedTable {
  const { format } = options;
  let header: string[] | undefined;
  let columnOf = new Map<string, number>();
  const reportedKeys = new Set<string>();
  let sourceCrs = "EPSG:4326";

  async function* batches(): AsyncGenerator<RowBatch, void, undefined> {
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    const emit = (cells: string[], rowNumber: number): void => {
      rows.push(cells);
      rowNumbers.push(rowNumber);
    };
    const setHeader = (keys: readonly string[]): void => {
      header = [...keys];
      for (const name of options.expectedColumns) if (!header.includes(name)) header.push(name);
      const coords = options.coordinates;
      if (format === "geojson" && coords !== undefined) {
        for (const name of [coords.x, coords.y, coords.crsColumn]) {
          if (name !== undefined && !header.includes(name)) header.push(name);
        }
      }
      columnOf = new Map(header.map((name, i) => [name, i]));
      emit(header, 0);
    };

    const scanner = new JsonScanner(
      {
        root: format === "json" ? "array" : "features",
        maxDepth: context.limits.maxDepth,
        maxElementChars: context.limits.maxRowChars,
      },
      {
        element(text, index) {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            context.issue(
              msg.jsonProblem(
                format,
                index,
                `väntade ett giltigt JSON-objekt, fick ett fel: ${describe(error)}`,
                `expected a valid JSON object, found an error: ${describe(error)}`,
                false,
              ),
            );
            return;
          }
          const entries = format === "json" ? objectEntries(value) : featureEntries(value, index);
          if (entries === undefined) return;
          // Such characters only come from escapes: raw NUL bytes stop the reading below, and
          // the decoder replaces bytes that are not UTF-8.
          if (UNSTORABLE_ESCAPE.test(text)) refuseUnstorable(entries, index);
          if (header === undefined) setHeader(entries.map(([k]) => k));
          const cells = new Array<string>(header?.length ?? 0).fill("");
          for (const [key, cell] of entries) {
            const column = columnOf.get(key);
            if (column !== undefined) cells[column] = cell;
            else if (!reportedKeys.has(key)) {
              reportedKeys.add(key);
              context.issue(unknownKey(format, index, key));
            }
          }
          emit(cells, index);
        },
        member(name, text) {
          if (name === "crs") sourceCrs = legacyCrs(text) ?? sourceCrs;
          if (name === "type" && format === "geojson" && text.trim() !== '"FeatureCollection"') {
            context.issue(
              msg.jsonProblem(
                format,
                null,
                `väntade "type": "FeatureCollection", fick ${text.trim().slice(0, 40)}.`,
                `expected "type": "FeatureCollection", found ${text.trim().slice(0, 40)}.`,
              ),
              true,
            );
            scanner.stopped = true;
          }
        },
        stop(reason) {
          context.issue(stopIssue(format, reason, context.limits), true);
        },
      },
    );

    /** Reports each value (or key) PostgreSQL cannot store and replaces the character, so no later message quotes it. */
    function refuseUnstorable(entries: [string, string][], index: number): void {
      for (const entry of entries) {
        if (!hasUnstorable(entry[0]) && !hasUnstorable(entry[1])) continue;
        entry[0] = storable(entry[0]);
        entry[1] = storable(entry[1]);
        context.issue(msg.unstorableCharacter(format, index, entry[0]));
      }
    }

    function featureEntries(value: unknown, index: number): [string, string][] | undefined {
      const feature = asRecord(value);
      if (feature?.get("type") !== "Feature") {
        context.issue(
          msg.jsonProblem(
            format,
            index,
            'väntade ett objekt med "type": "Feature".',
            'expected an object with "type": "Feature".',
            false,
          ),
        );
        return undefined;
      }
      const properties = feature.get("properties");
      const entries =
        properties === null || properties === undefined ? [] : (objectEntries(properties) ?? []);
      const coords = options.coordinates;
      if (coords === undefined) return entries;
      const geometry = asRecord(feature.get("geometry"));
      if (geometry === undefined) return entries; // no position: the coordinate cells stay empty
      const xy = geometry.get("coordinates");
      if (
        geometry.get("type") !== "Point" ||
        !Array.isArray(xy) ||
        typeof xy[0] !== "number" ||
        typeof xy[1] !== "number"
      ) {
        context.issue(notPoint(index, geometry.get("type")));
        return entries;
      }
      let [x, y] = [xy[0], xy[1]];
      if (sourceCrs !== coords.crs) {
        if (coords.crs === "EPSG:4326") ({ lon: x, lat: y } = toWgs84(sourceCrs, x, y));
        else {
          const from = sourceCrs === "EPSG:4326" ? { lon: x, lat: y } : toWgs84(sourceCrs, x, y);
          ({ easting: x, northing: y } = fromWgs84(coords.crs, from.lon, from.lat));
        }
      }
      const out = entries.filter(([k]) => k !== coords.x && k !== coords.y);
      out.push([coords.x, String(x)], [coords.y, String(y)]);
      if (coords.crsColumn !== undefined) out.push([coords.crsColumn, coords.crs]);
      return out;
    }

    function objectEntries(value: unknown): [string, string][] | undefined {
      const record = asRecord(value);
      if (record === undefined) return undefined;
      return [...record].map(([k, v]) => [k, cellOf(v)]);
    }

    const decoder = new ChunkDecoder("utf-8");
    const sink = {
      text: (text: string) => scanner.push(text),
      invalid: () => {
        context.issue(invalidUtf8(scanner.count + 1));
        return "replace" as const;
      },
    };
    let first = true;
    for await (let chunk of reader.chunks()) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        decoder.decode(chunk.subarray(0, nul), sink);
        context.issue(msg.nulByte(format, scanner.count + 1), true);
        scanner.stopped = true;
      } else decoder.decode(chunk, sink);
      if (rows.length > 0) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
      if (scanner.stopped) {
        await reader.close();
        return;
      }
    }
    // Cut at the byte cap or by a failing source: the last object is not whole.
    if (reader.exceeded || reader.failure !== undefined) return;
    decoder.decode(new Uint8Array(0), sink, true);
    scanner.end();
    if (header === undefined && !scanner.stopped) setHeader([]);
    if (rows.length > 0) yield { rows, rowNumbers };
  }

  return {
    format,
    dialect: () => JSON_DIALECT,
    batches: batches(),
    bytesRead: () => reader.bytes,
    close: () => reader.close(),
  };
}

/** A parsed JSON object as a Map: `__proto__` and `constructor` are ordinary keys here. */
function asRecord(value: unknown): Map<string, unknown> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  // JSON.parse makes own data properties, `__proto__` included; Object.entries reads them as such.
  return new Map(Object.entries(value));
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function legacyCrs(text: string): string | undefined {
  const match = /EPSG:{1,2}(\d{4})|CRS84/.exec(text);
  if (match === null) return undefined;
  return match[1] === undefined ? "EPSG:4326" : parseCrs(`EPSG:${match[1]}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 120) : "okänt fel";
}

function unknownKey(format: TableFormat, index: number, key: string): Issue {
  const at = format === "geojson" ? "egenskapen" : "nyckeln";
  return {
    type: "extra-header",
    severity: "warning",
    rowNumber: index,
    fieldName: key,
    fieldNumber: null,
    cell: null,
    message: {
      sv: `Objekt ${index}: ${at} "${key}" finns inte i det första objektet och varken läses eller kontrolleras.`,
      en: `Object ${index}: the ${format === "geojson" ? "property" : "key"} "${key}" is not in the first object and is neither read nor checked.`,
    },
  };
}

function notPoint(index: number, type: unknown): Issue {
  const found = typeof type === "string" ? type : "ingen geometri";
  return {
    type: "geo-error",
    severity: "error",
    rowNumber: index,
    fieldName: null,
    fieldNumber: null,
    cell: null,
    message: {
      sv: `Objekt ${index}: väntade en geometri av typen Point med två tal som koordinater, fick ${found}.`,
      en: `Object ${index}: expected a Point geometry with two numbers as coordinates, found ${typeof type === "string" ? type : "no geometry"}.`,
    },
  };
}

function invalidUtf8(index: number): Issue {
  return {
    type: "encoding-error",
    severity: "error",
    rowNumber: index,
    fieldName: null,
    fieldNumber: null,
    cell: null,
    message: {
      sv: `Objekt ${index}: väntade UTF-8 (JSON är alltid UTF-8), fick byte som inte är giltig UTF-8. Tecknet visas som �.`,
      en: `Object ${index}: expected UTF-8 (JSON is always UTF-8), found bytes that are not valid UTF-8. The character shows as �.`,
    },
  };
}

function stopIssue(format: TableFormat, reason: JsonStop, limits: ReaderLimits): Issue {
  const cap = Math.round(limits.maxRowChars / (1024 * 1024));
  const array =
    format === "json"
      ? "en lista med objekt ([{…}, {…}])"
      : 'en FeatureCollection ({"type": "FeatureCollection", "features": […]})';
  const arrayEn =
    format === "json"
      ? "an array of objects ([{…}, {…}])"
      : 'a FeatureCollection ({"type": "FeatureCollection", "features": […]})';
  switch (reason.kind) {
    case "not-array":
    case "not-object":
      return msg.jsonProblem(
        format,
        null,
        `väntade ${array}, fick "${reason.found}".`,
        `expected ${arrayEn}, found "${reason.found}".`,
      );
    case "element-not-object":
      return msg.jsonProblem(
        format,
        reason.index,
        `väntade ett objekt ({…}), fick "${reason.found}".`,
        `expected an object ({…}), found "${reason.found}".`,
      );
    case "too-deep":
      return msg.jsonProblem(
        format,
        reason.index,
        `väntade platta objekt, fick nästling djupare än ${limits.maxDepth} nivåer.`,
        `expected flat objects, found nesting deeper than ${limits.maxDepth} levels.`,
      );
    case "too-large":
      return msg.jsonProblem(
        format,
        reason.index,
        `väntade ett objekt på högst ${cap} MiB, fick ett större.`,
        `expected an object of at most ${cap} MiB, found a larger one.`,
      );
    case "unfinished":
      return msg.jsonProblem(
        format,
        reason.index,
        "filen tar slut innan listan är stängd (är den avkortad?).",
        "the file ends before the list is closed (is it cut short?).",
      );
    case "trailing":
      return msg.jsonProblem(
        format,
        null,
        `väntade filens slut efter listan, fick "${reason.found}".`,
        `expected the end of the file after the list, found "${reason.found}".`,
      );
    case "no-features":
      return msg.jsonProblem(
        format,
        null,
        'väntade medlemmen "features" med en lista, fick ingen.',
        'expected a "features" member with a list, found none.',
      );
  }
}
