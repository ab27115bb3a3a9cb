import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvParser, parseBlock, type CsvParserOptions, type CsvStop } from "./csv-parser.ts";
import { recordsBefore, RecordSplitter, type RecordBlock, type RecordBytes } from "./csv-records.ts";

const OPTIONS: CsvParserOptions = {
  delimiter: ",",
  newline: "\n",
  maxCellChars: 1 << 20,
  maxRowChars: 1 << 20,
  maxColumns: 1000,
};

interface Parsed {
  readonly rows: string[];
  readonly stop: CsvStop | undefined;
}

function collector(): { events: ConstructorParameters<typeof CsvParser>[1]; parsed: Parsed } {
  const parsed = { rows: [] as string[], stop: undefined as CsvStop | undefined };
  return {
    parsed,
    events: {
      row: (cells, rowNumber) => parsed.rows.push(`${rowNumber}:${JSON.stringify(cells)}`),
      oversizeCell: () => undefined,
      stop: (reason) => (parsed.stop = reason),
    },
  };
}

/** The whole text through one parser, as the sequential reader does. */
function whole(chunks: readonly string[], options = OPTIONS): Parsed {
  const { events, parsed } = collector();
  const parser = new CsvParser(options, events);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parsed;
}

const utf8 = (bytes: RecordBytes): RecordBlock => ({ ...bytes, encoding: "utf-8" });
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const chars = (bytes: Uint8Array): number => new TextDecoder().decode(bytes).length;

