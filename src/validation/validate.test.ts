import assert from "node:assert/strict";
import { test } from "node:test";
import { renderSummary, validate, type Issue, type ValidationReport } from "./index.ts";
import {
  csv,
  field,
  goodRow,
  HEADER,
  KNOWN_CODES,
  specification,
  STATIONS,
  windows1252,
} from "./test-fixtures.ts";

const options = { knownOrganizationCodes: KNOWN_CODES };

function at(report: ValidationReport, type: Issue["type"]): [number | null, string | null][] {
  return report.errors.filter((e) => e.type === type).map((e) => [e.rowNumber, e.fieldName]);
}

test("a valid file is valid, with exact stats", async () => {
  const report = await validate(csv([HEADER, goodRow(1), goodRow(2), goodRow(3)]), STATIONS, options);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.warnings, []);
  assert.equal(report.valid, true);
  assert.equal(report.complete, true);
  assert.equal(report.stats.rows, 3);
  assert.equal(report.stats.fields, 10);
  assert.deepEqual(report.dialect, {
    encoding: "utf-8",
    delimiter: ",",
    decimalComma: false,
    confidence: "medium",
  });
  assert.equal(report.format, "csv");
});

test("planted errors are each reported at the exact row and field, with exact counts", async () => {
  const rows = [HEADER];
  for (let i = 1; i <= 500; i++) rows.push(goodRow(i));
  // Row numbers count the header as row 1: the data row i is on row i + 1.
  rows[14] = "s14,0180,,1,2,2024-01-01,true,ccs,59.3,18.0"; // blank required name
  rows[101] = "s101,0180,Station,1,tolv,2024-01-01,true,ccs,59.3,18.0"; // text in a number column
  rows[202] = "s7,0180,Station,1,2,2024-01-01,true,ccs,59.3,18.0"; // duplicate primary key (row 8)
  rows[303] = "s303,9999,Station,1,2,2024-01-01,true,ccs,59.3,18.0"; // unknown kommunkod
  rows[404] = "s404,0180,Station,1,2,2024-01-01,true,ccs,5.93,18.0"; // latitude outside Sweden
  const report = await validate(csv(rows), STATIONS, options);
  assert.equal(report.valid, false);
  assert.equal(report.stats.rows, 500);
  assert.equal(report.stats.errors, 5);
  assert.deepEqual(
    report.errors.map((e) => [e.type, e.rowNumber, e.fieldName, e.constraint ?? null]),
    [
      ["constraint-error", 15, "namn", "required"],
      ["type-error", 102, "effekt", null],
      ["primary-key-error", 203, "id", null],
      ["reference-error", 304, "kommun", null],
      ["geo-error", 405, "latitude", null],
    ],
  );
  assert.match(report.errors[2]?.message.sv ?? "", /rad 8 har samma/);
  assert.equal(
    report.errors[4]?.message.sv,
    'Rad 405, kolumnen "latitude": väntade ett tal mellan 55 och 69,1 (Sveriges utsträckning), fick "5.93".',
  );
  assert.equal(report.errors[1]?.fieldNumber, 5);
  assert.equal(report.errors[1].cell, "tolv");
  for (const entry of report.summary) assert.equal(entry.count, 1);
});

test("counts stay exact when the list of errors is cut", async () => {
  const rows = [
    HEADER,
    ...Array.from({ length: 3000 }, (_, i) => `s${i},0180,N,x,1,2024-01-01,true,ccs,59,18`),
  ];
  const report = await validate(csv(rows), STATIONS, { ...options, maxErrors: 100 });
  assert.equal(report.errors.length, 100);
  assert.equal(report.stats.errors, 3000);
  assert.equal(report.truncated, true);
  assert.equal(report.summary[0]?.count, 3000);
  assert.equal(report.summary[0].examples.length, 5);
  assert.deepEqual(
    report.summary[0].examples.map((e) => e.rowNumber),
    [2, 3, 4, 5, 6],
  );
  assert.match(renderSummary(report), /3000 fel/);
});

test("Windows-1252 with semicolons and decimal commas passes with dialect warnings only", async () => {
  const text = [
    "id;kommun;namn;antal;effekt;datum;publik;typ;latitude;longitude",
    "s1;0180;Södermalm;2;22,5;2024-03-05;ja;ccs;59,3156;18,0720",
    "s2;1480;Göteborg Ö;1;50;2024-03-06;nej;typ2;57,7089;11,9746",
    "s3;2480;Umeå;0;11,25;2024-03-07;sant;chademo;63,8258;20,2630",
  ].join("\r\n");
  const report = await validate(windows1252(text), STATIONS, options);
  assert.deepEqual(report.errors, []);
  assert.equal(report.valid, true);
  assert.equal(report.dialect.encoding, "windows-1252");
  assert.equal(report.dialect.delimiter, ";");
  assert.equal(report.dialect.decimalComma, true);
  assert.ok(report.warnings.length > 0);
  assert.ok(report.warnings.every((w) => w.type === "dialect" || w.type === "decimal-comma"));
  const comma = report.summary.find((s) => s.type === "decimal-comma" && s.fieldName === "latitude");
  assert.equal(comma?.count, 3);
  assert.match(report.warnings.map((w) => w.message.sv).join("\n"), /Windows-1252/);
});

