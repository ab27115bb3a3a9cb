import proj4 from "proj4";

/**
 * SWEREF 99 (EPSG:3006–3018) as Lantmäteriet defines it: SWEREF 99 TM is UTM zone 33 on GRS 80;
 * the twelve local zones are transverse Mercator with scale 1, false easting 150 000 m and their
 * own central meridian. SWEREF 99 coincides with WGS 84 to well under a metre, hence no datum shift.
 */
const LOCAL_ZONES: readonly (readonly [code: number, lon0: number])[] = [
  [3007, 12],
  [3008, 13.5],
  [3009, 15],
  [3010, 16.5],
  [3011, 18],
  [3012, 14.25],
  [3013, 15.75],
  [3014, 17.25],
  [3015, 18.75],
  [3016, 20.25],
  [3017, 21.75],
  [3018, 23.25],
];

proj4.defs("EPSG:3006", "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs");
for (const [code, lon0] of LOCAL_ZONES) {
  proj4.defs(
    `EPSG:${code}`,
    `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs`,
  );
}

/** Sweden's extent in WGS 84, with a little margin for the coast and the islands. */
export const SWEDEN = { minLat: 55.0, maxLat: 69.1, minLon: 10.9, maxLon: 24.2 } as const;

export function inSweden(lat: number, lon: number): boolean {
  return lat >= SWEDEN.minLat && lat <= SWEDEN.maxLat && lon >= SWEDEN.minLon && lon <= SWEDEN.maxLon;
}

export const PROJECTED_CRS = ["EPSG:3006", ...LOCAL_ZONES.map(([code]) => `EPSG:${code}`)] as const;

/**
 * Normalises how publishers name a coordinate system: "EPSG:3006", "3006", "epsg 3006",
 * "urn:ogc:def:crs:EPSG::3006", "SWEREF 99 TM", "SWEREF99 18 00", "WGS84".
 */
export function parseCrs(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  const epsg = /^(?:URN:OGC:DEF:CRS:)?(?:EPSG)?[\s:]*(\d{4})$/.exec(t);
  if (epsg !== null) return known(`EPSG:${epsg[1] ?? ""}`);
  if (/^(WGS\s*-?\s*84|CRS84|URN:OGC:DEF:CRS:OGC:1\.3:CRS84)$/.test(t)) return "EPSG:4326";
  const sweref = /^SWEREF\s*-?\s*99\s*(TM|(\d{2})\s*(\d{2}))$/.exec(t);
  if (sweref !== null) {
    if (sweref[1] === "TM") return "EPSG:3006";
    const lon0 = Number(sweref[2]) + Number(sweref[3]) / 60;
    const zone = LOCAL_ZONES.find(([, l]) => l === lon0);
    return zone === undefined ? undefined : `EPSG:${zone[0]}`;
  }
  return undefined;
}

function known(code: string): string | undefined {
  return code === "EPSG:4326" || (PROJECTED_CRS as readonly string[]).includes(code) ? code : undefined;
}

const converters = new Map<string, proj4.Converter>();
function converter(from: string, to: string): proj4.Converter {
  const key = `${from}>${to}`;
  let c = converters.get(key);
  if (c === undefined) {
    c = proj4(from, to);
    converters.set(key, c);
  }
  return c;
}

/** Converts easting/northing in a SWEREF 99 system to WGS 84 longitude/latitude. */
export function toWgs84(crs: string, easting: number, northing: number): { lon: number; lat: number } {
  const [lon = NaN, lat = NaN] = converter(crs, "EPSG:4326").forward([easting, northing]);
  return { lon, lat };
}

/** Converts WGS 84 longitude/latitude to easting/northing in a SWEREF 99 system. */
export function fromWgs84(crs: string, lon: number, lat: number): { easting: number; northing: number } {
  const [easting = NaN, northing = NaN] = converter("EPSG:4326", crs).forward([lon, lat]);
  return { easting, northing };
}

/**
 * Values in latitude/longitude columns that are SWEREF 99 TM metres instead (northing 6.1–7.7
 * million, easting 0.2–1 million), in either order: the WGS 84 point they stand for.
 */
export function swerefInDegrees(lat: number, lon: number): { lat: number; lon: number } | undefined {
  const [northing, easting] = lat > lon ? [lat, lon] : [lon, lat];
  if (northing < 6_100_000 || northing > 7_700_000 || easting < 200_000 || easting > 1_000_000) {
    return undefined;
  }
  const p = toWgs84("EPSG:3006", easting, northing);
  return inSweden(p.lat, p.lon) ? p : undefined;
}

/** Rounds degrees to 7 decimals (about a centimetre), enough for any position a row carries. */
export function roundDegrees(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

const NORTH_NAMES = new Set([
  "n",
  "northing",
  "nord",
  "nordlig",
  "north",
  "sweref n",
  "sweref99 n",
  "sweref99tm n",
  "koordinat n",
  "y koordinat",
  "x",
]);
const EAST_NAMES = new Set([
  "e",
  "easting",
  "ost",
  "ostlig",
  "east",
  "sweref e",
  "sweref99 e",
  "sweref99tm e",
  "koordinat e",
  "x koordinat",
  "y",
]);
const CRS_NAMES = new Set(["crs", "epsg", "koordinatsystem", "referenssystem", "srid"]);

/**
 * Columns holding SWEREF 99 coordinates in a file whose specification wants latitude/longitude:
 * N/E, northing/easting, nord/ost, x/y (which is which is decided per row by size, since Swedish
 * geodesy calls the northing x), and a column naming each row's system.
 */
export function projectedColumns(
  folded: readonly string[],
): { readonly a: number; readonly b: number; readonly crs: number } | undefined {
  const north = folded.findIndex((name) => NORTH_NAMES.has(name));
  const east = folded.findIndex((name, i) => i !== north && EAST_NAMES.has(name));
  if (north < 0 || east < 0) return undefined;
  return { a: north, b: east, crs: folded.findIndex((name) => CRS_NAMES.has(name)) };
}

/**
 * WGS 84 for a row's two values in either order, when they land in Sweden: SWEREF 99 metres in
 * `crs`, or already degrees (x/y columns sometimes hold longitude/latitude).
 */
export function projectedToWgs84(
  first: number,
  second: number,
  crs: string,
): { lat: number; lon: number } | undefined {
  if (inSweden(first, second)) return { lat: first, lon: second };
  if (inSweden(second, first)) return { lat: second, lon: first };
  const [northing, easting] = first > second ? [first, second] : [second, first];
  const p = toWgs84(crs, easting, northing);
  return inSweden(p.lat, p.lon) ? p : undefined;
}
