import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { AppError } from "../core/index.ts";
import { readUploadForm, sweepUploadLeftovers } from "./multipart.ts";

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

  test("a broken body, or one that ends inside the file part, is a 400 naming the problem and leaves no spool directory", async () => {
    const before = spoolDirectories();
    const truncated = multipart([
      { name: "spec", content: "badplatser" },
      { name: "file", filename: "a.csv", content: "id,name\n1" },
    ]);
    for (const body of [
      request("--nope\r\nrubbish"),
      request(multipart([{ name: "spec", content: "x" }]).subarray(0, 30)),
      request("a=b", "multipart/form-data"),
      // The reproduction: the file part never reaches its closing boundary.
      request(truncated.subarray(0, truncated.indexOf("\r\n--" + BOUNDARY + "--"))),
    ]) {
      await assert.rejects(readUploadForm(body, { fileField: "file", maxFileBytes: 1000 }), (error) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, "BAD_REQUEST");
        assert.match(error.text.sv, /tog slut för tidigt/);
        assert.match(error.text.en, /ended too early/);
        return true;
      });
    }
    assert.deepEqual(spoolDirectories(), before);
  });

  test("a form without a file over its limit is refused without being read whole", async () => {
    const outcome = await readUploadForm(
      request(`csrf=abc&x=${"a".repeat(5000)}`, "application/x-www-form-urlencoded"),
      { fileField: "file", maxFileBytes: 1000, maxFieldBytes: 1000 },
    );
    assert.deepEqual(outcome, { kind: "too-large", maxBytes: 1000 });
  });

  test("at start, spool directories of processes that no longer run are removed, others kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dv-sweep-"));
    try {
      const dead = spawnSync(process.execPath, ["-e", ""]).pid;
      for (const name of [
        `dv-upload-${dead}-abc`,
        `dv-upload-${process.pid}-def`,
        "dv-upload-legacy",
        "other",
      ])
        mkdirSync(join(dir, name));
      assert.equal(await sweepUploadLeftovers(dir), 1);
      assert.deepEqual(readdirSync(dir).sort(), [
        `dv-upload-${process.pid}-def`,
        "dv-upload-legacy",
        "other",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function spoolDirectories(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`dv-upload-${process.pid}-`));
}
