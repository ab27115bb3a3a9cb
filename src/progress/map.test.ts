import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRegistryReference } from "../registry/index.ts";
import { projectAreas, projectSweref, ringPath, simplifyLine, simplifyRing, type Point } from "./map.ts";

test("WGS 84 projects to SWEREF 99 TM (UTM 33 on GRS 80)", () => {
  // Stockholm's city hall, as the fixer's test converts it the other way (4 decimals: about 10 m).
  const [x, y] = projectSweref(18.0591, 59.3302);
  assert.ok(Math.abs(x - 674_032) < 15 && Math.abs(y - 6_580_822) < 15, `${x} ${y}`);
  // On the central meridian (15° E) easting is the false easting; 60° N is 6 651 411 m north.
  const [cx, cy] = projectSweref(15, 60);
  assert.ok(Math.abs(cx - 500_000) < 0.01 && Math.abs(cy - 6_651_411) < 2, `${cx} ${cy}`);
});

test("Douglas–Peucker drops the points within the tolerance and keeps the corners", () => {
  const line: Point[] = [
    [0, 0],
    [1, 0.1],
    [2, -0.1],
    [3, 0],
    [3, 3],
  ];
  assert.deepEqual(simplifyLine(line, 0.5), [
    [0, 0],
    [3, 0],
    [3, 3],
  ]);
  assert.deepEqual(simplifyLine(line, 0.05), line, "a tolerance below every offset keeps all");
  assert.deepEqual(simplifyLine([[0, 0]], 1), [[0, 0]]);
});

test("a closed ring keeps its corners and comes back open", () => {
  const square: Point[] = [
    [0, 0],
    [5, 0],
    [10, 0],
    [10, 10],
    [5, 10.2],
    [0, 10],
    [0, 0],
  ];
  assert.deepEqual(simplifyRing(square, 0.5), [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ]);
});

test("a ring is written as one absolute move, then short relative steps", () => {
  assert.equal(
    ringPath([
      [10, 20],
      [13, 18],
      [13, 25],
      [9, 25],
    ]),
    "M10 20l3-2 0 7-4 0z",
  );
  assert.equal(ringPath([]), "");
});

test("all 290 municipalities project to small, non-empty paths inside the frame", () => {
  const reference = loadRegistryReference();
  const kommuner = reference.boundaries.filter((b) => b.areaType === "kommun");
  const map = projectAreas(kommuner);
  assert.equal(map.areas.length, 290);
  // Sweden is about 650 km wide and 1 570 km tall: at 250 m a unit, about 2 600 × 6 200.
  assert.ok(map.width > 2500 && map.width < 2800, String(map.width));
  assert.ok(map.height > 6000 && map.height < 6400, String(map.height));
  for (const area of map.areas) {
    assert.match(area.d, /^M\d+ \d+l[-\d ]+z/, area.code);
    const [minX, minY, maxX, maxY] = area.box;
    assert.ok(minX >= 0 && minY >= 0 && maxX <= map.width && maxY <= map.height, area.code);
    assert.ok(maxX > minX && maxY > minY, `${area.code} has an area`);
  }
  const bytes = map.areas.reduce((sum, a) => sum + a.d.length, 0);
  assert.ok(bytes < 100_000, `all paths together are ${bytes} bytes`);
  // North is up: Kiruna (2584) lies above Malmö (1280).
  const top = (code: string) => map.areas.find((a) => a.code === code)?.box[1] ?? NaN;
  assert.ok(top("2584") < top("1280"));
});
