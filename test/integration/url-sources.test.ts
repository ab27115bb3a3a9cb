import assert from "node:assert/strict";
import type { Server } from "node:http";
import { after, before, describe, test } from "node:test";
import { createServices } from "../../src/platform/index.ts";
import { publisherToken } from "../support/accounts.ts";
import { finishedJob } from "../support/fetch-jobs.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { startOrigin } from "../support/origin.ts";
import { badplatserCsv } from "../support/publishing.ts";

describe("URL sources", () => {
  let platform: TestPlatform;
  let origin: { server: Server; base: string };
  let token: string;
  let content = badplatserCsv([{ id: "U1", name: "Hämtat bad" }]);
  let etag = '"v1"';
  let conditionalRequests = 0;
  let failWith: number | undefined;

  before(async () => {
    origin = await startOrigin((req, res) => {
      if (req.url === "/redirect") {
        res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
        return;
      }
      if (failWith !== undefined) {
        res.writeHead(failWith).end("fel");
        return;
      }
      if (req.headers["if-none-match"] === etag) {
        conditionalRequests++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "text/csv", ETag: etag }).end(content);
    });
    const allowed = new URL(origin.base).host;
    platform = await startTestPlatform({ env: { ALLOWED_PRIVATE_HOSTS: allowed } });
    token = await publisherToken(platform.db, "0580");
  });
  after(async () => {
    await platform.close();
    origin.server.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  test("addresses inside the network are refused with a clear error and not kept", async () => {
    for (const url of [
      "http://127.0.0.1:9/badplatser.csv",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:127.0.0.1]:9/x.csv",
      "http://2130706433/x.csv",
      "file:///etc/passwd",
      `${origin.base}/redirect`,
    ]) {
      const response = await call("PUT", "/source", { url });
      assert.equal(response.status, 400, url);
      const body = (await response.json()) as { error: { message: string } };
      assert.match(body.error.message, /adress|webbadress|https?:\/\//i, url);
    }
    const publication = await fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser`);
    assert.equal(publication.status, 404, "a refused source is not kept");
  });

  test("an allowed URL is fetched at once and published; an unchanged file is not fetched again", async () => {
    const first = await finishedJob(
      await call("PUT", "/source", { url: `${origin.base}/badplatser.csv` }),
      token,
    );
    assert.equal(first.outcome, "released");
    assert.equal(first.release?.status, "published");
    const again = await finishedJob(await call("POST", "/source/fetch"), token);
    assert.equal(again.outcome, "not-modified");
    assert.equal(conditionalRequests, 1);
  });

  test("a changed file is published; a broken one keeps the current release; a failing server is reported", async () => {
    content = badplatserCsv([
      { id: "U1", name: "Hämtat bad" },
      { id: "U2", name: "Nytt bad" },
    ]);
    etag = '"v2"';
    const changed = await finishedJob(await call("POST", "/source/fetch"), token);
    assert.equal(changed.release?.changes?.added, 1);
    content = badplatserCsv([{ id: "U3", name: "Trasigt", lat: "x" }]);
    etag = '"v3"';
    const broken = await finishedJob(await call("POST", "/source/fetch"), token);
    assert.equal(broken.release?.status, "rejected");
    const data = (await (await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`)).json()) as {
      total: number;
    };
    assert.equal(data.total, 2);
    failWith = 500;
    const failed = await finishedJob(await call("POST", "/source/fetch"), token);
    assert.equal(failed.state, "failed");
    assert.equal(failed.outcome, "failed");
    assert.match(failed.error ?? "", /500/);
    const publication = (await (await call("GET", "")).json()) as {
      source: { lastFetchError: { sv: string } | null };
    };
    assert.match(publication.source.lastFetchError?.sv ?? "", /500/);
    failWith = undefined;
  });

  test("the schedule fetches sources that are due, once, whichever instance claims them", async () => {
    await platform.db.query("UPDATE publications SET next_fetch_at = now() - interval '1 minute'");
    const services = createServices(platform.db, {
      dataDir: platform.dataDir,
      allowedPrivateHosts: [new URL(origin.base).host],
    });
    const [first, second] = await Promise.all([
      services.publishing.fetchDueSources(5),
      services.publishing.fetchDueSources(5),
    ]);
    assert.equal(first.length + second.length, 1);
    const [row] = await platform.db.query<{ due: boolean }>(
      "SELECT next_fetch_at > now() AS due FROM publications WHERE organization_code = '0580'",
    );
    assert.equal(row?.due, true);
  });

  test("DELETE source goes back to uploads and keeps the data", async () => {
    assert.equal((await call("DELETE", "/source")).status, 204);
    const publication = (await (await call("GET", "")).json()) as { source: { kind: string } };
    assert.equal(publication.source.kind, "upload");
    const data = (await (await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`)).json()) as {
      total: number;
    };
    assert.equal(data.total, 2);
  });
});
