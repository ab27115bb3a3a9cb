// Issue 22, item 10: on PGlite, which runs on the thread that serves HTTP, a 150k-row publish froze
// /healthz for 32 s. The event loop's delay is measured while a publisher uploads 150,000 rows
// and a client probes /healthz; both must stay bounded.
import assert from "node:assert/strict";
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { after, before, test } from "node:test";
import { createServices, type Services } from "../../src/platform/index.ts";
import { startTestPlatform, TEST_DATABASE_URL, type TestPlatform } from "../support/platform.ts";

const ROWS = Number(process.env.STALL_ROWS ?? 150_000);
// The aims are p99 < 100 ms and max < 500 ms. Measured on an idle 2-core machine inside npm test:
// p99 136 ms, max 2.8 s (before: p99 2.1 s, /healthz frozen for 32 s). The bounds asserted here
// are what the code holds today, so a regression fails; the rest of the stall (validation's
// point-in-area on this thread, and the swap's final commit) is open work in issue 22.
const P99_MS = Number(process.env.STALL_P99_MS ?? 300);
const MAX_MS = Number(process.env.STALL_MAX_MS ?? 6000);
// With more than two runnable processes per core, a delay measures the machine, not this code.
const busy = (loadavg()[0] ?? 0) / availableParallelism();
const tooBusy = busy > 2 && process.env.STALL_P99_MS === undefined;
const HEADER =
  "source;id;name;description;latitude;longitude;water_type;shore;eu_bath;toilet;accessible;updated";

function bigFile(): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const lat = (58.3 + (i % 300) * 0.0005).toFixed(5).replace(".", ",");
    const lon = (15.5 + Math.floor(i / 300) * 0.0005).toFixed(5).replace(".", ",");
    lines.push(`0580;B-${i};Badplats ${i};Sandstrand med brygga;${lat};${lon};sjo;sand;nej;ja;ja;2026-06-01`);
  }
  return Buffer.from(lines.join("\r\n") + "\r\n");
}

let platform: TestPlatform;
let services: Services;
before(async () => {
  platform = await startTestPlatform();
  // The publish runs in the server's own process and thread, as an upload's would; called
  // directly, so that the upload's request timeout (another case of the issue) plays no part.
  services = createServices(platform.db, { dataDir: platform.dataDir });
});
after(() => platform.close());

test(
  `/healthz stays responsive while ${ROWS} rows are published on PGlite`,
  {
    skip:
      TEST_DATABASE_URL !== undefined
        ? "PostgreSQL runs the work in its own processes"
        : tooBusy &&
          `the machine is too busy to measure (load ${busy.toFixed(1)} per core; set STALL_P99_MS to run)`,
  },
  async (t) => {
    const body = bigFile();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const probes: number[] = [];
    const publishing = { running: true };
    const probe = (async () => {
      while (publishing.running) {
        const started = performance.now();
        const response = await fetch(`${platform.url}/healthz`);
        await response.arrayBuffer();
        probes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    delay.enable();
    const release = await services.publishing.publish({
      organizationCode: "0580",
      slug: "badplatser",
      body: [body],
      mode: "all",
      origin: "upload",
      audit: { actor: "system:test" },
    });
    delay.disable();
    const seconds = (performance.now() - started) / 1000;
    publishing.running = false;
    await probe;
    assert.equal(release.status, "published");
    assert.equal(release.rows.published, ROWS);
    const ms = (ns: number) => Math.round(ns / 1e6);
    const slowest = Math.round(Math.max(...probes));
    const figures = `publish ${seconds.toFixed(1)} s; loop delay p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms; /healthz ${probes.length} probes, slowest ${slowest} ms`;
    t.diagnostic(figures);
    assert.ok(ms(delay.percentile(99)) < P99_MS, figures);
    assert.ok(ms(delay.max) < MAX_MS, figures);
    assert.ok(slowest < 2 * MAX_MS, figures);
  },
);
