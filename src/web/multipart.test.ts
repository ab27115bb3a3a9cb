import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, test } from "node:test";
import { readUploadForm } from "./multipart.ts";

const BOUNDARY = "----dvtest";

function multipart(parts: readonly { name: string; filename?: string; content: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const request = (body: Buffer | string, type = `multipart/form-data; boundary=${BOUNDARY}`) =>
  new Request("http://localhost/validate", {
    method: "POST",
    headers: { "Content-Type": type },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });

async function text(file: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of file) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("upload forms read as a stream", () => {
  test("the fields are kept and the file is spooled to disk, read back whole, and removed after", async () => {
    const csv = "id;name\n1;Stångebrobadet\n".repeat(1000);
    const outcome = await readUploadForm(
      request(
        multipart([
          { name: "csrf", content: "token" },
          { name: "spec", content: "badplatser" },
          { name: "file", filename: "bad.csv", content: csv },
        ]),
      ),
      { fileField: "file", maxFileBytes: 1024 * 1024 },
    );
    assert.ok(outcome.kind === "form");
    const { form } = outcome;
    assert.equal(form.get("spec"), "badplatser");
    assert.equal(form.get("csrf"), "token");
    assert.equal(form.get("nothing"), null);
    assert.equal(form.file?.name, "bad.csv");
    assert.equal(form.file.size, Buffer.byteLength(csv));
    assert.equal(await text(form.file.open()), csv);
    const path = (form.file.open() as unknown as { path: string }).path;
    assert.ok(existsSync(path));
    await form.dispose();
    assert.ok(!existsSync(path));
  });

  test("a file over the limit is refused without keeping it", async () => {
    const outcome = await readUploadForm(
      request(multipart([{ name: "file", filename: "big.csv", content: Buffer.alloc(100_000, 65) }])),
      { fileField: "file", maxFileBytes: 1000 },
    );
    assert.deepEqual(outcome, { kind: "too-large", maxBytes: 1000 });
  });

  test("no file chosen (an empty part with no name) is no file; other file fields are ignored", async () => {
    const outcome = await readUploadForm(
      request(
        multipart([
          { name: "other", filename: "x.csv", content: "skip" },
          { name: "file", filename: "", content: "" },
        ]),
      ),
      { fileField: "file", maxFileBytes: 1000 },
    );
    assert.ok(outcome.kind === "form");
    assert.equal(outcome.form.file, null);
    await outcome.form.dispose();
  });

  test("a form without a file is read the ordinary way", async () => {
    const outcome = await readUploadForm(
      request("csrf=abc&release=r1", "application/x-www-form-urlencoded"),
      { fileField: "file", maxFileBytes: 1000 },
    );
    assert.ok(outcome.kind === "form");
    assert.equal(outcome.form.get("release"), "r1");
    assert.equal(outcome.form.file, null);
  });

  test("a broken body is an empty form, never a crash", async () => {
    for (const body of [
      request("--nope\r\nrubbish"),
      request(multipart([{ name: "spec", content: "x" }]).subarray(0, 30)),
      request("a=b", "multipart/form-data"),
    ]) {
      const outcome = await readUploadForm(body, { fileField: "file", maxFileBytes: 1000 });
      assert.ok(outcome.kind === "form");
      assert.equal(outcome.form.file, null);
      await outcome.form.dispose();
    }
  });
});
