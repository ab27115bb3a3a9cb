// Issue 22, case 7: a database that refuses new connections (ALTER DATABASE … ALLOW_CONNECTIONS
// false gives SQLSTATE 55000) is an outage: 503 with Retry-After, like any other, never a 500.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { getJson } from "../support/http.ts";
import {
  createSeededDatabase,
  startTestPlatform,
  TEST_DATABASE_URL,
  type TestPlatform,
} from "../support/platform.ts";

interface ErrorBody {
  error: { code: string; message: string };
}

describe(
  "a database that refuses new connections",
  { skip: TEST_DATABASE_URL === undefined ? "needs TEST_DATABASE_URL (npm run test:pg)" : false },
  () => {
    let platform: TestPlatform;
    let admin: pg.Client;
    let name: string;

    before(async () => {
      const seeded = await createSeededDatabase();
      name = new URL(seeded.url ?? "").pathname.slice(1);
      platform = await startTestPlatform({ database: seeded });
      admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
    });
    after(async () => {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await platform.close();
    });

    test("answers 503 SERVICE_UNAVAILABLE with Retry-After, then recovers when connections are allowed again", async () => {
      assert.equal((await getJson(platform.url, "/api/v1/organizations/0580")).status, 200);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      // Connections already open keep working; end them, so every request needs a new one.
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      for (const path of ["/api/v1/organizations/0580", "/readyz"]) {
        const answer = await getJson<ErrorBody>(platform.url, path);
        assert.equal(answer.status, 503, `${path}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.error.code, "SERVICE_UNAVAILABLE");
        assert.equal(answer.headers.get("retry-after"), "5");
      }
      assert.ok(!platform.logs.some((line) => line.msg === "unhandled error"), "nothing was logged as a bug");
      assert.equal((await getJson(platform.url, "/healthz")).status, 200);

      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      assert.equal((await getJson(platform.url, "/api/v1/organizations/0580")).status, 200);
    });
  },
);
