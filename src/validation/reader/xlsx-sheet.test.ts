import assert from "node:assert/strict";
import { test } from "node:test";
import { numberText, serialDateText } from "./xlsx-sheet.ts";

test("Excel serial dates are UTC ISO dates, with the 1900 leap-year bug and the 1904 system", () => {
  assert.equal(serialDateText(1, false), "1900-01-01");
  assert.equal(serialDateText(59, false), "1900-02-28");
  assert.equal(serialDateText(60, false), "1900-02-29"); // the day Excel counts that never was
  assert.equal(serialDateText(61, false), "1900-03-01");
  assert.equal(serialDateText(45356, false), "2024-03-05");
  assert.equal(serialDateText(45356.5729166667, false), "2024-03-05T13:45:00");
  assert.equal(serialDateText(45351.00000289352, false), "2024-02-29T00:00:00.250");
  assert.equal(serialDateText(0.5, false), "1899-12-30T12:00:00"); // a time alone, as before
  assert.equal(serialDateText(0, true), "1904-01-01");
  assert.equal(serialDateText(43894, true), "2024-03-05");
  assert.equal(serialDateText(-1, false), "-1"); // Excel shows ##### rather than a date
  assert.equal(serialDateText(3e6, false), "3000000");
});

test("numbers are written as JavaScript writes them; a number that is not one stays as text", () => {
  assert.equal(numberText("22.5", false, false), "22.5");
  assert.equal(numberText("1.0000000000000001E-3", false, false), "0.001");
  assert.equal(numberText("12345678901234567890", false, false), "12345678901234567000");
  assert.equal(numberText("", false, false), "");
  assert.equal(numberText("abc", false, false), "abc");
  assert.equal(numberText("45356", true, false), "2024-03-05");
});
