import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { getJson } from "../support/http.ts";
import {
  createSeededDatabase,
  startTestPlatform,
  TEST_DATABASE_URL,
  type TestPlatform,
} from "../support/platform.ts";
import { TcpProxy } from "../support/tcp-proxy.ts";
import { openPostgres } from "../../src/db/index.ts";
import { createLogger } from "../../src/core/index.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`not true within ${timeoutMs} ms`);
}

describe(
  "when the PostgreSQL server goes away",
  { skip: TEST_DATABASE_URL === undefined ? "needs TEST_DATABASE_URL (npm run test:pg)" : false },
  () => {
    let platform: TestPlatform;
    let proxy: TcpProxy;

    before(async () => {
      const seeded = await createSeededDatabase();
      const target = new URL(seeded.url ?? "");
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      const viaProxy = new URL(target);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const db = openPostgres({
        connectionString: viaProxy.toString(),
        logger: createLogger("silent"),
        connectTimeoutMs: 1000,
      });
      const drop = async () => {
        await db.close();
        await seeded.drop();
      };
      platform = await startTestPlatform({ database: { db, url: viaProxy.toString(), drop } });
    });
    after(async () => {
      await platform.close();
      await proxy.cut();
    });

    test("/readyz answers 503, data requests get 503 without internals, and the process keeps serving", async () => {
      assert.equal((await getJson(platform.url, "/readyz")).status, 200);
      await proxy.cut();

      const ready = await getJson<ErrorBody>(platform.url, "/readyz");
      assert.equal(ready.status, 503);
      assert.equal(ready.body.error.code, "SERVICE_UNAVAILABLE");
      assert.equal(ready.headers.get("retry-after"), "5");

      const data = await getJson<ErrorBody>(platform.url, "/api/v1/organizations/0580");
      assert.equal(data.status, 503);
      assert.equal(data.body.error.code, "SERVICE_UNAVAILABLE");
      const text = JSON.stringify(data.body);
      for (const leak of ["ECONNREFUSED", "127.0.0.1", "pg", "stack", String(proxy.port)]) {
        assert.ok(!text.includes(leak), `the response does not mention ${leak}: ${text}`);
      }
      assert.ok(platform.logs.some((line) => line.msg === "database unavailable"));
      assert.equal((await getJson(platform.url, "/healthz")).status, 200, "the process itself is up");
    });

    test("the service recovers by itself when the database is back", async () => {
      await proxy.start();
      await eventually(async () => (await getJson(platform.url, "/readyz")).status === 200);
      const org = await getJson<{ name: string }>(platform.url, "/api/v1/organizations/0580");
      assert.equal(org.status, 200);
      assert.equal(org.body.name, "Linköpings kommun");
    });
  },
);