test("headers: missing, extra, duplicate, blank, a synonym, and a near miss with its suggestion", async () => {
  const header = "id,Kommun,benämning,antal,effekt,datum,publik,typ,latitud,longitude,extra,antal,";
  const report = await validate(
    csv([header, "s1,0180,Namn,1,2,2024-01-01,true,ccs,59.3,18.0,x,1,"]),
    STATIONS,
    options,
  );
  const byType = (type: Issue["type"]): Issue[] =>
    [...report.errors, ...report.warnings].filter((i) => i.type === type);
  assert.deepEqual(
    byType("incorrect-header").map((i) => [i.fieldNumber, i.cell, i.fix?.value]),
    [
      [2, "Kommun", "kommun"],
      [3, "benämning", "namn"],
    ],
  );
  const missing = byType("missing-header");
  assert.equal(missing.length, 1);
  assert.equal(missing[0]?.fieldName, "latitude");
  assert.equal(missing[0].severity, "warning"); // latitude is optional in the specification
  assert.match(missing[0].message.sv, /menade du "latitude"/);
  assert.deepEqual(
    byType("duplicate-header").map((i) => i.fieldNumber),
    [12],
  );
  assert.deepEqual(
    byType("extra-header").map((i) => i.cell),
    ["extra"],
  );
  assert.equal(byType("blank-header")[0]?.severity, "warning"); // a trailing empty column
  // The renamed columns were still checked under their field's name.
  assert.equal(report.stats.errors, 3);
});

test("a required field's missing column is an error", async () => {
  const report = await validate(csv(["id,namn", "s1,N"]), STATIONS, options);
  assert.ok(at(report, "missing-header").some(([, name]) => name === "kommun"));
  assert.equal(report.valid, false);
});

test("types: integers, numbers, booleans, dates with real calendars, times, years, months", async () => {
  const spec = specification([
    field("i", "integer"),
    field("n", "number"),
    field("b", "boolean", { trueValues: ["JA!"] }),
    field("d", "date"),
    field("dt", "datetime"),
    field("t", "time"),
    field("y", "year"),
    field("ym", "yearmonth"),
  ]);
  const good = [
    "-12,1e3,ja,2024-02-29,2024-02-29T23:59:59Z,23:59,2024,2024-12",
    "+7,-0.5,Nej,2000-02-29,2024-01-01 08:00,08:00:00.5,1999,1999-01",
    "0180,3,JA!,2023-12-31,2024-01-01T08:00:00+01:00,00:00,0001,2024-01",
    "1,2,FALSKT,2024-01-01,2024-01-01T08:00:00.123-05:00,12:30:59,2024,2024-06",
  ];
  const ok = await validate(csv(["i,n,b,d,dt,t,y,ym", ...good]), spec);
  assert.deepEqual(ok.errors, []);
  const bad = await validate(
    csv([
      "i,n,b,d,dt,t,y,ym",
      "1.5,12.,kanske,2023-02-29,2024-13-01T00:00,24:00,24,2024-13",
      "x,1e,2,2024-04-31,2024-01-01T25:00,7:00,20245,2024-1",
    ]),
    spec,
  );
  assert.equal(bad.stats.errors, 16);
  assert.ok(bad.errors.every((e) => e.type === "type-error"));
});

test("type errors suggest the likely value: a decimal comma, digit groups, a non-ISO date", async () => {
  const spec = specification([field("n", "number"), field("i", "integer"), field("d", "date")]);
  const report = await validate(csv(["n,i,d", '"12,5","1 234",5.3.2024']), spec);
  assert.deepEqual(
    report.errors.map((e) => [e.fieldName, e.fix?.value, e.fix?.automatic]),
    [
      ["n", "12.5", true],
      ["i", "1234", true],
      ["d", "2024-03-05", false],
    ],
  );
});

