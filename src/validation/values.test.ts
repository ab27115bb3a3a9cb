import assert from "node:assert/strict";
import { test } from "node:test";
import { checkOrganization, fromWgs84, inSweden, parseCrs, PROJECTED_CRS, toWgs84 } from "./index.ts";
import { KeyHasher, DuplicateFinder } from "./keys.ts";
import { StringSet } from "./string-set.ts";
import {
  isDate,
  isDatetime,
  luhn,
  normalizeNumber,
  parseInteger,
  parseNumber,
  suggestDate,
} from "./values.ts";

test("numbers parse to the same double as Number(), with a decimal comma only when allowed", () => {
  for (const text of [
    "0",
    "-12.5",
    "+3",
    "59.3302312",
    "0.1",
    "123456789012345",
    "1234567890123456789",
    "1e3",
    "-2.5E-4",
    "0180",
  ]) {
    assert.equal(parseNumber(text, false), Number(text), text);
  }
  assert.equal(parseNumber("12,5", true), 12.5);
  assert.ok(Number.isNaN(parseNumber("12,5", false)));
  for (const bad of ["", "-", "1.", ".5", "1e", "1,2,3", "12 5", "NaN", "Infinity", "0x10"]) {
    assert.ok(Number.isNaN(parseNumber(bad, true)), bad);
  }
  assert.equal(parseInteger("-0180"), -180);
  assert.ok(Number.isNaN(parseInteger("1.0")));
  assert.equal(normalizeNumber("1\u00a0234,5"), "1234.5");
  assert.equal(normalizeNumber("\u22127"), "-7");
  assert.equal(normalizeNumber("12.5"), undefined);
});

test("dates are real calendar dates", () => {
  assert.ok(isDate("2024-02-29"));
  assert.ok(isDate("2000-02-29"));
  assert.ok(!isDate("1900-02-29"));
  assert.ok(!isDate("2023-02-29"));
  assert.ok(!isDate("2024-04-31"));
  assert.ok(!isDate("2024-00-10"));
  assert.ok(isDatetime("2024-06-30T23:59:59.999+02:00"));
  assert.ok(!isDatetime("2024-06-31T12:00"));
  assert.equal(suggestDate("2024-3-5"), "2024-03-05");
  assert.equal(suggestDate("5/3/2024"), "2024-03-05");
  assert.equal(suggestDate("2024-03-05 00:00:00"), "2024-03-05");
  assert.equal(suggestDate("31.2.2024"), undefined);
});

test("organisationsnummer are checked with Luhn; codes that lost a zero are recognised", () => {
  assert.ok(luhn("2120000142"));
  assert.ok(!luhn("2120000143"));
  assert.deepEqual(checkOrganization("212000-0142", undefined), { ok: true });
  assert.deepEqual(checkOrganization("0180", new Set(["0180"])), { ok: true });
  assert.deepEqual(checkOrganization("180", new Set(["0180"])), {
    ok: false,
    reason: "lost-zero",
    fix: "0180",
  });
  assert.deepEqual(checkOrganization("181", new Set(["0180"])), { ok: false, reason: "unknown" });
  assert.deepEqual(checkOrganization("Malmö", undefined), { ok: false, reason: "malformed" });
});

test("SWEREF 99 TM and the local zones convert to WGS 84 to the centimetre (Stockholm city hall)", () => {
  const tm = toWgs84("EPSG:3006", 674032, 6580822);
  assert.ok(Math.abs(tm.lat - 59.3302312) < 1e-6 && Math.abs(tm.lon - 18.0591897) < 1e-6, JSON.stringify(tm));
  const zone = toWgs84("EPSG:3011", 153935, 6579519);
  assert.ok(
    Math.abs(zone.lat - 59.3307768) < 1e-6 && Math.abs(zone.lon - 18.0691284) < 1e-6,
    JSON.stringify(zone),
  );
  for (const crs of PROJECTED_CRS) {
    const back = fromWgs84(crs, 15.5, 62);
    const there = toWgs84(crs, back.easting, back.northing);
    assert.ok(Math.abs(there.lat - 62) < 1e-9 && Math.abs(there.lon - 15.5) < 1e-9, crs);
  }
  assert.ok(inSweden(55.34, 13.36) && inSweden(69.06, 20.55) && !inSweden(59.9, 10.75));
});

