import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import ExcelJS from "exceljs";
import type { Issue } from "../types.ts";
import { ByteReader } from "./source.ts";
import { DEFAULT_LIMITS, type ReaderLimits } from "./types.ts";
import { openXlsx } from "./xlsx.ts";
import { buildZip, workbookFiles, type SheetSpec, type ZipFile } from "./xlsx-test-fixtures.ts";

interface Read {
  readonly rows: [number, readonly string[]][];
  readonly issues: { issue: Issue; fatal: boolean }[];
  /** Whatever the reader left in its temporary directory: nothing, always. */
  readonly leftovers: string[];
  readonly batches: number;
}

async function read(
  bytes: Uint8Array,
  limits: Partial<ReaderLimits> = {},
  stopAfterBatches = Number.POSITIVE_INFINITY,
): Promise<Read> {
  const tempDirectory = await mkdtemp(join(tmpdir(), "xlsx-test-"));
  try {
    const issues: { issue: Issue; fatal: boolean }[] = [];
    const table = openXlsx(
      new ByteReader(bytes),
      {
        limits: { ...DEFAULT_LIMITS, ...limits },
        issue: (issue, fatal = false) => issues.push({ issue, fatal }),
      },
      { tempDirectory },
    );
    const rows: [number, readonly string[]][] = [];
    let batches = 0;
    for await (const batch of table.batches) {
      batch.rows.forEach((row, i) => rows.push([batch.rowNumbers[i]!, row]));
      if (++batches >= stopAfterBatches) break;
    }
    await table.close();
    return { rows, issues, leftovers: await readdir(tempDirectory), batches };
  } finally {
    await rm(tempDirectory, { recursive: true, force: true });
  }
}

function workbook(
  sheet: string | SheetSpec[],
  rest: Omit<Parameters<typeof workbookFiles>[0], "sheets"> = {},
) {
  const sheets =
    typeof sheet === "string" ? [{ name: "Data", part: "worksheets/sheet1.xml", xml: sheet }] : sheet;
  return buildZip(workbookFiles({ sheets, ...rest }));
}

function fatal(result: Read): Issue | undefined {
  return result.issues.find((i) => i.fatal)?.issue;
}

test("a workbook saved by exceljs reads as before: dates, shared and rich strings, booleans, formulas, sparse cells", async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Laddstationer");
  book.addWorksheet("Annat").addRow(["ignoreras"]);
  sheet.getCell("C2").value = ""; // rows before the first value are not the header
  sheet.getRow(3).values = ["id", "namn", "datum", "tid", "publik", "formel", "text", "länk", "fel", "rik"];
  sheet.addRow([
    1,
    "Åsa",
    new Date(Date.UTC(2024, 2, 5)),
    new Date(Date.UTC(2024, 2, 5, 13, 45, 7)),
    true,
    { formula: "A4*2", result: 2 },
    { formula: 'B4&"x"', result: "Åsax" },
    { text: "Länk", hyperlink: "https://example.com" },
    { error: "#N/A" },
    { richText: [{ text: "Fet ", font: { bold: true } }, { text: "text" }] },
  ]);
  sheet.addRow([
    2,
    "Bo",
    new Date(Date.UTC(2000, 0, 1)),
    0.5,
    false,
    { formula: "1/0" },
    null,
    null,
    null,
    "x",
  ]);
  sheet.getCell("A6").value = 3;
  sheet.getCell("E6").value = 1.25e-7;
  sheet.getCell("L6").value = "långt bort";
  sheet.getCell("A8").value = -0.1;
  sheet.getCell("C8").value = new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 250));
  sheet.getCell("C8").numFmt = "yyyy-mm-dd hh:mm:ss.000";
  sheet.getCell("D8").value = 45000;
  sheet.getCell("D8").numFmt = '0.00 "dagar"';
  sheet.getCell("F8").value = 45000.75;
  sheet.getCell("F8").numFmt = "DD/MM/YYYY HH:MM";
  const result = await read(new Uint8Array(await book.xlsx.writeBuffer()));
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.rows, [
    [3, ["id", "namn", "datum", "tid", "publik", "formel", "text", "länk", "fel", "rik"]],
    [4, ["1", "Åsa", "2024-03-05", "2024-03-05T13:45:07", "true", "2", "Åsax", "Länk", "#N/A", "Fet text"]],
    [5, ["2", "Bo", "2000-01-01", "0.5", "false", "", "", "", "", "x"]],
    [6, ["3", "", "", "", "1.25e-7", "", "", "", "", "", "", "långt bort"]],
    [8, ["-0.1", "", "2024-02-29T00:00:00.250", "45000", "", "2023-03-15T18:00:00", "", "", "", ""]],
  ]);
  assert.deepEqual(result.leftovers, []);
});

