// Registry API under load: requests/s and p99 of registry endpoints beside the bare /healthz of the
// same server, which is the baseline (routing, middleware and HTTP only; no database).
// The server runs as a child process (`dataverkstad serve` on a fresh embedded database, or on
// DATABASE_URL when set); the load comes from this process over keep-alive connections.
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCliServer } from "../test/support/cli.ts";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Result {
  readonly path: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function load(base: string, path: string): Promise<Result> {
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_MS;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    path,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

const env = process.env.DATABASE_URL ? {} : { DATA_DIR: mkdtempSync(join(tmpdir(), "dv-bench-")) };
const { child, url } = await startCliServer(env);
try {
  const paths = [
    "/healthz",
    "/api/v1/organizations/0580",
    "/api/v1/organizations?lan=05&type=kommun",
    "/api/v1/organizations?q=malmo",
    "/api/v1/organizations",
  ];
  for (const path of paths) await load(url, path); // warm-up, same length
  const results: Result[] = [];
  for (const path of paths) results.push(await load(url, path));
  const baseline = results[0]!;
  console.log(`registry API, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per endpoint`);
  console.log(
    "endpoint".padEnd(44),
    "req/s".padStart(8),
    "p50 ms".padStart(8),
    "p99 ms".padStart(8),
    "vs /healthz".padStart(12),
  );
  for (const r of results) {
    console.log(
      r.path.padEnd(44),
      r.perSecond.toFixed(0).padStart(8),
      r.p50.toFixed(2).padStart(8),
      r.p99.toFixed(2).padStart(8),
      `${(r.perSecond / baseline.perSecond).toFixed(2)}x`.padStart(12),
    );
  }
} finally {
  child.kill("SIGTERM");
  await once(child, "exit");
}
