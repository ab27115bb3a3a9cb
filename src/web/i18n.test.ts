import assert from "node:assert/strict";
import { test } from "node:test";
import { countText, fill, fillParts, formatDate, MESSAGES, nameCollator } from "./i18n.ts";
import type { English } from "./messages/text.ts";

function shape(value: unknown): string {
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().join(",")}}`;
  }
  return typeof value;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

test("Swedish and English have the same keys, each of the same shape", () => {
  assert.deepEqual(Object.keys(MESSAGES.sv).sort(), Object.keys(MESSAGES.en).sort());
  for (const [key, sv] of Object.entries(MESSAGES.sv)) {
    const en: unknown = MESSAGES.en[key as keyof typeof MESSAGES.en];
    assert.equal(shape(sv), shape(en), key);
  }
});

test("every text is filled in, and both languages use the same placeholders", () => {
  for (const [key, sv] of Object.entries(MESSAGES.sv)) {
    const en: unknown = MESSAGES.en[key as keyof typeof MESSAGES.en];
    const svTexts = strings(sv);
    const enTexts = strings(en);
    for (const text of [...svTexts, ...enTexts]) assert.ok(text.trim().length > 0, `${key} is empty`);
    assert.deepEqual(svTexts.map(placeholders), enTexts.map(placeholders), `${key} placeholders`);
  }
});

test("the Swedish texts are Swedish: the prose is not the English copied", () => {
  const same = Object.entries(MESSAGES.sv)
    .filter(
      ([key, sv]) => JSON.stringify(sv) === JSON.stringify(MESSAGES.en[key as keyof typeof MESSAGES.en]),
    )
    .map(([key]) => key);
  // Names and words that are the same in both languages.
  assert.deepEqual(same.sort(), [
    "catalogFacetFormat",
    "columnStatus",
    "docsMediaType",
    "docsVersion",
    "lanRegion",
    "navApi",
    "navData",
    "organizationRegion",
    "siteName",
    "specPageTitle",
    "typeRegion",
  ]);
});

test("placeholders are filled by name, and unknown ones are left as they are", () => {
  assert.equal(fill("Karta över {name}", { name: "Malmö" }), "Karta över Malmö");
  const unchecked: string = "{n} av {total}";
  assert.equal(fill(unchecked, { n: 3 }), "3 av {total}");
});

test("a missing or misspelled placeholder fails the type-check, in a fill and in the English", () => {
  const t = MESSAGES.sv;
  // @ts-expect-error: {name} is missing.
  fill(t.boundaryMapLabel, {});
  // @ts-expect-error: {name} is misspelled.
  fill(t.boundaryMapLabel, { nmae: "Malmö" });
  // @ts-expect-error: the text has no placeholder to fill.
  fill(t.mapZoomIn, { n: 1 });
  // @ts-expect-error: the English lacks the Swedish {name}.
  const english: English<{ readonly label: "Karta över {name}" }> = { label: "Map of {nmae}" };
  assert.equal(fill(t.boundaryMapLabel, { name: "Malmö" }), "Karta över Malmö");
  assert.equal(english.label, "Map of {nmae}");
});

test("fillParts puts values between the texts, in order, and leaves unknown names", () => {
  const unchecked: string = "Fältet {field} i {where}, {other}";
  const parts = fillParts(unchecked, { field: 1, where: 2 });
  assert.deepEqual(parts, ["Fältet ", 1, " i ", 2, ", ", "{other}"]);
  assert.deepEqual(fillParts("{a}{b}", { a: "x", b: "y" }), ["x", "y"]);
});

test("counts take the language's plural form, and the zero text when there is one", () => {
  const sv = MESSAGES.sv.searchCount;
  assert.equal(countText(sv, 0, "sv"), "Ingen kommun matchar sökningen.");
  assert.equal(countText(sv, 1, "sv"), "1 kommun matchar sökningen.");
  assert.equal(countText(sv, 12, "sv"), "12 kommuner matchar sökningen.");
  assert.equal(countText(MESSAGES.en.searchCount, 2, "en"), "2 municipalities match the search.");
  assert.equal(countText({ one: "{n} file", other: "{n} files" }, 0, "en"), "0 files");
  const level = countText(MESSAGES.en.progressMapLevelCount, 1, "en");
  assert.equal(fill(level, { level: 2, name: "Basic" }), "Level 2 Basic: 1 municipality");
  // @ts-expect-error: {name} is still to fill.
  fill(level, { level: 2 });
});

test("dates are written out in each language", () => {
  assert.equal(formatDate("2026-11-27", "sv"), "27 november 2026");
  assert.equal(formatDate("2026-11-27", "en"), "27 November 2026");
});

test("names sort the Swedish way: Å, Ä and Ö after Z", () => {
  const names = ["Örebro", "Ale", "Åre", "Älmhult", "Ystad", "Malmö"];
  assert.deepEqual(names.sort(nameCollator.compare), ["Ale", "Malmö", "Ystad", "Åre", "Älmhult", "Örebro"]);
});
