import type { AreaGeometry, BBox } from "./types.ts";

type Ring = readonly (readonly [number, number])[];

/** Even-odd ray casting; lon/lat treated as planar, which is fine at municipality scale. */
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  let previous = ring.at(-1);
  for (const current of ring) {
    if (previous !== undefined) {
      const [xi, yi] = current;
      const [xj, yj] = previous;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    previous = current;
  }
  return inside;
}

/** Shortest distance in metres from the point to the ring's edges (equirectangular, good to ~0.1 %). */
function distanceToRing(ring: Ring, lon: number, lat: number): number {
  const mPerDegLat = 111_320;
  const mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  let previous = ring.at(-1);
  for (const current of ring) {
    if (previous !== undefined) {
      const ax = (previous[0] - lon) * mPerDegLon;
      const ay = (previous[1] - lat) * mPerDegLat;
      const dx = (current[0] - lon) * mPerDegLon - ax;
      const dy = (current[1] - lat) * mPerDegLat - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
    previous = current;
  }
  return best;
}

function polygons(geometry: AreaGeometry) {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Whether a point lies in an area. The reference boundaries are simplified (about 2 % of their
 * points), so a point within `toleranceMetres` of the edge counts as inside: a real address by
 * the border must not be flagged because the line was straightened.
 */
export function pointInArea(
  geometry: AreaGeometry,
  bbox: BBox,
  lon: number,
  lat: number,
  toleranceMetres = 2000,
): boolean {
  const pad = toleranceMetres / 50_000; // degrees, generous at Swedish latitudes
  const [west, south, east, north] = bbox;
  if (lon < west - pad * 2 || lon > east + pad * 2 || lat < south - pad || lat > north + pad) return false;
  for (const polygon of polygons(geometry)) {
    const [outer, ...holes] = polygon;
    if (outer !== undefined && inRing(outer, lon, lat) && !holes.some((hole) => inRing(hole, lon, lat)))
      return true;
  }
  if (toleranceMetres <= 0) return false;
  return polygons(geometry).some((polygon) =>
    polygon.some((ring) => distanceToRing(ring, lon, lat) <= toleranceMetres),
  );
}
