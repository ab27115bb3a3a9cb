import type { LocalizedText } from "../core/errors.ts";
import type { GeoDefinition } from "../specs/definition.ts";
import type { Problem, RunContext } from "./fields.ts";
import { inSweden, parseCrs, roundDegrees, swerefInDegrees, SWEDEN, toWgs84 } from "./geo.ts";
import { restoreLeadingZero } from "./organization.ts";
import type { Detail } from "./report.ts";
import { numberEn, numberSv, quoted, sentence, where } from "./text.ts";
import type { OrganizationAreas, PointInOrganization } from "./types.ts";
// The file, not the registry's index: a validation worker thread must not load the database layer.
import { pointInArea } from "../registry/point-in-area.ts";
import { hasOuterSpace, parseNumber } from "./values.ts";

export interface GeoColumns {
  /** Column of each named field, -1 when the file lacks it. */
  column(fieldName: string): number;
  /** The field's index in `RunContext.values` when its check leaves its number there, else -1. */
  valueSlot(fieldName: string): number;
  /** The column holding the row's organization code, -1 when none. */
  readonly organizationColumn: number;
}

export interface GeoOptions {
  readonly pointInOrganization?: PointInOrganization;
  /** The same as data; used when there is no callback. */
  readonly organizationAreas?: OrganizationAreas;
  /** The publisher's own code; otherwise the row's organization column is used. */
  readonly organizationCode?: string;
}

/** Checks a row's position: inside Sweden, in the publisher's own area (a warning). */
export type GeoRowCheck = (cells: readonly string[], rowNumber: number) => void;

/** Reads a coordinate: the number the field's check left, or the cell parsed here. */
function reader(
  slot: number,
  column: number,
  values: Float64Array,
  decimalComma: boolean,
): (cells: readonly string[]) => number {
  if (slot >= 0) return () => values[slot] ?? NaN;
  return (cells) => {
    const cell = cellAt(cells, column);
    return cell === "" ? NaN : parseNumber(cell, decimalComma);
  };
}

const lat = { min: numberSv(SWEDEN.minLat), max: numberSv(SWEDEN.maxLat) };
const lon = { min: numberSv(SWEDEN.minLon), max: numberSv(SWEDEN.maxLon) };

function locator(areas: OrganizationAreas | undefined): PointInOrganization | undefined {
  if (areas === undefined) return undefined;
  return (code, lon, lat) => {
    const area = areas.get(code);
    return area === undefined ? undefined : pointInArea(area.geometry, area.bbox, lon, lat);
  };
}

function cellAt(cells: readonly string[], column: number): string {
  if (column < 0) return "";
  const cell = cells[column] ?? "";
  return hasOuterSpace(cell) ? cell.trim() : cell;
}

