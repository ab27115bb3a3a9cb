// Issue 22, item 12: a specification's pattern with polynomial backtracking. `^.*a.*a.*a.*a.*a.*b$`
// took 80 s on a value of 160 characters; it must be refused when the specification loads, with
// a message that names the field and the pattern, and never reach a value.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../src/core/index.ts";
import { specificationDefinition } from "../../src/specs/index.ts";
import { validate } from "../../src/validation/index.ts";
import { csv, field, specification } from "../../src/validation/test-fixtures.ts";

const POLYNOMIAL = "^.*a.*a.*a.*a.*a.*b$";

test("a polynomial pattern is refused at load, naming the field and the pattern, within 100 ms", async () => {
  // Once with a harmless pattern first, so that the timing is the guard's, not loading the validator.
  await validate(
    csv(["kod", "ab"]),
    specification([field("kod", "string", { constraints: { pattern: "^a.*b$" } })]),
  );
  const spec = specification([field("kod", "string", { constraints: { pattern: POLYNOMIAL } })]);
  const started = performance.now();
  await assert.rejects(validate(csv(["kod", "a".repeat(160)]), spec), (error: unknown) => {
    assert.ok(isAppError(error) && error.code === "BAD_REQUEST");
    assert.match(
      error.text.sv,
      /"kod" \(\^\.\*a\.\*a\.\*a\.\*a\.\*a\.\*b\$\) har tre eller fler obegränsade/,
    );
    assert.match(error.text.en, /three or more unbounded repeats/);
    return true;
  });
  assert.ok(performance.now() - started < 100, `took ${performance.now() - started} ms`);
});

test("a specification document with the pattern does not parse", () => {
  const result = specificationDefinition.safeParse({
    ...specification([field("kod", "string", { example: "ab", constraints: { pattern: POLYNOMIAL } })]),
    examples: [{ kod: "ab" }, { kod: "aab" }],
  });
  assert.deepEqual(
    result.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
    [
      [
        "schema.fields.0.constraints.pattern",
        "the pattern is refused (overlapping-quantifiers): it could make validation hang or is invalid",
      ],
    ],
  );
});

test("the shipped kinds of pattern, and separated repeats, still validate values", async () => {
  const spec = specification([
    field("org", "string", { constraints: { pattern: "^(\\d{4}|\\d{2}|\\d{6}-\\d{4})$" } }),
    field("wd", "string", { constraints: { pattern: "^Q\\d+$" } }),
    field("post", "string", { constraints: { pattern: "^\\d{3} ?\\d{2}$" } }),
    field("csv", "string", { constraints: { pattern: "^[^,]*,[^,]*,[^,]*$" } }),
  ]);
  const report = await validate(
    csv(["org,wd,post,csv", '0580,Q42,582 22,"a,b,c"', '212000-0142,Q,58222,"a,b"']),
    spec,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fieldName]),
    [
      [3, "wd"],
      [3, "csv"],
    ],
  );
});
