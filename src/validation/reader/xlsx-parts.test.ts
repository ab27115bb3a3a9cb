import assert from "node:assert/strict";
import { test } from "node:test";
import { isDateFormat, SharedStrings, unescapeText } from "./xlsx-parts.ts";
import { XlsxStopError } from "./xlsx-zip.ts";

test("a number format is a date format when d, m, y, h or s appear outside quotes, brackets and escapes", () => {
  for (const code of [
    "yyyy-mm-dd",
    "DD/MM/YYYY HH:MM",
    "h:mm AM/PM",
    "[$-41D]d mmmm yyyy",
    "[h]:mm:ss",
    'yyyy"år"',
  ]) {
    assert.equal(isDateFormat(code), true, code);
  }
  for (const code of [
    "General",
    "0.00",
    "#,##0",
    '0.00 "dagar"',
    "[Red]#,##0",
    "0.00E+00",
    '#,##0\\ "kr"',
    "\\d0",
    "_-* #,##0_-",
    "@",
  ]) {
    assert.equal(isDateFormat(code), false, code);
  }
});

test("shared strings are stored packed and read back, across block boundaries and from the cache", () => {
  const strings = new SharedStrings(10, 4 * 1024 * 1024);
  const long = "å".repeat(700_000); // 1.4 MB as UTF-8: crosses the 1 MiB block
  const items = ["kommun", "", long, "🙂 emoji", "x".repeat(900_000)];
  items.forEach((s) => strings.add(s));
  assert.equal(strings.size, items.length);
  items.forEach((s, i) => assert.equal(strings.get(i), s, `item ${i}`));
  assert.equal(strings.get(0), "kommun"); // cached
  assert.equal(strings.get(99), "");
  assert.equal(strings.get(-1), "");
});

test("shared strings past their count or byte cap stop with the reason", () => {
  const byCount = new SharedStrings(2, 1000);
  byCount.add("a");
  byCount.add("b");
  assert.throws(
    () => byCount.add("c"),
    (e: unknown) =>
      e instanceof XlsxStopError && e.stop.kind === "shared-strings-too-large" && e.stop.reason === "count",
  );
  const byBytes = new SharedStrings(100, 10);
  byBytes.add("12345");
  assert.throws(
    () => byBytes.add("åäö"),
    (e: unknown) =>
      e instanceof XlsxStopError && e.stop.kind === "shared-strings-too-large" && e.stop.reason === "bytes",
  );
});

test("_xHHHH_ escapes are the characters Excel saved them for; an escaped underscore stays literal", () => {
  assert.equal(unescapeText("rad 1_x000D_\nrad 2"), "rad 1\r\nrad 2");
  assert.equal(unescapeText("_x005F_x0041_"), "_x0041_");
  assert.equal(unescapeText("vanlig_text"), "vanlig_text");
});
