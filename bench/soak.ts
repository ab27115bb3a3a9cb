// The soak (issue 22; not in CI): the platform started as `dataverkstad serve` on loopback, then
// SOAK_SECONDS (default 600) of mixed traffic: reads (catalog exports, search, the data API, pages),
// publishes, validations and harvests from a catalog served by this script. It ends by printing the
// count of 5xx answers (must be 0), the server's open file descriptors from /proc/<pid>/fd before
// and after, and its RSS over time (must be flat); it exits 1 when any of these fails.
//
//   npm run bench:soak
//   SOAK_SECONDS=120 SOAK_CONCURRENCY=8 npm run bench:soak
//   SOAK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/soak npm run bench:soak   (an existing, empty database)
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { badplatserCsv } from "../test/support/publishing.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS ?? 10);
/** RSS's floor may move this much between the first and the last fifth of the run and still be flat. */
const FLAT_RSS_MB = Number(process.env.SOAK_FLAT_RSS_MB ?? 100);
/** Descriptors the server may hold more at the end than at the start (idle keep-alive sockets). */
const FD_SLACK = Number(process.env.SOAK_FD_SLACK ?? 10);
const ADMIN = { email: "soak@dataverkstad.example", password: "soak-soak-soak-1234" };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const fds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ——— The organizations' own catalog, changing now and then so harvests do real work ———

let catalogVersion = 0;
function harvestedCatalog(): string {
  const datasets = Array.from({ length: 20 }, (_, i) => {
    const iri = `https://soak.example/dataset${i}`;
    return `<https://soak.example/catalog> dcat:dataset <${iri}> .
<${iri}> a dcat:Dataset ; dcterms:title "Datamängd ${i} (version ${catalogVersion})"@sv ;
  dcterms:description "Testdata för uthållighetsprovet."@sv ; dcterms:publisher <https://soak.example/publisher> ;
  dcat:contactPoint <https://soak.example/contact> ; dcat:distribution <https://soak.example/distribution${i}> .
<https://soak.example/distribution${i}> a dcat:Distribution ; dcat:accessURL <https://soak.example/data/${i}.csv> .
`;
  });
  return `@prefix dcterms: <http://purl.org/dc/terms/> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<https://soak.example/catalog> a dcat:Catalog ; dcterms:title "Soak"@sv ; dcterms:description "Soak"@sv ;
  dcterms:publisher <https://soak.example/publisher> .
<https://soak.example/publisher> a foaf:Agent ; foaf:name "Soak" .
<https://soak.example/contact> a vcard:Organization ; vcard:fn "Soak" ; vcard:hasEmail <mailto:soak@example.com> .
${datasets.join("")}`;
}

// ——— The traffic ———

interface Tally {
  requests: number;
  statuses: Record<string, number>;
  fiveHundreds: string[];
  failures: string[];
}
const tally: Tally = { requests: 0, statuses: {}, fiveHundreds: [], failures: [] };

