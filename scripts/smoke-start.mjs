#!/usr/bin/env node
// Starts `npm start` on a fresh data directory and a free port, waits (at most 60 s) until
// /readyz answers, checks the registry through the API, then stops it with SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), "dv-smoke-"));
const started = Date.now();
const child = spawn("npm", ["start"], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const base = `http://127.0.0.1:${port}`;
let exited = false;
child.on("exit", (code) => {
  exited = true;
  if (!stopping) {
    console.error(`smoke: npm start exited early with ${code}`);
    process.exit(1);
  }
});
let stopping = false;

function fail(message) {
  console.error(`smoke: ${message}`);
  if (!exited) process.kill(-child.pid, "SIGKILL");
  process.exit(1);
}

let ready = false;
while (Date.now() - started < 60_000) {
  try {
    if ((await fetch(`${base}/readyz`)).ok) {
      ready = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 250));
}
if (!ready) fail("npm start did not serve /readyz within 60 s");
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const expectations = [
  ["/api/v1/organizations", 310],
  ["/api/v1/organizations?type=kommun", 290],
  ["/api/v1/organizations?type=region", 21],
  ["/api/v1/lan", 21],
];
for (const [path, total] of expectations) {
  const body = await (await fetch(base + path)).json();
  if (body.total !== total) fail(`${path}: expected total ${total}, got ${body.total}`);
}
const home = await fetch(`${base}/`);
if (!home.ok || !(await home.text()).includes('lang="sv"')) fail("the start page did not render");

// Demo content is published in the background after start; the first rows come within seconds.
let demoRows = 0;
while (Date.now() - started < 120_000 && demoRows === 0) {
  const page = await (await fetch(`${base}/api/v1/data/badplatser?limit=1`)).json();
  demoRows = page.total ?? 0;
  if (demoRows === 0) await new Promise((r) => setTimeout(r, 500));
}
if (demoRows === 0) fail("no demo rows in /api/v1/data/badplatser within 120 s");

stopping = true;
process.kill(-child.pid, "SIGTERM");
if (!exited) await new Promise((r) => child.on("exit", r));
console.log(
  `smoke: npm start served in ${seconds} s; registry totals correct; demo rows appeared; stopped cleanly`,
);
