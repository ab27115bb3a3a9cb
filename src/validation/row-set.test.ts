import assert from "node:assert/strict";
import { test } from "node:test";
import { RowSet } from "./row-set.ts";

test("a row set remembers rows far apart and counts each row once", () => {
  const rows = new RowSet();
  for (const row of [2, 3, 3, 9_999, 1_000_001]) rows.add(row);
  assert.equal(rows.size, 4);
  assert.ok(rows.has(2) && rows.has(3) && rows.has(9_999) && rows.has(1_000_001));
  assert.ok(!rows.has(4) && !rows.has(1_000_000) && !rows.has(5_000_000) && !rows.has(-1));
});
