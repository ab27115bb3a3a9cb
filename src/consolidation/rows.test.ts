import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadDefinitions } from "../specs/index.ts";
import { csvHeader, csvLine, splitNationalId, toFeature, toItem, type StoredRow } from "./rows.ts";

const badplatser = loadDefinitions().find((d) => d.definition.slug === "badplatser")!.definition;

const row = (
  data: StoredRow["data"],
  position: { latitude: number | null; longitude: number | null },
): StoredRow => ({
  organization_code: "0580",
  record_id: "BAD-0012",
  release_id: "2f1c7a0e-0000-4000-8000-000000000000",
  source_row: 13,
  kommun_code: "0580",
  lan_code: "05",
  data,
  demo: false,
  ...position,
});

describe("rows on the way out", () => {
  test("CSV: fields in order, then provenance; formula cells neutralised, numbers kept", () => {
    assert.ok(csvHeader(badplatser).startsWith("source,id,name,description,latitude,"));
    assert.ok(csvHeader(badplatser).endsWith(",updated,_id,_organization,_release,_source_row\r\n"));
    const line = csvLine(
      badplatser,
      row(
        {
          name: '=HYPERLINK("http://x","y")',
          description: "+46 13 20 00 00",
          latitude: -12.5,
          eu_bath: true,
          updated: null,
        },
        { latitude: 58.4, longitude: 15.6 },
      ),
    );
    const cells = line.trimEnd();
    assert.ok(cells.includes(`"'=HYPERLINK(""http://x"",""y"")"`));
    assert.ok(cells.includes(",'+46 13 20 00 00,"));
    assert.ok(cells.includes(",-12.5,"), "a negative number is data, not a formula");
    assert.ok(cells.endsWith(",0580:BAD-0012,0580,2f1c7a0e-0000-4000-8000-000000000000,13"));
    assert.equal(cells.split(",").filter((c) => c === "true").length, 1);
  });

  test("items and features: national id, geometry from the position, fields in specification order", () => {
    const stored = row(
      { updated: "2025-06-01", name: "Stångebadet", source: "0580", extra: 1 },
      { latitude: 58.4, longitude: 15.6 },
    );
    const item = toItem(badplatser, stored);
    assert.equal(item.id, "0580:BAD-0012");
    assert.deepEqual(item.geometry, { type: "Point", coordinates: [15.6, 58.4] });
    assert.deepEqual(Object.keys(item.properties).slice(0, 3), ["source", "id", "name"]);
    assert.equal(Object.keys(item.properties).at(-1), "extra", "keys outside the specification come last");
    assert.equal(item.properties.id, null);
    const feature = toFeature(badplatser, row({}, { latitude: null, longitude: 15 }));
    assert.equal(feature.geometry, null);
    assert.equal(feature.properties._source_row, 13);
  });

  test("national ids split at the first colon", () => {
    assert.deepEqual(splitNationalId("0580:BAD-0012"), { organization: "0580", record: "BAD-0012" });
    assert.deepEqual(splitNationalId("05:a:b"), { organization: "05", record: "a:b" });
    assert.equal(splitNationalId("0580"), undefined);
    assert.equal(splitNationalId(":x"), undefined);
    assert.equal(splitNationalId("0580:"), undefined);
  });
});
