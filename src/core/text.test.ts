import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeLike, foldForSearch, hasUnstorable, storable } from "./text.ts";

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

test("NUL and half a surrogate pair are what a database cannot store; a whole pair is fine", () => {
  for (const text of ["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800", "😀\ud83d"]) {
    assert.ok(hasUnstorable(text), JSON.stringify(text));
  }
  for (const text of ["", "Ångström", "😀", "a\u0001b", "\ufffd"]) assert.ok(!hasUnstorable(text), text);
  assert.equal(storable("a\u0000b\ud800😀"), "a\ufffdb\ufffd😀");
});
