import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRegistryReference } from "./reference.ts";

const reference = loadRegistryReference();

test("the reference holds 290 kommuner, 21 regions, 21 län and 310 organizations", () => {
  const kommuner = reference.organizations.filter((o) => o.types.includes("kommun"));
  const regioner = reference.organizations.filter((o) => o.types.includes("region"));
  assert.equal(kommuner.length, 290);
  assert.equal(regioner.length, 21);
  assert.equal(reference.lan.length, 21);
  assert.equal(reference.organizations.length, 310);
});

test("Region Gotland is one organization that is both a kommun and a region", () => {
  const matches = reference.organizations.filter((o) => o.code === "0980");
  assert.equal(matches.length, 1);
  const [gotland] = matches;
  assert.ok(gotland);
  assert.deepEqual(gotland.types, ["kommun", "region"]);
  assert.equal(gotland.name, "Region Gotland");
  assert.equal(gotland.lanCode, "09");
});

test("every municipality's code starts with its county code", () => {
  for (const org of reference.organizations.filter((o) => o.kommunKod !== null)) {
    assert.ok(org.code.startsWith(org.lanCode), org.code);
  }
});

test("every kommun and every län has one boundary with a bounding box inside Sweden", () => {
  assert.equal(reference.boundaries.filter((b) => b.areaType === "kommun").length, 290);
  assert.equal(reference.boundaries.filter((b) => b.areaType === "lan").length, 21);
  for (const { bbox, code } of reference.boundaries) {
    const [west, south, east, north] = bbox;
    assert.ok(west >= 10 && east <= 25 && south >= 55 && north <= 70, `${code}: ${bbox.join(",")}`);
  }
});

test("Linköping is in Östergötland and keeps its leading-zero code", () => {
  const linkoping = reference.organizations.find((o) => o.code === "0580");
  assert.ok(linkoping);
  assert.equal(linkoping.name, "Linköpings kommun");
  assert.equal(linkoping.lanCode, "05");
});
