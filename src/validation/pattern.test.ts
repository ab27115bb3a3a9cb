import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../core/errors.ts";
import { patternProblem, PATTERN_VALUE_CAP, validate } from "./index.ts";
import { csv, field, specification } from "./test-fixtures.ts";

test("patterns that backtrack catastrophically are refused at load", () => {
  assert.equal(patternProblem("(a+)+$"), "nested-quantifier");
  assert.equal(patternProblem("^(a|aa)+$"), "quantified-alternation");
  assert.equal(patternProblem("^(\\w+\\s?)*$"), "nested-quantifier");
  assert.equal(patternProblem("(x+x+)+y"), "adjacent-quantifiers");
  assert.equal(patternProblem("^\\d*\\d*\\d*x$"), "adjacent-quantifiers");
  assert.equal(patternProblem("^\\d+a?\\d+$"), "adjacent-quantifiers");
  assert.equal(patternProblem("(a)\\1"), "backreference");
  assert.equal(patternProblem("(?=a)a"), "lookaround");
  assert.equal(patternProblem("(?<!a)b"), "lookaround");
  assert.equal(patternProblem("[unclosed"), "syntax");
  assert.equal(patternProblem("^.*a.*a.*a.*a.*a.*b$"), "overlapping-quantifiers");
  assert.equal(patternProblem("^\\w*x\\w*y\\w*$"), "overlapping-quantifiers");
  assert.equal(patternProblem("^(?:.*a)(.*a)(.*b)$"), "overlapping-quantifiers");
});

test("ordinary Swedish patterns are allowed", () => {
  for (const pattern of [
    "\\d{4}",
    "\\d{6}-\\d{4}",
    "[A-ZÅÄÖ]{3} ?\\d{2}[A-Z\\d]",
    "\\d{3} ?\\d{2}",
    "SE\\d{10}01",
    "([A-Z]{2}-)?\\d+",
    "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}",
    "(https?)://.+",
    "^.*a.*b$",
    "^[^,]*,[^,]*,[^,]*$",
    "^\\S+\\s\\S+\\s\\S+$",
    "^[A-Z]+-\\d+-[a-z]+$",
  ]) {
    assert.equal(patternProblem(pattern), undefined, pattern);
  }
});

test("validating against a catastrophic pattern fails fast with the field named, instead of hanging", async () => {
  for (const pattern of ["(a+)+$", "^(a|aa)+$"]) {
    const spec = specification([field("kod", "string", { constraints: { pattern } })]);
    const started = performance.now();
    await assert.rejects(
      validate(csv(["kod", `${"a".repeat(40)}!`]), spec),
      (error: unknown) => isAppError(error) && error.code === "BAD_REQUEST" && /"kod"/.test(error.text.sv),
    );
    assert.ok(performance.now() - started < 1000);
  }
});

test("values longer than the cap are not run against a pattern, and are reported", async () => {
  const spec = specification([field("kod", "string", { constraints: { pattern: "[a-z ]*x" } })]);
  const long = "a ".repeat(PATTERN_VALUE_CAP);
  const started = performance.now();
  const report = await validate(csv(["kod", long, "abcx"]), spec);
  assert.ok(performance.now() - started < 1000);
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.constraint]),
    [[2, "pattern"]],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /prövas inte mot mönster/);
});