test("the first tab is read whatever its file is called, hidden tabs skipped; inline strings and cell types as Excel shows them", async () => {
  const data = [
    `<row r="2"><c r="A2" t="inlineStr"><is><t>namn</t></is></c><c r="B2" t="inlineStr"><is><r><t>kom</t></r><r><t>mun</t></r></is></c>`,
    `<c r="C2" t="s"><v>0</v></c><c r="D2" t="inlineStr"><is><t>när</t></is></c></row>`,
    // cells without a reference follow the one before; a row without one follows the row before
    `<row><c t="str"><f>A1</f><v>rad&amp;1_x000D_</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c><c s="1"><v>45355.5</v></c></row>`,
    `<row r="7"><c r="B7" t="b"><f>TRUE()</f><v>0</v></c><c r="D7" t="d"><v>2024-03-05T10:00:00</v></c></row>`,
    `<row r="8"><c r="A8" t="inlineStr"><is><t>Tokyo</t><rPh sb="0" eb="1"><t>トウキョウ</t></rPh></is></c><c r="D8" s="2"><v>1</v></c></row>`,
  ].join("");
  const bytes = workbook(
    [
      {
        name: "Koder",
        part: "worksheets/sheet1.xml",
        xml: `<row r="1"><c r="A1" t="inlineStr"><is><t>dold</t></is></c></row>`,
        state: "hidden",
      },
      { name: "Data", part: "worksheets/data.xml", xml: data },
      { name: "Annat", part: "worksheets/sheet3.xml", xml: `<row r="1"><c r="A1"><v>9</v></c></row>` },
    ],
    {
      sharedStrings: ["antal"],
      styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>`,
    },
  );
  const result = await read(bytes);
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.rows, [
    [2, ["namn", "kommun", "antal", "när"]],
    [3, ["rad&1\r", "true", "#DIV/0!", "2024-03-04T12:00:00"]],
    [7, ["", "false", "", "2024-03-05T10:00:00"]],
    [8, ["Tokyo", "", "", "1900-01-01"]],
  ]);
});

test("1904 dates, prefixed XML and a part stored without compression read like any other", async () => {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>datum</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const files: ZipFile[] = workbookFiles({
    sheets: [{ name: "Data", part: "worksheets/sheet1.xml", xml: sheet }],
    styles: `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`,
    date1904: true,
  }).map((f) => (f.name.endsWith("sheet1.xml") ? { ...f, method: 0 } : f));
  const result = await read(buildZip(files));
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.rows, [
    [1, ["datum"]],
    [2, ["1904-01-01"]],
  ]);
});

test("a part saved as UTF-16, as the package format allows, reads like UTF-8", async () => {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Göteborg</t></is></c></row></sheetData></worksheet>`;
  const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]));
  const files = workbookFiles({ sheets: [{ name: "Data", part: "worksheets/sheet1.xml", xml: "" }] }).map(
    (f) => (f.name.endsWith("sheet1.xml") ? { ...f, data: utf16 } : f),
  );
  const result = await read(buildZip(files));
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.rows, [[1, ["Göteborg"]]]);
});

