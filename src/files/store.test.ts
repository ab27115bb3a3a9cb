import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DirectoryFileStore } from "./store.ts";

async function withStore(fn: (store: DirectoryFileStore, root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "dv-files-"));
  try {
    await fn(new DirectoryFileStore(root), root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test("a stored file is found by the sha256 of its content and reads back the same", async () => {
  await withStore(async (store) => {
    const content = Buffer.from("namn;lat;lon\nBadet;58,4;15,6\n", "utf8");
    const stored = await store.put([content.subarray(0, 5), content.subarray(5)]);
    assert.equal(stored.sha256, createHash("sha256").update(content).digest("hex"));
    assert.equal(stored.bytes, content.length);
    assert.ok(await store.has(stored.sha256));
    assert.deepEqual(await readAll(store.read(stored.sha256)), content);
    const again = await store.put([content]);
    assert.equal(again.sha256, stored.sha256);
  });
});

test("a write that fails midway leaves no file under any hash and no temporary file", async () => {
  await withStore(async (store, root) => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("half a file");
      await Promise.resolve();
      throw new Error("the client went away");
    }
    await assert.rejects(store.put(broken()), /went away/);
    assert.deepEqual(await readdir(join(root, "tmp")), []);
    await assert.rejects(readdir(join(root, "sha256")));
  });
});

test("leftovers of a killed process are removed at start", async () => {
  await withStore(async (store, root) => {
    const { writeFile, mkdir } = await import("node:fs/promises");
    await mkdir(join(root, "tmp"), { recursive: true });
    await writeFile(join(root, "tmp", "abc.part"), "partial");
    assert.equal(await store.removeTemporary(), 1);
    assert.deepEqual(await readdir(join(root, "tmp")), []);
  });
});

test("a hash that is not a sha256 is refused rather than used as a path", async () => {
  await withStore(async (store) => {
    assert.equal(await store.has("../../etc/passwd"), false);
    assert.throws(() => store.read("../x"), /not a sha256/);
  });
});
