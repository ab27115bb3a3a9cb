import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
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
    const chunk = Buffer.from("1280,BAD-1,Strand,,55.6,13.0\r\n".repeat(2048));
    const requestId = "streamed-upload-over-limit";
    const answer = await streamUntilAnswered(
      `${platform.url}/api/v1/validate?spec=badplatser`,
      { "X-Request-Id": requestId },
      [Buffer.from("source,id,name,description,latitude,longitude\r\n"), chunk],
      UPLOAD_LIMIT * 11,
    );
    if (answer.status === null) {
      // The connection closed before the client read the answer: the server's log says what it was.
      const logged = platform.logs.find(
        (line) => line.requestId === requestId && line.msg === "request refused",
      );
      assert.equal(logged?.status, 413, "the server refused the upload with 413");
    } else {
      assert.equal(answer.status, 413);
      assert.equal((JSON.parse(answer.body) as { error: { code: string } }).error.code, "PAYLOAD_TOO_LARGE");
    }
    // The server answered just past the limit (plus what sockets buffer), not at the end: had it
    // read on to the end, the client would have sent eleven times the limit.
    assert.ok(answer.sent < UPLOAD_LIMIT * 5, `the client had sent ${answer.sent} bytes`);
  });
});

/**
 * POSTs the first buffer, then the last one again and again up to `upTo` bytes, and stops once
 * the server answers or closes the connection: the status (null when the connection closed
 * before the answer could be read), the body, and how much was sent by then. A server closes the
 * connection after a 413 while the client may still be sending; a write into it then fails with
 * a broken pipe, which node and fetch report instead of an answer already on its way. That is
 * HTTP/1.1, not the server; such a client knows only that the upload was cut off.
 */
function streamUntilAnswered(
  url: string,
  headers: Record<string, string>,
  [first, chunk]: readonly [Buffer, Buffer],
  upTo: number,
): Promise<{ status: number | null; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let settled = false;
    const settle = (status: number | null, body: string): void => {
      if (settled) return;
      settled = true;
      resolve({ status, body, sent });
      request.destroy();
    };
    const request = httpRequest(url, { method: "POST", headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => settle(response.statusCode ?? 0, body));
      response.on("error", reject);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ECONNRESET") settle(null, "");
      else if (!settled) reject(error);
    });
    const write = (): void => {
      while (!settled && sent < upTo) {
        const buffer = sent === 0 ? first : chunk;
        sent += buffer.byteLength;
        if (!request.write(buffer)) return void request.once("drain", write);
      }
      if (!settled) request.end();
    };
    write();
  });
}

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
