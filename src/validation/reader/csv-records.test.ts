import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvParser, parseBlock, type CsvParserOptions, type CsvStop } from "./csv-parser.ts";
import { RecordSplitter, type RecordBlock } from "./csv-records.ts";

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

/** The text cut into blocks, each parsed on its own with its first row number. */
function split(
  chunks: readonly string[],
  blockChars: number,
  options = OPTIONS,
): Parsed & { blocks: RecordBlock[] } {
  const { events, parsed } = collector();
  const splitter = new RecordSplitter(options.delimiter, options.newline, blockChars);
  const blocks: RecordBlock[] = [];
  for (const chunk of chunks) {
    const block = splitter.push(chunk);
    if (block !== undefined) blocks.push(block);
  }
  blocks.push(splitter.end());
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
    for (const blockChars of [1, 10, 1000]) {
      const chunks = chunked(text, size);
      const expected = whole(chunks);
      const actual = split(chunks, blockChars);
      assert.deepEqual(actual.rows, expected.rows, `chunks of ${size}, blocks of ${blockChars}`);
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
  assert.equal(splitter.push('a,b\n1,"x'), undefined);
  assert.deepEqual(splitter.flushOverlong(100), []);
  splitter.push(`\n${"y".repeat(200)}`);
  const [before, overlong] = splitter.flushOverlong(100);
  assert.deepEqual(before, { parts: ["a,b\n"], chars: 4, firstRow: 1, rows: 1, final: false });
  assert.equal(overlong?.firstRow, 2);
  const { events, parsed } = collector();
  parseBlock(overlong, { ...OPTIONS, maxRowChars: 100 }, events);
  assert.deepEqual(parsed.stop, { kind: "unclosed-quote", rowNumber: 2, column: 2 });
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
