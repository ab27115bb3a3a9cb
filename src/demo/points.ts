import { pointInArea, type Boundary } from "../registry/index.ts";

/** A small seeded generator (mulberry32): the same seed gives the same demo content on every start. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from text, so each (organization, specification) gets its own stable sequence. */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Points strictly inside an area (no border tolerance), drawn from its bounding box and kept when
 * inside. Rounded to 5 decimals (about a metre), as publishers write them.
 */
export function pointsInside(
  boundary: Boundary,
  count: number,
  random: () => number,
): { latitude: number; longitude: number }[] {
  const [west, south, east, north] = boundary.bbox;
  const points: { latitude: number; longitude: number }[] = [];
  // Thin or ragged areas (archipelagos) reject many draws; the cap keeps a bad boundary from looping.
  for (let attempt = 0; points.length < count && attempt < count * 500; attempt++) {
    const longitude = Math.round((west + random() * (east - west)) * 1e5) / 1e5;
    const latitude = Math.round((south + random() * (north - south)) * 1e5) / 1e5;
    if (pointInArea(boundary.geometry, boundary.bbox, longitude, latitude, 0))
      points.push({ latitude, longitude });
  }
  return points;
}
