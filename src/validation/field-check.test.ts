import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldDefinition } from "../specs/definition.ts";
import { NOT_SURE, WITH_DECIMAL_COMMA } from "./field-check.ts";
import { compileField } from "./fields.ts";
import { ReportCollector } from "./report.ts";
import { StringSet } from "./string-set.ts";
import { field } from "./test-fixtures.ts";

/** Fields of every type, with and without the constraints `accepts` looks at. */
const FIELDS: readonly FieldDefinition[] = [
  field("text", "string"),
  field("code", "string", {
    codeList: ["a", "bb", "0180"].map((value) => ({ value, label: { sv: value, en: value } })),
  }),
  field("short", "string", { constraints: { minLength: 2, maxLength: 4 } }),
  field("pattern", "string", { constraints: { pattern: "[A-Z]{2}" } }),
  field("email", "string", { format: "email" }),
  field("kommun", "string", { reference: "organization" }),
  field("count", "integer", { constraints: { minimum: 0, maximum: 100 } }),
  field("any", "integer"),
  field("amount", "number", { constraints: { minimum: -5.5, maximum: 1_000_000 } }),
  field("plain", "number"),
  field("flag", "boolean"),
  field("yes", "boolean", { trueValues: ["x"], falseValues: ["o"] }),
  field("day", "date"),
  field("spring", "date", { constraints: { minimum: "2024-03-01", maximum: "2024-05-31" } }),
  field("at", "datetime"),
  field("year", "year", { constraints: { minimum: 1900 } }),
  field("month", "yearmonth"),
  field("time", "time"),
];

const TRICKY = [
  "0",
  "-0",
  "+5",
  "-1",
  "100",
  "101",
  "1e3",
  "1E-2",
  "1,5",
  "1.5",
  "-5.5",
  "-5.51",
  "1000000",
  "1000000.5",
  ".5",
  "5.",
  "0x10",
  "NaN",
  "Infinity",
  "12345678901234567890",
  "١٢",
  "abc",
  "a",
  "bb",
  "AB",
  "ABC",
  "0180",
  "180",
  "9999",
  "01",
  "2024-02-29",
  "2023-02-29",
  "2024-13-01",
  "2024-03-01",
  "2024-06-01",
  "2024-3-1",
  "2024-03-05T14:30:00",
  "2024",
  "1899",
  "2024-03",
  "14:30",
  "true",
  "false",
  "TRUE",
  "ja",
  "nej",
  "x",
  "o",
  "namn@exempel.se",
  "namn@",
  "x,y",
];

/** Values from an alphabet of digits, signs, separators and letters, as a seeded generator makes them. */
function randomValues(count: number): string[] {
  const alphabet = "0123456789-+.,eE:TZ aAbBxo@ä";
  let seed = 11;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  return Array.from({ length: count }, () => {
    let s = "";
    for (let i = 1 + random(12); i > 0; i--) s += alphabet.charAt(random(alphabet.length));
    return s.trim();
  }).filter((s) => s !== "");
}

test("a value the shortcut accepts is one the full check passes, with the same number and warnings", () => {
  const values = [...TRICKY, ...randomValues(20_000)];
  for (const decimalComma of [false, true]) {
    const report = new ReportCollector();
    const context = {
      report,
      values: new Float64Array(1),
      format: "csv" as const,
      decimalComma,
      knownOrganizationCodes: new StringSet(["0180", "1480", "01"]),
    };
    for (const definition of FIELDS) {
      const compiled = compileField(definition, context, { forceRequired: false, index: 0 });
      const commas = compiled.problems.decimalComma.tally;
      let accepted = 0;
      let withComma = 0;
      for (const v of values) {
        context.values[0] = -42;
        const verdict = compiled.accepts(v);
        if (verdict === NOT_SURE) continue;
        accepted++;
        if (verdict === WITH_DECIMAL_COMMA) withComma++;
        const left = context.values[0];
        context.values[0] = -42;
        const warned = commas.count;
        const problem = compiled.check(v, 2, 1);
        const name = `${definition.name}, ${JSON.stringify(v)}`;
        assert.equal(problem, undefined, `${name}: accepted, but check refuses it`);
        assert.ok(Object.is(context.values[0], left), `${name}: left another number`);
        const counted = commas.count - warned;
        assert.equal(counted, verdict === WITH_DECIMAL_COMMA ? 1 : 0, `${name}: decimal comma warnings`);
      }
      // The shortcut is taken for the common types, not only declined.
      if (
        ["text", "code", "count", "amount", "flag", "yes", "day", "at", "email", "kommun"].includes(
          definition.name,
        )
      ) {
        assert.ok(accepted > 0, `${definition.name} accepted nothing`);
      }
      if (decimalComma && definition.type === "number")
        assert.ok(withComma > 0, `${definition.name}: no comma`);
    }
  }
});
