// Issue 22, item 9: a trickling URL source held the publisher's PUT open for 600 s, the scheduler
// fetched the same source again meanwhile, and one slow source stalled an instance's scheduled
// fetches. A real origin on loopback trickles a CSV until the test lets it finish.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createServices, type Services } from "../../src/platform/index.ts";
import { publisherToken } from "../support/accounts.ts";
import { waitForFetchJob, type FetchJobBody } from "../support/fetch-jobs.ts";
import { startOrigin, stopOrigin, type TestOrigin } from "../support/origin.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

/** A source that sends its header at once and then a row every 100 ms until `finish` is called. */
interface Trickle {
  requests: number;
  finish(): void;
}

describe("slow URL sources", () => {
  let platform: TestPlatform;
  let origin: TestOrigin;
  let token: string;
  let otherInstance: Services;
  const trickles = new Map<string, Trickle>();
  const trickle = (path: string): Trickle => {
    const found = trickles.get(path);
    if (found !== undefined) return found;
    const made: Trickle = { requests: 0, finish: () => undefined };
    trickles.set(path, made);
    return made;
  };
  const serveTrickle = (path: string, organization: string, res: ServerResponse) => {
    const state = trickle(path);
    state.requests++;
    const [header, ...rows] = badplatserCsv(
      Array.from({ length: 40 }, (_, i) => ({
        id: `S${i}`,
        name: `Långsamt bad ${i}`,
        source: organization,
      })),
    ).split("\r\n");
    res.writeHead(200, { "Content-Type": "text/csv" });
    res.write(`${header ?? ""}\r\n`);
    let next = 0;
    const timer = setInterval(() => {
      if (next < rows.length - 2) res.write(`${rows[next++] ?? ""}\r\n`);
    }, 100);
    state.finish = () => {
      clearInterval(timer);
      res.end(rows.slice(next).join("\r\n"));
    };
  };

  before(async () => {
    origin = await startOrigin((req, res) => {
      const path = req.url ?? "";
      if (path.startsWith("/slow/")) serveTrickle(path, path.split("/")[2] ?? "", res);
      else if (path.startsWith("/fast/")) {
        trickle(path).requests++;
        const organization = path.split("/")[2] ?? "";
        res.writeHead(200, { "Content-Type": "text/csv" });
        res.end(badplatserCsv([{ id: "F1", name: "Snabbt bad", source: organization }]));
      } else res.writeHead(404).end();
    });
    platform = await startTestPlatform({ env: { ALLOWED_PRIVATE_HOSTS: new URL(origin.base).host } });
    token = await publisherToken(platform.db, "0580");
    // A second app instance on the same database, as behind a load balancer.
    otherInstance = createServices(platform.db, {
      dataDir: platform.dataDir,
      allowedPrivateHosts: [new URL(origin.base).host],
    });
  });
  after(async () => {
    for (const state of trickles.values()) state.finish();
    await otherInstance.publishing.drainFetches();
    stopOrigin(origin);
    await platform.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // Held open while the source trickles, the request fails here rather than hang the suite.
      signal: AbortSignal.timeout(5000),
    });
  let first: FetchJobBody;

  test("setting a trickling source answers within a second with 202 and a job to poll", async () => {
    const started = performance.now();
    const response = await call("PUT", "/source", { url: `${origin.base}/slow/0580/a.csv` });
    const elapsed = performance.now() - started;
    assert.equal(response.status, 202, await response.clone().text());
    assert.ok(elapsed < 1000, `answered after ${Math.round(elapsed)} ms`);
    first = (await response.json()) as FetchJobBody;
    assert.equal(first.state, "running");
    assert.equal(response.headers.get("location"), first.links.self);
    const polled = await fetch(first.links.self, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(polled.status, 200);
    assert.equal(((await polled.json()) as FetchJobBody).state, "running");
  });

  test("fetch now while the fetch runs answers with the running job and starts no second fetch", async () => {
    const started = performance.now();
    const response = await call("POST", "/source/fetch");
    assert.ok(performance.now() - started < 1000);
    assert.equal(response.status, 202);
    const again = (await response.json()) as FetchJobBody;
    assert.equal(again.id, first.id);
    assert.equal(again.state, "running");
    assert.equal(trickle("/slow/0580/a.csv").requests, 1);
  });

  test("the scheduler, on another instance, skips a source whose fetch is running", async () => {
    await platform.db.query(
      "UPDATE publications SET next_fetch_at = now() - interval '1 minute' WHERE organization_code = '0580'",
    );
    const claimed = await otherInstance.publishing.startDueFetches(5);
    assert.deepEqual(
      claimed.map(({ job }) => job.organizationCode),
      [],
    );
    assert.equal(trickle("/slow/0580/a.csv").requests, 1);
    trickle("/slow/0580/a.csv").finish();
    const done = await waitForFetchJob(first.links.self, token);
    assert.equal(done.state, "done", done.error ?? "");
    assert.equal(done.outcome, "released");
    assert.equal(done.release?.status, "published");
    assert.equal(trickle("/slow/0580/a.csv").requests, 1);
  });

  test("a slow source does not delay a fast one in the same scheduled run", async () => {
    await platform.db.query("UPDATE publications SET next_fetch_at = now() + interval '1 day'");
    await platform.db.query(
      `INSERT INTO publications (organization_code, spec_slug, source_kind, source_url, next_fetch_at) VALUES
         ('0581', 'badplatser', 'url', $1, now() - interval '2 minutes'),
         ('0582', 'badplatser', 'url', $2, now() - interval '1 minute')`,
      [`${origin.base}/slow/0581/b.csv`, `${origin.base}/fast/0582/c.csv`],
    );
    const started = await otherInstance.publishing.startDueFetches(5);
    assert.deepEqual(started.map(({ job }) => job.organizationCode).sort(), ["0581", "0582"]);
    const fast = started.find(({ job }) => job.organizationCode === "0582")?.done;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
    const outcome = await Promise.race([fast, timeout]);
    assert.notEqual(outcome, "timeout", "the fast source waited for the slow one");
    assert.equal(typeof outcome === "object" ? outcome.kind : outcome, "released");
    const slow = started.find(({ job }) => job.organizationCode === "0581");
    const [row] = await platform.db.query<{ state: string }>(
      "SELECT state FROM source_fetches WHERE id = $1",
      [slow?.job.id],
    );
    assert.equal(row?.state, "running", "the slow source is still trickling");
    trickle("/slow/0581/b.csv").finish();
    assert.equal((await slow?.done)?.kind, "released");
  });
});