test("rows come in batches of 1000, and stopping part way removes the temporary file", async () => {
  const rows = [`<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>`];
  for (let r = 2; r <= 2500; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const all = await read(workbook(rows.join("")));
  assert.equal(all.rows.length, 2500);
  assert.equal(all.batches, 3);
  assert.deepEqual(all.rows[2499], [2500, ["2500"]]);
  const first = await read(workbook(rows.join("")), {}, 1);
  assert.equal(first.rows.length, 1000);
  assert.deepEqual(first.leftovers, []);
  // A consumer that pulls one batch by hand and then closes the table.
  const tempDirectory = await mkdtemp(join(tmpdir(), "xlsx-test-"));
  try {
    const table = openXlsx(
      new ByteReader(workbook(rows.join(""))),
      { limits: DEFAULT_LIMITS, issue() {} },
      { tempDirectory },
    );
    const step = await table.batches[Symbol.asyncIterator]().next();
    assert.equal(step.done, false);
    assert.equal((await readdir(tempDirectory)).length, 1);
    await table.close();
    assert.deepEqual(await readdir(tempDirectory), []);
  } finally {
    await rm(tempDirectory, { recursive: true, force: true });
  }
});

test("a header wider than the column limit stops with the too-many-columns issue", async () => {
  const cells = Array.from({ length: 12 }, (_, i) => `<c t="inlineStr"><is><t>k${i}</t></is></c>`).join("");
  const result = await read(workbook(`<row r="1">${cells}</row>`), { maxColumns: 10 });
  assert.deepEqual(result.rows, []);
  assert.match(fatal(result)?.message.en ?? "", /^Row 1: expected at most 10 columns, found 12/);
});

test("values right of the header widen a row up to one column past the limit; further right they are dropped", async () => {
  const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>`;
  const rows = `<row r="2"><c r="A2"><v>1</v></c><c r="E2"><v>5</v></c><c r="F2" t="inlineStr"><is><t></t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="XFD3"><v>9</v></c></row><row r="4"/>`;
  const result = await read(workbook(header + rows), { maxColumns: 10 });
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.rows, [
    [1, ["a", "b"]],
    [2, ["1", "", "", "", "5"]],
    [3, ["1", ""]],
    [4, ["", ""]],
  ]);
});

test("empty rows under a wide header count against the cap, so a few bytes cannot stand for endless cells", async () => {
  const header = `<row r="1">${Array.from({ length: 100 }, (_, i) => `<c t="inlineStr"><is><t>k${i}</t></is></c>`).join("")}</row>`;
  const result = await read(workbook(header + "<row/>".repeat(20_000)), { maxXlsxEntryBytes: 1024 * 1024 });
  assert.ok(result.rows.length < 20_000);
  assert.match(fatal(result)?.message.en ?? "", /grows beyond 1 MiB/);
});

test("a zip bomb in the shared strings stops at the cap with a clear issue, and no temporary file is left", async () => {
  // 40 MB of repeated strings packs to well under 1 MB; the cap is lowered to keep the test fast.
  const item = `<si><t>${"a".repeat(200)}</t></si>`;
  const strings = `<?xml version="1.0"?><sst xmlns="x">${item.repeat(200_000)}</sst>`;
  const bytes = workbook(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, { sharedStrings: strings });
  assert.ok(bytes.length < 1024 * 1024, `${bytes.length}`);
  const result = await read(bytes, { maxXlsxEntryBytes: 4 * 1024 * 1024 });
  assert.deepEqual(result.rows, []);
  const issue = fatal(result);
  assert.ok(issue !== undefined);
  assert.equal(issue.type, "source-error");
  assert.match(issue.message.sv, /xl\/sharedStrings\.xml blir större än 4 MiB.*zip-bomb.*CSV UTF-8/);
  assert.match(issue.message.en, /zip bomb/);
  assert.deepEqual(result.leftovers, []);
});

test("a zip bomb in the sheet is stopped by counting what inflates, whatever the headers claim", async () => {
  const row = (r: number): string => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
  const rows = Array.from({ length: 100_000 }, (_, i) => row(i + 1)).join("");
  const files = workbookFiles({ sheets: [{ name: "Data", part: "worksheets/sheet1.xml", xml: rows }] }).map(
    (f) => (f.name.endsWith("sheet1.xml") ? { ...f, declaredSize: 100 } : f),
  );
  const result = await read(buildZip(files), { maxXlsxEntryBytes: 1024 * 1024 });
  assert.ok(result.rows.length > 0 && result.rows.length < 100_000, `${result.rows.length}`);
  assert.match(fatal(result)?.message.en ?? "", /the part xl\/worksheets\/sheet1\.xml grows beyond 1 MiB/);
  assert.deepEqual(result.leftovers, []);
});

test("too many shared strings, or too much text in them, stops before memory grows", async () => {
  const sheet = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`;
  const many = await read(workbook(sheet, { sharedStrings: Array.from({ length: 50 }, (_, i) => `s${i}`) }), {
    maxXlsxSharedStrings: 20,
  });
  assert.match(fatal(many)?.message.en ?? "", /shared strings .* found more than 20 strings/);
  const long = await read(workbook(sheet, { sharedStrings: ["x".repeat(5000), "y".repeat(5000)] }), {
    maxXlsxSharedStringBytes: 8000,
  });
  assert.match(fatal(long)?.message.en ?? "", /found more than 8 KiB of text/);
});

test("a short string repeated through shared-string references is capped like an unpacked sheet", async () => {
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`,
  );
  const bytes = workbook(rows.join(""), { sharedStrings: ["z".repeat(1000)] });
  const result = await read(bytes, { maxXlsxEntryBytes: 1024 * 1024 });
  assert.match(fatal(result)?.message.en ?? "", /grows beyond 1 MiB/);
  const wide = Array.from({ length: 30 }, (_, i) => `<c t="s"><v>${i % 1}</v></c>`).join("");
  const row = await read(workbook(`<row r="1">${wide}</row>`, { sharedStrings: ["z".repeat(1000)] }), {
    maxRowChars: 10_000,
  });
  assert.match(fatal(row)?.message.en ?? "", /^Row 1: expected a row of at most 10 KiB of text/);
});

test("XML nested too deeply or a text longer than the cap is refused as crafted", async () => {
  const deep = await read(workbook(`${"<x>".repeat(200)}${"</x>".repeat(200)}`));
  assert.match(fatal(deep)?.message.en ?? "", /xl\/worksheets\/sheet1\.xml .* nested too deeply/);
  const long = await read(
    workbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(300_000)}</t></is></c></row>`),
    { maxRowChars: 100_000 },
  );
  assert.match(
    fatal(long)?.message.en ?? "",
    /xl\/worksheets\/sheet1\.xml .* too large or nested too deeply/,
  );
  const comment = await read(workbook(`<!--${"-x".repeat(200_000)}-->`), { maxRowChars: 100_000 });
  assert.match(fatal(comment)?.message.en ?? "", /too large or nested too deeply/);
});