/** The text cut into blocks, each parsed on its own with its first row number. */
function split(
  chunks: readonly string[],
  blockBytes: number,
  options = OPTIONS,
): Parsed & { blocks: RecordBlock[] } {
  const { events, parsed } = collector();
  const splitter = new RecordSplitter(options.delimiter, options.newline, blockBytes);
  const blocks: RecordBlock[] = [];
  for (const chunk of chunks) {
    const block = splitter.push(encode(chunk));
    if (block !== undefined) blocks.push(utf8(block));
  }
  blocks.push(utf8(splitter.finish()));
  for (const block of blocks) {
    const before = parsed.rows.length;
    parseBlock(block, options, events);
    if (!block.final)
      assert.equal(parsed.rows.length - before, block.rows, `rows in ${JSON.stringify(block)}`);
  }
  return { ...parsed, blocks };
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

test("blocks parsed apart give the same rows and row numbers as the whole file", () => {
  const text = 'id,namn\n1,"Ett, två"\n2,"rad\nbryt"\n3,"citat ""här"""\n4,slut';
  for (const size of [1, 2, 3, 5, 8, 64]) {
    for (const blockBytes of [1, 10, 1000]) {
      const chunks = chunked(text, size);
      const expected = whole(chunks);
      const actual = split(chunks, blockBytes);
      assert.deepEqual(actual.rows, expected.rows, `chunks of ${size}, blocks of ${blockBytes}`);
    }
  }
});

test("a quote inside an unquoted field is text and does not open a quoted field", () => {
  const text = 'a,b\n5" rör,x\n6,"y"\n';
  const actual = split([text], 1);
  assert.deepEqual(actual.rows, whole([text]).rows);
  assert.equal(actual.rows.length, 3);
});

test("a lone CR after a closing quote ends the record, as the parser reads it", () => {
  const text = 'a,b\r\n"x"\r"y",z\r\nq,r\r\n';
  assert.deepEqual(split(chunked(text, 2), 1).rows, whole(chunked(text, 2)).rows);
});

test("old Mac line ends (CR alone) are cut like LF", () => {
  const options = { ...OPTIONS, newline: "\r" as const, delimiter: ";" };
  const text = 'a;b\r"1\r2";x\r3;"y"\r';
  assert.deepEqual(split([text], 1, options).rows, whole([text], options).rows);
});

test("an unclosed quote is held until the end and reported by the parser at its row", () => {
  const text = 'a,b\n1,x\n2,"öppen\n3,y\n';
  const actual = split(chunked(text, 4), 1);
  assert.deepEqual(actual.stop, { kind: "unclosed-quote", rowNumber: 3, column: 2 });
  assert.deepEqual(actual.rows, whole(chunked(text, 4)).rows);
});

test("an unfinished record past the cap is handed on alone, so parsing it stops reading", () => {
  const splitter = new RecordSplitter(",", "\n", 1_000_000);
  assert.equal(splitter.push(encode('a,b\n1,"x')), undefined);
  assert.deepEqual(splitter.flushOverlong(100, chars), []);
  splitter.push(encode(`\n${"y".repeat(200)}`));
  const [before, overlong] = splitter.flushOverlong(100, chars);
  assert.deepEqual(before, { bytes: encode("a,b\n"), firstRow: 1, rows: 1, final: false });
  assert.equal(overlong?.firstRow, 2);
  const { events, parsed } = collector();
  parseBlock(utf8(overlong), { ...OPTIONS, maxRowChars: 100 }, events);
  assert.deepEqual(parsed.stop, { kind: "unclosed-quote", rowNumber: 2, column: 2 });
});

test("a record is overlong by its characters, not its bytes", () => {
  const splitter = new RecordSplitter(",", "\n", 1_000_000);
  splitter.push(encode(`a,b\n1,"${"ö".repeat(90)}`)); // 92 characters in 183 bytes
  assert.deepEqual(splitter.flushOverlong(100, chars), []);
  splitter.push(encode("ö".repeat(30))); // counted again once the record has grown by a quarter
  assert.equal(splitter.flushOverlong(100, chars).length, 2);
});

test("multi-byte text and Windows-1252 bytes split where the parser reads records", () => {
  const text = 'namn;ort\n"Åsa; Öst";Malmö\n"Ärlig\nrad";Växjö\nsista;ö';
  const options = { ...OPTIONS, delimiter: ";" };
  for (const size of [1, 3, 7])
    assert.deepEqual(split(chunked(text, size), 5, options).rows, whole([text], options).rows);
  const latin = Uint8Array.from(text, (c) => c.charCodeAt(0)); // å, ä, ö are one byte each here
  const splitter = new RecordSplitter(";", "\n", 1);
  const block = splitter.push(latin);
  assert.equal(block?.rows, 3);
  const { events, parsed } = collector();
  parseBlock({ ...block, encoding: "windows-1252" }, options, events);
  parseBlock({ ...splitter.finish(), encoding: "windows-1252" }, options, events);
  assert.deepEqual(parsed.rows, whole([text], options).rows);
});

test("records before an offset are counted as the splitter counts them", () => {
  const bytes = encode('a,b\n"1\n2",x\n3,y\n');
  assert.equal(recordsBefore(bytes, 3, ",", "\n"), 0);
  assert.equal(recordsBefore(bytes, 4, ",", "\n"), 1);
  assert.equal(recordsBefore(bytes, 8, ",", "\n"), 1); // inside the quoted line break
  assert.equal(recordsBefore(bytes, bytes.length, ",", "\n"), 3);
});

test("random text of quotes, delimiters and line ends splits exactly where the parser reads records", () => {
  const alphabet = ['"', '"', ",", ";", "\n", "\r", "\r\n", "a", "b", '""', " "];
  let seed = 12345;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let round = 0; round < 20000; round++) {
    let text = "";
    const length = 1 + random(40);
    for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)] ?? "";
    const options = random(4) === 0 ? { ...OPTIONS, newline: "\r" as const } : OPTIONS;
    const chunks = chunked(text, 1 + random(8));
    const expected = whole(chunks, options);
    const actual = split(chunks, random(3) === 0 ? 1 : 16, options);
    assert.deepEqual(actual.rows, expected.rows, JSON.stringify(text));
    assert.deepEqual(actual.stop, expected.stop, JSON.stringify(text));
  }
});
