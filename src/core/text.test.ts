import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeLike, foldForSearch } from "./text.ts";

test("folding removes Swedish diacritics and case", () => {
  assert.equal(foldForSearch("Linköping"), "linkoping");
  assert.equal(foldForSearch("MALMÖ"), "malmo");
  assert.equal(foldForSearch("Ängelholm"), "angelholm");
  assert.equal(foldForSearch("Åre"), "are");
});

test("folding treats hyphens and runs of spaces as one space", () => {
  assert.equal(foldForSearch("  Upplands-Bro  "), "upplands bro");
  assert.equal(foldForSearch("Upplands   Väsby"), "upplands vasby");
});

test("LIKE wildcards in user text are escaped", () => {
  assert.equal(escapeLike("50%_a\\"), "50\\%\\_a\\\\");
});