test("constraints: enum with a near match, minimum, maximum, lengths, pattern, missingValues", async () => {
  const spec = specification(
    [
      field("kod", "string", { constraints: { enum: ["bil", "buss"], required: true } }),
      field("n", "number", { constraints: { minimum: 0, maximum: 10 } }),
      field("s", "string", { constraints: { minLength: 2, maxLength: 4 } }),
      field("p", "string", { constraints: { pattern: "[A-Z]{2}\\d{3}" } }),
      field("d", "date", { constraints: { minimum: "2020-01-01" } }),
    ],
    { missingValues: ["", "NA", "-"] },
  );
  const report = await validate(
    csv(["kod,n,s,p,d", "Bil,-1,x,AB123,2019-12-31", "NA,11,abcde,ab123,2020-01-01", "buss,NA,ok,-,NA"]),
    spec,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fieldName, e.constraint]),
    [
      [2, "kod", "enum"],
      [2, "n", "minimum"],
      [2, "s", "minLength"],
      [2, "d", "minimum"],
      [3, "kod", "required"],
      [3, "n", "maximum"],
      [3, "s", "maxLength"],
      [3, "p", "pattern"],
    ],
  );
  assert.equal(report.errors[0]?.fix?.value, "bil");
});

test("string formats: email, uri, uuid, phone", async () => {
  const spec = specification([
    field("e", "string", { format: "email" }),
    field("u", "string", { format: "uri" }),
    field("id", "string", { format: "uuid" }),
    field("tel", "string", { format: "phone" }),
  ]);
  const ok = await validate(
    csv([
      "e,u,id,tel",
      "info@malmo.se,https://malmo.se/data?x=1,3f1c1e2a-7d4b-4c9a-9a52-2f5f0b1c9d10,040-34 10 00",
    ]),
    spec,
  );
  assert.deepEqual(ok.errors, []);
  const bad = await validate(csv(["e,u,id,tel", "info@malmo,www.malmo.se,3f1c1e2a,ring oss"]), spec);
  assert.equal(bad.stats.errors, 4);
});

test("format uri takes http, https, mailto and urn only; javascript: is an error in Swedish and English", async () => {
  const spec = specification([field("u", "string", { format: "uri" })]);
  const ok = await validate(
    csv(["u", "https://malmo.se/a", "http://malmo.se", "mailto:info@malmo.se", "urn:isbn:9789100000000"]),
    spec,
  );
  assert.deepEqual(ok.errors, []);
  const bad = await validate(
    csv([
      "u",
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html,x",
      "ftp://x.se/f",
    ]),
    spec,
  );
  assert.deepEqual(
    at(bad, "type-error"),
    [2, 3, 4, 5].map((row) => [row, "u"]),
  );
  const first = bad.errors[0];
  assert.match(first?.message.sv ?? "", /https:, mailto: eller urn:.*"javascript:alert\(1\)"/);
  assert.match(first?.message.en ?? "", /https:, mailto: or urn:/);
  const ftp = specification([field("u", "string", { format: "uri", uriSchemes: ["https", "ftp"] })]);
  const allowed = await validate(csv(["u", "ftp://x.se/f", "https://x.se", "http://x.se"]), ftp);
  assert.deepEqual(
    at(allowed, "type-error"),
    [[4, "u"]],
    "a specification may allow other schemes, and only those",
  );
});

test("composite primary keys and unique columns report repeats with the first row", async () => {
  const spec = specification(
    [
      field("kommun", "string"),
      field("nr", "integer"),
      field("kod", "string", { constraints: { unique: true } }),
    ],
    { primaryKey: ["kommun", "nr"] },
  );
  const report = await validate(
    csv(["kommun,nr,kod", "0180,1,a", "0180,2,b", "0114,1,c", "0180,1,b", " 0180 ,2,d"]),
    spec,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.type, e.rowNumber, e.fieldName]),
    [
      ["primary-key-error", 5, "kommun, nr"],
      ["unique-error", 5, "kod"],
      ["primary-key-error", 6, "kommun, nr"],
    ],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /rad 2 har samma/);
  assert.match(report.errors[1]?.message.sv ?? "", /rad 3 har samma/);
  // The trimmed " 0180 " is the same key as "0180": a whitespace warning, and a repeat.
  assert.equal(report.warnings.find((w) => w.type === "whitespace")?.fieldName, "kommun");
});

test("organization codes: lost leading zero gets its fix, organisationsnummer pass the Luhn check", async () => {
  const report = await validate(
    csv([
      HEADER,
      "s1,180,N,1,2,2024-01-01,true,ccs,59.3,18.0",
      "s2,212000-0142,N,1,2,2024-01-01,true,ccs,59.3,18.0",
      "s3,212000-0143,N,1,2,2024-01-01,true,ccs,59.3,18.0",
      "s4,2120000142,N,1,2,2024-01-01,true,ccs,59.3,18.0",
      "s5,1,N,1,2,2024-01-01,true,ccs,59.3,18.0",
      "s6,Malmö,N,1,2,2024-01-01,true,ccs,59.3,18.0",
    ]),
    STATIONS,
    options,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fix?.value ?? null]),
    [
      [2, "0180"],
      [4, null],
      [5, "212000-0142"],
      [6, "01"],
      [7, null],
    ],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /inledande nollan/);
  assert.equal(report.errors[0]?.fix?.automatic, true);
});

