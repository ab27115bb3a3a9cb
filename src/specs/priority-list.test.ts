import assert from "node:assert/strict";
import { test } from "node:test";
import { loadPriorityList, slugify } from "./priority-list.ts";

const list = loadPriorityList(new Set(["lekplatser", "badplatser"]));

test("the list has 100 entries ranked 1 to 100 without gaps", () => {
  assert.equal(list.length, 100);
  assert.deepEqual(
    list.map((e) => e.rank),
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
});

test("confirmed ranks are kept: Lekplatser #28 and Grillplatser #47 in Besöksnäring och rekreation", () => {
  const lekplatser = list.find((e) => e.slug === "lekplatser");
  const grillplatser = list.find((e) => e.slug === "grillplatser");
  assert.ok(lekplatser && grillplatser);
  assert.equal(lekplatser.rank, 28);
  assert.equal(lekplatser.officialRank, 28);
  assert.equal(grillplatser.rank, 47);
  assert.equal(grillplatser.area.sv, "Besöksnäring och rekreation");
  assert.equal(grillplatser.area.en, "Tourism and recreation");
});

test("18 entries are confirmed on NDV's list and 82 are the platform's own candidates", () => {
  assert.equal(list.filter((e) => e.confirmation === "official").length, 18);
  assert.equal(list.filter((e) => e.confirmation === "candidate").length, 82);
  assert.ok(list.filter((e) => e.officialRank === null).every((e) => e.rank > 0));
});

test("status follows the specifications the platform has", () => {
  const bySlug = new Map(list.map((e) => [e.slug, e]));
  assert.equal(bySlug.get("lekplatser")?.status, "specified");
  assert.equal(bySlug.get("badplatser")?.status, "specified");
  assert.equal(bySlug.get("matsvinn")?.status, "in-progress", "confirmed by NDV, not yet specified here");
  assert.equal(bySlug.get("buller")?.status, "identified");
});

test("every slug is unique lowercase ASCII kebab-case, and every entry has an area in both languages", () => {
  assert.equal(new Set(list.map((e) => e.slug)).size, 100);
  for (const entry of list) {
    assert.match(entry.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(entry.area.sv.length > 0 && entry.area.en.length > 0, entry.slug);
  }
});

test("high-value categories are EU vocabulary URIs with Swedish labels", () => {
  const luft = list.find((e) => e.slug === "luftkvalitet");
  assert.ok(luft);
  const category = luft.hvdCategory;
  assert.ok(category);
  assert.equal(category.uri, "http://data.europa.eu/bna/c_dd313021");
  assert.equal(category.label.sv, "Jordobservation och miljö");
});

test("slugs fold Swedish letters and drop parentheses", () => {
  assert.equal(slugify("Idrotts- och fritidsanläggningar"), "idrotts-och-fritidsanlaggningar");
  assert.equal(
    slugify("Kollektivtrafik – hållplatser och tidtabeller"),
    "kollektivtrafik-hallplatser-och-tidtabeller",
  );
  assert.equal(slugify("Nyckeltal (Kolada)"), "nyckeltal");
  assert.equal(slugify("Översiktsplan"), "oversiktsplan");
});
