import assert from "node:assert/strict";
import { test } from "node:test";
import { computeReadiness, type Declaration, type PublicationFact } from "./model.ts";

const NOW = new Date("2026-11-27T12:00:00Z");
const EXPECTED = ["a", "b", "c", "d", "e", "f", "g", "h"];
const published = (
  slug: string,
  daysAgo = 1,
  status: PublicationFact["status"] = "published",
): PublicationFact => ({
  slug,
  status,
  releasedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  freshDays: 365,
});
const declaration = (criterion: Declaration["criterion"]): Declaration => ({
  criterion,
  url: "https://kommun.se/beslut",
  contactName: criterion === "data-contact" ? "Anna" : null,
  contactEmail: criterion === "data-contact" ? "anna@kommun.se" : null,
  declaredAt: NOW,
  declaredBy: "user:1",
});
const structures = [declaration("data-contact"), declaration("open-data-policy")];

test("nothing met is level 0; any one criterion is level 1", () => {
  assert.equal(
    computeReadiness({ expected: EXPECTED, publications: [], declarations: [], now: NOW }).level,
    0,
  );
  const started = computeReadiness({
    expected: EXPECTED,
    publications: [],
    declarations: [declaration("data-contact")],
    now: NOW,
  });
  assert.equal(started.level, 1);
  assert.equal(started.criteria.find((c) => c.id === "data-contact")?.evidence.kind, "declared");
});

test("Etablerad needs the structures and a quarter of the expected datasets, at least one", () => {
  const oneOfEight = computeReadiness({
    expected: EXPECTED,
    publications: [published("a")],
    declarations: structures,
    now: NOW,
  });
  assert.equal(oneOfEight.level, 1);
  const twoOfEight = computeReadiness({
    expected: EXPECTED,
    publications: [published("a"), published("b")],
    declarations: structures,
    now: NOW,
  });
  assert.equal(twoOfEight.level, 2);
  const withoutPolicy = computeReadiness({
    expected: EXPECTED,
    publications: [published("a"), published("b")],
    declarations: [declaration("data-contact")],
    now: NOW,
  });
  assert.equal(withoutPolicy.level, 1);
});

test("Avancerad needs three quarters published, conformant and fresh", () => {
  const six = EXPECTED.slice(0, 6).map((slug) => published(slug));
  assert.equal(
    computeReadiness({ expected: EXPECTED, publications: six, declarations: structures, now: NOW }).level,
    3,
  );
  const stale = [...six.slice(0, 4), published("e", 400), published("f", 400)];
  const result = computeReadiness({
    expected: EXPECTED,
    publications: stale,
    declarations: structures,
    now: NOW,
  });
  assert.equal(result.level, 2);
  assert.equal(result.criteria.find((c) => c.id === "fresh")?.value, 4 / 6);
  const partial = [...six.slice(0, 4), published("e", 1, "partial"), published("f", 1, "partial")];
  assert.equal(
    computeReadiness({ expected: EXPECTED, publications: partial, declarations: structures, now: NOW }).level,
    2,
  );
});

test("publications of datasets not expected of the organization do not count toward the share", () => {
  const result = computeReadiness({
    expected: EXPECTED,
    publications: [published("x"), published("y"), published("z")],
    declarations: structures,
    now: NOW,
  });
  assert.equal(result.criteria.find((c) => c.id === "published")?.value, 0);
  assert.equal(result.level, 1);
});
