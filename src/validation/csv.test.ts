import assert from "node:assert/strict";
import { test } from "node:test";
import { openTable, validate } from "./index.ts";
import type { Issue } from "./types.ts";
import { csv, generate, goodRow, HEADER, KNOWN_CODES, STATIONS, windows1252 } from "./test-fixtures.ts";

interface Read {
  readonly rows: string[][];
  readonly numbers: number[];
  readonly issues: Issue[];
  readonly fatal: boolean;
  readonly dialect: Awaited<ReturnType<typeof openTable>>["dialect"];
}

async function read(
  source: Parameters<typeof openTable>[0],
  options: Parameters<typeof openTable>[2] = {},
): Promise<Read> {
  const issues: Issue[] = [];
  let fatal = false;
  const table = await openTable(
    source,
    {
      issue(issue, isFatal) {
        issues.push(issue);
        fatal ||= isFatal;
      },
    },
    options,
  );
  const rows: string[][] = [];
  const numbers: number[] = [];
  for await (const batch of table.batches) {
    rows.push(...batch.rows.map((r) => [...r]));
    numbers.push(...batch.rowNumbers);
  }
  return { rows, numbers, issues, fatal, dialect: () => table.dialect() };
}

/** The same bytes delivered in pieces of `size`, so every boundary case is crossed. */
function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

test("quoted cells keep delimiters, doubled quotes and line breaks", async () => {
  const text = 'a,b,c\r\n"1,5","say ""hi""","two\nlines"\r\nx,,z\r\n';
  const { rows, numbers } = await read(text);
  assert.deepEqual(rows, [
    ["a", "b", "c"],
    ["1,5", 'say "hi"', "two\nlines"],
    ["x", "", "z"],
  ]);
  assert.deepEqual(numbers, [1, 2, 3]);
});

test("rows come out the same whatever the chunk boundaries", async () => {
  const text = 'id;namn;värde\r\n1;"Åre; ""fjäll""";12,5\r\n2;Malmö;"7\r\n8"\r\n3;Växjö;9';
  const bytes = new TextEncoder().encode(text);
  const whole = await read(bytes);
  for (const size of [1, 2, 3, 5, 7]) {
    const split = await read(pieces(bytes, size));
    assert.deepEqual(split.rows, whole.rows, `chunks of ${size} bytes`);
  }
  assert.deepEqual(whole.rows[1], ["1", 'Åre; "fjäll"', "12,5"]);
  assert.equal(whole.rows.length, 4);
});

test("a UTF-8 byte-order mark is not part of the first header", async () => {
  const { rows, dialect } = await read(
    new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("id,namn\n1,Å\n")]),
  );
  assert.deepEqual(rows[0], ["id", "namn"]);
  assert.equal(dialect().encoding, "utf-8-bom");
});

test("Windows-1252 is recognised and decoded, not shown as mojibake", async () => {
  const bytes = windows1252("id;namn;belopp\r\n1;Göteborg;12,5\r\n2;Älmhult;3,25\r\n");
  const { rows, dialect } = await read(bytes);
  assert.deepEqual(rows[1], ["1", "Göteborg", "12,5"]);
  assert.equal(rows[2]?.[1], "Älmhult");
  assert.deepEqual(
    { ...dialect(), confidence: undefined },
    { encoding: "windows-1252", delimiter: ";", decimalComma: true, confidence: undefined },
  );
});

test("the delimiter is sniffed: semicolon, tab, comma; the header breaks ties with decimal commas", async () => {
  assert.equal((await read("a;b;c\n1,5;2,5;3\n4,5;5,5;6\n")).dialect().delimiter, ";");
  assert.equal((await read("a\tb\tc\n1\t2\t3\n")).dialect().delimiter, "\t");
  assert.equal((await read('a,b,c\n1,"x;y",3\n4,5,6\n')).dialect().delimiter, ",");
});

test("lines ended by CR alone (old Mac exports) are read as lines", async () => {
  const { rows } = await read("a,b\r1,2\r3,4\r");
  assert.deepEqual(rows, [
    ["a", "b"],
    ["1", "2"],
    ["3", "4"],
  ]);
});