test("a truncated workbook is not a readable workbook, and leaves nothing behind", async () => {
  const bytes = workbook(`<row r="1"><c r="A1"><v>1</v></c></row>`);
  for (const length of [bytes.length - 10, Math.floor(bytes.length / 2), 30]) {
    const result = await read(bytes.subarray(0, length));
    assert.equal(
      fatal(result)?.message.en,
      "The file is a zip archive but not a readable Excel workbook (.xlsx).",
    );
    assert.deepEqual(result.leftovers, []);
  }
});

test("an encrypted part, or one packed with an unknown method, is refused with what to do", async () => {
  const files = workbookFiles({ sheets: [{ name: "Data", part: "worksheets/sheet1.xml", xml: "" }] });
  const encrypted = await read(
    buildZip(files.map((f) => (f.name.endsWith("sheet1.xml") ? { ...f, flags: 0x0001 } : f))),
  );
  assert.match(
    fatal(encrypted)?.message.sv ?? "",
    /^Arbetsboken är krypterad: delen xl\/worksheets\/sheet1\.xml/,
  );
  assert.match(
    fatal(encrypted)?.message.en ?? "",
    /Remove the password and save again, or save the first sheet as CSV/,
  );
  const bzip2 = await read(
    buildZip(files.map((f) => (f.name.endsWith("styles.xml") ? { ...f, method: 12 } : f))),
  );
  assert.match(
    fatal(bzip2)?.message.en ?? "",
    /xl\/styles\.xml .* unsupported compression method \(method 12\)/,
  );
});

test("a zip without a workbook, or whose workbook has no worksheet, is not a readable workbook", async () => {
  const document = await read(buildZip([{ name: "word/document.xml", data: "<document/>" }]));
  assert.equal(
    fatal(document)?.message.sv,
    "Filen är ett zip-arkiv men inte en Excel-arbetsbok (.xlsx) som går att läsa.",
  );
  const empty = await read(buildZip(workbookFiles({ sheets: [] })));
  assert.equal(fatal(empty)?.type, "source-error");
  assert.deepEqual(empty.leftovers, []);
});

test("a cell holding U+0000 (_x0000_) is an error at its row and column, and the character is not passed on", async () => {
  const data =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>namn</t></is></c></row>` +
    `<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Bad_x0000_platsen</t></is></c></row>`;
  const result = await read(workbook(data));
  assert.deepEqual(
    result.issues.map(({ issue, fatal }) => [issue.severity, issue.rowNumber, issue.fieldNumber, fatal]),
    [["error", 2, 2, false]],
  );
  assert.match(
    result.issues[0]?.issue.message.sv ?? "",
    /^Rad 2, kolumn 2: väntade text, fick ett tecken som inte kan lagras: ett NUL-tecken/,
  );
  assert.match(result.issues[0]?.issue.message.en ?? "", /NUL character/);
  assert.deepEqual(result.rows[1], [2, ["1", "Bad\uFFFDplatsen"]]);
});
