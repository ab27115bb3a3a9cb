// Issue 22, case 2: the PostgreSQL connection is terminated while a large publish swaps its rows
// in. The server runs as its own process (`dataverkstad serve`), so a crash shows as an exit.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { startCliServer } from "../support/cli.ts";
import { publisherToken } from "../support/accounts.ts";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const ROWS = 150_000;

function csvOf(count: number, prefix: string): string {
  return badplatserCsv(Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, name: `Bad ${i}` })));
}

describe(
  "a database connection terminated in the middle of a publish",
  { skip: TEST_DATABASE_URL === undefined ? "needs TEST_DATABASE_URL (npm run test:pg)" : false },
  () => {
    let database: TestDatabase;
    let dataDir: string;
    let server: { child: ChildProcess; url: string };
    let output = "";
    let token: string;
    let admin: pg.Client;
    let dbName: string;

    const publish = (csv: string) =>
      // confirm=removals: each file replaces all the earlier rows, which the removal guard would hold.
      fetch(
        `${server.url}/api/v1/organizations/0580/publications/badplatser?filename=bad.csv&confirm=removals`,
        {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream" },
          body: csv,
        },
      );
    const rowsOf0580 = async () =>
      (
        await admin.query<{ id: string }>(
          `SELECT record_id AS id FROM dataset_rows WHERE spec_slug = 'badplatser' AND organization_code = '0580'`,
        )
      ).rows.map((r) => r.id);

    before(async () => {
      database = await createTestDatabase();
      dataDir = await mkdtemp(join(tmpdir(), "dv-hostile-"));
      const url = database.url ?? "";
      dbName = new URL(url).pathname.slice(1);
      server = await startCliServer({
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: "ett långt lösenord 123",
      });
      server.child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      server.child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      token = await publisherToken(database.db, "0580");
      // The test's own connection to the database, for reading rows (terminated with the rest).
      admin = new pg.Client({ connectionString: url });
      admin.on("error", () => undefined);
      await admin.connect();
    });
    after(async () => {
      if (server.child.exitCode === null) {
        const exited = new Promise((resolve) => server.child.once("exit", resolve));
        server.child.kill("SIGTERM");
        await exited;
      }
      await admin.end().catch(() => undefined);
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    test("the process stays up, the publish fails with 503, the old rows stay, and a retry succeeds at once", async () => {
      const first = await publish(csvOf(50, "gammal-"));
      assert.equal(first.status, 201, await first.text());
      const before = await rowsOf0580();
      assert.equal(before.length, 50);

      // A separate connection watches for the swap and terminates every backend of the database.
      const killer = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await killer.connect();
      let terminated = 0;
      const watching = { on: true };
      const watch = (async () => {
        while (watching.on && terminated === 0) {
          const { rows } = await killer.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = $1 AND state = 'active' AND query LIKE '%FROM staged_rows WHERE release_id%'
               AND query NOT LIKE '%pg_stat_activity%'`,
            [dbName],
          );
          if ((rows[0]?.n ?? 0) > 0) {
            const killed = await killer.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
              [dbName],
            );
            terminated = killed.rowCount ?? 0;
          } else await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      let big: Response;
      try {
        big = await publish(csvOf(ROWS, "ny-"));
      } catch (error) {
        assert.fail(`the publish got no answer (${String(error)}); the server said:\n${output.slice(-3000)}`);
      } finally {
        watching.on = false;
        await watch.catch(() => undefined);
        await killer.end();
      }
      assert.ok(terminated > 0, "the swap was seen and its backend terminated");

      const body = (await big.json()) as { error?: { code: string } };
      assert.equal(big.status, 503, JSON.stringify(body));
      assert.equal(body.error?.code, "SERVICE_UNAVAILABLE");
      assert.equal(big.headers.get("retry-after"), "5");

      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(
        server.child.exitCode,
        null,
        `the server process is still running:\n${output.slice(-3000)}`,
      );
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);

      await admin.end().catch(() => undefined);
      admin = new pg.Client({ connectionString: database.url });
      admin.on("error", () => undefined);
      await admin.connect();
      assert.deepEqual((await rowsOf0580()).sort(), before.sort(), "the old rows are intact");
      const [lease] = (
        await admin.query<{ lease_token: string | null }>(
          "SELECT lease_token FROM publications WHERE organization_code = '0580' AND spec_slug = 'badplatser'",
        )
      ).rows;
      assert.equal(lease?.lease_token, null, "the publish lease was released");

      const retry = await publish(csvOf(200, "igen-"));
      assert.equal(retry.status, 201, await retry.text());
      assert.equal((await rowsOf0580()).length, 200);
      const staged = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM staged_rows");
      assert.equal(staged.rows[0]?.n, 0, "no staged rows are left behind");
    });
  },
);
