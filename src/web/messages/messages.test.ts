import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { AREAS, SWEDISH } from "./index.ts";

const SRC = fileURLToPath(new URL("../../", import.meta.url));
const MESSAGES_DIR = fileURLToPath(new URL("./", import.meta.url));

/** The product's source files: every .ts and .tsx under src/ but the messages and the tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path + "/" === MESSAGES_DIR ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

test("no two areas define the same key", () => {
  const seen = new Map<string, string>();
  for (const [area, { sv, en }] of Object.entries(AREAS)) {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort(), area);
    for (const key of Object.keys(sv)) {
      assert.equal(seen.get(key), undefined, `${key} is in both ${seen.get(key) ?? ""} and ${area}`);
      seen.set(key, area);
    }
  }
  assert.equal(seen.size, Object.keys(SWEDISH).length);
});

test("every key is used: some page or route outside the messages reads it", () => {
  const source = sourceFiles(SRC)
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const unused = Object.keys(SWEDISH).filter((key) => !new RegExp(`\\.${key}\\b`).test(source));
  assert.deepEqual(unused, []);
});