test("an empty file is a clear source error", async () => {
  const report = await validate(new Uint8Array(0), STATIONS);
  assert.equal(report.valid, false);
  assert.equal(report.complete, false);
  assert.equal(report.errors[0]?.type, "source-error");
  assert.match(report.errors[0].message.sv, /tom/);
  const blank = await validate("\r\n  \n", STATIONS);
  assert.match(blank.errors[0]?.message.sv ?? "", /tom/);
});

test("a binary file is refused at the start, with what was expected", async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
  const report = await validate(png, STATIONS);
  assert.equal(report.valid, false);
  assert.equal(report.errors[0]?.type, "source-error");
  assert.match(report.errors[0].message.sv, /inte en textfil/);
  const xls = await validate(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), STATIONS);
  assert.match(xls.errors[0]?.message.sv ?? "", /\.xls/);
});

test("a NUL byte later in the file stops reading with its row", async () => {
  const text = csv([HEADER, goodRow(1), goodRow(2)]);
  const bytes = new TextEncoder().encode(
    `${text}s3,0180,Sta\u0000tion,1,2,2024-01-01,true,ccs,59,18\r\n${goodRow(4)}\r\n`,
  );
  const report = await validate(bytes, STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const nul = report.errors.find((e) => e.type === "source-error");
  assert.equal(nul?.rowNumber, 4);
  assert.match(nul.message.sv, /NUL/);
  assert.equal(report.complete, false);
  assert.equal(report.stats.rows, 2);
});

test("invalid UTF-8 in a file read as UTF-8 is an error naming the row, and reading goes on", async () => {
  const head = new TextEncoder().encode(csv([HEADER, "s1,0180,Malmö,1,2,2024-01-01,true,ccs,59,18"]));
  const bad = new Uint8Array([
    ...new TextEncoder().encode("s2,0180,G"),
    0xf6,
    ...new TextEncoder().encode("teborg,1,2,2024-01-01,true,ccs,59,18\r\n"),
  ]);
  const tail = new TextEncoder().encode(csv([goodRow(3)]));
  const report = await validate([head, bad, tail], STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const errors = report.errors.filter((e) => e.type === "encoding-error");
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.rowNumber, 3);
  assert.equal(report.stats.rows, 3);
  assert.equal(report.complete, true);
});

test("a file that looked ASCII switches to Windows-1252 at its first non-UTF-8 byte, without loss", async () => {
  const ascii = csv([HEADER, ...Array.from({ length: 3000 }, (_, i) => goodRow(i))]); // > the 64 KiB sniffed
  const bytes = new Uint8Array([
    ...new TextEncoder().encode(ascii),
    ...windows1252("s9999,0180,Göteborg,1,2,2024-01-01,true,ccs,59,18\r\n"),
  ]);
  const { rows, issues, dialect } = await read(bytes);
  assert.equal(rows.at(-1)?.[2], "Göteborg");
  assert.equal(dialect().encoding, "windows-1252");
  assert.equal(issues.find((i) => i.type === "dialect")?.rowNumber, 3002);
});

test("UTF-16 with a byte-order mark (Excel's 'Unicode text') is read", async () => {
  const text = "id\tnamn\r\n1\tÖrebro\r\n";
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  const { rows, dialect } = await read(bytes);
  assert.deepEqual(rows[1], ["1", "Örebro"]);
  assert.equal(dialect().encoding, "utf-16le");
});

test("a U+0000 in UTF-16 stops reading with its row, as a NUL byte does in UTF-8, wherever the chunks split", async () => {
  const text = "id\tnamn\r\n1\tÖrebro\r\n2\tBad\u0000platsen\r\n3\tLund\r\n";
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  for (const size of [bytes.length, 7, 3, 1]) {
    const { rows, issues, fatal } = await read(pieces(bytes, size));
    assert.deepEqual(
      rows,
      [
        ["id", "namn"],
        ["1", "Örebro"],
      ],
      `pieces of ${size}`,
    );
    assert.ok(fatal);
    const nul = issues.find((i) => /NUL/.test(i.message.sv));
    assert.equal(nul?.rowNumber, 3, `pieces of ${size}`);
  }
});

test("an unclosed quote on row 3 of a million-row stream stops early, in bounded memory", async () => {
  let produced = 0;
  const rows = 1_000_000;
  const lines = (i: number): string => {
    produced = i;
    if (i === 0) return HEADER;
    if (i === 2) return 's2,0180,"Station utan slut,1,2,2024-01-01,true,ccs,59,18';
    return goodRow(i);
  };
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const report = await validate(generate(lines, rows), STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  const seconds = (performance.now() - started) / 1000;
  const stop = report.errors.find((e) => e.type === "source-error");
  assert.equal(stop?.rowNumber, 3);
  assert.equal(stop.fieldNumber, 3);
  assert.match(stop.message.sv, /citattecken/);
  assert.equal(report.complete, false);
  assert.equal(report.stats.rows, 1);
  assert.ok(produced < 100_000, `read ${produced} rows of ${rows}: it should stop near the 2 MiB cap`);
  assert.ok(seconds < 5, `took ${seconds} s`);
  assert.ok(process.memoryUsage().rss - before < 100e6, "memory stays bounded");
});

test("a 1 MB cell is accepted; one over the cap is reported with its row and column", async () => {
  const big = "x".repeat(1_000_000);
  const ok = await read(csv(["a,b", `1,${big}`, "2,y"]));
  assert.equal(ok.rows[1]?.[1]?.length, 1_000_000);
  assert.equal(ok.issues.length, 0);
  const huge = "y".repeat(1_200_000);
  const over = await read(csv(["a,b", `1,"${huge}"`, "2,z"]));
  const issue = over.issues.find((i) => i.type === "oversize-cell");
  assert.equal(issue?.rowNumber, 2);
  assert.equal(issue.fieldNumber, 2);
  assert.deepEqual(over.rows[2], ["2", "z"]);
});

test("20,000 columns stop at the header with a clear error", async () => {
  const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(",");
  const report = await validate(csv([header, header]), STATIONS);
  const error = report.errors[0];
  assert.equal(error?.type, "source-error");
  assert.equal(error.rowNumber, 1);
  assert.match(error.message.sv, /högst 1000 kolumner, fick 20\u00a0000/);
  assert.equal(report.complete, false);
});

test("ragged rows: too few and too many cells are reported per row", async () => {
  const report = await validate(csv([HEADER, goodRow(1), "s2,0180,Kort", `${goodRow(3)},extra`]), STATIONS, {
    knownOrganizationCodes: KNOWN_CODES,
  });
  const missing = report.errors.filter((e) => e.type === "missing-cell");
  const extra = report.errors.filter((e) => e.type === "extra-cell");
  assert.deepEqual(
    missing.map((e) => [e.rowNumber, e.fieldName]),
    [[3, "antal"]],
  );
  assert.deepEqual(
    extra.map((e) => [e.rowNumber, e.fieldNumber, e.cell]),
    [[4, 11, "extra"]],
  );
});

test("a byte cap stops reading with a source error", async () => {
  const text = csv([HEADER, ...Array.from({ length: 5000 }, (_, i) => goodRow(i))]);
  const report = await validate(text, STATIONS, { maxBytes: 100_000, knownOrganizationCodes: KNOWN_CODES });
  assert.equal(report.complete, false);
  const cap = report.errors.filter((e) => e.type === "source-error");
  assert.equal(cap.length, 1);
  assert.match(cap[0]?.message.en ?? "", /larger than/);
  assert.equal(report.stats.errors, 1, "the row cut at the cap is not reported as ragged");
});

test("a quote still open at the end of the file is reported where it started", async () => {
  const report = await validate(
    csv([HEADER, goodRow(1), 's2,0180,"Öppen,1,2,2024-01-01,true,ccs,59,18', goodRow(3)]),
    STATIONS,
    {
      knownOrganizationCodes: KNOWN_CODES,
    },
  );
  const stop = report.errors.find((e) => e.type === "source-error");
  assert.equal(stop?.rowNumber, 3);
  assert.equal(stop.fieldNumber, 3);
  assert.equal(report.stats.rows, 1);
});

test("a stream that fails part way ends in a report, not a crash", async () => {
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(csv([HEADER, goodRow(1), goodRow(2)]));
    await Promise.resolve();
    throw new Error("connection reset");
  }
  const report = await validate(failing(), STATIONS, { knownOrganizationCodes: KNOWN_CODES });
  assert.equal(report.complete, false);
  assert.equal(report.stats.rows, 2);
  assert.match(report.errors[0]?.message.en ?? "", /could not be read to the end \(connection reset\)/);
});
