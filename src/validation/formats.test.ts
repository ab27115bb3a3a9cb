import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { openTable, validate } from "./index.ts";
import { field, KNOWN_CODES, specification, STATIONS } from "./test-fixtures.ts";

const options = { knownOrganizationCodes: KNOWN_CODES };

function without(record: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

function station(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `s${i}`,
    kommun: "0180",
    namn: `Station ${i}`,
    antal: i,
    effekt: 22.5,
    datum: "2024-03-05",
    publik: true,
    typ: "ccs",
    latitude: 59.33,
    longitude: 18.06,
    ...extra,
  };
}

test("JSON: an array of objects is validated like a table, objects numbered from 1", async () => {
  const rows = [station(1), station(2, { antal: "många" }), station(3, { kommun: "180" })];
  const report = await validate(JSON.stringify(rows), STATIONS, options);
  assert.equal(report.format, "json");
  assert.equal(report.stats.rows, 3);
  assert.deepEqual(
    report.errors.map((e) => [e.type, e.rowNumber, e.fieldName]),
    [
      ["type-error", 2, "antal"],
      ["reference-error", 3, "kommun"],
    ],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /^Objekt 2, kolumnen "antal"/);
});

test("JSON: a missing key is an empty cell, null is missing, a key first seen later is reported", async () => {
  const noName = without(station(2), "namn");
  const report = await validate(
    JSON.stringify([station(1), noName, station(3, { namn: null, ny: 1 })]),
    STATIONS,
    options,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fieldName, e.constraint]),
    [
      [2, "namn", "required"],
      [3, "namn", "required"],
    ],
  );
  assert.equal(report.warnings.find((w) => w.type === "extra-header")?.fieldName, "ny");
});

test("JSON: __proto__ and constructor are ordinary keys, and pollute nothing", async () => {
  const spec = specification(
    [field("__proto__", "string"), field("constructor", "string")].map((f) => ({ ...f })),
  );
  const text = '[{"__proto__": {"polluted": "yes"}, "constructor": "x"}, {"__proto__": "a"}]';
  const issues: string[] = [];
  const table = await openTable(
    text,
    { issue: (i) => issues.push(i.type) },
    { expectedColumns: ["__proto__"] },
  );
  const rows: (readonly string[])[] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  assert.deepEqual(rows, [
    ["__proto__", "constructor"],
    ['{"polluted":"yes"}', "x"],
    ["a", ""],
  ]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.ok(spec.schema.fields.length === 2);
});

test("JSON: nesting deeper than the limit is refused before it is parsed", async () => {
  const deep = `[{"a": ${"[".repeat(10_000)}${"]".repeat(10_000)}}]`;
  const report = await validate(deep, STATIONS);
  assert.equal(report.complete, false);
  assert.match(report.errors[0]?.message.sv ?? "", /djupare än 32/);
});

test("JSON: syntax errors and a cut-off file are reported with the object", async () => {
  const broken = await validate(
    `[${JSON.stringify(station(1))}, {"id": "s2", "antal": 1,}]`,
    STATIONS,
    options,
  );
  assert.equal(broken.errors.find((e) => e.type === "source-error")?.rowNumber, 2);
  const cut = await validate(`[${JSON.stringify(station(1))}, {"id": "s2"`, STATIONS, options);
  assert.equal(cut.complete, false);
  assert.match(cut.errors.find((e) => e.type === "source-error")?.message.en ?? "", /cut short/);
});

test("JSON objects are read in bounded memory whatever the chunking", async () => {
  const text = JSON.stringify(Array.from({ length: 2000 }, (_, i) => station(i)));
  const bytes = new TextEncoder().encode(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
    bytes.subarray(i * 7, i * 7 + 7),
  );
  const report = await validate(chunks, STATIONS, options);
  assert.equal(report.stats.rows, 2000);
  assert.deepEqual(report.errors, []);
});

test("GeoJSON: Point features, properties as cells and coordinates in the latitude/longitude fields", async () => {
  const feature = (i: number, coordinates: unknown, extra: Record<string, unknown> = {}): unknown => {
    const properties = without(station(i, extra), "latitude", "longitude");
    return { type: "Feature", geometry: { type: "Point", coordinates }, properties };
  };
  const collection = {
    type: "FeatureCollection",
    features: [
      feature(1, [18.06, 59.33]),
      feature(2, [18.06, 5.933]),
      {
        type: "Feature",
        geometry: {
          type: "LineString",
          coordinates: [
            [18, 59],
            [18.1, 59.1],
          ],
        },
        properties: { id: "s3", kommun: "0180", namn: "Linje" },
      },
    ],
  };
  const report = await validate(JSON.stringify(collection), STATIONS, options);
  assert.equal(report.format, "geojson");
  assert.equal(report.stats.rows, 3);
  assert.deepEqual(
    report.errors.map((e) => [e.type, e.rowNumber, e.fieldName]),
    [
      ["geo-error", 2, "latitude"],
      ["geo-error", 3, null],
    ],
  );
  assert.match(report.errors[1]?.message.sv ?? "", /Point/);
});

test("GeoJSON with a legacy SWEREF 99 TM crs member is converted to WGS 84", async () => {
  const properties = without(station(1), "latitude", "longitude");
  const collection = {
    type: "FeatureCollection",
    crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } },
    features: [{ type: "Feature", geometry: { type: "Point", coordinates: [674032, 6580822] }, properties }],
  };
  const table = await openTable(
    JSON.stringify(collection),
    { issue: () => undefined },
    {
      coordinates: { x: "longitude", y: "latitude", crs: "EPSG:4326" },
    },
  );
  const rows: (readonly string[])[] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  const header = rows[0] ?? [];
  const lat = Number(rows[1]?.[header.indexOf("latitude")]);
  const lon = Number(rows[1]?.[header.indexOf("longitude")]);
  assert.ok(Math.abs(lat - 59.3302) < 1e-3 && Math.abs(lon - 18.0592) < 1e-3, `${lat} ${lon}`);
});

test("Excel: the first sheet is read with its own row numbers; numbers that lost a zero are caught", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Laddstationer");
  workbook.addWorksheet("Annat").addRow(["ignoreras"]);
  sheet.addRow([
    "id",
    "kommun",
    "namn",
    "antal",
    "effekt",
    "datum",
    "publik",
    "typ",
    "latitude",
    "longitude",
  ]);
  sheet.addRow([
    "s1",
    "0180",
    "Station 1",
    2,
    22.5,
    new Date(Date.UTC(2024, 2, 5)),
    true,
    "ccs",
    59.33,
    18.06,
  ]);
  sheet.addRow([
    "s2",
    180,
    { richText: [{ text: "Station " }, { text: "2" }] },
    1,
    11,
    "2024-03-06",
    false,
    "typ2",
    59.3,
    18,
  ]);
  sheet.addRow(["s3", "0180", "Station 3", "två", 11, "2024-03-06", "ja", "ccs", 59.3, 18]);
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  const report = await validate(buffer, STATIONS, options);
  assert.equal(report.format, "xlsx");
  assert.equal(report.stats.rows, 3);
  assert.deepEqual(
    report.errors.map((e) => [e.type, e.rowNumber, e.fieldName, e.fix?.value ?? null]),
    [
      ["reference-error", 3, "kommun", "0180"],
      ["type-error", 4, "antal", null],
    ],
  );
});

test("a zip that is not a workbook is a clear source error", async () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
  const report = await validate(zip, STATIONS);
  assert.equal(report.valid, false);
  assert.equal(report.errors[0]?.type, "source-error");
});
