#!/usr/bin/env node
// CI load test (issue 22): the platform with its demo content (`serve --demo` on a fresh PGlite
// data directory, loopback only), then 50 connections on /catalog.rdf for 30 s beside a probe of
// /healthz. Asserts zero errors, /healthz p99 < 100 ms and RSS growth < 200 MB; exits 1 otherwise.
// The load runs in a worker thread so the probe's timings are not the load loop's own delays.
//
//   node test/load/catalog-load.mjs
//   LOAD_CONNECTIONS=50 LOAD_SECONDS=30 LOAD_CLIENT_LIMIT=64 node test/load/catalog-load.mjs
//
// LOAD_CLIENT_LIMIT is the server's CLIENT_CONCURRENCY_LIMIT: above the connection count, so every
// request reaches the export (the cache, not the 429s, must carry the load). Bounded: the server
// is killed and the run fails after LOAD_DEADLINE_SECONDS (default 420) whatever happens.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const num = (name, fallback) => Number(process.env[name] ?? fallback);
const CONNECTIONS = num("LOAD_CONNECTIONS", 50);
const SECONDS = num("LOAD_SECONDS", 30);
const CLIENT_LIMIT = num("LOAD_CLIENT_LIMIT", 64);
const DEADLINE_SECONDS = num("LOAD_DEADLINE_SECONDS", 420);
const DEMO_SECONDS = num("LOAD_DEMO_SECONDS", 300);
const PATH = process.env.LOAD_PATH ?? "/catalog.rdf";
const LIMITS = { healthP99Ms: 100, rssGrowthMb: 200 };

/** One GET, body read to the end: status, bytes, and whether the length matched Content-Length. */
function get(agent, base, path, headers = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(new URL(path, base), { agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => {
        const declared = res.headers["content-length"];
        resolve({
          status: res.statusCode,
          bytes,
          complete: declared === undefined || Number(declared) === bytes,
          ms: performance.now() - started,
        });
      });
      res.on("error", (error) => resolve({ status: 0, bytes, complete: false, error: error.message }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout after 60 s")));
    req.on("error", (error) => resolve({ status: 0, bytes: 0, complete: false, error: error.message }));
    req.end();
  });
}

if (!isMainThread) {
  // The load: CONNECTIONS loops, each GET after GET until the time is up; half ask for gzip.
  const { base, connections, seconds, path } = workerData;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const until = Date.now() + seconds * 1000;
  const tally = { requests: 0, bytes: 0, statuses: {}, errors: [], latencies: [] };
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const headers = i % 2 === 0 ? { "Accept-Encoding": "gzip" } : {};
      while (Date.now() < until) {
        const r = await get(agent, base, path, headers);
        tally.requests++;
        tally.bytes += r.bytes;
        tally.latencies.push(r.ms ?? 0);
        tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
        if (r.status !== 200 || !r.complete)
          tally.errors.push(r.error ?? `status ${r.status}${r.complete ? "" : ", body cut short"}`);
      }
    }),
  );
  agent.destroy();
  parentPort.postMessage(tally);
}

async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function main() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "dv-load-"));
  const server = spawn(
    process.execPath,
    ["bin/dataverkstad.mjs", "serve", "--demo", "--port", String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        LOG_LEVEL: "info",
        CLIENT_CONCURRENCY_LIMIT: String(CLIENT_LIMIT),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let demoDone = false;
  let pending = "";
  server.stdout.on("data", (chunk) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.includes('"msg":"demo content"')) demoDone = true;
  });
  let exited = false;
  server.on("exit", () => (exited = true));
  // Whatever ends this script, the server it started ends with it.
  process.on("exit", () => {
    if (!exited) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });
  const stop = () => {
    if (!exited) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = setTimeout(() => {
    console.error(`load: not done within ${DEADLINE_SECONDS} s`);
    stop();
    process.exit(1);
  }, DEADLINE_SECONDS * 1000);
  deadline.unref();
  const fail = (message) => {
    console.error(`load: FAIL ${message}`);
    stop();
    process.exit(1);
  };

  const started = Date.now();
  while (!demoDone) {
    if (exited) fail("the server exited before the demo content was in");
    if (Date.now() - started > DEMO_SECONDS * 1000) fail(`no demo content within ${DEMO_SECONDS} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const warm = await get(probeAgent, base, "/healthz");
  if (warm.status !== 200) fail(`/healthz answered ${warm.status} before the load`);
  const rssBefore = rssMb(server.pid);
  console.log(
    `load: demo content in after ${((Date.now() - started) / 1000).toFixed(1)} s; RSS ${rssBefore.toFixed(0)} MB; ` +
      `${CONNECTIONS} connections on ${PATH} for ${SECONDS} s`,
  );

  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { base, connections: CONNECTIONS, seconds: SECONDS, path: PATH },
  });
  const result = new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  let loading = true;
  void result.finally(() => (loading = false));
  const health = [];
  const healthErrors = [];
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    if (!exited) rssPeak = Math.max(rssPeak, rssMb(server.pid));
  }, 250);
  while (loading) {
    const r = await get(probeAgent, base, "/healthz");
    if (r.status === 200) health.push(r.ms);
    else healthErrors.push(r.error ?? `status ${r.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  clearInterval(sampler);
  const tally = await result;
  const rssAfter = exited ? NaN : rssMb(server.pid);
  probeAgent.destroy();

  const p = (q) => percentile(health, q).toFixed(1);
  const summary = {
    requests: tally.requests,
    perSecond: Number((tally.requests / SECONDS).toFixed(1)),
    megabytes: Number((tally.bytes / 1e6).toFixed(0)),
    statuses: tally.statuses,
    errors: tally.errors.length,
    exportP50Ms: Number(percentile(tally.latencies, 50).toFixed(0)),
    exportP99Ms: Number(percentile(tally.latencies, 99).toFixed(0)),
    healthProbes: health.length,
    healthErrors: healthErrors.length,
    healthP50Ms: Number(p(50)),
    healthP99Ms: Number(p(99)),
    healthMaxMs: Number(Math.max(...health).toFixed(1)),
    rssBeforeMb: Math.round(rssBefore),
    rssPeakMb: Math.round(rssPeak),
    rssAfterMb: Math.round(rssAfter),
    rssGrowthMb: Math.round(rssPeak - rssBefore),
  };
  console.log(`load: ${JSON.stringify(summary)}`);
  const problems = [];
  if (exited) problems.push("the server exited during the load");
  if (tally.requests === 0) problems.push("no request completed");
  if (tally.errors.length > 0)
    problems.push(`${tally.errors.length} errors, e.g. ${tally.errors.slice(0, 3).join("; ")}`);
  if (healthErrors.length > 0)
    problems.push(`/healthz failed ${healthErrors.length} times: ${healthErrors[0]}`);
  if (!(summary.healthP99Ms < LIMITS.healthP99Ms))
    problems.push(`/healthz p99 ${summary.healthP99Ms} ms (limit ${LIMITS.healthP99Ms})`);
  if (!(summary.rssGrowthMb < LIMITS.rssGrowthMb))
    problems.push(`RSS grew ${summary.rssGrowthMb} MB (limit ${LIMITS.rssGrowthMb})`);
  stop();
  if (problems.length > 0) fail(problems.join("; "));
  console.log("load: OK");
  process.exit(0);
}

if (isMainThread) {
  main().catch((error) => {
    console.error("load: FAIL", error);
    process.exitCode = 1;
  });
}
