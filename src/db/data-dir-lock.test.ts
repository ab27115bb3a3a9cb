import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { isAppError } from "../core/index.ts";
import { lockDataDir } from "./data-dir-lock.ts";

const freshDir = () => mkdtempSync(join(tmpdir(), "dv-lock-"));

test("a second lock on the same data directory is refused with a clear message", () => {
  const dir = freshDir();
  const lock = lockDataDir(dir);
  assert.throws(
    () => lockDataDir(dir),
    (error) =>
      isAppError(error) && error.code === "DATABASE_LOCKED" && error.text.sv.includes("används redan"),
  );
  lock.release();
  lockDataDir(dir).release();
});

test("releasing removes the lock file", () => {
  const dir = freshDir();
  const lock = lockDataDir(dir);
  assert.ok(existsSync(join(dir, "dataverkstad.lock")));
  lock.release();
  assert.ok(!existsSync(join(dir, "dataverkstad.lock")));
});

test("a lock left by a process that has died is taken over", () => {
  const dir = freshDir();
  // Above the kernel's pid_max, so no process can have it.
  writeFileSync(
    join(dir, "dataverkstad.lock"),
    JSON.stringify({ pid: 2 ** 30, host: hostname(), since: "x" }),
  );
  lockDataDir(dir).release();
});

test("a lock held from another host is respected", () => {
  const dir = freshDir();
  writeFileSync(join(dir, "dataverkstad.lock"), JSON.stringify({ pid: 1, host: "another-host", since: "x" }));
  assert.throws(
    () => lockDataDir(dir),
    (error) => isAppError(error) && error.code === "DATABASE_LOCKED",
  );
});

test("a half-written lock file is treated as stale", () => {
  const dir = freshDir();
  writeFileSync(join(dir, "dataverkstad.lock"), "{");
  lockDataDir(dir).release();
});
