// Issue 22, items 4 and 12 (Host header): the public catalog export cannot starve the server. It is
// rendered once per catalog revision and shared by concurrent requests (on every instance over one
// database), served gzipped when asked, a client beyond its share of expensive requests gets 429
// with Retry-After, and without PUBLIC_URL a response whose IRIs come from Host is not shared.
import assert from "node:assert/strict";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { createLogger, loadConfig } from "../../src/core/index.ts";
import { createApp, startServer, type RunningServer } from "../../src/http/index.ts";
import { createServices, type Services } from "../../src/platform/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

// Read by the app when it is made: two requests of a kind per client, so a burst is refused.
process.env.CLIENT_CONCURRENCY_LIMIT = "2";

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A GET through node:http: raw bytes (no automatic gunzip) and any Host header. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const renders = (logs: readonly Record<string, unknown>[]) =>
  logs.filter((line) => line.msg === "catalog export rendered").length;

describe("the catalog export under load (issue 22, item 4)", () => {
  let platform: TestPlatform;
  let services: Services;
  let second: RunningServer;
  let secondDir: string;
  const secondLogs: Record<string, unknown>[] = [];

  const publish = (code: string, names: string[]) =>
    services.publishing.publish({
      organizationCode: code,
      slug: "badplatser",
      body: [Buffer.from(badplatserCsv(names.map((name, i) => ({ id: `B${i}`, name }))))],
      mode: "all",
      origin: "upload",
      audit: { actor: "system:test" },
    });

  before(async () => {
    platform = await startTestPlatform({ env: { PUBLIC_URL: "https://data.example.se" } });
    services = createServices(platform.db, { dataDir: platform.dataDir });
    // A second app instance over the same database, with a data directory of its own.
    secondDir = await mkdtemp(join(tmpdir(), "dv-second-"));
    const logger = createLogger("debug", (line) =>
      secondLogs.push(JSON.parse(line) as Record<string, unknown>),
    );
    const app = createApp({
      db: platform.db,
      logger,
      config: loadConfig({ DATA_DIR: secondDir, PUBLIC_URL: "https://data.example.se" }),
    });
    second = await startServer(app.fetch, { port: 0, host: "127.0.0.1", logger });
    await publish("0580", ["Stångebrobadet"]);
  });
  after(async () => {
    await second.close();
    await rm(secondDir, { recursive: true, force: true });
    await platform.close();
  });

  test("concurrent requests share one render per revision, on every instance over one database", async () => {
    const before = renders(platform.logs);
    // Within the limit of 2 per client: every one is answered, and all from one render.
    const answers = await Promise.all([1, 2].map(() => get(platform.url, "/catalog.rdf")));
    for (const answer of answers) assert.equal(answer.status, 200);
    assert.equal(answers[0]?.body.toString(), answers[1]?.body.toString());
    const again = await get(platform.url, "/catalog.rdf");
    assert.equal(again.body.toString(), answers[0]?.body.toString());
    assert.equal(renders(platform.logs) - before, 1, "two concurrent requests and a later one: one render");

    // The other instance renders the same revision once, with the same bytes and ETag.
    const elsewhere = await get(second.url, "/catalog.rdf");
    assert.equal(elsewhere.headers.etag, again.headers.etag);
    assert.equal(elsewhere.body.toString(), again.body.toString());

    // A publish (through neither instance's HTTP side) moves the revision both read from the database.
    await publish("0580", ["Stångebrobadet", "Tinnis"]);
    for (const base of [platform.url, second.url]) {
      const fresh = await get(base, "/catalog.rdf");
      assert.notEqual(fresh.headers.etag, again.headers.etag, base);
      assert.notEqual(fresh.body.toString(), again.body.toString(), base);
    }
    assert.equal(renders(platform.logs) - before, 2);
    assert.equal(renders(secondLogs), 2);
  });

  test("gzip when asked, compressed once; ETag and 304 as before", async () => {
    const plain = await get(platform.url, "/catalog.ttl");
    const zipped = await get(platform.url, "/catalog.ttl", { "Accept-Encoding": "gzip, br" });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.match(String(zipped.headers.vary), /Accept-Encoding/);
    assert.equal(Number(zipped.headers["content-length"]), zipped.body.length);
    assert.ok(zipped.body.length < plain.body.length / 2, `${zipped.body.length} of ${plain.body.length}`);
    assert.equal(gunzipSync(zipped.body).toString(), plain.body.toString());
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(zipped.headers.etag, plain.headers.etag);
    const refused = await get(platform.url, "/catalog.ttl", { "Accept-Encoding": "gzip;q=0" });
    assert.equal(refused.headers["content-encoding"], undefined);
    const unchanged = await get(platform.url, "/catalog.ttl", {
      "If-None-Match": String(plain.headers.etag),
      "Accept-Encoding": "gzip",
    });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.body.length, 0);
  });

  test("a client beyond its share of exports gets 429 with Retry-After, others still get answers", async () => {
    // A new revision, so the burst finds no render ready and its requests stay in flight.
    await publish("0580", ["Stångebrobadet", "Tinnis", "Hjulsbro"]);
    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        get(platform.url, i % 2 === 0 ? "/catalog.rdf" : "/organizations/0580/catalog.rdf", {
          "Accept-Language": "en",
        }),
      ),
    );
    const refused = burst.filter((r) => r.status === 429);
    assert.ok(refused.length > 0, "some of 24 concurrent exports are refused");
    assert.ok(
      burst.every((r) => r.status === 200 || r.status === 429),
      burst.map((r) => r.status).join(),
    );
    for (const answer of refused) {
      assert.match(String(answer.headers["retry-after"]), /^\d+$/);
      const body = JSON.parse(answer.body.toString()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "RATE_LIMITED");
      assert.match(body.error.message, /concurrent/);
    }
    // The slots are given back when responses end: one after another, all answered.
    for (let i = 0; i < 6; i++) assert.equal((await get(platform.url, "/catalog.rdf")).status, 200);
    const health = await get(platform.url, "/healthz");
    assert.equal(health.status, 200);
  });
});

describe("the Host header without PUBLIC_URL (issue 22, item 12)", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform.close());

  test("IRIs from the request's Host are served private, never for a shared cache", async () => {
    const port = new URL(platform.url).port;
    for (const path of ["/catalog.rdf", "/catalog.ttl", "/organizations/0580/catalog.jsonld"]) {
      const answer = await get(platform.url, path, { Host: `evil.example:${port}` });
      assert.equal(answer.status, 200, path);
      assert.match(answer.body.toString(), /http:\/\/evil\.example/, "the IRIs do come from Host");
      assert.match(String(answer.headers["cache-control"]), /^private\b/, path);
      assert.doesNotMatch(String(answer.headers["cache-control"]), /public/, path);
    }
    const etag = (await get(platform.url, "/catalog.rdf")).headers.etag;
    const notModified = await get(platform.url, "/catalog.rdf", { "If-None-Match": String(etag) });
    assert.equal(notModified.status, 304);
    assert.match(String(notModified.headers["cache-control"]), /^private\b/);
  });
});