export function compileGeo(
  geo: GeoDefinition,
  columns: GeoColumns,
  context: RunContext,
  options: GeoOptions,
): GeoRowCheck | undefined {
  const { report, format, decimalComma } = context;
  const known = context.knownOrganizationCodes;
  const problem = (
    fieldName: string,
    severity: "error" | "warning",
    describe: Problem["describe"],
  ): Problem => ({
    tally: report.tally(severity, severity === "error" ? "geo-error" : "outside-organization", fieldName),
    describe,
  });
  const hit = (p: Problem, row: number, field: string, column: number, cell: string, other = 0): void => {
    report.hit(p.tally, row, column + 1, cell, () => p.describe(where(format, row, field), cell, other));
  };
  const say = (at: LocalizedText, sv: string, en: string, fix?: Detail["fix"]): Detail => ({
    message: sentence(at, { sv, en }),
    ...(fix === undefined ? {} : { fix }),
  });

  let ownCode = "";
  const outside = problem(geo.kind === "wgs84" ? geo.latitude : geo.northing, "warning", (at) =>
    say(
      at,
      `punkten ligger utanför organisationens område (${ownCode}). Kontrollera koordinaterna, eller att raden hör till rätt organisation.`,
      `the point lies outside the organization's area (${ownCode}). Check the coordinates, or that the row belongs to the right organization.`,
    ),
  );
  const callback = options.pointInOrganization ?? locator(options.organizationAreas);
  const checkOwnArea = (
    cells: readonly string[],
    la: number,
    lo: number,
    row: number,
    field: string,
    column: number,
  ): void => {
    if (callback === undefined) return;
    const raw = cellAt(cells, columns.organizationColumn);
    const code = options.organizationCode ?? restoreLeadingZero(raw, known) ?? raw;
    if (code === "" || callback(code, lo, la) !== false) return;
    ownCode = code;
    hit(outside, row, field, column, cellAt(cells, column));
  };

  if (geo.kind === "wgs84") {
    const latCol = columns.column(geo.latitude);
    const lonCol = columns.column(geo.longitude);
    if (latCol < 0 || lonCol < 0) return undefined;
    let pending: { lat: number; lon: number } | undefined;
    const latRange = problem(geo.latitude, "error", (at, cell) =>
      say(
        at,
        `väntade ett tal mellan ${lat.min} och ${lat.max} (Sveriges utsträckning), fick ${quoted(cell)}.`,
        `expected a number between ${numberEn(SWEDEN.minLat)} and ${numberEn(SWEDEN.maxLat)} (Sweden's extent), found ${quoted(cell)}.`,
      ),
    );
    const lonRange = problem(geo.longitude, "error", (at, cell) =>
      say(
        at,
        `väntade ett tal mellan ${lon.min} och ${lon.max} (Sveriges utsträckning), fick ${quoted(cell)}.`,
        `expected a number between ${numberEn(SWEDEN.minLon)} and ${numberEn(SWEDEN.maxLon)} (Sweden's extent), found ${quoted(cell)}.`,
      ),
    );
    const swapped = problem(geo.latitude, "error", (at, cell) =>
      say(
        at,
        `väntade latitud (${lat.min}–${lat.max}), fick ${quoted(cell)}, som är en longitud: latitud och longitud har bytt plats.`,
        `expected a latitude (${numberEn(SWEDEN.minLat)}–${numberEn(SWEDEN.maxLat)}), found ${quoted(cell)}, which is a longitude: latitude and longitude are swapped.`,
        {
          value: null,
          automatic: true,
          message: {
            sv: `Byt plats på värdena i "${geo.latitude}" och "${geo.longitude}".`,
            en: `Swap the values of "${geo.latitude}" and "${geo.longitude}".`,
          },
        },
      ),
    );
    const sweref = problem(geo.latitude, "error", (at, cell) => {
      const p = pending ?? { lat: NaN, lon: NaN };
      const [la, lo] = [roundDegrees(p.lat), roundDegrees(p.lon)];
      return say(
        at,
        `väntade latitud i grader (WGS 84), fick ${quoted(cell)}, som ser ut som SWEREF 99 TM i meter. Omräknat: latitud ${numberSv(la)}, longitud ${numberSv(lo)}.`,
        `expected a latitude in degrees (WGS 84), found ${quoted(cell)}, which looks like SWEREF 99 TM in metres. Converted: latitude ${numberEn(la)}, longitude ${numberEn(lo)}.`,
        {
          value: pending === undefined ? null : String(la),
          automatic: true,
          message: {
            sv: "Räkna om från SWEREF 99 TM till WGS 84 (rättningen gör det).",
            en: "Convert from SWEREF 99 TM to WGS 84 (the fixer does it).",
          },
        },
      );
    });
    const latOf = reader(columns.valueSlot(geo.latitude), latCol, context.values, decimalComma);
    const lonOf = reader(columns.valueSlot(geo.longitude), lonCol, context.values, decimalComma);
    return (cells, row) => {
      const la = latOf(cells);
      const lo = lonOf(cells);
      // NaN: missing or not a number, which the field checks report.
      if (Number.isNaN(la) || Number.isNaN(lo)) return;
      // Most rows are fine: the check for the publisher's area is all they cost.
      if (inSweden(la, lo)) return checkOwnArea(cells, la, lo, row, geo.latitude, latCol);
      const latCell = cellAt(cells, latCol);
      const lonCell = cellAt(cells, lonCol);
      if (inSweden(lo, la)) return hit(swapped, row, geo.latitude, latCol, latCell);
      const converted = swerefInDegrees(la, lo);
      if (converted !== undefined) {
        pending = converted;
        return hit(sweref, row, geo.latitude, latCol, latCell);
      }
      if (la < SWEDEN.minLat || la > SWEDEN.maxLat) hit(latRange, row, geo.latitude, latCol, latCell);
      if (lo < SWEDEN.minLon || lo > SWEDEN.maxLon) hit(lonRange, row, geo.longitude, lonCol, lonCell);
    };
  }

  const northCol = columns.column(geo.northing);
  const eastCol = columns.column(geo.easting);
  if (northCol < 0 || eastCol < 0) return undefined;
  const crsCol = geo.crsField === undefined ? -1 : columns.column(geo.crsField);
  const crsName = geo.crsField ?? "crs";
  let shown = { crs: "", lat: 0, lon: 0 };
  const badCrs = problem(crsName, "error", (at, cell) =>
    say(
      at,
      `väntade ett koordinatsystem från EPSG:3006 till EPSG:3018 (SWEREF 99 TM eller en lokal zon), fick ${quoted(cell)}.`,
      `expected a coordinate system from EPSG:3006 to EPSG:3018 (SWEREF 99 TM or a local zone), found ${quoted(cell)}.`,
    ),
  );
  const outsideSweden = problem(geo.northing, "error", (at, cell) =>
    say(
      at,
      `väntade en punkt i Sverige, fick northing ${quoted(cell)} som i ${shown.crs} hamnar på latitud ${numberSv(roundDegrees(shown.lat))}, longitud ${numberSv(roundDegrees(shown.lon))}, utanför Sverige.`,
      `expected a point in Sweden, found northing ${quoted(cell)}, which in ${shown.crs} lands at latitude ${numberEn(roundDegrees(shown.lat))}, longitude ${numberEn(roundDegrees(shown.lon))}, outside Sweden.`,
    ),
  );
  const swappedNE = problem(geo.northing, "error", (at, cell) =>
    say(
      at,
      `väntade northing (nordlig koordinat, 6–7,7 miljoner meter), fick ${quoted(cell)}: northing och easting har bytt plats.`,
      `expected a northing (6–7.7 million metres), found ${quoted(cell)}: northing and easting are swapped.`,
      {
        value: null,
        automatic: false,
        message: {
          sv: `Byt plats på värdena i "${geo.northing}" och "${geo.easting}".`,
          en: `Swap the values of "${geo.northing}" and "${geo.easting}".`,
        },
      },
    ),
  );
  const fixed = geo.crs ?? "EPSG:3006";
  const northOf = reader(columns.valueSlot(geo.northing), northCol, context.values, decimalComma);
  const eastOf = reader(columns.valueSlot(geo.easting), eastCol, context.values, decimalComma);
  return (cells, row) => {
    const n = northOf(cells);
    const e = eastOf(cells);
    if (Number.isNaN(n) || Number.isNaN(e)) return;
    const nCell = cellAt(cells, northCol);
    let crs = fixed;
    if (crsCol >= 0) {
      const crsCell = cellAt(cells, crsCol);
      if (crsCell !== "") {
        const parsed = parseCrs(crsCell);
        if (parsed === undefined || parsed === "EPSG:4326") return hit(badCrs, row, crsName, crsCol, crsCell);
        crs = parsed;
      }
    }
    const p = toWgs84(crs, e, n);
    if (inSweden(p.lat, p.lon)) {
      checkOwnArea(cells, p.lat, p.lon, row, geo.northing, northCol);
      return;
    }
    const q = toWgs84(crs, n, e);
    if (inSweden(q.lat, q.lon)) return hit(swappedNE, row, geo.northing, northCol, nCell);
    shown = { crs, lat: p.lat, lon: p.lon };
    hit(outsideSweden, row, geo.northing, northCol, nCell);
  };
}
