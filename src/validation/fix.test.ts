import assert from "node:assert/strict";
import { test } from "node:test";
import { fix, validate, type FixedCsv } from "./index.ts";
import { KNOWN_CODES, STATIONS, windows1252 } from "./test-fixtures.ts";

async function text(fixed: FixedCsv): Promise<string> {
  const decoder = new TextDecoder();
  let out = "";
  for await (const chunk of fixed) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

test("the fixer writes UTF-8, commas and decimal points, restores zeros, trims, renames synonyms", async () => {
  const input = windows1252(
    [
      "id;Kommun;benämning;antal;effekt;datum;publik;typ;lat;longitude",
      " s1 ;180;Södermalm ;2;22,5;2024-03-05;ja;ccs;59,3156;18,0720",
      ";;;;;;;;;",
      "s2;0180;Gärdet;1 200;7;2024-03-06;nej;typ2;18,09;59,34",
      "s3;0180;Kungsholmen;1;2;2024-03-07;ja;ccs;6580822;674032",
    ].join("\r\n"),
  );
  const fixed = fix(input, STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const output = await text(fixed);
  const lines = output.trimEnd().split("\r\n");
  assert.equal(lines[0], "id,kommun,namn,antal,effekt,datum,publik,typ,latitude,longitude");
  assert.equal(lines[1], "s1,0180,Södermalm,2,22.5,2024-03-05,ja,ccs,59.3156,18.0720");
  assert.equal(lines[2], "s2,0180,Gärdet,1200,7,2024-03-06,nej,typ2,59.34,18.09");
  assert.match(lines[3] ?? "", /^s3,0180,Kungsholmen,1,2,2024-03-07,ja,ccs,59\.330\d+,18\.059\d+$/);
  assert.equal(lines.length, 4);
  assert.deepEqual(
    { ...fixed.changes, renamedHeaders: fixed.changes.renamedHeaders.map((r) => `${r.from}→${r.to}`) },
    {
      rows: 3,
      trimmed: 2,
      numbers: 6,
      organizationCodes: 1,
      coordinatesSwapped: 1,
      coordinatesConverted: 1,
      blankRowsDropped: 1,
      renamedHeaders: ["Kommun→kommun", "benämning→namn", "lat→latitude"],
      sourceIssues: [],
    },
  );
  // What the fixer writes validates.
  const report = await validate(output, STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.warnings, []);
});

test("the fixer's output neutralises formulas found in the file", async () => {
  const input = "id,kommun,namn\r\ns1,0180,=cmd|' /C calc'!A0\r\n";
  const output = await text(fix(input, STATIONS, { knownOrganizationCodes: KNOWN_CODES }));
  assert.equal(output.split("\r\n")[1], "s1,0180,'=cmd|' /C calc'!A0");
});

test("the fixer reads JSON too, and reports what stopped it", async () => {
  const fixed = fix('[{"id": "s1", "kommun": "180", "namn": "A"}, {"id": ', STATIONS, {
    knownOrganizationCodes: KNOWN_CODES,
  });
  const output = await text(fixed);
  assert.equal(output.split("\r\n")[1]?.startsWith("s1,0180,A"), true);
  assert.equal(fixed.changes.sourceIssues[0]?.type, "source-error");
});

test("SWEREF 99 columns (N/E, x/y, with a row's zone) become latitude and longitude", async () => {
  const input = [
    "id,kommun,namn,N,E,crs",
    "s1,0180,Stadshuset,6580822,674032,EPSG:3006",
    "s2,0180,Stadshuset,6579519,153935,SWEREF 99 18 00",
    "s3,0180,Ingenstans,1,2,",
  ].join("\r\n");
  const fixed = fix(input, STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const lines = (await text(fixed)).trimEnd().split("\r\n");
  assert.equal(lines[0], "id,kommun,namn,N,E,crs,latitude,longitude");
  assert.match(lines[1] ?? "", /,59\.3302\d*,18\.0591\d*$/);
  assert.match(lines[2] ?? "", /,59\.3307\d*,18\.0691\d*$/);
  assert.match(lines[3] ?? "", /,,$/);
  assert.equal(fixed.changes.coordinatesConverted, 2);
  const report = await validate(input, STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const hint = report.warnings.find((w) => w.type === "missing-header" && w.fieldName === "latitude");
  assert.match(
    hint?.fix?.message.sv ?? "",
    /räknar ut "latitude" och "longitude" från SWEREF 99-kolumnerna "N" och "E"/,
  );
});
