import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvRow, neutralizeFormula } from "./csv.ts";

test("cells that a spreadsheet would run as formulas are neutralised", () => {
  for (const cell of [
    "=SUM(A1:A2)",
    "-",
    "+46 8 123 456",
    "+cmd",
    "-2+3",
    "@SUM(1)",
    "\tx",
    "\rx",
    '=HYPERLINK("http://x")',
  ]) {
    assert.equal(neutralizeFormula(cell), `'${cell}`);
  }
});

test("signed plain numbers stay numbers", () => {
  for (const cell of ["-12.5", "+3", "-0,5", "-1e5", "12"]) assert.equal(neutralizeFormula(cell), cell);
});

test("cells with delimiters, quotes or line breaks are quoted", () => {
  assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
  assert.equal(csvCell("två\nrader"), '"två\nrader"');
  assert.equal(csvCell("a;b", ";"), '"a;b"');
  assert.equal(csvCell("a;b"), "a;b");
});

test("a row ends with CRLF", () => {
  assert.equal(csvRow(["0180", "=1+1", "Stockholm"]), "0180,'=1+1,Stockholm\r\n");
});
