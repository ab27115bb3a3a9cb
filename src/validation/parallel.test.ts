import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { AreaGeometry, BBox } from "../registry/types.ts";
import { ValidationPool } from "./parallel.ts";
import { RowSet } from "./row-set.ts";
import { goodRow, HEADER, KNOWN_CODES, STATIONS, windows1252 } from "./test-fixtures.ts";
import type { OrganizationAreas, ValidationReport } from "./types.ts";
import { validate, type ValidateOptions } from "./validator.ts";

after(() => ValidationPool.shared()?.close());

// Small blocks, and workers from the first block on: every block boundary is crossed.
const PARALLEL = { minBytes: 0, blockBytes: 300 } as const;

/** The report without its timing, which is all that may differ between runs. */
function comparable(report: ValidationReport): unknown {
  return { ...report, stats: { ...report.stats, durationMs: 0 } };
}

async function both(text: string | Uint8Array, options: ValidateOptions = {}) {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const base = { knownOrganizationCodes: KNOWN_CODES, ...options };
  const sequentialRows = new RowSet();
  const parallelRows = new RowSet();
  const sequential = await validate(bytes, STATIONS, { ...base, parallel: false, errorRows: sequentialRows });
  const parallel = await validate(bytes, STATIONS, { ...base, parallel: PARALLEL, errorRows: parallelRows });
  return { sequential, parallel, sequentialRows, parallelRows };
}

function rowsOf(set: RowSet, upTo: number): number[] {
  return Array.from({ length: upTo }, (_, i) => i).filter((i) => set.has(i));
}

/** 600 rows with every kind of problem, some far apart (a repeated key), some in quoted fields. */
function plantedFile(): string {
  const lines = [HEADER];
  for (let i = 1; i <= 600; i++) {
    if (i === 40)
      lines.push("s40,0180,,1,22.5,2024-03-05,true,ccs,59.33,18.06"); // blank required
    else if (i === 90) lines.push("s90,0180,Station 90,många,22.5,2024-03-05,true,ccs,59.33,18.06");
    else if (i === 500)
      lines.push("s7,0180,Station 500,1,22.5,2024-03-05,true,ccs,59.33,18.06"); // repeats s7
    else if (i === 333) lines.push("s333,9999,Station 333,1,22.5,2024-03-05,true,ccs,59.33,18.06");
    else if (i === 444) lines.push("s444,0180,Station 444,1,22.5,2024-03-05,true,ccs,39.33,18.06");
    else if (i % 50 === 0)
      lines.push(`s${i},0180,"Station\n${i}, ""med"" radbrytning",1,22.5,2024-03-05,true,ccs,59.33,18.06`);
    else if (i % 7 === 0)
      lines.push(`s${i},0180, Station ${i} ,1,22.5,2024-03-05,ja,ccs,59.33,18.06`); // whitespace
    else lines.push(goodRow(i));
  }
  return `${lines.join("\r\n")}\r\n`;
}

test("a file checked on worker threads gets the same report as on one thread, error rows included", async () => {
  const { sequential, parallel, sequentialRows, parallelRows } = await both(plantedFile());
  assert.equal(sequential.valid, false);
  assert.ok(sequential.stats.errors >= 5 && sequential.stats.warnings > 50);
  assert.deepEqual(comparable(parallel), comparable(sequential));
  assert.deepEqual(rowsOf(parallelRows, 700), rowsOf(sequentialRows, 700));
  const repeat = parallel.errors.find((e) => e.type === "primary-key-error");
  assert.equal(repeat?.rowNumber, 501); // records, not lines: the line breaks in quotes do not count
});

test("a file saved the Swedish-Excel way counts its decimal commas alike on worker threads", async () => {
  const lines = [HEADER.replaceAll(",", ";")];
  let commas = 0;
  for (let i = 1; i <= 600; i++) {
    // Mostly decimal commas; some points, some numbers that are not, one out of range.
    const effekt = i % 11 === 0 ? "22.5" : i % 97 === 0 ? "22,5,0" : i === 300 ? "-1,5" : "22,5";
    // A decimal comma is counted also where the number then breaks a bound (row 301).
    if (effekt === "22,5" || effekt === "-1,5") commas++;
    commas += 2; // latitude and longitude
    lines.push(`s${i};0180;Station ${i} i Malmö;${i % 7};${effekt};2024-03-05;ja;ccs;59,33;18,06`);
  }
  const { sequential, parallel } = await both(windows1252(`${lines.join("\r\n")}\r\n`));
  assert.equal(sequential.dialect.decimalComma, true);
  assert.deepEqual(comparable(parallel), comparable(sequential));
  const counted = sequential.summary
    .filter((entry) => entry.type === "decimal-comma")
    .reduce((sum, entry) => sum + entry.count, 0);
  assert.equal(counted, commas);
  assert.deepEqual(
    sequential.errors.map((e) => [e.rowNumber, e.fieldName]),
    [
      [98, "effekt"],
      [195, "effekt"],
      [292, "effekt"],
      [301, "effekt"],
      [389, "effekt"],
      [486, "effekt"],
      [583, "effekt"],
    ],
  );
});

test("the capped lists and examples fill in file order across the workers' parts", async () => {
  const lines = [HEADER];
  for (let i = 1; i <= 400; i++) lines.push(`s${i},0180,Station,x${i},22.5,2024-03-05,true,ccs,59.33,18.06`);
  const { sequential, parallel } = await both(`${lines.join("\n")}\n`, { maxErrors: 17, maxWarnings: 3 });
  assert.equal(sequential.truncated, true);
  assert.equal(parallel.errors.length, 17);
  assert.deepEqual(comparable(parallel), comparable(sequential));
});

