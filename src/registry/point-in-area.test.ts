import assert from "node:assert/strict";
import { test } from "node:test";
import { pointInArea } from "./point-in-area.ts";
import { loadRegistryReference } from "./reference.ts";

const boundaries = new Map(
  loadRegistryReference()
    .boundaries.filter((b) => b.areaType === "kommun")
    .map((b) => [b.code, b]),
);
const inKommun = (code: string, lon: number, lat: number, tolerance?: number) => {
  const b = boundaries.get(code)!;
  return pointInArea(b.geometry, b.bbox, lon, lat, tolerance);
};

test("a town centre lies in its own municipality and not in its neighbour", () => {
  assert.equal(inKommun("0580", 15.6214, 58.4108), true, "Linköping in Linköping");
  assert.equal(inKommun("0581", 15.6214, 58.4108), false, "Linköping not in Norrköping");
  assert.equal(inKommun("1280", 13.0038, 55.605), true, "Malmö");
  assert.equal(inKommun("2584", 20.2253, 67.8558), true, "Kiruna");
});

test("islands of a multipolygon count: Visby lies in Gotland", () => {
  assert.equal(inKommun("0980", 18.2948, 57.6348), true);
});

test("a point just outside a simplified border counts as inside within the tolerance only", () => {
  const b = boundaries.get("0580")!;
  const [, , east] = b.bbox;
  assert.equal(pointInArea(b.geometry, b.bbox, east + 0.01, 58.41, 0), false);
  assert.equal(pointInArea(b.geometry, b.bbox, east + 0.5, 58.41), false, "far outside");
});
