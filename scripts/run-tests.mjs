#!/usr/bin/env node
// Runs node's test runner (through tsx) over the named suites:
//   unit         src/**/*.test.ts       (beside the code)
//   integration  test/integration/**    (PGlite, or PostgreSQL with --postgres)
//   hostile      test/hostile/**        (hostile input and faults: the server must stay up; PGlite, or PostgreSQL with --postgres)
//   browser      test/browser/**        (Chromium)
// Node 20's runner does not expand globs, hence this script. It also builds the migrated and
// seeded template database once for the run (test/support/seeded-template.ts), which every
// test database is cloned from, and removes it afterwards.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const SUITES = {
  unit: "src",
  integration: "test/integration",
  hostile: "test/hostile",
  browser: "test/browser",
};
const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes("--postgres")) {
  env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
}
const suites = args.filter((a) => !a.startsWith("--"));
const files = suites.flatMap((suite) => {
  const dir = SUITES[suite];
  if (dir === undefined) {
    console.error(`Unknown suite "${suite}". Known: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".test.ts") || f.endsWith(".test.tsx"))
    .map((f) => join(dir, f))
    .sort();
});
if (files.length === 0) {
  console.error(`No test files in ${suites.join(", ")}`);
  process.exit(1);
}
// The template is built once here, before the test processes start, so none races to build it.
const TEMPLATE = ["--import", "tsx", "test/support/seeded-template.ts"];
const prepared = spawnSync(process.execPath, [...TEMPLATE, "prepare"], {
  env,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (prepared.status !== 0) {
  console.error("Could not build the test template database.");
  process.exit(1);
}
Object.assign(env, JSON.parse(prepared.stdout));
// Ctrl-C reaches the test processes too; wait for them, then remove the template below.
process.on("SIGINT", () => {});
let status;
try {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=./scripts/slowest-files.mjs",
      "--test-reporter-destination=stdout",
      "--test-concurrency=2",
      "--test-timeout=300000",
      ...files,
    ],
    { stdio: "inherit", env },
  );
  status = result.status ?? 1;
} finally {
  spawnSync(process.execPath, [...TEMPLATE, "drop"], { env, stdio: "inherit" });
}
process.exit(status);
