import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exampleCsv, loadDefinitions } from "../../src/specs/index.ts";
import type { ValidationReport } from "../../src/validation/index.ts";
import { swedishExcelCsv } from "../support/excel.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const definitions = loadDefinitions().map((d) => d.definition);
const UPLOAD_LIMIT = 5 * 1024 * 1024;

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform({ env: { MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) } });
});
after(async () => {
  await platform.close();
});

async function post(query: string, body: BodyInit, init: RequestInit = {}): Promise<Response> {
  return fetch(`${platform.url}/api/v1/validate${query}`, {
    method: "POST",
    body,
    ...init,
    duplex: "half",
  } as RequestInit);
}

async function report(query: string, body: BodyInit): Promise<ValidationReport> {
  const res = await post(query, body);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as ValidationReport;
}

describe("every specification's example", () => {
  for (const definition of definitions) {
    test(`${definition.slug}: the example validates with no errors or warnings`, async () => {
      const result = await report(`?spec=${definition.slug}`, exampleCsv(definition));
      assert.deepEqual(result.errors, [], JSON.stringify(result.errors.slice(0, 3)));
      assert.deepEqual(result.warnings, [], JSON.stringify(result.warnings.slice(0, 3)));
      assert.equal(result.valid, true);
      assert.equal(result.stats.rows, definition.examples.length);
    });

    test(`${definition.slug}: re-saved the Swedish-Excel way, it passes with dialect warnings only`, async () => {
      const result = await report(`?spec=${definition.slug}`, swedishExcelCsv(definition));
      assert.equal(result.valid, true, JSON.stringify(result.errors.slice(0, 3)));
      assert.equal(result.dialect.encoding, "windows-1252");
      assert.equal(result.dialect.delimiter, ";");
      const kinds = new Set(result.warnings.map((w) => w.type));
      for (const kind of kinds)
        assert.ok(kind === "dialect" || kind === "decimal-comma", `unexpected warning ${kind}`);
    });
  }
});

describe("known errors planted into an example", () => {
  test("are each reported at the right row and field, with exact counts", async () => {
    const badplatser = definitions.find((d) => d.slug === "badplatser");
    assert.ok(badplatser);
    const rows = badplatser.examples.map((row) => ({ ...row }));
    const [first, second, third, fourth] = rows;
    assert.ok(first && second && third && fourth);
    first.name = ""; // row 2: a blank required cell
    second.latitude = "nord"; // row 3: text in a number column
    third.id = first.id ?? ""; // row 4: a duplicate primary key …
    third.source = first.source ?? "";
    fourth.source = "9999"; // row 5: an unknown kommunkod
    rows.push({ ...fourth, source: "1280", id: "BAD-PLANTED", latitude: "70.5" }); // row 6: north of Sweden
    const result = await report("?spec=badplatser", exampleCsv({ ...badplatser, examples: rows }));
    assert.equal(result.valid, false);
    const at = (rowNumber: number, fieldName: string) =>
      result.errors.filter((e) => e.rowNumber === rowNumber && e.fieldName === fieldName).map((e) => e.type);
    assert.deepEqual(at(2, "name"), ["constraint-error"]);
    assert.deepEqual(at(3, "latitude"), ["type-error"]);
    assert.ok(result.errors.some((e) => e.rowNumber === 4 && e.type === "primary-key-error"));
    assert.deepEqual(at(5, "source"), ["reference-error"]);
    assert.ok(at(6, "latitude").length >= 1);
    assert.equal(result.stats.errors, result.errors.length, "counts are exact and nothing is cut");
    const summed = result.summary.filter((s) => s.severity === "error").reduce((n, s) => n + s.count, 0);
    assert.equal(summed, result.stats.errors);
  });
});

describe("bad input gets a clear report, never a crash", () => {
  test("an empty file", async () => {
    const result = await report("?spec=badplatser", "");
    assert.equal(result.valid, false);
    assert.ok(result.errors.length > 0);
    assert.match(result.errors[0]?.message.sv ?? "", /tom/i);
  });

  test("a binary file", async () => {
    const result = await report(
      "?spec=badplatser",
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0xff, 0xfe]),
    );
    assert.equal(result.valid, false);
    assert.ok(result.errors.length > 0);
  });

  test("an unknown specification is 404 and a missing one 400", async () => {
    assert.equal((await post("?spec=finns-inte", "a,b\n")).status, 404);
    const missing = await post("", "a,b\n");
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { error: { message: string } }).error.message, /spec/);
  });

  test("a declared body over the upload limit is refused with 413 before it is read", async () => {
    const res = await post("?spec=badplatser", "x", {
      headers: { "Content-Length": String(2 * 1024 ** 3) },
    }).catch((error: unknown) => error);
    // Either the server answers 413 at once, or the client gives up on the mismatched length.
    if (res instanceof Response) assert.equal(res.status, 413);
  });

  test("a streamed body over the upload limit is refused with 413 as soon as it crosses the limit", async () => {
    // Rows the reader keeps reading (a single huge cell would stop it early, with a report).
    const chunk = new TextEncoder().encode("1280,BAD-1,Strand,,55.6,13.0\r\n".repeat(2048));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("source,id,name,description,latitude,longitude\r\n"));
      },
      pull(controller) {
        // Under the 64 MB the server drains after its answer: past that it closes the socket while
        // the client still writes, and fetch reports the broken pipe instead of the 413.
        if (sent > UPLOAD_LIMIT * 11) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await post("?spec=badplatser", stream);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "PAYLOAD_TOO_LARGE");
    // The server stopped reading just past the limit (plus what sockets buffer), not at the end.
    assert.ok(sent < UPLOAD_LIMIT * 5, `the client was asked for ${sent} bytes`);
  });
});

describe("the fixer", () => {
  test("turns a Swedish-Excel file into UTF-8 CSV with commas and decimal points that validates cleanly", async () => {
    const badplatser = definitions.find((d) => d.slug === "badplatser");
    assert.ok(badplatser);
    const res = await fetch(`${platform.url}/api/v1/validate/fix?spec=badplatser`, {
      method: "POST",
      body: swedishExcelCsv(badplatser),
    });
    assert.equal(res.status, 200);
    const fixed = await res.text();
    assert.ok(fixed.startsWith(badplatser.schema.fields.map((f) => f.name).join(",")));
    const again = await report("?spec=badplatser", fixed);
    assert.deepEqual(again.warnings, []);
    assert.equal(again.valid, true);
  });
});