test("coordinate systems are named the ways publishers write them", () => {
  assert.equal(parseCrs("EPSG:3006"), "EPSG:3006");
  assert.equal(parseCrs("3011"), "EPSG:3011");
  assert.equal(parseCrs("urn:ogc:def:crs:EPSG::3010"), "EPSG:3010");
  assert.equal(parseCrs("SWEREF 99 TM"), "EPSG:3006");
  assert.equal(parseCrs("sweref99 14 15"), "EPSG:3012");
  assert.equal(parseCrs("WGS84"), "EPSG:4326");
  assert.equal(parseCrs("EPSG:2400"), undefined);
});

test("string sets answer like Set for every member and near miss", () => {
  const values = ["0180", "0114", "01", "bibliotek", "skola", "a", "", "Å", "åäö"];
  const set = new StringSet(values);
  for (const v of values) assert.ok(set.has(v), v);
  for (const v of ["0181", "018", "1", "Bibliotek", "skol", "b", "åä", "0180 "]) assert.ok(!set.has(v), v);
});

/** Records a key (its parts, as a composite key) on `row`, hashed as KeyColumns hashes it. */
function addKey(finder: DuplicateFinder, parts: readonly string[], row: number): void {
  const h = new KeyHasher();
  h.reset();
  for (const p of parts) h.add(p);
  h.finish();
  finder.add(h.a, h.b, row);
}

test("repeated keys are found with the row first holding them; composite parts cannot run together", () => {
  const finder = new DuplicateFinder();
  const add = (parts: string[], row: number): void => addKey(finder, parts, row);
  for (let i = 0; i < 50_000; i++) add([`k${i}`], i + 2);
  add(["k17"], 50_002);
  add(["k17"], 50_003);
  add(["ab", "c"], 50_004);
  add(["a", "bc"], 50_005);
  assert.deepEqual(finder.finish(), [
    { rowNumber: 50_002, firstRow: 19 },
    { rowNumber: 50_003, firstRow: 19 },
  ]);
});

test("repeats are found across long gaps between rows and from row 0 on", () => {
  const finder = new DuplicateFinder();
  addKey(finder, ["samma"], 0);
  addKey(finder, ["annan"], 5);
  addKey(finder, ["samma"], 3_000_000); // far past the 10-bit row distance: written as an escape
  addKey(finder, ["annan"], 3_000_900);
  assert.deepEqual(finder.finish(), [
    { rowNumber: 3_000_000, firstRow: 0 },
    { rowNumber: 3_000_900, firstRow: 5 },
  ]);
});

test("repeats found match a plain Map over keys with random gaps between their rows", () => {
  const finder = new DuplicateFinder();
  const first = new Map<string, number>();
  const expected: { rowNumber: number; firstRow: number }[] = [];
  let seed = 7;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  let row = 1;
  for (let i = 0; i < 100_000; i++) {
    row += 1 + (random(50) === 0 ? random(5000) : 0);
    const key = `k${random(60_000)}`;
    addKey(finder, [key], row);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else expected.push({ rowNumber: row, firstRow: seen });
  }
  assert.deepEqual(finder.finish(), expected);
});

test("repeats are found when a partition fills several chunks and an escape straddles a chunk's end", () => {
  const finder = new DuplicateFinder();
  const first = new Map<number, number>();
  const expected: { rowNumber: number; firstRow: number }[] = [];
  // Hashes chosen directly, all in partition 0 (top byte 0). A row far from the one before is
  // stored as two entries (an escape, then the row); chunks hold 4096 entries.
  let row = 10;
  let entries = 0;
  let straddles = 0;
  for (let i = 0; i < 20_000; i++) {
    const far = i % 5 === 0 || i % 7 === 0;
    row += far ? 5_000 : 1;
    if (far && entries % 4096 === 4095) straddles++;
    entries += far ? 2 : 1;
    const key = i % 7 === 6 ? (i * 13) % 6_000 : i;
    finder.add(key & 0xffffff, Math.imul(key + 1, 0x9e3779b1) >>> 0, row);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else expected.push({ rowNumber: row, firstRow: seen });
  }
  assert.ok(straddles > 0 && expected.length > 1_000);
  assert.deepEqual(finder.finish(), expected);
});
