// Issue 22, "no crash": the process-level guard logs and counts what escaped every other handler,
// keeps serving after a connection-scoped I/O error or an unhandled rejection, and shuts down
// after anything else (its state is unknown). Each case runs in a process of its own.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const GUARD = fileURLToPath(new URL("../../src/http/process-guard.ts", import.meta.url));
const CORE = fileURLToPath(new URL("../../src/core/index.ts", import.meta.url));

const SCENARIOS = {
  // A socket's `error` with no listener, as a client connection that broke would raise it.
  connection: `setTimeout(() => { const e = new Error("read ECONNRESET"); e.code = "ECONNRESET"; throw e; });`,
  // A database connection the server terminated (SQLSTATE 57P01).
  database: `setTimeout(() => { const e = new Error("terminating connection due to administrator command"); e.code = "57P01"; throw e; });`,
  rejection: `Promise.reject(new Error("nobody awaited this"));`,
  bug: `setTimeout(() => { const missing = undefined; missing.property = 1; });`,
} as const;

async function run(scenario: keyof typeof SCENARIOS) {
  const script = `
    const { installProcessGuard, requestIds } = await import(${JSON.stringify(GUARD)});
    const { createLogger } = await import(${JSON.stringify(CORE)});
    const logger = createLogger("debug", (line) => process.stdout.write(line + "\\n"));
    installProcessGuard(logger, () => { process.stdout.write("SHUTDOWN\\n"); process.exit(3); });
    requestIds.run("req-42", () => { ${SCENARIOS[scenario]} });
    setTimeout(() => { process.stdout.write("ALIVE\\n"); process.exit(0); }, 300);
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const logs = stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, stdout, stderr, logs };
}

describe("the process-level guard", () => {
  for (const scenario of ["connection", "database"] as const) {
    test(`keeps serving after a connection-scoped error (${scenario}), logged with its request id and counted`, async () => {
      const { code, stdout, stderr, logs } = await run(scenario);
      assert.equal(code, 0, stdout + stderr);
      assert.match(stdout, /ALIVE/);
      const line = logs.find((l) => l.msg === "uncaught exception");
      assert.equal(line?.level, "error");
      assert.equal(line.verdict, "keep-serving");
      assert.equal(line.requestId, "req-42");
      assert.equal(line.count, 1);
    });
  }

  test("keeps serving after an unhandled rejection, and logs it", async () => {
    const { code, stdout, stderr, logs } = await run("rejection");
    assert.equal(code, 0, stdout + stderr);
    const line = logs.find((l) => l.msg === "unhandled rejection");
    assert.equal(line?.level, "error");
    assert.match(JSON.stringify(line.error), /nobody awaited this/);
  });

  test("shuts down after an exception from code in an unknown state, having logged it", async () => {
    const { code, stdout, logs } = await run("bug");
    assert.equal(code, 3, stdout);
    assert.doesNotMatch(stdout, /ALIVE/);
    const line = logs.find((l) => l.msg === "uncaught exception");
    assert.equal(line?.verdict, "shut-down");
    assert.equal(line.requestId, "req-42");
  });
});