test("an unclosed quote near the end stops reading at the same row on worker threads", async () => {
  const lines = [HEADER];
  for (let i = 1; i <= 300; i++) lines.push(goodRow(i));
  lines.push('s301,0180,"Öppen,1,22.5,2024-03-05,true,ccs,59.33,18.06');
  lines.push(goodRow(302));
  const { sequential, parallel } = await both(`${lines.join("\n")}\n`);
  assert.equal(parallel.complete, false);
  assert.deepEqual(comparable(parallel), comparable(sequential));
});

test("a NUL byte mid-file ends reading with the same rows counted on worker threads", async () => {
  const lines = [HEADER];
  for (let i = 1; i <= 300; i++)
    lines.push(i === 200 ? `s200,0180,Sta\u0000tion,1,2,2024-01-01,true,ccs,59,18` : goodRow(i));
  const { sequential, parallel } = await both(`${lines.join("\n")}\n`);
  assert.equal(parallel.stats.rows, 199);
  assert.deepEqual(comparable(parallel), comparable(sequential));
});

test("organizations' areas as data warn about points outside the publisher's area on worker threads", async () => {
  const square = (w: number, s: number, e: number, n: number): { geometry: AreaGeometry; bbox: BBox } => ({
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
    bbox: [w, s, e, n],
  });
  const areas: OrganizationAreas = new Map([["0180", square(17.7, 59.2, 18.2, 59.45)]]);
  const lines = [HEADER];
  for (let i = 1; i <= 300; i++) {
    lines.push(i % 100 === 0 ? `s${i},0180,Långt bort,1,22.5,2024-03-05,true,ccs,63.8,20.3` : goodRow(i));
  }
  const { sequential, parallel } = await both(`${lines.join("\n")}\n`, { organizationAreas: areas });
  const outside = parallel.summary.find((s) => s.type === "outside-organization");
  assert.equal(outside?.count, 3);
  assert.deepEqual(comparable(parallel), comparable(sequential));
});

test("when the workers stop mid-file, their blocks are checked here and the report is still whole", async () => {
  const text = plantedFile();
  const bytes = new TextEncoder().encode(text);
  const expected = await validate(bytes, STATIONS, { knownOrganizationCodes: KNOWN_CODES, parallel: false });
  async function* slowly(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 2000) {
      yield bytes.subarray(at, at + 2000);
      // Stop the workers with blocks waiting on them, part way through the file.
      if (at === 20_000) await ValidationPool.shared()?.close();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const report = await validate(slowly(), STATIONS, {
    knownOrganizationCodes: KNOWN_CODES,
    parallel: PARALLEL,
  });
  assert.deepEqual(comparable(report), comparable(expected));
});

test("invalid UTF-8 far into a file is reported at its row, on worker threads as on one thread", async () => {
  const encode = (text: string): number[] => [...new TextEncoder().encode(text)];
  const lines = Array.from({ length: 400 }, (_, i) => `${goodRow(i + 1)}\n`);
  const bytes = new Uint8Array([
    ...encode(`${HEADER}\n${lines.slice(0, 299).join("")}s300,0180,G`),
    0xf6, // ö in Windows-1252, after the file has shown UTF-8 (Malmö below)
    ...encode(`teborg,1,2,2024-01-01,true,ccs,59,18\ns301,0180,Malmö,1,2,2024-01-01,true,ccs,59,18\n`),
    ...encode(lines.slice(301).join("")),
  ]);
  const { sequential, parallel } = await both(bytes);
  assert.deepEqual(comparable(parallel), comparable(sequential));
  assert.deepEqual(
    parallel.errors.map((e) => [e.type, e.rowNumber]),
    [["encoding-error", 301]],
  );
  assert.equal(parallel.stats.rows, 400);
});

test("a file that looked ASCII switches to Windows-1252 mid-way, on worker threads as on one thread", async () => {
  const ascii = `${[HEADER, ...Array.from({ length: 3000 }, (_, i) => goodRow(i + 1))].join("\n")}\n`; // past the sniffed 64 KiB
  const bytes = new Uint8Array([
    ...new TextEncoder().encode(ascii),
    ...windows1252(
      "s9001,0180,Göteborg,1,2,2024-01-01,true,ccs,59,18\ns9002,0180,Växjö,1,2,2024-01-01,true,ccs,59,18\n",
    ),
  ]);
  const { sequential, parallel } = await both(bytes);
  assert.deepEqual(comparable(parallel), comparable(sequential));
  assert.equal(parallel.dialect.encoding, "windows-1252");
  assert.equal(parallel.valid, true);
  const switched = parallel.warnings.filter((w) => w.type === "dialect" && w.rowNumber !== null);
  assert.deepEqual(
    switched.map((w) => w.rowNumber),
    [3002],
  );
});

test("UTF-16 (Excel's 'Unicode text') is checked on worker threads as on one thread", async () => {
  const text = `\ufeff${[HEADER, ...Array.from({ length: 300 }, (_, i) => goodRow(i + 1).replace("Station", "Ström"))].join("\r\n")}\r\n`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[i * 2] = text.charCodeAt(i) & 0xff;
    bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  const { sequential, parallel } = await both(bytes);
  assert.deepEqual(comparable(parallel), comparable(sequential));
  assert.equal(parallel.dialect.encoding, "utf-16le");
  assert.equal(parallel.stats.rows, 300);
  assert.equal(parallel.valid, true);
});
