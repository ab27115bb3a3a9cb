// Issue 22, case 7: a client that aborts its upload is a client abort in the log, not a database
// outage, and not a server error.
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { publisherToken } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`not true within ${timeoutMs} ms`);
}

describe("a client that aborts its upload", () => {
  let platform: TestPlatform;
  let token: string;

  before(async () => {
    platform = await startTestPlatform();
    token = await publisherToken(platform.db, "0580");
  });
  after(() => platform.close());

  for (const path of [
    "/api/v1/organizations/0580/publications/badplatser",
    "/api/v1/validate?spec=badplatser",
  ]) {
    test(`is logged as a client abort, not as the database or a server error (${path.split("?")[0]})`, async () => {
      const first = platform.logs.length;
      const url = new URL(path, platform.url);
      const part = Buffer.from(
        badplatserCsv(Array.from({ length: 2000 }, (_, i) => ({ id: `b${i}`, name: `Bad ${i}` }))),
      );
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/octet-stream",
          "Content-Length": String(part.length * 10),
        },
      });
      req.on("error", () => undefined);
      req.write(part);
      await new Promise((resolve) => setTimeout(resolve, 300));
      req.destroy();

      const lines = () => platform.logs.slice(first);
      await eventually(() => lines().some((line) => line.msg === "client aborted"));
      await eventually(() => lines().some((line) => line.status !== undefined));
      for (const wrong of ["database unavailable", "malformed request refused"]) {
        assert.ok(!lines().some((line) => line.msg === wrong), JSON.stringify(lines()));
      }
      assert.ok(!lines().some((line) => line.level === "error"), JSON.stringify(lines()));
      const done = lines().find((line) => line.status !== undefined);
      assert.ok(typeof done?.status === "number" && done.status < 500, JSON.stringify(done));
      assert.equal((await fetch(`${platform.url}/healthz`)).status, 200);
    });
  }
});