async function main(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const origin: Server = createHttpServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/turtle" }).end(harvestedCatalog());
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  const originBase = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "dv-soak-"));
  const server = spawn(process.execPath, ["bin/dataverkstad.mjs", "serve", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.SOAK_DATABASE_URL ?? "",
      LOG_LEVEL: "error",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ALLOWED_PRIVATE_HOSTS: new URL(originBase).host,
      // Every client is this one address: let each of its connections reach the real work.
      CLIENT_CONCURRENCY_LIMIT: process.env.CLIENT_CONCURRENCY_LIMIT ?? String(CONCURRENCY),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Set by the exit handler (an object, so that reads after awaits are not taken for constants).
  const state = { exited: false };
  server.on("exit", (code, signal) => {
    state.exited = true;
    if (!stopping) tally.failures.push(`the server exited (${code ?? signal})`);
  });
  let stopping = false;
  const cleanup = () => {
    if (!state.exited) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("exit", cleanup);
  const pid = server.pid ?? 0;

  const started = Date.now();
  for (;;) {
    if (state.exited || Date.now() - started > 180_000) throw new Error("the server did not become ready");
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await sleep(250);
  }

  const signIn = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const writeHeaders = { Cookie: cookie, Origin: base };

  const call = async (what: string, path: string, init: RequestInit = {}) => {
    tally.requests++;
    try {
      const response = await fetch(`${base}${path}`, init);
      await response.arrayBuffer();
      tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) tally.fiveHundreds.push(`${what} ${path}: ${response.status}`);
      return response.status;
    } catch (error) {
      tally.failures.push(`${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  };

  // One harvest source, registered (and harvested) once; later runs on demand.
  const registered = await fetch(`${base}/api/v1/organizations/0580/harvest-sources`, {
    method: "POST",
    headers: { ...writeHeaders, "Content-Type": "application/json" },
    body: JSON.stringify({ url: `${originBase}/catalog.ttl` }),
  });
  const sourceId = ((await registered.json()) as { source?: { id: string } }).source?.id;
  if (sourceId === undefined) throw new Error(`registering the harvest source answered ${registered.status}`);

  let published = 0;
  const csv = (n: number, code: string) =>
    badplatserCsv(
      Array.from({ length: 50 + (n % 50) }, (_, i) => ({
        id: `S${i}`,
        name: `Badplats ${i} (${n})`,
        source: code,
        ...(code === "0180" ? { lat: "59,3293", lon: "18,0686" } : {}),
      })),
    );
  const actions: readonly (readonly [number, () => Promise<unknown>])[] = [
    [6, () => call("read", "/catalog.rdf", { headers: { "Accept-Encoding": "gzip" } })],
    [3, () => call("read", "/catalog.ttl")],
    [3, () => call("read", "/organizations/0580/catalog.jsonld")],
    [4, () => call("read", "/api/v1/catalog/datasets?q=bad")],
    [4, () => call("read", "/api/v1/data/badplatser?limit=50")],
    [2, () => call("read", "/catalog?q=datam%C3%A4ngd")],
    [2, () => call("read", "/api/v1/organizations/0580/catalog/preflight")],
    [3, () => call("read", "/healthz")],
    [
      2,
      () => {
        const code = published % 2 === 0 ? "0580" : "0180";
        return call("publish", `/api/v1/organizations/${code}/publications/badplatser`, {
          method: "POST",
          headers: { ...writeHeaders, "Content-Type": "text/csv" },
          body: csv(published++, code),
        });
      },
    ],
    [
      3,
      () =>
        call("validate", "/api/v1/validate?spec=badplatser", {
          method: "POST",
          headers: { "Content-Type": "text/csv" },
          // Every other one has an error (a bad date), so both reports are exercised.
          body:
            published % 2 === 0
              ? csv(published, "0580")
              : csv(published, "0580").replace("2026-06-01", "juni"),
        }),
    ],
    [
      1,
      () => {
        catalogVersion++;
        return call("harvest", `/api/v1/organizations/0580/harvest-sources/${sourceId}/run`, {
          method: "POST",
          headers: writeHeaders,
        });
      },
    ],
  ];
  const weights = actions.reduce((sum, [w]) => sum + w, 0);
  const pick = () => {
    let r = Math.random() * weights;
    for (const [w, action] of actions) if ((r -= w) < 0) return action;
    return actions[0]?.[1] ?? (() => Promise.resolve());
  };

  // Warm-up: every kind once, then the baseline of descriptors and memory.
  for (const [, action] of actions) await action();
  await sleep(2000);
  const fdBefore = fds(pid);
  const rss: { second: number; mb: number }[] = [{ second: 0, mb: rssMb(pid) }];
  console.log(
    `soak: ${SECONDS} s, ${CONCURRENCY} clients; server pid ${pid}, ${fdBefore} fds, RSS ${rss[0]?.mb.toFixed(0)} MB`,
  );

  const soakStart = Date.now();
  const until = soakStart + SECONDS * 1000;
  const sampler = setInterval(() => {
    if (state.exited) return;
    const second = Math.round((Date.now() - soakStart) / 1000);
    rss.push({ second, mb: rssMb(pid) });
    console.log(
      `soak: ${second} s: RSS ${rssMb(pid).toFixed(0)} MB, ${fds(pid)} fds, ${tally.requests} requests, ${tally.fiveHundreds.length} 5xx`,
    );
  }, SAMPLE_SECONDS * 1000);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until && !state.exited) await pick()();
    }),
  );
  clearInterval(sampler);
  // Idle connections close after the server's keep-alive timeout: then count.
  await sleep(6000);
  const alive = () => !state.exited;
  const fdAfter = alive() ? fds(pid) : NaN;
  const rssEnd = alive() ? rssMb(pid) : NaN;
  rss.push({ second: Math.round((Date.now() - soakStart) / 1000), mb: rssEnd });

  // RSS saws up and down with garbage collection: a leak shows in the floor, the lowest of each
  // fifth of the run, so the first fifth's floor is compared with the last's.
  const fifth = Math.max(1, Math.floor(rss.length / 5));
  const floor = (xs: { mb: number }[]) => Math.min(...xs.map((x) => x.mb));
  const early = floor(rss.slice(0, fifth));
  const late = floor(rss.slice(-fifth));
  const summary = {
    seconds: SECONDS,
    requests: tally.requests,
    perSecond: Number((tally.requests / SECONDS).toFixed(1)),
    statuses: tally.statuses,
    fiveHundreds: tally.fiveHundreds.length,
    failures: tally.failures.length,
    fdBefore,
    fdAfter,
    rssFloorFirstFifthMb: Math.round(early),
    rssFloorLastFifthMb: Math.round(late),
    rssMaxMb: Math.round(Math.max(...rss.map((r) => r.mb))),
    rssSeries: rss.map((r) => `${r.second}s:${Math.round(r.mb)}`).join(" "),
  };
  console.log(`soak: ${JSON.stringify(summary, null, 1)}`);

  const problems: string[] = [];
  if (tally.fiveHundreds.length > 0) problems.push(`5xx: ${tally.fiveHundreds.slice(0, 5).join("; ")}`);
  if (tally.failures.length > 0) problems.push(`failures: ${tally.failures.slice(0, 5).join("; ")}`);
  if (!(fdAfter <= fdBefore + FD_SLACK)) problems.push(`descriptors ${fdBefore} → ${fdAfter}`);
  if (!(late - early < FLAT_RSS_MB))
    problems.push(`RSS grew ${Math.round(late - early)} MB (flat: < ${FLAT_RSS_MB})`);

  stopping = true;
  server.kill("SIGTERM");
  await Promise.race([new Promise((resolve) => server.once("exit", resolve)), sleep(20_000)]);
  origin.close();
  if (problems.length > 0) {
    console.error(`soak: FAIL ${problems.join(" | ")}`);
    process.exitCode = 1;
  } else console.log("soak: OK");
}

main().catch((error: unknown) => {
  console.error("soak: FAIL", error);
  process.exitCode = 1;
});