test("positions: swapped coordinates and SWEREF 99 TM in degree columns are recognised", async () => {
  const report = await validate(
    csv([
      HEADER,
      "s1,0180,N,1,2,2024-01-01,true,ccs,18.07,59.33",
      "s2,0180,N,1,2,2024-01-01,true,ccs,6580822,674032",
      "s3,0180,N,1,2,2024-01-01,true,ccs,59.33,44.0",
    ]),
    STATIONS,
    options,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fieldName]),
    [
      [2, "latitude"],
      [3, "latitude"],
      [4, "longitude"],
    ],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /bytt plats/);
  assert.match(report.errors[1]?.message.sv ?? "", /SWEREF 99 TM/);
  assert.match(report.errors[1]?.fix?.value ?? "", /^59\.3302\d*$/);
});

test("projected positions: each row's SWEREF 99 zone is converted and checked; unknown zones are errors", async () => {
  const spec = specification(
    [
      field("id", "string"),
      field("n", "number", { geoRole: "northing" }),
      field("e", "number", { geoRole: "easting" }),
      field("crs", "string", { geoRole: "crs" }),
    ],
    { geo: { kind: "projected", northing: "n", easting: "e", crsField: "crs" } },
  );
  const report = await validate(
    csv([
      "id,n,e,crs",
      "a,6580822,674032,EPSG:3006", // Stockholm in SWEREF 99 TM
      "b,6579519,153935,3011", // Stockholm in SWEREF 99 18 00
      "c,6579519,153935,EPSG:3006", // a local-zone easting read as TM: west of Sweden
      "d,674032,6580822,EPSG:3006", // swapped
      "e,6580822,674032,EPSG:2400", // RT 90: not accepted
    ]),
    spec,
  );
  assert.deepEqual(
    report.errors.map((e) => [e.rowNumber, e.fieldName]),
    [
      [4, "n"],
      [5, "n"],
      [6, "crs"],
    ],
  );
  assert.match(report.errors[0]?.message.sv ?? "", /utanför Sverige/);
  assert.match(report.errors[1]?.message.sv ?? "", /bytt plats/);
});

test("a point outside the publisher's own municipality is a warning, not an error", async () => {
  const calls: string[] = [];
  const report = await validate(
    csv([HEADER, goodRow(1), "s2,180,N,1,2,2024-01-01,true,ccs,63.8,20.26"]),
    STATIONS,
    {
      ...options,
      pointInOrganization: (code, lon, lat) => {
        calls.push(code);
        return lat < 60 && lon < 19;
      },
    },
  );
  assert.deepEqual(calls, ["0180", "0180"]);
  const warning = report.warnings.find((w) => w.type === "outside-organization");
  assert.equal(warning?.rowNumber, 3);
  assert.equal(report.errors.length, 1); // only the lost zero
});

test("blank rows are skipped with a warning; whitespace around values is a warning counted per column", async () => {
  const report = await validate(
    csv([HEADER, goodRow(1), ",,,,,,,,,", "", ` s3 , 0180 ,Station 3,1,2,2024-01-01,true,ccs,59.3,18.0`]),
    STATIONS,
    options,
  );
  assert.equal(report.valid, true);
  assert.deepEqual(
    report.warnings.filter((w) => w.type === "blank-row").map((w) => w.rowNumber),
    [3, 4],
  );
  const spaces = report.summary.filter((s) => s.type === "whitespace");
  assert.deepEqual(
    spaces.map((s) => [s.fieldName, s.count]),
    [
      ["id", 1],
      ["kommun", 1],
    ],
  );
});

test("the plain-text summary names the columns, problems, exact counts and first rows in Swedish", async () => {
  const report = await validate(
    csv([HEADER, "s1,180,N,x,2,2024-01-01,true,ccs,59.3,18.0", "s2,180,N,y,2,2024-01-01,true,ccs,59.3,18.0"]),
    STATIONS,
    options,
  );
  const text = renderSummary(report);
  assert.match(text, /^Filen är inte giltig: 4 fel och 0 varningar i 2 rader\./);
  assert.match(text, /kolumnen "antal": värden av fel typ: 2 \(rad 2 "x", rad 3 "y"\)/);
  assert.match(renderSummary(report, "en"), /column "kommun": unknown or malformed organization codes: 2/);
});
