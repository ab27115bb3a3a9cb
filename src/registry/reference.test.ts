import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidOrganizationNumber, loadRegistryReference, splitCsvLine } from "./reference.ts";

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

test("names are as each organization styles itself, from organizations.csv, never built by a rule", () => {
  const name = (code: string) => reference.organizations.find((o) => o.code === code)?.name;
  assert.equal(name("0880"), "Kalmar kommun");
  assert.equal(name("2080"), "Falu kommun");
  assert.equal(name("2514"), "Kalix kommun");
  assert.equal(name("0180"), "Stockholms stad");
  assert.equal(name("1480"), "Göteborgs Stad");
  assert.equal(name("1280"), "Malmö stad");
  assert.equal(name("01"), "Region Stockholm");
  assert.equal(name("14"), "Västra Götalandsregionen");
  assert.deepEqual(reference.unsourcedNames, []);
});

test("organisationsnummer and websites come from the reference, and are left empty where it has none", () => {
  const org = (code: string) => reference.organizations.find((o) => o.code === code);
  assert.equal(org("0180")?.organizationNumber, "212000-0142");
  assert.equal(org("0880")?.organizationNumber, "212000-0746");
  assert.equal(org("01")?.organizationNumber, "232100-0016");
  assert.equal(org("0980")?.organizationNumber, "212000-0803");
  assert.equal(org("2080")?.website, "https://www.falun.se/");
  // No public source read gives Region Sörmland's or Region Västmanland's number.
  assert.equal(org("04")?.organizationNumber, null);
  assert.equal(org("19")?.organizationNumber, null);
  const numbered = reference.organizations.filter((o) => o.organizationNumber !== null);
  assert.equal(numbered.length, 308);
  assert.ok(numbered.every((o) => isValidOrganizationNumber(o.organizationNumber ?? "")));
  assert.ok(reference.organizations.every((o) => o.contactEmail === null));
});

test("an organisationsnummer is checked by its Luhn digit", () => {
  assert.equal(isValidOrganizationNumber("212000-0142"), true);
  assert.equal(isValidOrganizationNumber("212000-0143"), false);
  assert.equal(isValidOrganizationNumber("2120000142"), false);
});

test("a CSV line's quoted cells keep their commas and doubled quotes", () => {
  assert.deepEqual(splitCsvLine('a,"b, c","SKL ""Adress""",'), ["a", "b, c", 'SKL "Adress"', ""]);
  assert.equal(splitCsvLine('a,"b'), undefined);
  assert.equal(splitCsvLine('a,b"c'), undefined);
});
