// The municipalities as SVG paths for the national choropleth, drawn on the server: WGS 84
// boundaries projected to SWEREF 99 TM (Sweden's own planar projection, so the country keeps its
// shape), snapped to a coarse grid and thinned with Douglas–Peucker so the whole map stays small.
// Pure functions: the service caches the result, since boundaries only change with a deploy.
import proj4 from "proj4";
import type { AreaGeometry } from "../registry/index.ts";

export type Point = readonly [number, number];

/** SWEREF 99 TM (EPSG:3006): UTM zone 33 on GRS 80; SWEREF 99 and WGS 84 agree to under a metre. */
const SWEREF_99_TM = "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs";
const toSweref = proj4("EPSG:4326", SWEREF_99_TM);

/** Longitude and latitude (WGS 84) to SWEREF 99 TM easting and northing, in metres. */
export function projectSweref(lon: number, lat: number): Point {
  const [x = 0, y = 0] = toSweref.forward([lon, lat]);
  return [x, y];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open line: the points no further than `tolerance` from the kept line are dropped. */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  // An explicit stack: long coastlines would go deep in a recursive version.
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    const a = points[first];
    const b = points[last];
    if (a === undefined || b === undefined) continue;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const p = points[i];
      if (p === undefined) continue;
      const d = distanceToSegment(p, a, b);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Douglas–Peucker on a closed ring (first point = last point or not): split at the point farthest
 * from the start, so neither half starts and ends at the same place. Returns the ring open (no
 * repeated last point); fewer than 3 points means it has shrunk to nothing at this tolerance.
 */
export function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  const open = ring.length > 1 && samePoint(ring[0], ring.at(-1)) ? ring.slice(0, -1) : [...ring];
  if (open.length <= 3) return open;
  const start = open[0] ?? [0, 0];
  let split = 1;
  open.forEach((p, i) => {
    const far = open[split] ?? start;
    if (Math.hypot(p[0] - start[0], p[1] - start[1]) > Math.hypot(far[0] - start[0], far[1] - start[1]))
      split = i;
  });
  const first = simplifyLine(open.slice(0, split + 1), tolerance);
  const second = simplifyLine([...open.slice(split), start], tolerance);
  return [...first, ...second.slice(1, -1)];
}

function samePoint(a: Point | undefined, b: Point | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Drops points equal to the one before (after snapping to the grid many are). */
function withoutRepeats(points: readonly Point[]): Point[] {
  return points.filter((p, i) => i === 0 || !samePoint(p, points[i - 1]));
}

/** Twice the signed area of a ring, in grid units. */
function ringArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[(i + 1) % ring.length] ?? [0, 0];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/**
 * One ring as SVG path data in integers: an absolute move, then relative lines (short: "l3-2"),
 * closed. Relative steps keep the numbers small, which is most of the saving.
 */
export function ringPath(ring: readonly Point[]): string {
  const [start, ...rest] = ring;
  if (start === undefined) return "";
  const d = `M${start[0]} ${start[1]}`;
  let previous = start;
  let line = "";
  for (const p of rest) {
    const dx = p[0] - previous[0];
    const dy = p[1] - previous[1];
    // A negative number needs no separator before it.
    line += `${line === "" ? "" : dx < 0 ? "" : " "}${dx}${dy < 0 ? "" : " "}${dy}`;
    previous = p;
  }
  return `${d}${line === "" ? "" : `l${line}`}z`;
}

export interface MapArea {
  readonly code: string;
  /** SVG path data in the map's grid units (y grows southward, as in SVG). */
  readonly d: string;
  /** [minX, minY, maxX, maxY] in the same units. */
  readonly box: readonly [number, number, number, number];
}

export interface ProjectedMap {
  readonly width: number;
  readonly height: number;
  /** Metres per grid unit. */
  readonly metresPerUnit: number;
  readonly areas: readonly MapArea[];
}

export interface ProjectionOptions {
  /** Metres per grid unit: coordinates are whole units. */
  readonly metresPerUnit: number;
  /** Douglas–Peucker tolerance, in grid units. */
  readonly tolerance: number;
}

/**
 * 250 m per unit, thinned at 250 m: Sweden is about 2 600 × 6 200 units and all 290 paths about
 * 65 kB, detailed enough for a browser zoomed to 400 %.
 */
export const DEFAULT_PROJECTION: ProjectionOptions = { metresPerUnit: 250, tolerance: 1 };

/**
 * The areas projected, snapped, thinned and written as paths, in a frame with a small margin. A
 * ring that thins away is dropped, except that every area keeps at least its largest ring, so even
 * the smallest municipality stays on the map.
 */
export function projectAreas(
  areas: readonly { readonly code: string; readonly geometry: AreaGeometry }[],
  options: ProjectionOptions = DEFAULT_PROJECTION,
): ProjectedMap {
  const projected = areas.map((area) => {
    const polygons =
      area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
    // Holes are left out: at this scale they are lakes a few pixels wide, and dropping them keeps
    // the fill rule trivial.
    const rings = polygons.map((polygon) =>
      (polygon[0] ?? []).map(([lon, lat]) => {
        const [x, y] = projectSweref(lon, lat);
        return [x / options.metresPerUnit, -y / options.metresPerUnit] as Point;
      }),
    );
    return { code: area.code, rings };
  });
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { rings } of projected)
    for (const ring of rings)
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  const margin = 4;
  const originX = Math.floor(minX) - margin;
  const originY = Math.floor(minY) - margin;
  const result: MapArea[] = projected.map(({ code, rings }) => {
    const snapped = rings.map((ring) =>
      withoutRepeats(ring.map(([x, y]) => [Math.round(x - originX), Math.round(y - originY)] as Point)),
    );
    const thinned = snapped
      .map((ring) => simplifyRing(ring, options.tolerance))
      .map((ring) => ({ ring, area: Math.abs(ringArea2(ring)) }));
    const largest = thinned.reduce(
      (best, r) => (r.area > best.area ? r : best),
      thinned[0] ?? { ring: [], area: 0 },
    );
    const kept = thinned
      .filter((r) => r === largest || (r.ring.length >= 3 && r.area >= 2))
      .map((r) => r.ring);
    const xs = kept.flatMap((ring) => ring.map((p) => p[0]));
    const ys = kept.flatMap((ring) => ring.map((p) => p[1]));
    return {
      code,
      d: kept.map(ringPath).join(""),
      box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const,
    };
  });
  return {
    metresPerUnit: options.metresPerUnit,
    width: Math.ceil(maxX - originX) + margin,
    height: Math.ceil(maxY - originY) + margin,
    areas: result,
  };
}
